import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../../auth/user.entity.js';
import { badInput, conflict, DomainError, ProblemList, unauthenticated } from '../../errors/domain-errors.js';
import { canBeAssigned, canFacilitate, facilitationRefusal } from '../../policy/facilitation-policy.js';
import type { MaybeViewer, Viewer } from '../../policy/viewer.js';
import type { AppPubSub } from '../../pubsub/pubsub.js';
import { loadTerritoryTree } from '../../territory/territory-tree.js';
import { checkText } from '../../validation/field-checks.js';
import { Consent, SynergyStatus } from '../model/synergy.enums.js';
import { publishSynergyChange } from '../model/synergy-changes.js';
import { factsOf, loadSynergyEntities, type SynergyEntities, type SynergyRecord } from '../model/synergy.record.js';
import { partyResponses, type PartyResponse } from './party-responses.js';
import { SynergyNote } from './synergy-note.entity.js';

export interface NoteRecord {
  id: string;
  text: string;
  authorName: string | null;
  createdAt: Date;
}

export interface FacilitatorRecord {
  userId: string;
  name: string;
}

export type Assignee = FacilitatorRecord & { assignedAt: Date | null };

export const NOTE_MAX_LENGTH = 5000;

/**
 * The facilitators' tools on a synergy: put every party in touch at once, see who answered, keep internal notes,
 * assign it to a colleague. Every action is for the facilitators of the synergy's territory (policy/facilitation-policy.ts);
 * reads answer null to anyone else, writes are refused as FORBIDDEN to a party and NOT_FOUND to everyone else.
 */
export class FacilitationService {
  constructor(
    private readonly em: EntityManager,
    private readonly pubSub: AppPubSub['pubSub'],
  ) {}

  /**
   * The synergy as entities of the unit of work (every tool changes it), when `viewer` facilitates its territory;
   * throws the policy's refusal otherwise.
   */
  private async facilitated(viewer: MaybeViewer, id: string): Promise<{ viewer: Viewer; record: SynergyEntities }> {
    if (!viewer) throw unauthenticated();
    const record = await loadSynergyEntities(this.em, id);
    if (!record) throw new DomainError('NOT_FOUND', 'Synergy not found.');
    const facts = factsOf(record);
    if (!canFacilitate(viewer, facts)) {
      throw facilitationRefusal(viewer, facts) === 'FORBIDDEN'
        ? new DomainError('FORBIDDEN', 'Only the facilitators of this territory do this.')
        : new DomainError('NOT_FOUND', 'Synergy not found.');
    }
    return { viewer, record };
  }

  /** Whether the viewer facilitates the synergy's territory (null viewer or unknown synergy: false). */
  async canFacilitate(viewer: MaybeViewer, id: string): Promise<boolean> {
    const [row] = await this.em.execute(`select territory_id from synergy where id = ?`, [id]);
    return Boolean(row) && canFacilitate(viewer, { territoryId: String(row.territory_id) });
  }

  /**
   * Asks every side that has not answered yet, at once: the synergy becomes CONTACT_REQUESTED and each party's
   * members answer as they do a party's request (respondToContact). Identities are revealed only once every side
   * accepted, as always. Asking again is a reminder: the date moves.
   */
  async putInTouch(viewer: MaybeViewer, id: string): Promise<SynergyRecord> {
    const { record } = await this.facilitated(viewer, id);
    const s = record.synergy;
    if (s.status !== SynergyStatus.SUGGESTED && s.status !== SynergyStatus.CONTACT_REQUESTED) {
      throw conflict(`This synergy is ${s.status.toLowerCase().replace('_', ' ')}: its parties cannot be asked now.`);
    }
    const pending = record.participants.filter((p) => p.consent === Consent.PENDING);
    if (pending.length === 0) throw conflict('Every side has answered already.');
    const now = new Date();
    for (const p of pending) p.askedAt = now;
    s.status = SynergyStatus.CONTACT_REQUESTED;
    s.decisionFingerprint = s.fingerprint;
    await this.em.flush();
    publishSynergyChange(this.pubSub, record, 'PUT_IN_TOUCH');
    return record;
  }

  /**
   * Per organisation taking part: asked when, answered what and when. Null for anyone but the facilitators. Plain
   * rows (not entities): a subscription's unit of work outlives many changes and would answer from its identity map.
   */
  async responses(viewer: MaybeViewer, id: string): Promise<PartyResponse[] | null> {
    const rows = await this.em.execute(
      `select s.territory_id, p.organization_id, o.name, p.consent, p.consent_at, p.asked_at
       from synergy s join synergy_participant p on p.synergy_id = s.id join organization o on o.id = p.organization_id
       where s.id = ? order by p.role, p.id`,
      [id],
    );
    if (!rows.length || !canFacilitate(viewer, { territoryId: String(rows[0].territory_id) })) return null;
    return partyResponses(
      rows.map((r) => ({
        organizationId: String(r.organization_id),
        organizationName: String(r.name),
        consent: r.consent as Consent,
        consentAt: r.consent_at ? new Date(r.consent_at) : null,
        askedAt: r.asked_at ? new Date(r.asked_at) : null,
      })),
    );
  }

  /** Internal notes, newest first. Null for anyone but the facilitators of the territory. */
  async notes(viewer: MaybeViewer, id: string): Promise<NoteRecord[] | null> {
    if (!(await this.canFacilitate(viewer, id))) return null;
    const rows = await this.em.execute(
      `select n.id, n.text, n.created_at, u.name as author_name from synergy_note n left join app_user u on u.id = n.author_id
       where n.synergy_id = ? order by n.created_at desc, n.id`,
      [id],
    );
    return rows.map((r) => ({ id: String(r.id), text: String(r.text), authorName: r.author_name ?? null, createdAt: new Date(r.created_at) }));
  }

  async addNote(viewer: MaybeViewer, id: string, text: string): Promise<NoteRecord> {
    const { viewer: author, record } = await this.facilitated(viewer, id);
    const problems = new ProblemList();
    const clean = checkText(problems, 'text', text, { required: true, max: NOTE_MAX_LENGTH });
    problems.throwIfAny('Cannot add this note.');
    const note = this.em.create(SynergyNote, { synergy: record.synergy, author: this.em.getReference(User, author.userId), text: clean! });
    await this.em.flush();
    publishSynergyChange(this.pubSub, record, 'NOTE_ADDED');
    const user = await this.em.findOne(User, { id: author.userId });
    return { id: note.id, text: note.text, authorName: user?.name ?? null, createdAt: note.createdAt };
  }

  /**
   * Who follows each synergy, in one statement (a list page's rows): null when nobody does or the viewer does not
   * facilitate its territory.
   */
  async assignees(viewer: MaybeViewer, ids: readonly string[]): Promise<Map<string, Assignee | null>> {
    const rows = ids.length
      ? await this.em.execute(
          `select s.id, s.territory_id, s.assigned_to_id, s.assigned_at, u.name from synergy s left join app_user u on u.id = s.assigned_to_id
           where s.id = any(?::uuid[])`,
          [`{${ids.join(',')}}`],
        )
      : [];
    const found = new Map<string, Assignee | null>(ids.map((id) => [id, null]));
    for (const row of rows) {
      if (!row.assigned_to_id || !canFacilitate(viewer, { territoryId: String(row.territory_id) })) continue;
      found.set(String(row.id), { userId: String(row.assigned_to_id), name: String(row.name), assignedAt: row.assigned_at ? new Date(row.assigned_at) : null });
    }
    return found;
  }

  /** The facilitators of the synergy's territory (who it may be assigned to). Null for anyone else. */
  async assignableFacilitators(viewer: MaybeViewer, id: string): Promise<FacilitatorRecord[] | null> {
    const [row] = await this.em.execute(`select territory_id from synergy where id = ?`, [id]);
    if (!row || !canFacilitate(viewer, { territoryId: String(row.territory_id) })) return null;
    return this.facilitatorsOf(String(row.territory_id));
  }

  private async facilitatorsOf(territoryId: string): Promise<FacilitatorRecord[]> {
    const enclosing = (await loadTerritoryTree(this.em)).ancestorsOf(territoryId);
    const rows = await this.em.execute(
      `select distinct u.id, u.name from territory_facilitator tf join app_user u on u.id = tf.user_id
       where tf.territory_id = any(?::uuid[]) order by u.name, u.id`,
      [`{${enclosing.join(',')}}`],
    );
    return rows.map((r) => ({ userId: String(r.id), name: String(r.name) }));
  }

  /**
   * Assigns the synergy to a facilitator of its territory (the viewer themself included), or to nobody with null.
   * Anyone else is BAD_USER_INPUT, the same answer whether that user exists or not.
   */
  async assign(viewer: MaybeViewer, id: string, assigneeUserId: string | null): Promise<SynergyRecord> {
    const { record } = await this.facilitated(viewer, id);
    const s = record.synergy;
    if (assigneeUserId !== null) {
      const territoryId = s.territory.id;
      const tree = await loadTerritoryTree(this.em);
      const rows = await this.em.execute(`select territory_id from territory_facilitator where user_id = ?`, [assigneeUserId]);
      const facilitatedTerritoryIds = new Set(rows.flatMap((r) => tree.descendantsOf(String(r.territory_id))));
      if (!canBeAssigned({ facilitatedTerritoryIds }, { territoryId })) {
        throw badInput('A synergy is assigned to a facilitator of its territory only.', [
          { field: 'assigneeId', message: 'must be a facilitator of this synergy’s territory' },
        ]);
      }
    }
    s.assignedTo = assigneeUserId ? this.em.getReference(User, assigneeUserId) : null;
    s.assignedAt = assigneeUserId ? new Date() : null;
    await this.em.flush();
    publishSynergyChange(this.pubSub, record, 'ASSIGNED');
    return record;
  }
}
