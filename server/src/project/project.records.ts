import type { EntityManager } from '@mikro-orm/postgresql';
import { ANY_TEXT, ANY_UUID, sqlList } from '../db/sql.js';
import type { PageRequest } from '../paging/page.js';
import { projectReadScope, type ProjectFacts } from '../policy/project-policy.js';
import type { MaybeViewer } from '../policy/viewer.js';
import { ProjectParticipant, ProjectStageChange, SynergyProject } from './project.entity.js';
import type { ProjectStage } from './project.enums.js';

/** A project with its participants and its stage history, as services hand it to adapters. */
export interface ProjectRecord {
  project: SynergyProject;
  participants: ProjectParticipant[];
  stageChanges: ProjectStageChange[];
}

export interface ProjectFilter {
  territoryIds?: string[];
  stages?: ProjectStage[];
  synergyId?: string;
  /** Projects this organisation takes part in (accepted). */
  organizationId?: string;
}

export function projectFactsOf({ project, participants }: Pick<ProjectRecord, 'project' | 'participants'>): ProjectFacts {
  return {
    territoryId: project.territory.id,
    participants: participants.map((p) => ({ organizationId: p.organization.id, role: p.role, status: p.status })),
  };
}

/** Projects, their participants and histories, a page at a time (three statements whatever the page size). */
export async function loadProjectRecords(em: EntityManager, ids: string[]): Promise<ProjectRecord[]> {
  if (ids.length === 0) return [];
  const projects = await em.find(SynergyProject, { id: { $in: ids } });
  const participants = await em.find(
    ProjectParticipant,
    { project: { $in: ids } },
    { populate: ['organization', 'invitedBy', 'invitedByOrganization'], orderBy: { invitedAt: 'asc', role: 'asc', id: 'asc' } },
  );
  const stageChanges = await em.find(ProjectStageChange, { project: { $in: ids } }, { populate: ['changedBy'], orderBy: { createdAt: 'asc', id: 'asc' } });
  const byId = new Map(projects.map((project) => [project.id, { project, participants: [] as ProjectParticipant[], stageChanges: [] as ProjectStageChange[] }]));
  for (const p of participants) byId.get(p.project.id)?.participants.push(p);
  for (const c of stageChanges) byId.get(c.project.id)?.stageChanges.push(c);
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}

/** The projects a viewer may see (policy's projectReadScope, in SQL), most recently changed first. */
export async function pageProjects(em: EntityManager, viewer: MaybeViewer, filter: ProjectFilter, page: PageRequest) {
  const scope = projectReadScope(viewer);
  const clauses = [
    `(p.territory_id = ${ANY_UUID} or exists (select 1 from project_participant pp
       where pp.project_id = p.id and pp.status = 'ACCEPTED' and pp.organization_id = ${ANY_UUID}))`,
  ];
  const params: unknown[] = [sqlList(scope.territoryIds), sqlList(scope.organizationIds)];
  if (filter.territoryIds) {
    clauses.push(`p.territory_id = ${ANY_UUID}`);
    params.push(sqlList(filter.territoryIds));
  }
  if (filter.stages?.length) {
    clauses.push(`p.stage = ${ANY_TEXT}`);
    params.push(sqlList(filter.stages));
  }
  if (filter.synergyId) {
    clauses.push('p.synergy_id = ?');
    params.push(filter.synergyId);
  }
  if (filter.organizationId) {
    clauses.push(`exists (select 1 from project_participant pp where pp.project_id = p.id and pp.status = 'ACCEPTED' and pp.organization_id = ?)`);
    params.push(filter.organizationId);
  }
  const where = clauses.join(' and ');
  const rows = await em.execute(
    `select p.id, count(*) over () as total_count from synergy_project p where ${where} order by p.updated_at desc, p.id limit ? offset ?`,
    [...params, page.limit, page.offset],
  );
  let totalCount = rows.length ? Number(rows[0].total_count) : 0;
  if (rows.length === 0 && (page.offset > 0 || page.limit === 0)) {
    totalCount = Number((await em.execute(`select count(*) as n from synergy_project p where ${where}`, params))[0].n);
  }
  return { records: await loadProjectRecords(em, rows.map((r) => String(r.id))), totalCount };
}

/** Invitations still pending for any of these organisations, oldest first. */
export async function pendingInvitations(em: EntityManager, organizationIds: string[]): Promise<ProjectParticipant[]> {
  if (organizationIds.length === 0) return [];
  return em.find(
    ProjectParticipant,
    { organization: { $in: organizationIds }, status: 'INVITED' as ProjectParticipant['status'] },
    { populate: ['project', 'organization', 'invitedBy', 'invitedByOrganization'], orderBy: { invitedAt: 'asc', id: 'asc' } },
  );
}
