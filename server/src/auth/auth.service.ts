import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, conflict, forbidden, notFound, ProblemList, unauthenticated } from '../errors/domain-errors.js';
import type { MaybeViewer } from '../policy/viewer.js';
import type { AppPubSub } from '../pubsub/pubsub.js';
import { ApiToken, UserSession } from './credential.entity.js';
import { announceCredentialChange } from './live-connections.js';
import { LoginThrottle } from './login-throttle.js';
import { decoyPasswordHash, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './password.js';
import { loadPrincipalOfUser, type Principal } from './principal.loader.js';
import { newSecretToken, tokenHash } from './secret-token.js';
import { User } from './user.entity.js';

export const SESSION_DAYS = 30;
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface AuthDeps {
  sessionSecret: string;
  /** Where ended sessions and revoked tokens are announced, so that every instance closes their open sockets. */
  pubSub: AppPubSub['pubSub'];
  throttle: LoginThrottle;
}

export interface NewSession {
  principal: Principal;
  sessionToken: string;
  expiresAt: Date;
}

/** Accounts, sessions and API tokens. */
export class AuthService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: AuthDeps,
  ) {}

  /** The same principal with facts re-read, after a change of memberships in this request. */
  async refresh(principal: Principal): Promise<Principal> {
    const fresh = await loadPrincipalOfUser(this.em, principal.user.id);
    return fresh ? { ...fresh, via: principal.via, credentialId: principal.credentialId } : principal;
  }

  async signUp(input: { email: string; password: string; name: string }, clientAddress: string): Promise<NewSession> {
    await this.deps.throttle.reserveSignUp(clientAddress);
    const email = input.email.trim().toLowerCase();
    const problems = new ProblemList();
    if (!EMAIL.test(email) || email.length > 254) problems.add('email', 'is not a valid e-mail address');
    if (input.password.length < MIN_PASSWORD_LENGTH) {
      problems.add('password', `must be at least ${MIN_PASSWORD_LENGTH} characters long`);
    }
    if (input.password.length > 1024) problems.add('password', 'is too long');
    if (!input.name.trim() || input.name.length > 200) problems.add('name', 'must be 1 to 200 characters');
    problems.throwIfAny('Cannot sign up.');
    if (await this.em.count(User, { email })) throw conflict('An account already uses this e-mail address.');
    const user = this.em.create(User, { email, name: input.name.trim(), passwordHash: await hashPassword(input.password) });
    await this.em.flush();
    return this.openSession(user.id);
  }

  async logIn(input: { email: string; password: string }, clientAddress: string): Promise<NewSession> {
    const email = input.email.trim().toLowerCase();
    // Reserved before the password is checked: guesses sent in parallel all count.
    const attempt = await this.deps.throttle.reserveLogIn(email, clientAddress);
    const user = await this.em.findOne(User, { email });
    const ok = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), input.password.slice(0, 1024));
    if (!user || !ok) throw unauthenticated('Wrong e-mail address or password.');
    await this.deps.throttle.loggedIn(attempt);
    return this.openSession(user.id);
  }

  async logOut(sessionToken: string | undefined): Promise<void> {
    if (!sessionToken) return;
    const session = await this.em.findOne(UserSession, { tokenHash: tokenHash(this.deps.sessionSecret, sessionToken) });
    if (!session) return;
    await this.em.nativeDelete(UserSession, { id: session.id });
    announceCredentialChange(this.deps.pubSub, { change: 'SESSION_ENDED', id: session.id });
  }

  /**
   * Changes the password of a signed-in session's user, after checking the current one (throttled like a log-in,
   * in the same buckets: a stolen cookie cannot guess faster this way). Every other session ends, and their open
   * sockets close on every instance; this session and the API tokens (credentials of their own, revoked one by one)
   * stay.
   */
  async changePassword(principal: Principal | null, input: { current: string; new: string }, clientAddress: string): Promise<void> {
    if (!principal) throw unauthenticated();
    if (principal.via !== 'SESSION') throw forbidden('The password is changed from a signed-in session, not with an API token.');
    const attempt = await this.deps.throttle.reserveLogIn(principal.user.email, clientAddress);
    const user = await this.em.findOneOrFail(User, { id: principal.user.id });
    if (!(await verifyPassword(user.passwordHash, input.current.slice(0, 1024)))) {
      throw badInput('The current password is wrong.', [{ field: 'current', message: 'is wrong' }]);
    }
    await this.deps.throttle.loggedIn(attempt);
    const problems = new ProblemList();
    if (input.new.length < MIN_PASSWORD_LENGTH) problems.add('new', `must be at least ${MIN_PASSWORD_LENGTH} characters long`);
    if (input.new.length > 1024) problems.add('new', 'is too long');
    problems.throwIfAny('Cannot change the password.');
    user.passwordHash = await hashPassword(input.new);
    const others = await this.em.find(UserSession, { user: user.id, id: { $ne: principal.credentialId } }, { fields: ['id'] });
    await this.em.flush();
    await this.em.nativeDelete(UserSession, { id: { $in: others.map((o) => o.id) } });
    for (const session of others) announceCredentialChange(this.deps.pubSub, { change: 'PASSWORD_CHANGED', id: session.id });
  }

  async createApiToken(viewer: MaybeViewer, name: string): Promise<{ token: string; apiToken: ApiToken }> {
    if (!viewer) throw unauthenticated();
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > 100) throw badInput('The token name must be 1 to 100 characters.', [{ field: 'name', message: 'must be 1 to 100 characters' }]);
    const token = newSecretToken('fe2i_t');
    const apiToken = this.em.create(ApiToken, {
      user: viewer.userId,
      name: trimmed,
      prefix: token.slice(0, 12),
      tokenHash: tokenHash(this.deps.sessionSecret, token),
    });
    await this.em.flush();
    return { token, apiToken };
  }

  async revokeApiToken(viewer: MaybeViewer, id: string): Promise<ApiToken> {
    if (!viewer) throw unauthenticated();
    const apiToken = await this.em.findOne(ApiToken, { id, user: viewer.userId });
    if (!apiToken) throw notFound('API token');
    apiToken.revokedAt ??= new Date();
    await this.em.flush();
    announceCredentialChange(this.deps.pubSub, { change: 'API_TOKEN_REVOKED', id: apiToken.id });
    return apiToken;
  }

  async apiTokens(viewer: MaybeViewer): Promise<ApiToken[]> {
    if (!viewer) throw unauthenticated();
    return this.em.find(ApiToken, { user: viewer.userId }, { orderBy: { createdAt: 'desc' } });
  }

  /** Stores an API token whose value is known in advance (the demo integrator). */
  async storeKnownApiToken(userId: string, name: string, token: string): Promise<void> {
    const hash = tokenHash(this.deps.sessionSecret, token);
    if (await this.em.count(ApiToken, { tokenHash: hash })) return;
    this.em.create(ApiToken, { user: userId, name, prefix: token.slice(0, 12), tokenHash: hash });
    await this.em.flush();
  }

  /** A new session for a user whose identity was proven another way (an invitation link used once). */
  async openSession(userId: string): Promise<NewSession> {
    const sessionToken = newSecretToken('fe2i_s');
    const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
    this.em.create(UserSession, { user: userId, tokenHash: tokenHash(this.deps.sessionSecret, sessionToken), expiresAt });
    await this.em.flush();
    const principal = await loadPrincipalOfUser(this.em, userId);
    if (!principal) throw notFound('User');
    return { principal, sessionToken, expiresAt };
  }
}
