import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from './knowledge-base.js';

/** `npm run check:keywords` (scripts/check-keywords.mjs) passes on the knowledge base and fails on a word without a reason. */
const script = path.resolve(import.meta.dirname, '../../../../scripts/check-keywords.mjs');
const check = (...args: string[]) => spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });

describe('check:keywords', () => {
  it('finds a reason for every keyword of the knowledge base that occurs in the demo territory', () => {
    const run = check();
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('0 without a reason');
    expect(run.status).toBe(0);
  });

  it('fails on a demo word that neither the nomenclatures nor the sources use and no reason explains', () => {
    const copy = structuredClone(loadKnowledgeBase());
    const guarding = copy.keywordReasons!.find((entry) => entry.keywords.includes('gardiennage'))!;
    guarding.keywords = guarding.keywords.filter((keyword) => keyword !== 'gardiennage');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'kb-')), 'knowledge-base.json');
    writeFileSync(file, JSON.stringify(copy));
    const run = check(`--knowledge-base=${file}`);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('"gardiennage"  read by pool-security-guarding.stream');
    expect(run.stdout).toContain('1 without a reason');
  });
});
