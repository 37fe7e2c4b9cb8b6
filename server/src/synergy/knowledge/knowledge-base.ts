/**
 * Loading the knowledge base of valorisation pathways (server/data/synergy/knowledge-base.json, format in
 * knowledge-base.types.ts, guide in docs/knowledge-base.md). It is checked by knowledge-base-validator.ts and its
 * needs are searched by need-search.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { KnowledgeBase } from './knowledge-base.types.js';

/** The pathway families of the contract, in the order reports show them. */
export const PATHWAY_FAMILIES = [
  'HEAT',
  'STEAM',
  'COOLING',
  'WATER',
  'WASTEWATER',
  'SLUDGE',
  'WOOD',
  'PAPER',
  'PLASTIC',
  'METAL',
  'SLAG',
  'DUST_SCALE',
  'ASH_GYPSUM',
  'CONSTRUCTION',
  'ORGANIC',
  'SOLVENT_OIL',
  'PACKAGING',
  'EQUIPMENT',
  'SERVICE',
  'LOGISTICS',
  'PURCHASING',
] as const;

export type PathwayFamily = (typeof PATHWAY_FAMILIES)[number];

const KNOWLEDGE_BASE_FILE = path.join(import.meta.dirname, '../../../data/synergy/knowledge-base.json');

let cached: KnowledgeBase | null = null;

/** The knowledge base, read from its JSON file once per process. Treat it as read-only. */
export function loadKnowledgeBase(): KnowledgeBase {
  if (cached === null) {
    cached = JSON.parse(readFileSync(KNOWLEDGE_BASE_FILE, 'utf8')) as KnowledgeBase;
  }
  return cached;
}
