import type { EntityManager } from '@mikro-orm/postgresql';
import { notFound, ProblemList } from '../errors/domain-errors.js';
import type { AppPubSub } from '../pubsub/pubsub.js';
import type { AuthService, NewSession } from './auth.service.js';
import { UserSession } from './credential.entity.js';
import { announceCredentialChange } from './live-connections.js';
import type { LoginThrottle } from './login-throttle.js';
import type { Mailer } from './mailer.js';
import { hashPassword, MIN_PASSWORD_LENGTH } from './password.js';
import { PasswordReset } from './password-reset.entity.js';
import { newSecretToken, tokenHash } from './secret-token.js';
import { User } from './user.entity.js';

export const RESET_MINUTES = 60;

export interface PasswordResetDeps {
  sessionSecret: string;
  throttle: LoginThrottle;
  pubSub: AppPubSub['pubSub'];
  mailer: Mailer;
  /** The address people open the server at, for the link in the e-mail (PUBLIC_URL). */
  publicUrl: string;
  auth: AuthService;
}

/**
 * "Mot de passe oublié": a single-use link, valid an hour, sent to the account's address. Asking answers the same
 * whether or not the address has an account, and the e-mail leaves after the answer, so neither the answer nor its
 * time tells which addresses exist. Using the link sets the password, ends every other session (their open sockets
 * close on every instance) and opens a new one.
 */
export class PasswordResetService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: PasswordResetDeps,
  ) {}

  async request(email: string, clientAddress: string): Promise<void> {
    await this.deps.throttle.reserveSignUp(clientAddress);
    const user = await this.em.findOne(User, { email: email.trim().toLowerCase().slice(0, 254) });
    if (!user) return;
    const token = newSecretToken('fe2i_r');
    this.em.create(PasswordReset, { user, tokenHash: tokenHash(this.deps.sessionSecret, token), expiresAt: new Date(Date.now() + RESET_MINUTES * 60_000) });
    await this.em.flush();
    const link = `${this.deps.publicUrl.replace(/\/$/, '')}/#/reset/${token}`;
    void this.deps.mailer
      .send({
        to: user.email,
        subject: 'FE2I — nouveau mot de passe / new password',
        text: [
          `Bonjour ${user.name},`,
          '',
          `Pour choisir un nouveau mot de passe FE2I, ouvrez ce lien (valable une fois, pendant ${RESET_MINUTES} minutes) :`,
          link,
          '',
          "Si vous n'avez rien demandé, ignorez ce message : votre mot de passe ne change pas.",
          '',
          `To choose a new FE2I password, open the link above (once, within ${RESET_MINUTES} minutes). If you asked for nothing, ignore this message.`,
        ].join('\n'),
      })
      .catch((error: unknown) => console.error('Password reset e-mail not sent:', error instanceof Error ? error.message : error));
  }

  async reset(input: { token: string; password: string }): Promise<NewSession> {
    const reset = await this.em.findOne(PasswordReset, {
      tokenHash: tokenHash(this.deps.sessionSecret, input.token.slice(0, 200)),
      usedAt: null,
      expiresAt: { $gt: new Date() },
    });
    if (!reset) throw notFound('Password reset link');
    const problems = new ProblemList();
    if (input.password.length < MIN_PASSWORD_LENGTH) problems.add('password', `must be at least ${MIN_PASSWORD_LENGTH} characters long`);
    if (input.password.length > 1024) problems.add('password', 'is too long');
    problems.throwIfAny('Cannot set the password.');
    // Used once: claimed before anything else is written, so two uses at once cannot both pass.
    if ((await this.em.nativeUpdate(PasswordReset, { id: reset.id, usedAt: null }, { usedAt: new Date() })) !== 1) throw notFound('Password reset link');
    const user = await this.em.findOneOrFail(User, { id: reset.user.id });
    user.passwordHash = await hashPassword(input.password);
    const sessions = await this.em.find(UserSession, { user: user.id }, { fields: ['id'] });
    await this.em.flush();
    await this.em.nativeDelete(UserSession, { id: { $in: sessions.map((s) => s.id) } });
    for (const session of sessions) announceCredentialChange(this.deps.pubSub, { change: 'PASSWORD_CHANGED', id: session.id });
    return this.deps.auth.openSession(user.id);
  }
}
