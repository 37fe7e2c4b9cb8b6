import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { FlowNode } from '../flow/flow.types.js';
import { Node } from '../graphql/node.js';
import { OrganizationKind } from '../organization/organization.enums.js';
import { OrganizationNode } from '../organization/organization.types.js';
import { Consent, ParticipantRole, SynergyKind, SynergyOrigin, SynergyStatus } from './synergy.enums.js';

registerEnumType(SynergyKind, { name: 'SynergyKind', description: 'Substitution or mutualisation.' });
registerEnumType(SynergyStatus, { name: 'SynergyStatus', description: 'Where the parties are with a synergy.' });
registerEnumType(SynergyOrigin, { name: 'SynergyOrigin', description: 'Found by the engine or recorded by a facilitator.' });
registerEnumType(ParticipantRole, { name: 'SynergyRole', description: 'The side an organisation takes in a synergy.' });
registerEnumType(Consent, { name: 'Consent', description: "A party's answer to being put in touch." });

export enum Language {
  FR = 'FR',
  EN = 'EN',
}
registerEnumType(Language, { name: 'Language', description: 'Language of rendered texts.' });

@ObjectType('KnowledgeSource', { description: 'A publication a pathway, factor or typical cost is taken from.' })
export class KnowledgeSourceNode {
  @Field(() => String, { description: 'Stable id in the knowledge base.' }) id!: string;
  @Field(() => String, { description: 'Full citation.' }) citation!: string;
  @Field(() => String, { nullable: true, description: 'Address of the publication, when known.' }) url!: string | null;
}

@ObjectType('Pathway', { description: 'A valorisation or pooling pathway of the knowledge base.' })
export class PathwayNode {
  @Field(() => String, { description: 'Stable id, e.g. "slag-to-cement".' }) id!: string;
  @Field(() => SynergyKind, { description: 'Substitution or mutualisation.' }) kind!: SynergyKind;
  @Field(() => String, { description: 'Family (HEAT, SLAG, WOOD…).' }) family!: string;
  @Field(() => String, { description: 'Name in French.' }) labelFr!: string;
  @Field(() => String, { description: 'Name in English.' }) labelEn!: string;
  @Field(() => String, { description: 'Description in French.' }) descriptionFr!: string;
  @Field(() => String, { description: 'Description in English.' }) descriptionEn!: string;
  @Field(() => Float, { description: 'How far the resource sensibly travels, km.' }) reachKm!: number;
  @Field(() => [KnowledgeSourceNode], { description: 'Where this pathway is documented.' }) sources!: KnowledgeSourceNode[];
}

@ObjectType('Need', { description: 'A need a non-expert declares in their own words, tied to the knowledge base.' })
export class NeedNode {
  @Field(() => String, { description: 'Code to declare an INPUT flow with (`needCode`).' }) code!: string;
  @Field(() => String, { description: 'French label.' }) labelFr!: string;
  @Field(() => String, { description: 'English label.' }) labelEn!: string;
  @Field(() => String, { description: 'Resource category.' }) category!: string;
  @Field(() => String, { description: 'Usual unit.' }) unit!: string;
}

@ObjectType('ExplanationItem', { description: 'One reason or condition, as a code with parameters (rendered in `sentences`).' })
export class ExplanationItemNode {
  @Field(() => String, { description: 'Machine code, e.g. EXACT_EWC, TEMPERATURE_OK, PATHWAY_CHECK.' }) code!: string;
  @Field(() => String, { description: 'Parameters as a JSON object; empty when withheld from you.' }) params!: string;
}

@ObjectType('ScoreBreakdown', { description: 'The parts of the score, each in [0, 1].' })
export class ScoreBreakdownNode {
  @Field(() => Float, { description: 'How well the two sides fit by nature.' }) compatibility!: number;
  @Field(() => Float, { description: 'How much of the sides the synergy covers.' }) quantity!: number;
  @Field(() => Float, { description: 'Closeness relative to the reach of the resource.' }) distance!: number;
  @Field(() => Float, { description: 'Quality constraints met (temperature, form).' }) quality!: number;
  @Field(() => Float, { description: 'Overlap of the months of availability.' }) availability!: number;
  @Field(() => Float, { description: 'Hazard handling (1 when none is needed).' }) hazard!: number;
}

@ObjectType('SynergyExplanation', { description: 'Why the engine suggests a synergy. Figures about another party are withheld until both consent.' })
export class SynergyExplanationNode {
  @Field(() => [String], { description: 'The explanation in sentences, in the language asked for the synergy.' }) sentences!: string[];
  @Field(() => [ExplanationItemNode], { description: 'Why the sides are compatible.' }) reasons!: ExplanationItemNode[];
  @Field(() => [ExplanationItemNode], { description: 'Conditions already met.' }) conditionsMet!: ExplanationItemNode[];
  @Field(() => [ExplanationItemNode], { description: 'Conditions still to check.' }) conditionsToCheck!: ExplanationItemNode[];
  @Field(() => Float, { nullable: true, description: 'Share of the output side covered, 0–1.' }) outputCoverage!: number | null;
  @Field(() => Float, { nullable: true, description: 'Share of the input side covered, 0–1.' }) inputCoverage!: number | null;
  @Field(() => Float, { nullable: true, description: 'Matched quantity a year, in `unit`.' }) matchedQuantity!: number | null;
  @Field(() => String, { description: 'Unit of the matched quantity.' }) unit!: string;
  @Field(() => Float, { nullable: true, description: 'Distance in km (withheld from parties before consent: see the counterpart’s distance band).' }) distanceKm!: number | null;
  @Field(() => Float, { nullable: true, description: 'Road transport a year, t·km.' }) transportTonneKm!: number | null;
  @Field(() => ScoreBreakdownNode, { description: 'The parts of the score.' }) score!: ScoreBreakdownNode;
}

@ObjectType('ImpactFactor', { description: 'A factor an impact figure uses.' })
export class ImpactFactorNode {
  @Field(() => String, { description: 'Factor id in the knowledge base, or declared-cost / typical-cost.' }) id!: string;
  @Field(() => Float, { description: 'Value.' }) value!: number;
  @Field(() => String, { description: 'Unit of the value.' }) unit!: string;
  @Field(() => String, { nullable: true, description: 'Knowledge-base source id.' }) sourceId!: string | null;
}

@ObjectType('ImpactFigure', { description: 'An estimated impact, with its range and method (docs/impact-method.md).' })
export class ImpactFigureNode {
  @Field(() => String, { description: 'TONNES_DIVERTED, MWH_RECOVERED, WATER_M3_SAVED, CO2E_AVOIDED_T, EUROS_SAVED, JOBS or INSERTION_JOBS.' }) indicator!: string;
  @Field(() => Float, { description: 'Low estimate.' }) low!: number;
  @Field(() => Float, { description: 'Central estimate.' }) central!: number;
  @Field(() => Float, { description: 'High estimate.' }) high!: number;
  @Field(() => String, { description: 'Unit.' }) unit!: string;
  @Field(() => String, { nullable: true, description: 'The formula with its numbers; withheld from parties before consent.' }) formula!: string | null;
  @Field(() => [ImpactFactorNode], { description: 'Factors used, with their sources.' }) factors!: ImpactFactorNode[];
  @Field(() => String, { description: 'DECLARED, TYPICAL or MIXED: whether the figures rest on declared data.' }) basis!: string;
  organization!: OrganizationNode | null;
  organizationDbId!: string | null;
}

@ObjectType('AnonymousCounterpart', { description: 'Another party, described without revealing who or where it is.' })
export class AnonymousCounterpartNode {
  @Field(() => OrganizationKind, { description: 'Kind of organisation.' }) organizationKind!: OrganizationKind;
  @Field(() => String, { nullable: true, description: 'Sector (NACE section), French.' }) sectorFr!: string | null;
  @Field(() => String, { nullable: true, description: 'Sector (NACE section), English.' }) sectorEn!: string | null;
  @Field(() => String, { nullable: true, description: 'Distance band from your site: "< 2 km", "2–5 km", "5–10 km", "10–25 km", "25–50 km", "50–100 km", "> 100 km".' }) distanceBand!: string | null;
  @Field(() => Float, { nullable: true, description: 'Yearly quantity to one significant figure; null when its flow is PRIVATE.' }) approximateYearlyQuantity!: number | null;
  @Field(() => String, { nullable: true, description: 'Unit of that quantity.' }) unitSymbol!: string | null;
  @Field(() => String, { description: 'A sentence in French: "une entreprise de la métallurgie à 2–5 km produit environ 200 t/an de …".' }) descriptionFr!: string;
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
  @Field(() => Date, { description: 'When it was first found or recorded.' }) createdAt!: Date;
  @Field(() => Date, { description: 'When it last changed.' }) updatedAt!: Date;
}

@ObjectType('DetectionReport', { description: 'What a detection run did.' })
export class DetectionReportNode {
  @Field(() => Int, { description: 'Synergies the engine found.' }) detected!: number;
  @Field(() => Int, { description: 'New (or suggested again) synergies.' }) suggested!: number;
  @Field(() => Int, { description: 'Known synergies refreshed.' }) updated!: number;
  @Field(() => Int, { description: 'Decided synergies whose flows changed materially.' }) stale!: number;
  @Field(() => Int, { description: 'Undecided synergies that no longer hold.' }) withdrawn!: number;
}

@ObjectType('SynergyEvent', { description: 'A synergy was suggested to one of your organisations.' })
export class SynergyEventNode {
  @Field(() => ID, { description: 'Global ID of the synergy.' }) synergyId!: string;
  @Field(() => SynergyNode, { description: 'The synergy as you may see it.' }) synergy!: SynergyNode;
}
