import { createHmac, randomBytes } from 'node:crypto';

/**
 * Session and API tokens are random secrets handed to the client once. The database keeps only an HMAC keyed by
 * SESSION_SECRET: a stolen dump yields no usable credential.
 */
export function newSecretToken(prefix: 'fe2i_s' | 'fe2i_t' | 'fe2i_i' | 'fe2i_r' | 'fe2i_f'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function tokenHash(secret: string, token: string): string {
  return createHmac('sha256', secret).update(token).digest('base64url');
}
