import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../knowledge/knowledge-base.js';
import { loadCase, readCaseFiles } from './case-corpus.js';

/**
 * The corpus of documented cases (server/data/synergy/cases/): every file loads as an import would check it (List of
 * Waste codes exist, units and enums are valid), every exchange and pool names flows the case declares, on the
 * right sides and between different organisations, and every one cites a source of the case that gives author,
 * year and title.
 */
const kb = loadKnowledgeBase();
const files = readCaseFiles();

describe('the corpus of documented cases', () => {
  it('holds at least 12 cases and 100 documented exchanges, split between dev and test', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
    expect(files.reduce((n, f) => n + f.exchanges.length, 0)).toBeGreaterThanOrEqual(100);
    expect(new Set(files.map((f) => f.split))).toEqual(new Set(['dev', 'test']));
    expect(new Set(files.map((f) => f.id)).size).toBe(files.length);
  });

  for (const file of files) {
    it(`${file.id}: loads, and its exchanges and pools name declared flows with a source`, () => {
      const loaded = loadCase(file, kb);
      const byId = new Map(loaded.flows.map((f) => [f.id, f]));
      const sources = new Map(file.sources.map((s) => [s.id, s]));
      for (const s of file.sources) expect(s.author && s.year > 1900 && s.title && s.publication, s.id).toBeTruthy();
      const problems: string[] = [];
      loaded.exchanges.forEach(({ output, input }, n) => {
        const out = byId.get(output);
        const need = byId.get(input);
        if (out?.direction !== 'OUTPUT') problems.push(`exchange ${n}: ${output} is not a declared output`);
        if (need?.direction !== 'INPUT') problems.push(`exchange ${n}: ${input} is not a declared input`);
        if (out && need && out.organizationId === need.organizationId) problems.push(`exchange ${n}: one organisation`);
        if (!sources.has(file.exchanges[n]!.src)) problems.push(`exchange ${n}: unknown source ${file.exchanges[n]!.src}`);
        if (file.exchanges[n]!.tags.length === 0) problems.push(`exchange ${n}: no tag`);
      });
      loaded.pools.forEach(({ members }, n) => {
        const flows = members.map((m) => byId.get(m));
        if (flows.some((f) => !f)) problems.push(`pool ${n}: a member is not declared`);
        if (new Set(flows.map((f) => f?.organizationId)).size < 2) problems.push(`pool ${n}: fewer than 2 organisations`);
        if (new Set(flows.map((f) => f?.direction)).size !== 1) problems.push(`pool ${n}: members on both sides`);
        if (!sources.has(file.pools[n]!.src)) problems.push(`pool ${n}: unknown source`);
      });
      for (const org of file.organizations) {
        const distractors = org.flows.filter((f) => loaded.distractors.has(`${file.id}:${org.ref}.${f.ref}`)).length;
        if (distractors < 2 || distractors > 6) problems.push(`${org.ref}: ${distractors} distractors`);
      }
      // Receivers describe their needs in their own words: an input never carries a waste code.
      for (const f of loaded.flows) if (f.direction === 'INPUT' && f.ewcCode) problems.push(`${f.id}: an input with a code`);
      expect(problems).toEqual([]);
    });
  }
});
