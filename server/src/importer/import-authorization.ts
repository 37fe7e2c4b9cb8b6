import type { FieldProblem } from '../errors/domain-errors.js';
import { canImportInto } from '../policy/policy.js';
import type { Viewer } from '../policy/viewer.js';
import type { ImportPlan } from './import-plan.js';
import type { ImportSource, RecordKind } from './import-source.js';

/**
 * What a facilitator may not import from a valid plan: every organisation touched must be in a territory they
 * facilitate both before and after the import (no taking a record from, or giving one to, another territory), and
 * territories may be created or changed only nested in one they facilitate. Empty when everything is allowed.
 */
export function forbiddenInPlan(viewer: Viewer, plan: ImportPlan, source: ImportSource): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const deny = (kind: RecordKind, index: number, message: string) => {
    // Pointing at the ref: the record's path in JSON, its ref column and row in CSV.
    const { field, row } = source.locate(kind, index, 'ref');
    problems.push(row === undefined ? { field, message } : { field, message, row });
  };
  const allowedAfter = facilitatedAfterImport(viewer, plan);
  const canImport = (territoryId: string) => canImportInto(viewer, territoryId);

  for (const t of plan.territories) {
    if (!allowedAfter(t.id)) {
      deny('territories', t.index, `territory "${t.ref}": you may only create or change territories nested in one you facilitate`);
    }
  }
  for (const o of plan.organizations) {
    if (!allowedAfter(o.values.territoryId) || (o.existing && !canImport(o.existing.territory.id))) {
      deny('organizations', o.index, `organisation "${o.ref}": you do not facilitate its territory`);
    }
  }
  const organizationTerritory = new Map(plan.organizations.map((o) => [o.id, o.values.territoryId]));
  const storedOrganizations = [...plan.existing.organizationByRef.values(), ...[...plan.existing.siteByRef.values()].map((s) => s.organization)];
  for (const o of storedOrganizations) if (!organizationTerritory.has(o.id)) organizationTerritory.set(o.id, o.territory.id);
  for (const s of plan.sites) {
    const territoryId = organizationTerritory.get(s.values.organizationId);
    const before = s.existing?.organization.territory.id;
    if (!territoryId || !allowedAfter(territoryId) || (before && !canImport(before))) {
      deny('sites', s.index, `site "${s.ref}": you do not facilitate its organisation's territory`);
    }
  }
  for (const f of plan.flows) {
    if (!allowedAfter(f.values.territoryId) || (f.existing && !canImport(f.existing.territory.id))) {
      deny('flows', f.index, `flow "${f.ref}": you do not facilitate its organisation's territory`);
    }
  }
  return problems;
}

/**
 * Whether the viewer facilitates a territory once the plan is applied. A territory of the plan qualifies when it
 * is new under a qualifying parent, or already facilitated and either staying where it is or moving under a
 * qualifying parent. Validation has refused parent cycles, so the recursion ends; `seen` guards it anyway.
 */
function facilitatedAfterImport(viewer: Viewer, plan: ImportPlan): (territoryId: string) => boolean {
  const planned = new Map(plan.territories.map((t) => [t.id, t]));
  const memo = new Map<string, boolean>();
  const check = (id: string, seen: Set<string>): boolean => {
    if (memo.has(id)) return memo.get(id)!;
    const t = planned.get(id);
    let allowed: boolean;
    if (!t) allowed = canImportInto(viewer, id);
    else if (seen.has(id)) allowed = false;
    else {
      seen.add(id);
      const parentId = t.values.parentId;
      const parentAllowed = parentId !== null && check(parentId, seen);
      if (!t.existing) allowed = parentAllowed;
      else allowed = canImportInto(viewer, id) && ((t.existing.parent?.id ?? null) === parentId || parentAllowed);
    }
    memo.set(id, allowed);
    return allowed;
  };
  return (id) => check(id, new Set());
}
