import type { EntityManager } from '@mikro-orm/postgresql';
import { EMAIL, type AuthService, type NewSession } from '../auth/auth.service.js';
import type { LoginThrottle } from '../auth/login-throttle.js';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../auth/password.js';
import { newSecretToken, tokenHash } from '../auth/secret-token.js';
import { TerritoryFacilitator } from '../auth/territory-facilitator.entity.js';
import { User } from '../auth/user.entity.js';
import { conflict, notFound, ProblemList } from '../errors/domain-errors.js';
import { Membership } from '../organization/membership.entity.js';
import { Organization } from '../organization/organization.entity.js';
import { Territory } from '../territory/territory.entity.js';
import { ApprovalStatus, MembershipRole, OrganizationKind } from '../vocabulary/organization.enums.js';
import { SetupLink } from './setup-link.entity.js';

export const SETUP_LINK_HOURS = 24;

export interface FirstFacilitatorDeps {
  sessionSecret: string;
  throttle: LoginThrottle;
  auth: AuthService;
}

export interface FirstFacilitatorInput {
  token: string;
  name: string;
  email: string;
  password: string;
  territoryName: string;
  organizationName: string;
}

/**
 * Entering a fresh instance that has no demo data: while no facilitator exists, each start prints a single-use
 * link (valid a day) that creates the first facilitator's account, their territory and their facilitating
 * organisation. A link that is unknown, used or expired, or any link once a facilitator exists, is NOT_FOUND.
 */
export class FirstFacilitatorService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: FirstFacilitatorDeps,
  ) {}

  /** At start: a new link when no facilitator exists yet (its secret, to print), otherwise null. */
  async offerLink(): Promise<{ token: string; expiresAt: Date } | null> {
    if (await this.facilitatorExists()) return null;
    const token = newSecretToken('fe2i_f');
    const expiresAt = new Date(Date.now() + SETUP_LINK_HOURS * 3_600_000);
    this.em.create(SetupLink, { tokenHash: tokenHash(this.deps.sessionSecret, token), expiresAt });
    await this.em.flush();
    return { token, expiresAt };
  }

  /** What the link's page needs to know: when it stops working. */
  async preview(token: string): Promise<{ expiresAt: Date }> {
    const link = await this.valid(this.em, token);
    if (await this.facilitatorExists()) throw notFound('Setup link');
    return { expiresAt: link.expiresAt };
  }

  async create(input: FirstFacilitatorInput, clientAddress: string): Promise<NewSession> {
    await this.deps.throttle.reserveSignUp(clientAddress);
    await this.valid(this.em, input.token);
    const email = input.email.trim().toLowerCase();
    const problems = new ProblemList();
    if (!EMAIL.test(email) || email.length > 254) problems.add('email', 'is not a valid e-mail address');
    if (input.password.length < MIN_PASSWORD_LENGTH) problems.add('password', `must be at least ${MIN_PASSWORD_LENGTH} characters long`);
    if (input.password.length > 1024) problems.add('password', 'is too long');
    for (const field of ['name', 'territoryName', 'organizationName'] as const) {
      if (!input[field].trim() || input[field].length > 200) problems.add(field, 'must be 1 to 200 characters');
    }
    problems.throwIfAny('Cannot create the first facilitator.');
    const passwordHash = await hashPassword(input.password);
    const userId = await this.em.transactional(async (tx) => {
      // Two links used at once (two instances started, two tabs) must not both make a facilitator: the check and the
      // insert hold a lock that excludes every other writer of territory_facilitator until commit.
      await tx.execute('lock table "territory_facilitator" in share row exclusive mode');
      if ((await tx.count(TerritoryFacilitator, {})) > 0) throw notFound('Setup link');
      const link = await this.valid(tx, input.token);
      if ((await tx.nativeUpdate(SetupLink, { id: link.id, usedAt: null }, { usedAt: new Date() })) !== 1) throw notFound('Setup link');
      if (await tx.count(User, { email })) throw conflict('An account already uses this e-mail address.');
      const user = tx.create(User, { email, name: input.name.trim(), passwordHash });
      const territory = tx.create(Territory, { name: input.territoryName.trim() });
      const organization = tx.create(Organization, {
        name: input.organizationName.trim(),
        kind: OrganizationKind.FACILITATOR,
        territory,
        approval: ApprovalStatus.APPROVED,
      });
      tx.create(Membership, { user, organization, role: MembershipRole.ADMIN, approval: ApprovalStatus.APPROVED });
      tx.create(TerritoryFacilitator, { user, territory });
      await tx.flush();
      // Every other link of this instance's starts is now useless: gone rather than merely refused.
      await tx.nativeDelete(SetupLink, { usedAt: null });
      return user.id;
    });
    return this.deps.auth.openSession(userId);
  }

  private async facilitatorExists(): Promise<boolean> {
    return (await this.em.count(TerritoryFacilitator, {})) > 0;
  }

  private async valid(em: EntityManager, token: string): Promise<SetupLink> {
    const link = await em.findOne(SetupLink, {
      tokenHash: tokenHash(this.deps.sessionSecret, token.slice(0, 200)),
      usedAt: null,
      expiresAt: { $gt: new Date() },
    });
    if (!link) throw notFound('Setup link');
    return link;
  }
}
