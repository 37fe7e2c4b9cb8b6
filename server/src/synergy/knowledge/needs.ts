import { loadKnowledgeBase } from './knowledge-base.js';

let codes: Set<string> | undefined;

/** Whether a need code exists in the knowledge base (flows are validated against it). */
export function isKnownNeed(code: string): boolean {
  codes ??= new Set(loadKnowledgeBase().needs.map((n) => n.code));
  return codes.has(code);
}
