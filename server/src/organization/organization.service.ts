import type { EntityManager } from '@mikro-orm/postgresql';
import { conflict, forbidden, notFound, ProblemList, unauthenticated } from '../errors/domain-errors.js';
import type { PageRequest } from '../paging/page.js';
import { canReviewOrganization, canSeeInDirectory, directoryScope } from '../policy/approval-policy.js';
import { canCreateOrganization, canEditOrganization, canSeeDirectory } from '../policy/policy.js';
import type { MaybeViewer } from '../policy/viewer.js';
import { Territory } from '../territory/territory.entity.js';
import { Membership } from './membership.entity.js';
import { Organization } from './organization.entity.js';
import { ApprovalStatus, MembershipRole } from '../vocabulary/organization.enums.js';
import { checkOrganizationFields, checkSiteFields, type OrganizationFields, type SiteFields } from './organization.validation.js';
import { Site } from './site.entity.js';
import { SITE_COLUMNS, toOrganizationRecord, toSiteRecord, type SiteRecord } from './organization.record.js';
import { ANY_UUID, sqlList } from '../db/sql.js';
import { organizationFilterSql, type OrganizationFilter } from './organization-filter.js';
import type { AppPubSub } from '../pubsub/pubsub.js';
import { loadTerritoryTree } from '../territory/territory-tree.js';

/** The directory: organisations and their sites. */
export class OrganizationService {
  constructor(
    private readonly em: EntityManager,
    /** To tell the flows of a moved site (FLOW_CHANGED): their distances, and so their synergies, change. */
    private readonly pubSub?: AppPubSub['pubSub'],
  ) {}

  async page(viewer: MaybeViewer, filter: OrganizationFilter, page: PageRequest) {
    const scope = directoryScope(viewer);
    if (!scope || !canSeeDirectory(viewer)) throw unauthenticated('Sign in to see the directory.');
    const own = organizationFilterSql(filter);
    const clauses = [`(o.approval = 'APPROVED' or o.territory_id = ${ANY_UUID})`, ...own.clauses];
    const params: unknown[] = [sqlList(scope.anyApprovalTerritoryIds), ...own.params];
    const where = clauses.join(' and ');
    const rows = await this.em.execute(
      `select o.*, count(*) over () as total_count from organization o where ${where}
       order by fe2i_fold(o.name), o.id limit ? offset ?`,
      [...params, page.limit, page.offset],
    );
    let totalCount = rows.length ? Number(rows[0].total_count) : 0;
    if (rows.length === 0 && (page.offset > 0 || page.limit === 0)) {
      const [c] = await this.em.execute(`select count(*) as n from organization o where ${where}`, params);
      totalCount = Number(c.n);
    }
    return { organizations: rows.map(toOrganizationRecord), totalCount };
  }

  async get(viewer: MaybeViewer, id: string): Promise<Organization> {
    if (!canSeeDirectory(viewer)) throw notFound('Organization');
    const org = await this.em.findOne(Organization, { id });
    if (!org || !canSeeInDirectory(viewer, { territoryId: org.territory.id, approval: org.approval })) throw notFound('Organization');
    return org;
  }

  async create(viewer: MaybeViewer, territoryId: string, input: OrganizationFields): Promise<Organization> {
    if (!viewer || !canCreateOrganization(viewer)) throw unauthenticated();
    const problems = new ProblemList();
    const clean = checkOrganizationFields(problems, input, false);
    const territory = await this.em.findOne(Territory, { id: territoryId });
    if (!territory) problems.add('territoryId', 'is not a territory');
    problems.throwIfAny('Cannot create this organisation.');
    await this.assertSirenFree(clean.siren ?? null, null);
    // Joining is approved: until a facilitator of the territory does, its creator sees what a visitor sees.
    const approval = canReviewOrganization(viewer, { territoryId, approval: ApprovalStatus.PENDING }) ? ApprovalStatus.APPROVED : ApprovalStatus.PENDING;
    const org = this.em.create(Organization, { ...clean, territory: territory!, name: clean.name!, kind: clean.kind!, approval });
    this.em.create(Membership, { user: viewer.userId, organization: org, role: MembershipRole.ADMIN });
    await this.em.flush();
    return org;
  }

  async update(viewer: MaybeViewer, id: string, input: OrganizationFields): Promise<Organization> {
    const org = await this.editable(viewer, id);
    const problems = new ProblemList();
    const clean = checkOrganizationFields(problems, input, true);
    problems.throwIfAny('Cannot update this organisation.');
    if (clean.siren !== undefined) await this.assertSirenFree(clean.siren, org.id);
    this.em.assign(org, clean);
    await this.em.flush();
    return org;
  }

  async addSite(viewer: MaybeViewer, organizationId: string, input: SiteFields): Promise<Site> {
    const org = await this.editable(viewer, organizationId);
    const problems = new ProblemList();
    const clean = checkSiteFields(problems, input, org.siren);
    problems.throwIfAny('Cannot add this site.');
    if (clean.siret && (await this.em.count(Site, { siret: clean.siret }))) {
      throw conflict('A site with this SIRET is already registered.');
    }
    const site = this.em.create(Site, { ...clean, organization: org });
    await this.em.flush();
    return site;
  }

  /** Changes every field of a site (its place on the map included), for those who may edit its organisation. */
  async updateSite(viewer: MaybeViewer, siteId: string, input: SiteFields): Promise<Site> {
    if (!viewer) throw unauthenticated();
    const site = await this.em.findOne(Site, { id: siteId });
    if (!site) throw notFound('Site');
    const org = await this.editable(viewer, site.organization.id).catch((error: unknown) => {
      throw error instanceof Error && error.message === 'Organization not found.' ? notFound('Site') : error;
    });
    const problems = new ProblemList();
    const clean = checkSiteFields(problems, input, org.siren);
    problems.throwIfAny('Cannot change this site.');
    if (clean.siret && (await this.em.count(Site, { siret: clean.siret, id: { $ne: site.id } }))) {
      throw conflict('A site with this SIRET is already registered.');
    }
    const moved = clean.latitude !== site.latitude || clean.longitude !== site.longitude;
    this.em.assign(site, clean);
    await this.em.flush();
    if (moved) await this.announceMovedFlows(site.id);
    return site;
  }

  /**
   * The active flows of a moved site are changed flows: the detector recomputes their pairs (distances) and their
   * subscribers hear of them, as after `updateFlow`. Their visibility is unchanged.
   */
  private async announceMovedFlows(siteId: string): Promise<void> {
    if (!this.pubSub) return;
    const rows = await this.em.execute(
      `select id, organization_id, territory_id, visibility from resource_flow where site_id = ? and status = 'ACTIVE' order by id`,
      [siteId],
    );
    if (rows.length === 0) return;
    const tree = await loadTerritoryTree(this.em);
    for (const r of rows) {
      this.pubSub.publish('FLOW_CHANGED', {
        change: 'UPDATED',
        flowId: String(r.id),
        organizationId: String(r.organization_id),
        territoryId: String(r.territory_id),
        territoryChain: tree.ancestorsOf(String(r.territory_id)),
        visibility: r.visibility,
        previousVisibility: r.visibility,
      });
    }
  }

  /** Each organisation's sites by name, as plain rows (one statement for a directory page). */
  async sitesOf(organizationIds: readonly string[]): Promise<Map<string, SiteRecord[]>> {
    const rows = await this.em.execute(`select ${SITE_COLUMNS} from site s where s.organization_id = ${ANY_UUID} order by s.name, s.id`, [
      sqlList([...organizationIds]),
    ]);
    const byOrg = new Map<string, SiteRecord[]>(organizationIds.map((id) => [id, []]));
    for (const row of rows) byOrg.get(row.organization_id)?.push(toSiteRecord(row));
    return byOrg;
  }

  private async editable(viewer: MaybeViewer, id: string): Promise<Organization> {
    if (!viewer) throw unauthenticated();
    const org = await this.em.findOne(Organization, { id });
    if (!org || !canSeeInDirectory(viewer, { territoryId: org.territory.id, approval: org.approval })) throw notFound('Organization');
    if (!canEditOrganization(viewer, { organizationId: org.id, territoryId: org.territory.id })) {
      throw forbidden('Only members of this organisation and its facilitators may change it.');
    }
    return org;
  }

  private async assertSirenFree(siren: string | null, exceptId: string | null): Promise<void> {
    if (!siren) return;
    const other = await this.em.findOne(Organization, { siren });
    if (other && other.id !== exceptId) throw conflict('An organisation with this SIREN is already registered.');
  }
}
