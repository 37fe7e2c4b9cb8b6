import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { FlowNode } from '../../flow/flow.types.js';
import { Node } from '../../graphql/node.js';
import { OrganizationKind } from '../../vocabulary/organization.enums.js';
import { OrganizationNode } from '../../organization/organization.types.js';
import { ImpactFigureNode, SynergyExplanationNode } from './explanation.types.js';
import { PathwayNode } from './knowledge.types.js';
import { Consent, ParticipantRole, SynergyKind, SynergyOrigin, SynergyStatus } from '../model/synergy.enums.js';

registerEnumType(SynergyKind, { name: 'SynergyKind', description: 'Substitution or mutualisation.' });
registerEnumType(SynergyStatus, { name: 'SynergyStatus', description: 'Where the parties are with a synergy.' });
registerEnumType(SynergyOrigin, { name: 'SynergyOrigin', description: 'Found by the engine or recorded by a facilitator.' });
registerEnumType(ParticipantRole, { name: 'SynergyRole', description: 'The side an organisation takes in a synergy.' });
registerEnumType(Consent, { name: 'Consent', description: "A party's answer to being put in touch." });

@ObjectType('AnonymousCounterpart', { description: 'Another party, described without revealing who or where it is.' })
export class AnonymousCounterpartNode {
  @Field(() => OrganizationKind, { nullable: true, description: 'Kind of organisation; null when fewer than k organisations of the directory would match it with the rest.' }) organizationKind!: OrganizationKind | null;
  @Field(() => String, { nullable: true, description: 'Sector (NACE section), French; null when the organisation declared none or too few organisations would match it.' }) sectorFr!: string | null;
  @Field(() => String, { nullable: true, description: 'Sector (NACE section), English.' }) sectorEn!: string | null;
  @Field(() => String, { nullable: true, description: 'Distance band from your site: "< 2 km", "2–5 km", "5–10 km", "10–25 km", "25–50 km", "50–100 km", "> 100 km", widened ("5–25 km", "< 25 km", "< 100 km"…) or left out until at least k organisations of the directory match the description.' }) distanceBand!: string | null;
  @Field(() => Float, { nullable: true, description: 'Yearly quantity to one significant figure; null when its flow is PRIVATE.' }) approximateYearlyQuantity!: number | null;
  @Field(() => String, { nullable: true, description: 'Unit of that quantity.' }) unitSymbol!: string | null;
  @Field(() => String, { description: 'A sentence in French: "Une entreprise (industrie manufacturière) à 2–5 km dispose d’environ 200 t/an — …".' }) descriptionFr!: string;
  @Field(() => String, { description: 'The same in English.' }) descriptionEn!: string;
}

@ObjectType('SynergyParticipant', { description: 'One side of a synergy.' })
export class SynergyParticipantNode {
  @Field(() => Boolean, { description: 'Whether this is one of your organisations.' }) isYours!: boolean;
  @Field(() => ParticipantRole, { description: 'OUTPUT, INPUT or MEMBER (mutualisation).' }) role!: ParticipantRole;
  @Field(() => Consent, { description: 'Its answer to being put in touch.' }) consent!: Consent;
  @Field(() => OrganizationNode, { nullable: true, description: 'Who it is; null until every side consented (unless it is yours or you facilitate).' }) organization!: OrganizationNode | null;
  @Field(() => FlowNode, { nullable: true, description: 'Its flow, as the flow visibility rules let you see it; null while anonymous.' }) flow!: FlowNode | null;
  @Field(() => AnonymousCounterpartNode, { nullable: true, description: 'What you may know of it while it is anonymous.' }) anonymous!: AnonymousCounterpartNode | null;
}

@ObjectType('Synergy', { implements: Node, description: 'A substitution or mutualisation between organisations, explained, with estimated impacts.' })
export class SynergyNode extends Node {
  dbId!: string;
  @Field(() => SynergyKind, { description: 'Substitution or mutualisation.' }) kind!: SynergyKind;
  @Field(() => SynergyStatus, { description: 'SUGGESTED, CONTACT_REQUESTED, ACCEPTED, DECLINED or STALE.' }) status!: SynergyStatus;
  @Field(() => SynergyOrigin, { description: 'DETECTED or RECORDED.' }) origin!: SynergyOrigin;
  @Field(() => Float, { description: 'Score in [0, 1] (rounded to 0.05 for parties).' }) score!: number;
  @Field(() => PathwayNode, { nullable: true, description: 'The knowledge-base pathway (null for a recorded synergy without one).' }) pathway!: PathwayNode | null;
  @Field(() => [SynergyParticipantNode], { description: 'The sides.' }) participants!: SynergyParticipantNode[];
  @Field(() => SynergyExplanationNode, { nullable: true, description: 'Why it is suggested.' }) explanation!: SynergyExplanationNode | null;
  @Field(() => [ImpactFigureNode], { description: 'Estimated impacts with their method.' }) impacts!: ImpactFigureNode[];
  @Field(() => Boolean, { description: 'Whether every side consented and identities are revealed to the parties.' }) identitiesRevealed!: boolean;
  @Field(() => Boolean, { description: 'Whether you may ask to be put in touch now.' }) viewerCanRequestContact!: boolean;
  @Field(() => Boolean, { description: 'Whether you are asked to answer a contact request.' }) viewerCanRespond!: boolean;
  @Field(() => Boolean, { description: 'Whether you may decline it.' }) viewerCanDecline!: boolean;
  @Field(() => String, { nullable: true, description: "The facilitator's note (facilitators only)." }) note!: string | null;
  @Field(() => Int, { description: 'Number of organisations taking part.' }) organizationCount!: number;
  @Field(() => Date, { description: 'When it was first found or recorded (the day only, for a party while the counterparts are anonymous).' }) createdAt!: Date;
  @Field(() => Date, { description: 'When it last changed (the day only, for a party while the counterparts are anonymous).' }) updatedAt!: Date;
}
