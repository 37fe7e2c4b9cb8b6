import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ProblemList } from '../../errors/domain-errors.js';
import { FlowStatus } from '../../vocabulary/flow.enums.js';
import { checkFlowFields } from '../../flow/flow.validation.js';
import type { ImportDocument } from '../../importer/import-format.js';
import type { EngineFlow } from '../engine/engine.types.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.types.js';

export const DEMO_TERRITORY_FILE = path.resolve(import.meta.dirname, '../../demo/demo-territory.json');

export interface DemoTerritory {
  document: ImportDocument;
  /** The active flows, as the engine sees them; each flow's id is its ref in the demo file. */
  flows: EngineFlow[];
  organizationName: (organizationRef: string) => string;
}

/**
 * The demo territory file as the engine sees it once imported: each flow is checked and completed (hazard, yearly
 * quantity, unit) by the importer's own validation, archived flows are left out, and each flow carries its site's
 * location and its organisation's profile. The demo report and the pinned expectations read it through here alike.
 */
export function loadDemoTerritory(kb: KnowledgeBase): DemoTerritory {
  const document = JSON.parse(readFileSync(DEMO_TERRITORY_FILE, 'utf8')) as ImportDocument;
  const needCodes = new Set(kb.needs.map((need) => need.code));
  const organizations = new Map((document.organizations ?? []).map((o) => [o.ref, o]));
  const sites = new Map((document.sites ?? []).map((s) => [s.ref, s]));
  const flows: EngineFlow[] = (document.flows ?? []).flatMap((f, row) => {
    const problems = new ProblemList();
    const clean = checkFlowFields(problems, f, needCodes, row + 1);
    problems.throwIfAny(`demo-territory.json: flow ${f.ref} is invalid.`);
    if (clean.status !== FlowStatus.ACTIVE) return [];
    const site = sites.get(f.siteRef)!;
    const organization = organizations.get(site.organizationRef)!;
    return [
      {
        ...clean,
        id: f.ref,
        organizationId: organization.ref,
        siteId: site.ref,
        territoryId: organization.territoryRef,
        latitude: site.latitude,
        longitude: site.longitude,
        organizationKind: organization.kind,
        insertion: Boolean(organization.insertion),
        naceCode: organization.naceCode ?? null,
      },
    ];
  });
  return { document, flows, organizationName: (ref) => organizations.get(ref)!.name };
}
