import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ProblemList } from '../../errors/domain-errors.js';
import { checkFlowFields } from '../../flow/flow.validation.js';
import type { ImportFlow } from '../../importer/import-format.js';
import type { EngineFlow } from '../engine/engine.types.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.types.js';

/**
 * The corpus of documented industrial-symbiosis cases (server/data/synergy/cases/, format in its README): each case
 * is a territory of its own, declared as its organisations would have declared it on FE2I before the synergy, with
 * the exchanges and pools its published sources document. `npm run bench -- quality` runs the engine on each.
 */
export const CASES_DIR = path.resolve(import.meta.dirname, '../../../data/synergy/cases');

export type CaseTag = 'easy' | 'domain' | 'long';

export interface CaseSource {
  id: string;
  author: string;
  year: number;
  title: string;
  publication: string;
}

export interface CaseFlowFile {
  ref: string;
  dir: 'OUT' | 'IN';
  cat: string;
  label: string;
  ewc?: string;
  qty?: number;
  unit: string;
  tempC?: number;
  form?: string;
  note?: string;
}

export interface CaseFile {
  id: string;
  name: string;
  country: string;
  sectors: string[];
  split: 'dev' | 'test';
  /** Latitude and longitude of the point the organisations' `km` offsets are measured from. */
  origin: [number, number];
  sources: CaseSource[];
  organizations: { ref: string; name: string; nace: string; km: [number, number]; flows: CaseFlowFile[] }[];
  exchanges: { out: string; in: string; tags: CaseTag[]; src: string; note?: string }[];
  pools: { members: string[]; tags: CaseTag[]; src: string; note?: string }[];
}

/** One case as the engine sees it: flow ids are `<case>:<organisation>.<flow>`. */
export interface LoadedCase {
  file: CaseFile;
  flows: EngineFlow[];
  exchanges: { output: string; input: string; tags: CaseTag[] }[];
  pools: { members: string[]; tags: CaseTag[] }[];
  /** Flows in no documented exchange or pool: the distractors. */
  distractors: Set<string>;
}

const KM_PER_DEGREE = 111.32;

export function readCaseFiles(): CaseFile[] {
  return readdirSync(CASES_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(path.join(CASES_DIR, name), 'utf8')) as CaseFile);
}

/** Checks every flow as an import would and places each site at its offset from the case's origin. */
export function loadCase(file: CaseFile, kb: KnowledgeBase): LoadedCase {
  const needCodes = new Set(kb.needs.map((need) => need.code));
  const id = (ref: string) => `${file.id}:${ref}`;
  const [lat0, lon0] = file.origin;
  const flows: EngineFlow[] = file.organizations.flatMap((org) =>
    org.flows.map((f, row) => {
      const problems = new ProblemList();
      const input: ImportFlow = {
        ref: f.ref,
        siteRef: org.ref,
        direction: f.dir === 'OUT' ? 'OUTPUT' : 'INPUT',
        category: f.cat as ImportFlow['category'],
        label: f.label,
        ewcCode: f.ewc,
        quantity: f.qty,
        unit: f.unit,
        period: 'YEAR',
        physicalForm: f.form as ImportFlow['physicalForm'],
        temperatureC: f.tempC,
        visibility: 'PUBLIC',
      };
      const clean = checkFlowFields(problems, input, needCodes, row + 1);
      problems.throwIfAny(`case ${file.id}: flow ${org.ref}.${f.ref} is invalid.`);
      return {
        ...clean,
        id: id(`${org.ref}.${f.ref}`),
        organizationId: id(org.ref),
        siteId: id(org.ref),
        territoryId: file.id,
        latitude: lat0 + org.km[1] / KM_PER_DEGREE,
        longitude: lon0 + org.km[0] / (KM_PER_DEGREE * Math.cos((lat0 * Math.PI) / 180)),
        organizationKind: 'COMPANY' as const,
        insertion: false,
        naceCode: org.nace,
      };
    }),
  );
  const exchanges = file.exchanges.map((e) => ({ output: id(e.out), input: id(e.in), tags: e.tags }));
  const pools = file.pools.map((p) => ({ members: p.members.map(id), tags: p.tags }));
  const documented = new Set([...exchanges.flatMap((e) => [e.output, e.input]), ...pools.flatMap((p) => p.members)]);
  const distractors = new Set(flows.map((f) => f.id).filter((flowId) => !documented.has(flowId)));
  return { file, flows, exchanges, pools, distractors };
}
