/** Whether a token still authenticates. */
export function tokenState(token: { revokedAt: unknown }): 'active' | 'revoked' {
  return token.revokedAt ? 'revoked' : 'active';
}
