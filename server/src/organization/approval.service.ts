import type { EntityManager } from '@mikro-orm/postgresql';
import { announceCredentialChange } from '../auth/live-connections.js';
import { User } from '../auth/user.entity.js';
import { conflict, notFound, unauthenticated } from '../errors/domain-errors.js';
import { canReviewMembership, canReviewOrganization, canSeeInDirectory } from '../policy/approval-policy.js';
import type { MaybeViewer } from '../policy/viewer.js';
import type { AppPubSub } from '../pubsub/pubsub.js';
import { ApprovalStatus, MembershipRole } from '../vocabulary/organization.enums.js';
import { Membership } from './membership.entity.js';
import { Organization } from './organization.entity.js';

/** A member's request with who asked, for the reviewers. */
export interface MembershipRequest {
  membership: Membership;
  organization: Organization;
  user: { name: string; email: string };
}

/**
 * Joining is approved (DESIGN.md §6): facilitators approve organisations of their territories, admins and
 * facilitators approve members. What a reviewer may not review answers NOT_FOUND, as if it did not exist, so that
 * the review mutations name nothing outside the reviewer's reach.
 *
 * A decision that changes what someone may see (an organisation approved or refused, a member approved or removed)
 * closes that user's open sockets on every instance with 4403 "Access changed: reconnect." (ACCESS_CHANGED): a
 * running subscription keeps the facts of its start, and the reconnected client reads its new rights.
 */
export class ApprovalService {
  constructor(
    private readonly em: EntityManager,
    private readonly pubSub: AppPubSub['pubSub'],
  ) {}

  /** Organisations waiting in the territories the viewer facilitates (`territoryIds`: a subtree to narrow to). */
  async pendingOrganizations(viewer: MaybeViewer, territoryIds?: string[]): Promise<Organization[]> {
    if (!viewer) throw unauthenticated();
    const facilitated = [...viewer.facilitatedTerritoryIds].filter((t) => !territoryIds || territoryIds.includes(t));
    if (facilitated.length === 0) return [];
    return this.em.find(
      Organization,
      { approval: ApprovalStatus.PENDING, territory: { $in: facilitated } },
      { orderBy: { createdAt: 'asc', id: 'asc' } },
    );
  }

  async reviewOrganization(viewer: MaybeViewer, id: string, approve: boolean): Promise<Organization> {
    if (!viewer) throw unauthenticated();
    const org = await this.em.findOne(Organization, { id });
    const facts = org && { territoryId: org.territory.id, approval: org.approval };
    if (!org || !facts || !canSeeInDirectory(viewer, facts) || !canReviewOrganization(viewer, facts)) throw notFound('Organization');
    const before = org.approval;
    org.approval = approve ? ApprovalStatus.APPROVED : ApprovalStatus.REJECTED;
    await this.em.flush();
    if (before !== org.approval && (before === ApprovalStatus.APPROVED || approve)) {
      const members = await this.em.find(Membership, { organization: org, approval: ApprovalStatus.APPROVED }, { fields: ['user'] });
      this.accessChanged(members.map((m) => m.user.id));
    }
    return org;
  }

  /** A signed-in user asks to join an approved organisation; they count as a member once approved. */
  async requestMembership(viewer: MaybeViewer, organizationId: string): Promise<MembershipRequest> {
    if (!viewer) throw unauthenticated();
    const organization = await this.em.findOne(Organization, { id: organizationId });
    if (!organization || !canSeeInDirectory(viewer, { territoryId: organization.territory.id, approval: organization.approval })) {
      throw notFound('Organization');
    }
    if (await this.em.count(Membership, { user: viewer.userId, organization })) throw conflict('You have already asked to join, or belong to, this organisation.');
    const membership = this.em.create(Membership, { user: viewer.userId, organization, role: MembershipRole.MEMBER, approval: ApprovalStatus.PENDING });
    await this.em.flush();
    return this.requestOf(membership, organization);
  }

  /** Members waiting for the viewer's review: of the organisations they administer or whose territory they facilitate. */
  async pendingMemberships(viewer: MaybeViewer, organizationId?: string): Promise<MembershipRequest[]> {
    if (!viewer) throw unauthenticated();
    const administered = [...viewer.memberships].filter(([, role]) => role === 'ADMIN').map(([id]) => id);
    const memberships = await this.em.find(
      Membership,
      {
        approval: ApprovalStatus.PENDING,
        ...(organizationId ? { organization: organizationId } : {}),
        $or: [{ organization: { $in: administered } }, { organization: { territory: { $in: [...viewer.facilitatedTerritoryIds] } } }],
      },
      { populate: ['organization', 'user'], orderBy: { createdAt: 'asc', id: 'asc' } },
    );
    return memberships.map((m) => ({ membership: m, organization: m.organization, user: m.user }));
  }

  async reviewMembership(viewer: MaybeViewer, id: string, approve: boolean): Promise<MembershipRequest> {
    if (!viewer) throw unauthenticated();
    const membership = await this.em.findOne(Membership, { id }, { populate: ['organization', 'user'] });
    if (!membership || !canReviewMembership(viewer, { organizationId: membership.organization.id, territoryId: membership.organization.territory.id })) {
      throw notFound('Membership request');
    }
    const before = membership.approval;
    membership.approval = approve ? ApprovalStatus.APPROVED : ApprovalStatus.REJECTED;
    await this.em.flush();
    if (before !== membership.approval && membership.organization.approval === ApprovalStatus.APPROVED) this.accessChanged([membership.user.id]);
    return { membership, organization: membership.organization, user: membership.user };
  }

  /**
   * Removes a user from an organisation (its admins, and its territory's facilitators): what they saw as a member
   * ends at once, open sockets included. NOT_FOUND when there is no such membership the viewer may manage.
   */
  async removeMembership(viewer: MaybeViewer, organizationId: string, userId: string): Promise<void> {
    if (!viewer) throw unauthenticated();
    const membership = await this.em.findOne(Membership, { organization: organizationId, user: userId }, { populate: ['organization'] });
    if (!membership || !canReviewMembership(viewer, { organizationId, territoryId: membership.organization.territory.id })) {
      throw notFound('Membership');
    }
    await this.em.nativeDelete(Membership, { id: membership.id });
    this.accessChanged([userId]);
  }

  private accessChanged(userIds: string[]): void {
    for (const id of new Set(userIds)) announceCredentialChange(this.pubSub, { change: 'ACCESS_CHANGED', id });
  }

  private async requestOf(membership: Membership, organization: Organization): Promise<MembershipRequest> {
    const user = await this.em.findOneOrFail(User, { id: membership.user.id });
    return { membership, organization, user };
  }
}
