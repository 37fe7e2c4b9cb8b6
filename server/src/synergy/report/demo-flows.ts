import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ProblemList } from '../../errors/domain-errors.js';
import { FlowStatus } from '../../vocabulary/flow.enums.js';
import { checkFlowFields } from '../../flow/flow.validation.js';
import type { ImportDocument } from '../../importer/import-format.js';
import type { EngineFlow } from '../engine/engine.types.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.types.js';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../../..');

/**
 * The active flows of the demo territory file as the engine sees them, each checked and completed (hazard, yearly
 * quantity, unit) by the importer's own validation, so the report sees them exactly as an import stores them.
 */
export function loadDemoFlows(kb: KnowledgeBase): { doc: ImportDocument; flows: EngineFlow[] } {
  const doc = JSON.parse(readFileSync(path.join(REPO_ROOT, 'server/src/demo/demo-territory.json'), 'utf8')) as ImportDocument;
  const needCodes = new Set(kb.needs.map((n) => n.code));
  const orgs = new Map((doc.organizations ?? []).map((o) => [o.ref, o]));
  const sites = new Map((doc.sites ?? []).map((s) => [s.ref, s]));
  const flows: EngineFlow[] = (doc.flows ?? []).flatMap((f, row) => {
    const problems = new ProblemList();
    const clean = checkFlowFields(problems, f, needCodes, row + 1);
    problems.throwIfAny(`demo-territory.json: flow ${f.ref} is invalid.`);
    if (clean.status !== FlowStatus.ACTIVE) return [];
    const site = sites.get(f.siteRef)!;
    const org = orgs.get(site.organizationRef)!;
    return [
      {
        ...clean,
        id: f.ref,
        organizationId: org.ref,
        siteId: site.ref,
        territoryId: org.territoryRef,
        latitude: site.latitude,
        longitude: site.longitude,
        organizationKind: org.kind,
        insertion: Boolean(org.insertion),
        naceCode: org.naceCode ?? null,
      },
    ];
  });
  return { doc, flows };
}
