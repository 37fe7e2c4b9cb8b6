import type { EntityManager } from '@mikro-orm/postgresql';
import { EMAIL, type AuthService, type NewSession } from '../auth/auth.service.js';
import type { LoginThrottle } from '../auth/login-throttle.js';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from '../auth/password.js';
import { newSecretToken, tokenHash } from '../auth/secret-token.js';
import { User } from '../auth/user.entity.js';
import { conflict, notFound, ProblemList, unauthenticated } from '../errors/domain-errors.js';
import { canReviewMembership } from '../policy/approval-policy.js';
import type { MaybeViewer } from '../policy/viewer.js';
import { ApprovalStatus, MembershipRole } from '../vocabulary/organization.enums.js';
import { Invitation } from './invitation.entity.js';
import { Membership } from './membership.entity.js';
import { Organization } from './organization.entity.js';

export const INVITATION_DAYS = 7;

export interface InvitationDeps {
  sessionSecret: string;
  throttle: LoginThrottle;
  auth: AuthService;
}

/** What the link's page shows before the person joins. */
export interface InvitationPreview {
  organizationName: string;
  email: string;
  expiresAt: Date;
  accountExists: boolean;
}

/**
 * Joining by invitation link: the organisation's admins and its territory's facilitators (those who approve
 * members) invite a person by e-mail; the link, used once within a week, makes the account (or, for an existing
 * account, asks its password) and an approved membership, and opens a session. A link that is unknown, used or
 * expired is NOT_FOUND, the same answer for all three.
 */
export class InvitationService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: InvitationDeps,
  ) {}

  async invite(viewer: MaybeViewer, organizationId: string, email: string, role: MembershipRole): Promise<{ token: string; invitation: Invitation }> {
    if (!viewer) throw unauthenticated();
    const organization = await this.em.findOne(Organization, { id: organizationId });
    if (!organization || !canReviewMembership(viewer, { organizationId, territoryId: organization.territory.id })) throw notFound('Organization');
    const address = email.trim().toLowerCase();
    const problems = new ProblemList();
    if (!EMAIL.test(address) || address.length > 254) problems.add('email', 'is not a valid e-mail address');
    problems.throwIfAny('Cannot invite.');
    const token = newSecretToken('fe2i_i');
    const invitation = this.em.create(Invitation, {
      organization: organization.id,
      email: address,
      role,
      tokenHash: tokenHash(this.deps.sessionSecret, token),
      invitedBy: viewer.userId,
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
    });
    await this.em.flush();
    return { token, invitation };
  }

  async preview(token: string): Promise<InvitationPreview> {
    const invitation = await this.valid(token);
    return {
      organizationName: invitation.organization.name,
      email: invitation.email,
      expiresAt: invitation.expiresAt,
      accountExists: (await this.em.count(User, { email: invitation.email })) > 0,
    };
  }

  /**
   * Uses the link: a new account with this name and password, or, when the invited address has an account, that
   * account once its password is given; then an approved membership and a session.
   */
  async accept(input: { token: string; name: string; password: string }, clientAddress: string): Promise<NewSession> {
    await this.deps.throttle.reserveSignUp(clientAddress);
    const invitation = await this.valid(input.token);
    let user = await this.em.findOne(User, { email: invitation.email });
    if (user) {
      if (!(await verifyPassword(user.passwordHash, input.password.slice(0, 1024)))) {
        throw unauthenticated('An account already uses this address: give its password to join.');
      }
    } else {
      const problems = new ProblemList();
      if (input.password.length < MIN_PASSWORD_LENGTH) problems.add('password', `must be at least ${MIN_PASSWORD_LENGTH} characters long`);
      if (input.password.length > 1024) problems.add('password', 'is too long');
      if (!input.name.trim() || input.name.length > 200) problems.add('name', 'must be 1 to 200 characters');
      problems.throwIfAny('Cannot join.');
      user = this.em.create(User, { email: invitation.email, name: input.name.trim(), passwordHash: await hashPassword(input.password) });
    }
    // Used once: the row is claimed before anything else is written, so two uses at once cannot both pass.
    const claimed = await this.em.nativeUpdate(Invitation, { id: invitation.id, usedAt: null }, { usedAt: new Date() });
    if (claimed !== 1) throw conflict('This invitation has just been used.');
    const existing = await this.em.findOne(Membership, { user: user.id, organization: invitation.organization.id });
    if (existing) existing.approval = ApprovalStatus.APPROVED;
    else this.em.create(Membership, { user, organization: invitation.organization, role: invitation.role, approval: ApprovalStatus.APPROVED });
    await this.em.flush();
    return this.deps.auth.openSession(user.id);
  }

  private async valid(token: string): Promise<Invitation> {
    const invitation = await this.em.findOne(
      Invitation,
      { tokenHash: tokenHash(this.deps.sessionSecret, token.slice(0, 200)), usedAt: null, expiresAt: { $gt: new Date() } },
      { populate: ['organization'] },
    );
    if (!invitation) throw notFound('Invitation');
    return invitation;
  }
}
