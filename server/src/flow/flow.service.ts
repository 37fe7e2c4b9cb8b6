import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { plainRows } from '../db/plain-sql.js';
import { forbidden, notFound, ProblemList, unauthenticated } from '../errors/domain-errors.js';
import type { PageRequest } from '../paging/page.js';
import { Site } from '../organization/site.entity.js';
import { canEditOrganization, flowAccess, flowReadScope } from '../policy/policy.js';
import type { MaybeViewer } from '../policy/viewer.js';
import type { AppPubSub, FlowChangedPayload } from '../pubsub/pubsub.js';
import { loadTerritoryTree } from '../territory/territory-tree.js';
import { FlowStatus } from '../vocabulary/flow.enums.js';
import { findFlowPage, findFlowPagesOfOrganizations, findFlowRecords, type FlowFilter } from './flow.queries.js';
import { FLOW_INPUT_FIELDS, toFlowRecord, type FlowRecord } from './flow.record.js';
import { INSERT_FLOW, insertValues, PLACE_OF_SITE, type Place } from './flow-insert.js';
import { checkFlowFields, type FlowFields, type NeedCodes } from './flow.validation.js';
import { ResourceFlow } from './resource-flow.entity.js';

/** Declaring, changing and reading resource flows, with the visibility rules applied to every read. */
export class FlowService {
  constructor(
    private readonly em: EntityManager,
    private readonly pubSub: AppPubSub['pubSub'],
    private readonly needCodes: NeedCodes,
  ) {}

  page(viewer: MaybeViewer, filter: FlowFilter, page: PageRequest) {
    return findFlowPage(this.em, flowReadScope(viewer), filter, page);
  }

  /** Each organisation's page of the flows the viewer may attribute to it (a directory page, in one statement). */
  pagesOfOrganizations(
    viewer: MaybeViewer,
    organizationIds: string[],
    filter: Omit<FlowFilter, 'organizationId' | 'territoryIds'>,
    page: PageRequest,
  ) {
    return findFlowPagesOfOrganizations(this.em, flowReadScope(viewer), organizationIds, filter, page);
  }

  /**
   * The flow as stored now, read once, and a judge of what each viewer may see of it (the policy's flowAccess): an
   * event fanned out to a thousand subscribers costs one statement, not one per subscriber.
   */
  async readForViewers(id: string): Promise<(viewer: MaybeViewer) => FlowRecord | null> {
    const [record] = await findFlowRecords(this.em, [id]);
    return (viewer) => (record && flowAccess(viewer, record) !== 'NONE' ? record : null);
  }

  /** A flow the viewer may see at least anonymously; otherwise NOT_FOUND, exactly as if it did not exist. */
  async get(viewer: MaybeViewer, id: string): Promise<FlowRecord> {
    const record = await this.find(viewer, id);
    if (!record) throw notFound('Flow');
    return record;
  }

  /** The flow as stored now if the viewer may see it at least anonymously, else null. */
  async find(viewer: MaybeViewer, id: string): Promise<FlowRecord | null> {
    const [record] = await findFlowRecords(this.em, [id]);
    return record && flowAccess(viewer, record) !== 'NONE' ? record : null;
  }

  async declare(viewer: MaybeViewer, siteId: string, input: FlowFields): Promise<FlowRecord> {
    if (!viewer) throw unauthenticated();
    const place = await this.placeOfSite(siteId);
    if (!place || !canEditOrganization(viewer, { organizationId: place.organizationId, territoryId: place.territoryId })) {
      // Not FORBIDDEN: a member must not learn which site IDs exist elsewhere.
      throw notFound('Site');
    }
    const problems = new ProblemList();
    const clean = checkFlowFields(problems, input, this.needCodes);
    problems.throwIfAny('Cannot declare this flow.');
    // One plain INSERT … RETURNING, outside the unit of work: nothing else changes, so an entity, its references and a
    // flush would only cost; the row comes back as the record the answer is shaped from (no second read).
    const [row] = await plainRows(this.em, INSERT_FLOW, insertValues(randomUUID(), new Date(), place, clean));
    const record = toFlowRecord(row);
    this.publishRecord('DECLARED', record, null, place.territoryChain);
    return record;
  }

  /**
   * A site's organisation and the territory chain it belongs to (its territory, then each parent), as one plain row:
   * what a declaration checks and announces, without loading entities or the whole territory tree.
   */
  private async placeOfSite(siteId: string): Promise<Place | null> {
    const [row] = await plainRows<{ id: string; organization_id: string; territory_id: string; territory_chain: string[] | string }>(this.em, PLACE_OF_SITE, [siteId, siteId]);
    if (!row) return null;
    const chain = (typeof row.territory_chain === 'string' ? JSON.parse(row.territory_chain) : row.territory_chain) as string[];
    // A cycle (which the API refuses) stops at the first territory seen again, as the tree's ancestorsOf does.
    return { siteId: row.id, organizationId: row.organization_id, territoryId: row.territory_id, territoryChain: [...new Set(chain)] };
  }

  async update(viewer: MaybeViewer, id: string, change: FlowFields & { siteId?: string }): Promise<FlowRecord> {
    const flow = await this.editable(viewer, id);
    const previousVisibility = flow.visibility;
    const problems = new ProblemList();
    const merged: FlowFields = { ...storedFields(flow), ...definedOnly(change) };
    const clean = checkFlowFields(problems, merged, this.needCodes);
    let site = flow.site;
    if (change.siteId && change.siteId !== flow.site.id) {
      const other = await this.em.findOne(Site, { id: change.siteId, organization: flow.organization.id });
      if (!other) problems.add('siteId', 'is not a site of the same organisation');
      else site = other;
    }
    problems.throwIfAny('Cannot update this flow.');
    this.em.assign(flow, { ...clean, site });
    await this.em.flush();
    await this.publish(clean.status === FlowStatus.ARCHIVED ? 'ARCHIVED' : 'UPDATED', flow, previousVisibility);
    return this.reload(flow.id);
  }

  async archive(viewer: MaybeViewer, id: string): Promise<FlowRecord> {
    const flow = await this.editable(viewer, id);
    if (flow.status !== FlowStatus.ARCHIVED) {
      flow.status = FlowStatus.ARCHIVED;
      await this.em.flush();
      await this.publish('ARCHIVED', flow, flow.visibility);
    }
    return this.reload(flow.id);
  }

  private async editable(viewer: MaybeViewer, id: string): Promise<ResourceFlow> {
    if (!viewer) throw unauthenticated();
    const flow = await this.em.findOne(ResourceFlow, { id }, { populate: ['site', 'organization'] });
    if (!flow) throw notFound('Flow');
    const facts = { organizationId: flow.organization.id, territoryId: flow.territory.id, visibility: flow.visibility };
    if (!canEditOrganization(viewer, facts)) {
      // Someone who can see the flow learns only that they may not change it; others, that it does not exist.
      throw flowAccess(viewer, facts) === 'NONE' ? notFound('Flow') : forbidden('Only the declaring organisation and its facilitators may change this flow.');
    }
    return flow;
  }

  private async reload(id: string): Promise<FlowRecord> {
    const [record] = await findFlowRecords(this.em, [id]);
    return record;
  }

  private async publish(change: FlowChangedPayload['change'], flow: ResourceFlow, previousVisibility: FlowChangedPayload['previousVisibility']) {
    const chain = (await loadTerritoryTree(this.em)).ancestorsOf(flow.territory.id);
    const facts = { id: flow.id, organizationId: flow.organization.id, territoryId: flow.territory.id, visibility: flow.visibility };
    this.publishRecord(change, facts, previousVisibility, chain);
  }

  private publishRecord(
    change: FlowChangedPayload['change'],
    flow: Pick<FlowRecord, 'id' | 'organizationId' | 'territoryId' | 'visibility'>,
    previousVisibility: FlowChangedPayload['previousVisibility'],
    territoryChain: string[],
  ) {
    this.pubSub.publish('FLOW_CHANGED', {
      change,
      flowId: flow.id,
      organizationId: flow.organizationId,
      territoryId: flow.territoryId,
      territoryChain,
      visibility: flow.visibility,
      previousVisibility,
    });
  }
}

/** The stored flow as input fields, so that an update is validated as the merge of the stored flow and the change. */
function storedFields(flow: ResourceFlow): FlowFields {
  return Object.fromEntries(FLOW_INPUT_FIELDS.map((field) => [field, flow[field]]));
}

/** In an update, an absent field is unchanged and an explicit null clears it. */
function definedOnly<T extends object>(change: T): Partial<T> {
  return Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export { toFlowRecord };
