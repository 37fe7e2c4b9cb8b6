import { describe, expect, it } from 'vitest';
import { itemSentence, messageContext } from '../engine/explanation.js';
import { MESSAGES } from '../engine/explanation-messages.js';
import type { ExplanationItem } from '../engine/engine.types.js';
import { loadKnowledgeBase } from '../knowledge/knowledge-base.js';
import { REDACTION_RULES, redactItem } from './explanation-redaction.js';

const kb = loadKnowledgeBase();
const fr = messageContext(kb, 'fr');
const en = messageContext(kb, 'en');
const whole = (i: ExplanationItem) => (c: typeof fr) => itemSentence(i, c);
const say = (i: ExplanationItem, own: string[], c = fr) => redactItem(i, new Set(own), whole)?.sentence?.(c) ?? null;

describe('what a party reads of an explanation before consent', () => {
  it('has decided a rule for every item the engine can say', () => {
    expect(Object.keys(MESSAGES).filter((code) => !(code in REDACTION_RULES))).toEqual([]);
  });

  it('keeps its own side whole and names nothing of the other side', () => {
    const reason = { code: 'EXACT_EWC', params: { side: 'output', detail: '10 02 02' } };
    expect(say(reason, ['output'])).toContain('10 02 02');
    const theirs = say(reason, ['input']);
    expect(theirs).toMatch(/autre partie/);
    expect(theirs).not.toContain('10 02 02');
    expect(redactItem(reason, new Set(['input']), whole)!.params).toEqual({ side: 'output' });
  });

  it("says the other side's code is unconfirmed by its words without naming the code (CODE_WORDS_UNCONFIRMED)", () => {
    const check = { code: 'CODE_WORDS_UNCONFIRMED', params: { side: 'output', detail: '02 04 99' } };
    expect(say(check, ['output'])).toContain('02 04 99');
    const theirs = say(check, ['input']);
    expect(theirs).toMatch(/autre partie/);
    expect(theirs).not.toContain('02 04 99');
    expect(say(check, ['input'], en)).not.toContain('02 04 99');
    expect(redactItem(check, new Set(['input']), whole)!.params).toEqual({ side: 'output' });
  });

  it('gives distances as bands, never in exact kilometres', () => {
    const item = { code: 'WITHIN_REACH', params: { distanceKm: 3.37, reachKm: 50 } };
    const redacted = redactItem(item, new Set(['input']), whole)!;
    expect(redacted.params).toEqual({ distanceKm: '2–5 km', reachKm: 50 });
    expect(redacted.sentence!(en)).toBe('Distance: 2–5 km, within the sensible reach of 50 km.');
  });

  it("leaves the other side's temperature, months and the pooled total out", () => {
    expect(say({ code: 'TEMPERATURE_OK', params: { outputC: 95, requiredC: 55, marginC: 10 } }, ['input'])).not.toMatch(/95|55/);
    expect(say({ code: 'PARTIAL_AVAILABILITY', params: { monthsCovered: 7, monthsNeeded: 12 } }, ['input'])).not.toMatch(/7|12/);
    const pooled = redactItem({ code: 'POOLED_VOLUME', params: { quantity: 1234, unit: 'TONNE', threshold: 20 } }, new Set(['members']), whole)!;
    expect(pooled.params).toEqual({ unit: 'TONNE', threshold: 20 });
    expect(pooled.sentence!(fr)).not.toContain('1234');
  });

  it("tells a party of its own side's other suggestions, and not even that the other side has some", () => {
    const item = { code: 'ALSO_OFFERED', params: { side: 'input', others: 2, share: 2.5 } };
    expect(say(item, ['input'])).toBe("Ce besoin figure aussi dans 2 autre(s) suggestion(s) : ensemble, elles en couvriraient 250 % ; les comparer avant de s'engager.");
    expect(redactItem(item, new Set(['output']), whole)).toBeNull();
  });

  it('withholds an item whose code has no rule', () => {
    const item = { code: 'SOMETHING_NEW', params: { secret: 'x' } };
    expect(redactItem(item, new Set(['output']), whole)).toEqual({ code: 'SOMETHING_NEW', params: {}, sentence: null });
  });

  it('keeps what the knowledge base says (checks, treatment) for everyone', () => {
    const pathway = kb.pathways.find((p) => p.conditions.checksFr.length > 0)!;
    const check = { code: 'PATHWAY_CHECK', params: { pathwayId: pathway.id, index: 0 } };
    expect(say(check, ['input'])).toBe(pathway.conditions.checksFr[0]);
  });
});
