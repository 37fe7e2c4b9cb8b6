import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { ANY_UUID, sqlList } from '../../db/sql.js';
import type { SynergyFacts } from '../../policy/synergy-policy.js';
import type { Explanation, ImpactFigure } from '../engine/engine.types.js';
import { Synergy, SynergyParticipant } from './synergy.entity.js';
import type { Consent, ParticipantRole, SynergyKind, SynergyOrigin, SynergyStatus } from './synergy.enums.js';

/**
 * A synergy as the views read it: plain data. Pages are read from rows (a page of twenty synergies hydrated into the
 * unit of work cost more than its SQL); a Synergy entity fits the same shape, so what a mutation changed through its
 * entities is shown by the same views.
 */
export interface SynergyData {
  id: string;
  kind: SynergyKind;
  origin: SynergyOrigin;
  pathwayId?: string | null;
  status: SynergyStatus;
  territory: { id: string };
  score: number;
  explanation?: Explanation | null;
  impacts: ImpactFigure[];
  note?: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** One side of a synergy as the views read it (a SynergyParticipant entity fits it too). */
export interface ParticipantData {
  id: string;
  organization: { id: string };
  flow?: { id: string } | null;
  role: ParticipantRole;
  consent: Consent;
}

/** A synergy with its participants, as services hand it to adapters. */
export interface SynergyRecord {
  synergy: SynergyData;
  participants: ParticipantData[];
}

/** The same, as entities of the unit of work: what the decisions change before a flush. */
export interface SynergyEntities {
  synergy: Synergy;
  participants: SynergyParticipant[];
}

/** What the policy decides a synergy's access from. */
export function factsOf({ synergy, participants }: SynergyRecord): SynergyFacts {
  return {
    territoryId: synergy.territory.id,
    participants: participants.map((p) => ({ organizationId: p.organization.id, consent: p.consent })),
  };
}

const SYNERGY_COLUMNS = `s.id, s.kind, s.origin, s.pathway_id, s.status, s.territory_id, s.score, s.explanation, s.impacts, s.note,
  s.created_at, s.updated_at`;
const PARTICIPANT_COLUMNS = 'p.id, p.synergy_id, p.organization_id, p.flow_id, p.role, p.consent';

/** The synergies `ids` that exist, in that order, each with its participants: plain rows (two statements). */
export async function loadSynergyRecords(em: EntityManager, ids: string[]): Promise<SynergyRecord[]> {
  if (ids.length === 0) return [];
  const list = sqlList(ids);
  const synergies: Row[] = await em.execute(`select ${SYNERGY_COLUMNS} from synergy s where s.id = ${ANY_UUID}`, [list]);
  const participants: Row[] = await em.execute(
    `select ${PARTICIPANT_COLUMNS} from synergy_participant p where p.synergy_id = ${ANY_UUID} order by p.role, p.id`,
    [list],
  );
  const byId = new Map(synergies.map((s) => [s.id as string, { synergy: toSynergyData(s), participants: [] as ParticipantData[] }]));
  for (const p of participants) byId.get(p.synergy_id)?.participants.push(toParticipantData(p));
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}

/**
 * The synergy `id` with its participants as entities, or null (two statements). `forUpdate` (inside a transaction):
 * the synergy's row is locked until the transaction ends and both are read afresh from the database, not from the
 * identity map — what a decision reads is then what it writes over.
 */
export async function loadSynergyEntities(em: EntityManager, id: string, { forUpdate = false } = {}): Promise<SynergyEntities | null> {
  const synergy = await em.findOne(Synergy, { id }, forUpdate ? { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } : {});
  if (!synergy) return null;
  const participants = await em.find(SynergyParticipant, { synergy: id }, { orderBy: { role: 'asc', id: 'asc' }, refresh: forUpdate });
  return { synergy, participants };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = Record<string, any>;

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

function toSynergyData(r: Row): SynergyData {
  return {
    id: r.id,
    kind: r.kind,
    origin: r.origin,
    pathwayId: r.pathway_id,
    status: r.status,
    territory: { id: r.territory_id },
    score: Number(r.score),
    explanation: r.explanation === null ? null : json<Explanation>(r.explanation),
    impacts: json<ImpactFigure[]>(r.impacts),
    note: r.note,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
  };
}

function toParticipantData(r: Row): ParticipantData {
  return {
    id: r.id,
    organization: { id: r.organization_id },
    flow: r.flow_id === null ? null : { id: r.flow_id },
    role: r.role,
    consent: r.consent,
  };
}
