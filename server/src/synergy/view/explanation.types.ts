import { Field, Float, ObjectType } from 'type-graphql';
import { ImpactRangeNode } from './impact-range.types.js';
import type { OrganizationNode } from '../../organization/organization.types.js';
import { KnowledgeSourceNode, type Language } from './knowledge.types.js';

/** GraphQL types of why a synergy is suggested (explanation, score) and of its estimated impacts. */

@ObjectType('ExplanationItem', { description: 'One reason or condition, as a code with parameters and as a sentence.' })
export class ExplanationItemNode {
  @Field(() => String, { description: 'Machine code, e.g. EXACT_EWC, TEMPERATURE_OK, PATHWAY_CHECK.' }) code!: string;
  @Field(() => String, {
    description: 'Parameters as a JSON object. Before you may see the other side, only those that do not describe it (distances as bands).',
  })
  params!: string;
  /** Says the item in a language (`sentence` field); null when the item is withheld from this viewer. */
  say!: (language: Language) => string | null;
  /** The language asked for the synergy, the default of `sentence`. */
  language!: Language;
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
  /** The sentences in a language (`sentences` field): whole, or as a party may read them before consent. */
  render!: (language: Language) => string[];
  /** The language asked for the synergy, the default of `sentences`. */
  language!: Language;
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
  @Field(() => KnowledgeSourceNode, { nullable: true, description: 'The publication the factor is taken from.' }) source!: KnowledgeSourceNode | null;
  @Field(() => String, { nullable: true, description: 'What the factor is, in French (emission factors of the knowledge base).' }) labelFr!: string | null;
  @Field(() => String, { nullable: true, description: 'What the factor is, in English (emission factors of the knowledge base).' }) labelEn!: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'EMISSION, COST, JOBS or TECHNICAL: backed by a source of that kind; DECLARED: the organisations’ own data; ASSUMPTION: a convention of the method with no source (docs/impact-method.md § 9). Null on figures stored before factors had kinds.',
  })
  kind!: string | null;
  @Field(() => String, { nullable: true, description: 'Emission factors: the database entry (Base Empreinte item…) the value comes from, or how it is derived.' }) databaseEntry!: string | null;
  @Field(() => String, { nullable: true, description: 'Emission factors: edition or consultation date of that database.' }) vintage!: string | null;
}

@ObjectType('ImpactFigure', { implements: ImpactRangeNode, description: 'An estimated impact, with its range and method (docs/impact-method.md).' })
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
