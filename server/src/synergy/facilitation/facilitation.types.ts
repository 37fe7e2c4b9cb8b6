import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { toGlobalId } from '../../graphql/global-id.js';
import type { FacilitatorRecord, NoteRecord } from './facilitation.service.js';
import type { PartyResponse, ResponseState } from './party-responses.js';

export enum SynergyResponseState {
  NOT_ASKED = 'NOT_ASKED',
  NO_ANSWER = 'NO_ANSWER',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
}
registerEnumType(SynergyResponseState, {
  name: 'SynergyResponseState',
  description: 'Where a party stands with being put in touch: not asked yet, asked with no answer, accepted, declined.',
});

@ObjectType('SynergyPartyResponse', { description: "One organisation's answer to being put in touch, as its facilitators see it." })
export class SynergyPartyResponseNode {
  @Field(() => ID, { description: 'Global ID of the organisation.' }) organizationId!: string;
  @Field(() => String, { description: 'Its name.' }) organizationName!: string;
  @Field(() => SynergyResponseState, { description: 'Not asked, no answer, accepted or declined.' }) state!: ResponseState;
  @Field(() => Date, { nullable: true, description: 'When it was last asked (by another party or a facilitator).' }) askedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When it answered.' }) answeredAt!: Date | null;

  static from(r: PartyResponse): SynergyPartyResponseNode {
    return Object.assign(new SynergyPartyResponseNode(), { ...r, organizationId: toGlobalId('Organization', r.organizationId) });
  }
}

@ObjectType('SynergyNote', { description: 'An internal note of the facilitators on a synergy; never shown to the parties.' })
export class SynergyNoteNode {
  @Field(() => ID, { description: 'Global ID of the note.' }) id!: string;
  @Field(() => String, { description: 'What was written.' }) text!: string;
  @Field(() => String, { nullable: true, description: 'Who wrote it; null once their account is deleted.' }) authorName!: string | null;
  @Field(() => Date, { description: 'When.' }) createdAt!: Date;

  static from(n: NoteRecord): SynergyNoteNode {
    return Object.assign(new SynergyNoteNode(), { ...n, id: toGlobalId('SynergyNote', n.id) });
  }
}

@ObjectType('SynergyFacilitator', { description: 'A facilitator of the territory of a synergy.' })
export class SynergyFacilitatorNode {
  @Field(() => ID, { description: 'Global ID of the user.' }) id!: string;
  @Field(() => String, { description: 'Their name.' }) name!: string;
  @Field(() => Date, { nullable: true, description: 'For the assignee: since when.' }) assignedAt!: Date | null;

  static from(f: FacilitatorRecord & { assignedAt?: Date | null }): SynergyFacilitatorNode {
    return Object.assign(new SynergyFacilitatorNode(), { id: toGlobalId('User', f.userId), name: f.name, assignedAt: f.assignedAt ?? null });
  }
}
