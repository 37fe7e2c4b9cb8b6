import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, conflict, forbidden, notFound, ProblemList, unauthenticated } from '../errors/domain-errors.js';
import { ResourceFlow } from '../flow/resource-flow.entity.js';
import type { PageRequest } from '../paging/page.js';
import { Organization } from '../organization/organization.entity.js';
import { canDecideFor, canFilterSynergiesBy, canManageSynergies, synergyAccess, synergyReadScope } from '../policy/synergy-policy.js';
import { aggregateDisclosure, countsInAggregate, DEFAULT_AGGREGATE_MIN_ORGANIZATIONS, territoryIndicatorAccess } from '../policy/impact-policy.js';
import type { MaybeViewer } from '../policy/viewer.js';
import type { AppPubSub } from '../pubsub/pubsub.js';
import { loadTerritoryTree } from '../territory/territory-tree.js';
import { Territory } from '../territory/territory.entity.js';
import { User } from '../auth/user.entity.js';
import { announceSuggestions } from './detection/announce-suggestions.js';
import { detectionProgress } from './detection/detection-progress.js';
import type { SynergyDetection } from './detection/synergy-detection.js';
import { factsOf, loadSynergyEntities, loadSynergyRecords, type SynergyRecord } from './model/synergy.record.js';
import { Synergy, SynergyParticipant } from './model/synergy.entity.js';
import { Consent, ParticipantRole, SynergyKind, SynergyOrigin, SynergyStatus } from './model/synergy.enums.js';
import { ANY_TEXT, ANY_UUID, sqlList } from '../db/sql.js';
import { loadViewFacts, type SynergyViewInput } from './view/view-facts.js';
import { publishSynergyChange } from './model/synergy-changes.js';
import { scoreWithoutQuantitySql } from './view/score-without-quantity.js';
import { territoryImpact } from './view/territory-impact.js';

export interface SynergyFilter {
  territoryIds?: string[];
  kinds?: SynergyKind[];
  statuses?: SynergyStatus[];
  organizationId?: string;
  minScore?: number;
  /** Only those assigned to the viewer (facilitation/facilitation.service.ts). */
  assignedToMe?: boolean;
}

/** The synergy workflow: detection, consent-based contact, refusal, hand-recorded synergies. */
export class SynergyService {
  constructor(
    private readonly em: EntityManager,
    private readonly pubSub: AppPubSub['pubSub'],
    private readonly detection: SynergyDetection,
    private readonly aggregateMinOrganizations = DEFAULT_AGGREGATE_MIN_ORGANIZATIONS,
  ) {}

  /** The same service over a unit of work of its own: a subscription's events read current rows. */
  fresh(): SynergyService {
    return new SynergyService(this.em.fork(), this.pubSub, this.detection, this.aggregateMinOrganizations);
  }

  async detect(viewer: MaybeViewer | 'SYSTEM', territoryId: string) {
    if (viewer !== 'SYSTEM') {
      if (!viewer) throw unauthenticated();
      if (!canManageSynergies(viewer, territoryId)) throw forbidden('Only the facilitators of this territory may run the detection.');
    }
    if (!(await this.em.count(Territory, { id: territoryId }))) throw notFound('Territory');
    // The territory's facilitators follow the run live (detectionProgress): its phase and percentage, then its counts.
    const progress = detectionProgress(this.pubSub, territoryId);
    try {
      // The run is over the territory's root (synergy-detection.ts); its counts are about this territory's synergies.
      const { suggested, counts } = await this.detection.detectTerritory(this.em, territoryId, progress.sink);
      progress.sink('ANNOUNCING');
      // Every suggestion of the run, inside this territory or not, to its parties: each is theirs to see.
      await announceSuggestions(this.em, this.pubSub, suggested);
      progress.done(counts);
      return { ...counts, runId: progress.runId };
    } catch (error) {
      progress.failed();
      throw error;
    }
  }

  /** Synergies the viewer may see (as a party or as a facilitator), best first. */
  async page(viewer: MaybeViewer, filter: SynergyFilter, page: PageRequest) {
    if (!viewer) throw unauthenticated();
    const scope = synergyReadScope(viewer);
    const clauses = [
      `(s.territory_id = ${ANY_UUID} or exists (select 1 from synergy_participant p
         where p.synergy_id = s.id and p.organization_id = ${ANY_UUID}))`,
    ];
    const params: unknown[] = [sqlList(scope.territoryIds), sqlList(scope.organizationIds)];
    if (filter.territoryIds) {
      clauses.push(`s.territory_id = ${ANY_UUID}`);
      params.push(sqlList(filter.territoryIds));
    }
    if (filter.kinds?.length) {
      clauses.push(`s.kind = ${ANY_TEXT}`);
      params.push(sqlList(filter.kinds));
    }
    // Withdrawn-from-view by default: refusals and stale ones only when asked for.
    clauses.push(`s.status = ${ANY_TEXT}`);
    params.push(sqlList(filter.statuses?.length ? filter.statuses : ['SUGGESTED', 'CONTACT_REQUESTED', 'ACCEPTED']));
    if (filter.assignedToMe) {
      // Assignments are the facilitators' business: only in the territories the viewer facilitates.
      clauses.push(`s.assigned_to_id = ? and s.territory_id = ${ANY_UUID}`);
      params.push(viewer.userId, sqlList(scope.territoryIds));
    }
    if (filter.organizationId) {
      await this.assertFilterable(viewer, filter.organizationId);
      clauses.push(`exists (select 1 from synergy_participant p where p.synergy_id = s.id and p.organization_id = ?)`);
      params.push(filter.organizationId);
    }
    // Sorted and filtered on the exact score in the territories the viewer facilitates; elsewhere on the score
    // without its quantity part, which moves with no quantity the viewer may not read (policy `figureAccess`).
    const score = `(case when s.territory_id = ${ANY_UUID} then s.score else ${scoreWithoutQuantitySql('s')} end)`;
    const scoreParams = [sqlList(scope.territoryIds)];
    if (filter.minScore !== undefined) {
      // On the score as shown: exact in the territories the viewer facilitates; elsewhere the score without its
      // quantity part, rounded to 0.05 (as Math.round does), so that the filter cannot bisect what the rounding hides.
      clauses.push(`(case when s.territory_id = ${ANY_UUID} then s.score else floor(${scoreWithoutQuantitySql('s')} * 20 + 0.5) / 20 end) >= ?`);
      params.push(...scoreParams, filter.minScore);
    }
    const where = clauses.join(' and ');
    const rows = await this.em.execute(
      `select s.id, count(*) over () as total_count from synergy s where ${where} order by ${score} desc, s.key limit ? offset ?`,
      [...params, ...scoreParams, page.limit, page.offset],
    );
    let totalCount = rows.length ? Number(rows[0].total_count) : 0;
    if (rows.length === 0 && (page.offset > 0 || page.limit === 0)) {
      totalCount = Number((await this.em.execute(`select count(*) as n from synergy s where ${where}`, params))[0].n);
    }
    return { records: await this.records(rows.map((r) => String(r.id))), totalCount };
  }

  /** The organisation filter names only what the viewer may already see (canFilterSynergiesBy). */
  private async assertFilterable(viewer: MaybeViewer, organizationId: string): Promise<void> {
    const org = await this.em.findOne(Organization, { id: organizationId });
    if (!org || !canFilterSynergiesBy(viewer, { organizationId, territoryId: org.territory.id })) {
      throw badInput('Cannot filter by this organisation.', [
        { field: 'filter.organizationId', message: 'must be one of your organisations, or of a territory you facilitate' },
      ]);
    }
  }

  /** One synergy the viewer may see; NOT_FOUND otherwise, as if it did not exist. */
  async get(viewer: MaybeViewer, id: string): Promise<SynergyRecord> {
    const [record] = await this.records([id]);
    if (!record || synergyAccess(viewer, factsOf(record)) === 'NONE') throw notFound('Synergy');
    return record;
  }

  private async records(ids: string[]): Promise<SynergyRecord[]> {
    return loadSynergyRecords(this.em, ids);
  }

  /**
   * What it takes to show these synergies to `viewer` (their flows, organisations, sites and commitments, counted
   * within the viewer's read scope); the resolver builds the view from it (view/synergy-view.ts).
   */
  async readForView(viewer: MaybeViewer, records: SynergyRecord[]): Promise<SynergyViewInput> {
    const facts = await loadViewFacts(this.em, records, viewer, synergyReadScope(viewer), this.aggregateMinOrganizations);
    return { knowledgeBase: this.detection.kb, records, facts };
  }

  /**
   * A synergy announced live, as `viewer` may see it. A subscription's unit of work lives as long as the socket:
   * each event reads its facts afresh.
   */
  async readSuggestedForView(viewer: MaybeViewer, synergyId: string): Promise<SynergyViewInput> {
    const records = await this.records([synergyId]);
    const facts = await loadViewFacts(this.em.fork(), records, viewer, synergyReadScope(viewer), this.aggregateMinOrganizations);
    return { knowledgeBase: this.detection.kb, records, facts };
  }

  /** Impact totals of a territory and the territories nested in it, by stage. */
  async territoryImpact(viewer: MaybeViewer, territoryId: string) {
    const territoryIds = (await loadTerritoryTree(this.em)).descendantsOf(territoryId);
    if (!viewer) throw unauthenticated();
    const access = territoryIndicatorAccess(viewer, territoryId);
    if (access === 'NONE') throw forbidden('Only members and facilitators of this territory see its indicators.');
    return territoryImpact(
      this.em,
      territoryIds,
      access === 'WITH_EUROS',
      (organizations) => aggregateDisclosure(viewer, territoryId, organizations, this.aggregateMinOrganizations),
      (participants) => countsInAggregate(viewer, territoryId, participants),
    );
  }

  /** A party asks to be put in touch: its side consents now; the others are asked. */
  async requestContact(viewer: MaybeViewer, id: string, organizationId?: string) {
    return this.decide(viewer, id, organizationId, Consent.ACCEPTED, [SynergyStatus.SUGGESTED, SynergyStatus.CONTACT_REQUESTED]);
  }

  async respondToContact(viewer: MaybeViewer, id: string, accept: boolean, organizationId?: string) {
    return this.decide(viewer, id, organizationId, accept ? Consent.ACCEPTED : Consent.DECLINED, [SynergyStatus.CONTACT_REQUESTED]);
  }

  async decline(viewer: MaybeViewer, id: string, organizationId?: string) {
    return this.decide(viewer, id, organizationId, Consent.DECLINED, [SynergyStatus.SUGGESTED, SynergyStatus.CONTACT_REQUESTED]);
  }

  /**
   * One decision at a time per synergy: the synergy's row is locked while the consents are read, set and the status
   * computed from them, in one transaction. Without it, two sides answering at once each read the other PENDING:
   * both accepted and the synergy stayed CONTACT_REQUESTED (identities never revealed), or an acceptance computed
   * before a refusal was written over it. A detection's withdrawal deletes only a synergy still SUGGESTED (reconcile.ts).
   */
  private async decide(viewer: MaybeViewer, id: string, organizationId: string | undefined, consent: Consent, from: SynergyStatus[]) {
    if (!viewer) throw unauthenticated();
    const { record, asking } = await this.em.transactional(async (tx) => {
      // The decision changes entities; the reads (get, pages) use plain rows.
      const record = await loadSynergyEntities(tx, id, { forUpdate: true });
      if (!record || synergyAccess(viewer, factsOf(record)) === 'NONE') throw notFound('Synergy');
      const mine = record.participants.filter((p) => canDecideFor(viewer, p.organization.id) && (!organizationId || p.organization.id === organizationId));
      if (mine.length === 0) throw forbidden('Only the organisations taking part decide on a synergy.');
      if (!from.includes(record.synergy.status)) {
        throw conflict(`This synergy is ${record.synergy.status.toLowerCase().replace('_', ' ')}: that decision no longer applies.`);
      }
      const now = new Date();
      for (const p of mine) Object.assign(p, { consent, consentAt: now, consentBy: tx.getReference(User, viewer.userId) });
      const s = record.synergy;
      const asking = s.status === SynergyStatus.SUGGESTED && consent === Consent.ACCEPTED;
      // A request asks the other sides (their facilitators see since when: facilitation/party-responses.ts).
      if (asking) for (const p of record.participants) if (p.consent === Consent.PENDING) p.askedAt = now;
      if (consent === Consent.DECLINED) s.status = SynergyStatus.DECLINED;
      else if (record.participants.every((p) => p.consent === Consent.ACCEPTED)) s.status = SynergyStatus.ACCEPTED;
      else s.status = SynergyStatus.CONTACT_REQUESTED;
      s.decisionFingerprint = s.fingerprint;
      return { record, asking };
    });
    publishSynergyChange(this.pubSub, record, asking ? 'CONTACT_REQUESTED' : 'ANSWERED');
    return record;
  }

  /** A facilitator records a synergy by hand (found in a workshop, or already running between partners). */
  async record(
    viewer: MaybeViewer,
    input: { territoryId: string; kind: SynergyKind; organizationIds: string[]; flowIds: string[]; note?: string; status?: SynergyStatus; operational?: boolean },
  ): Promise<SynergyRecord> {
    if (!viewer) throw unauthenticated();
    if (!canManageSynergies(viewer, input.territoryId)) throw forbidden('Only the facilitators of this territory may record synergies.');
    const problems = new ProblemList();
    const orgs = await this.em.find(Organization, { id: { $in: input.organizationIds } });
    const flows = await this.em.find(ResourceFlow, { id: { $in: input.flowIds } });
    // A facilitator names only what they facilitate: anything else is answered as if it did not exist, so that the
    // answer (which names every participant) never de-anonymises an organisation or a flow of another territory.
    if (orgs.length !== new Set(input.organizationIds).size || orgs.some((o) => !canManageSynergies(viewer, o.territory.id))) throw notFound('Organization');
    if (flows.length !== new Set(input.flowIds).size || flows.some((f) => !canManageSynergies(viewer, f.territory.id))) throw notFound('Flow');
    if (new Set(input.organizationIds).size < 2) problems.add('organizationIds', 'must name at least two organisations');
    if (flows.some((f) => !input.organizationIds.includes(f.organization.id))) problems.add('flowIds', 'must belong to the organisations named');
    if (input.note && input.note.length > 5000) problems.add('note', 'must be at most 5000 characters');
    const status = input.status ?? SynergyStatus.ACCEPTED;
    if (status === SynergyStatus.STALE) problems.add('status', 'cannot be STALE for a new synergy');
    problems.throwIfAny('Cannot record this synergy.');
    const synergy = this.em.create(Synergy, {
      key: `RECORDED|${randomUUID()}`,
      kind: input.kind,
      origin: SynergyOrigin.RECORDED,
      territory: this.em.getReference(Territory, input.territoryId),
      status,
      score: 1,
      impacts: [],
      fingerprint: '-',
      decisionFingerprint: '-',
      note: input.note ?? null,
      operational: input.operational ?? false,
      recordedBy: this.em.getReference(User, viewer.userId),
    });
    const consent = status === SynergyStatus.ACCEPTED ? Consent.ACCEPTED : Consent.PENDING;
    // What the facilitator records is dated now: the parties' agreement, or the request they are to answer.
    const now = new Date();
    const dates = { consentAt: consent === Consent.ACCEPTED ? now : null, askedAt: status === SynergyStatus.CONTACT_REQUESTED ? now : null };
    for (const org of orgs) {
      const own = flows.filter((f) => f.organization.id === org.id);
      for (const flow of own.length ? own : [null]) {
        this.em.create(SynergyParticipant, {
          synergy,
          organization: org,
          flow,
          role: input.kind === SynergyKind.MUTUALISATION || !flow ? ParticipantRole.MEMBER : flow.direction === 'OUTPUT' ? ParticipantRole.OUTPUT : ParticipantRole.INPUT,
          consent,
          ...dates,
        });
      }
    }
    await this.em.flush();
    if (status === SynergyStatus.SUGGESTED) await announceSuggestions(this.em, this.pubSub, [synergy], { tellFacilitators: true });
    return (await this.records([synergy.id]))[0];
  }
}
