import type { EntityManager } from '@mikro-orm/postgresql';
import { findFlowRecords } from '../flow/flow.queries.js';
import type { FlowRecord } from '../flow/flow.record.js';
import { FlowNode } from '../flow/flow.types.js';
import { UNIT_SYMBOLS, type FlowUnit } from '../flow/flow.enums.js';
import { toGlobalId } from '../graphql/global-id.js';
import { findActivitySector } from '../nomenclature/activity-sectors.js';
import { Organization } from '../organization/organization.entity.js';
import { OrganizationNode } from '../organization/organization.types.js';
import { Site } from '../organization/site.entity.js';
import { flowAccess } from '../policy/policy.js';
import { canDecideFor, canSeeParticipant, identitiesRevealed, synergyAccess } from '../policy/synergy-policy.js';
import { isFacilitatorOf, isMemberOf, type MaybeViewer } from '../policy/viewer.js';
import { renderExplanation } from './engine/explanation.js';
import type { Explanation, ExplanationItem, ImpactFigure } from './engine/engine.types.js';
import type { KnowledgeBase } from './knowledge/knowledge-base.types.js';
import { factsOf, type SynergyRecord } from './synergy.service.js';
import { Consent, SynergyStatus } from './synergy.enums.js';
import { describeCounterpart, haversineKm, roundSignificant } from './counterpart.js';
import {
  ImpactFigureNode,
  Language,
  PathwayNode,
  SynergyExplanationNode,
  SynergyNode,
  SynergyParticipantNode,
  type ExplanationItemNode,
} from './synergy.types.js';

/**
 * Builds each synergy *for one viewer*: what a party may not know is never put in the object, so no resolver
 * downstream can leak it. Facts are loaded for a whole page at once (three statements).
 */
export async function viewSynergies(
  em: EntityManager,
  kb: KnowledgeBase,
  records: SynergyRecord[],
  viewer: MaybeViewer,
  language: Language = Language.FR,
): Promise<SynergyNode[]> {
  const flowIds = [...new Set(records.flatMap((r) => r.participants.flatMap((p) => (p.flow ? [p.flow.id] : []))))];
  const orgIds = [...new Set(records.flatMap((r) => r.participants.map((p) => p.organization.id)))];
  const flows = new Map((await findFlowRecords(em, flowIds)).map((f) => [f.id, f]));
  const orgs = new Map((orgIds.length ? await em.find(Organization, { id: { $in: orgIds } }) : []).map((o) => [o.id, o]));
  const siteIds = [...new Set([...flows.values()].map((f) => f.siteId))];
  const sites = new Map((siteIds.length ? await em.find(Site, { id: { $in: siteIds } }) : []).map((s) => [s.id, s]));
  return records.map((r) => viewOne(kb, r, viewer, language, flows, orgs, sites));
}

function viewOne(
  kb: KnowledgeBase,
  record: SynergyRecord,
  viewer: MaybeViewer,
  language: Language,
  flows: Map<string, FlowRecord>,
  orgs: Map<string, Organization>,
  sites: Map<string, Site>,
): SynergyNode {
  const { synergy, participants } = record;
  const facts = factsOf(record);
  const full = synergyAccess(viewer, facts) === 'FULL';
  const revealed = identitiesRevealed(facts);
  const ownFlows = participants.filter((p) => isMemberOf(viewer, p.organization.id) && p.flow).map((p) => flows.get(p.flow!.id)!);
  const ownSite = ownFlows[0] ? sites.get(ownFlows[0].siteId) : undefined;
  // Exact figures about another party: facilitators always; parties once identities are revealed and no
  // counterpart flow is PRIVATE (consenting to contact is not consenting to show private data).
  const counterpartsPrivate = participants.some(
    (p) => !isMemberOf(viewer, p.organization.id) && p.flow && flows.get(p.flow.id)?.visibility === 'PRIVATE',
  );
  const exact = full || (revealed && !counterpartsPrivate);

  const nodes = participants.map((p): SynergyParticipantNode => {
    const flow = p.flow ? flows.get(p.flow.id) : undefined;
    const org = orgs.get(p.organization.id)!;
    const visible = canSeeParticipant(viewer, facts, org.id);
    const site = flow ? sites.get(flow.siteId) : undefined;
    return Object.assign(new SynergyParticipantNode(), {
      isYours: isMemberOf(viewer, org.id),
      role: p.role,
      consent: p.consent,
      organization: visible ? OrganizationNode.from(org) : null,
      flow: visible && flow && flowAccess(viewer, flow) !== 'NONE' ? FlowNode.forViewer(flow, viewer) : null,
      anonymous: visible
        ? null
        : describeCounterpart({
            organizationKind: org.kind,
            sector: org.naceCode ? findActivitySector(org.naceCode) : undefined,
            distanceKm: ownSite && site ? haversineKm(ownSite, site) : null,
            yearlyQuantity: flow && flow.visibility !== 'PRIVATE' ? flow.yearlyQuantity : null,
            unit: flow?.unit ?? null,
            direction: flow?.direction ?? null,
            pathwayLabel: kb.pathways.find((x) => x.id === synergy.pathwayId),
          }),
    });
  });

  const myOrgs = participants.filter((p) => canDecideFor(viewer, p.organization.id));
  const pending = myOrgs.some((p) => p.consent === Consent.PENDING);
  const status = synergy.status;
  return Object.assign(new SynergyNode(), {
    id: toGlobalId('Synergy', synergy.id),
    dbId: synergy.id,
    kind: synergy.kind,
    status,
    origin: synergy.origin,
    score: exact ? synergy.score : Math.round(synergy.score * 20) / 20,
    pathway: pathwayNode(kb, synergy.pathwayId),
    participants: nodes,
    explanation: synergy.explanation ? explanationNode(kb, synergy.explanation, exact, ownFlows, participants, language) : null,
    impacts: impactNodes(synergy.impacts, viewer, synergy.territory.id, exact),
    identitiesRevealed: revealed,
    viewerCanRequestContact: pending && status === SynergyStatus.SUGGESTED,
    viewerCanRespond: pending && status === SynergyStatus.CONTACT_REQUESTED,
    viewerCanDecline: myOrgs.length > 0 && (status === SynergyStatus.SUGGESTED || status === SynergyStatus.CONTACT_REQUESTED),
    note: full ? (synergy.note ?? null) : null,
    organizationCount: new Set(participants.map((p) => p.organization.id)).size,
    createdAt: synergy.createdAt,
    updatedAt: synergy.updatedAt,
  });
}

export function pathwayNode(kb: KnowledgeBase, pathwayId: string | null | undefined): PathwayNode | null {
  const p = kb.pathways.find((x) => x.id === pathwayId);
  if (!p) return null;
  return Object.assign(new PathwayNode(), {
    ...p,
    sources: p.sourceIds.map((id) => {
      const s = kb.sources.find((x) => x.id === id);
      return { id, citation: s?.citation ?? id, url: s?.url ?? null };
    }),
  });
}

const itemNode = (i: ExplanationItem, withParams: boolean): ExplanationItemNode => ({
  code: i.code,
  params: withParams ? JSON.stringify(i.params) : '{}',
});

function explanationNode(
  kb: KnowledgeBase,
  e: Explanation,
  exact: boolean,
  ownFlows: FlowRecord[],
  participants: SynergyRecord['participants'],
  language: Language,
): SynergyExplanationNode {
  const round = (x: number) => Math.round(x * 10) / 10;
  const ownRoles = new Set(participants.filter((p) => ownFlows.some((f) => f.id === p.flow?.id)).map((p) => p.role));
  const redacted: Explanation = exact
    ? e
    : {
        ...e,
        reasons: e.reasons.map((r) => ({ code: r.code, params: {} })),
        conditionsMet: e.conditionsMet.map((r) => ({ code: r.code, params: {} })),
        coverage: {
          output: ownRoles.has('OUTPUT' as never) && e.coverage.output !== null ? round(e.coverage.output) : null,
          input: ownRoles.has('INPUT' as never) && e.coverage.input !== null ? round(e.coverage.input) : null,
        },
        matchedQuantity: null,
        distanceKm: Number.NaN,
        transport: null,
      };
  const score = exact ? e.score : Object.fromEntries(Object.entries(e.score).map(([k, v]) => [k, round(v)]));
  return Object.assign(new SynergyExplanationNode(), {
    sentences: exact ? renderExplanation(e, kb, language === Language.EN ? 'en' : 'fr') : [],
    reasons: redacted.reasons.map((i) => itemNode(i, exact)),
    conditionsMet: redacted.conditionsMet.map((i) => itemNode(i, exact)),
    // Conditions to check come from the knowledge base; their parameters may quote the other side: withheld too.
    conditionsToCheck: e.conditionsToCheck.map((i) => itemNode(i, exact)),
    outputCoverage: redacted.coverage.output,
    inputCoverage: redacted.coverage.input,
    matchedQuantity: redacted.matchedQuantity,
    unit: UNIT_SYMBOLS[e.unit as FlowUnit] ?? String(e.unit),
    distanceKm: exact ? e.distanceKm : null,
    transportTonneKm: exact ? (e.transport?.tonneKm ?? null) : null,
    score,
  });
}

function impactNodes(impacts: ImpactFigure[], viewer: MaybeViewer, territoryId: string, exact: boolean): ImpactFigureNode[] {
  const facilitator = isFacilitatorOf(viewer, territoryId);
  return impacts
    // Euros rest on declared costs, confidential to each organisation and its facilitators.
    .filter((f) => f.indicator !== 'EUROS_SAVED' || facilitator || (f.organizationId !== null && isMemberOf(viewer, f.organizationId)))
    .map((f) => {
      const r = (x: number) => (exact ? x : roundSignificant(x, 1));
      return Object.assign(new ImpactFigureNode(), {
        indicator: f.indicator,
        low: r(f.low),
        central: r(f.central),
        high: r(f.high),
        unit: f.unit,
        // The formula quotes the matched quantity, which can reveal the other side's: exact views only.
        formula: exact ? f.formula : null,
        factors: f.factors.filter((x) => exact || (x.id !== 'declared-cost' && x.sourceId !== null)),
        basis: f.basis,
        organization: null,
        organizationDbId: f.organizationId,
      });
    });
}
