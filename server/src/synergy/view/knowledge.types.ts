import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import type { KnowledgeBase } from '../knowledge/knowledge-base.types.js';
import { SynergyKind } from '../model/synergy.enums.js';
import { knowledgeIndex } from './knowledge-index.js';

/** GraphQL types of the knowledge base as the API shows it: pathways, their sources, declarable needs. */

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

  /** The source `id` of the knowledge base; an unknown id is shown as its own citation rather than dropped. */
  static from(kb: KnowledgeBase, id: string): KnowledgeSourceNode {
    const s = knowledgeIndex(kb).sources.get(id);
    return Object.assign(new KnowledgeSourceNode(), { id, citation: s?.citation ?? id, url: s?.url ?? null });
  }
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

  /** The pathway `pathwayId` of the knowledge base with its sources resolved; null when there is none. */
  static from(kb: KnowledgeBase, pathwayId: string | null | undefined): PathwayNode | null {
    const p = pathwayId ? knowledgeIndex(kb).pathways.get(pathwayId) : undefined;
    if (!p) return null;
    return Object.assign(new PathwayNode(), {
      ...p,
      sources: p.sourceIds.map((id) => KnowledgeSourceNode.from(kb, id)),
    });
  }
}

@ObjectType('Need', { description: 'A need a non-expert declares in their own words, tied to the knowledge base.' })
export class NeedNode {
  @Field(() => String, { description: 'Code to declare an INPUT flow with (`needCode`).' }) code!: string;
  @Field(() => String, { description: 'French label.' }) labelFr!: string;
  @Field(() => String, { description: 'English label.' }) labelEn!: string;
  @Field(() => String, { description: 'Resource category.' }) category!: string;
  @Field(() => String, { description: 'Usual unit.' }) unit!: string;
}
