import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../knowledge/knowledge-base.js';
import { knowledgeIndex } from './knowledge-index.js';
import { lazyField } from './lazy-field.js';

describe('lazyField', () => {
  it('computes the value on the first read only, and never when it is not read', () => {
    let calls = 0;
    const node: { a: number; b: number } = { a: 0, b: 0 };
    lazyField(node, 'a', () => ++calls * 10);
    lazyField(node, 'b', () => ++calls * 100);
    expect(calls).toBe(0);
    expect(node.a).toBe(10);
    expect(node.a).toBe(10);
    expect(calls).toBe(1);
    expect(Object.keys(node)).toEqual(['a', 'b']);
  });
});

describe('knowledgeIndex', () => {
  it('finds every pathway, source and factor by id as a scan would, built once per knowledge base', () => {
    const kb = loadKnowledgeBase();
    const index = knowledgeIndex(kb);
    expect(knowledgeIndex(kb)).toBe(index);
    for (const p of kb.pathways) expect(index.pathways.get(p.id)).toBe(kb.pathways.find((x) => x.id === p.id));
    for (const s of kb.sources) expect(index.sources.get(s.id)).toBe(kb.sources.find((x) => x.id === s.id));
    for (const f of kb.emissionFactors) expect(index.emissionFactors.get(f.id)).toBe(kb.emissionFactors.find((x) => x.id === f.id));
    expect(index.pathways.size).toBeGreaterThan(0);
  });
});
