import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../errors/domain-errors.js';
import type { Viewer } from '../policy/viewer.js';
import type { AppPubSub, FlowChangedPayload } from '../pubsub/pubsub.js';
import type { ImportDocument } from './import-format.js';

/** Shared by the importer's test files. */

const DEMO_FILE = path.join(import.meta.dirname, '../demo/demo-territory.json');

/** A fresh copy each time: tests change it freely. */
export function demoDocument(): ImportDocument {
  return JSON.parse(readFileSync(DEMO_FILE, 'utf8')) as ImportDocument;
}

/** Records what would be published, in order. */
export function recordingPubSub() {
  const events: FlowChangedPayload[] = [];
  const pubSub = {
    publish: (_topic: string, payload: FlowChangedPayload) => events.push(payload),
  } as unknown as AppPubSub['pubSub'];
  return { pubSub, events };
}

export async function tableCounts(em: EntityManager) {
  const [row] = await em.fork().execute(
    `select (select count(*) from territory) as territories, (select count(*) from organization) as organizations,
            (select count(*) from site) as sites, (select count(*) from resource_flow) as flows`,
  );
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
}

export function facilitatorOf(...territoryIds: string[]): Viewer {
  return { userId: 'u-facilitator', memberships: new Map(), memberTerritoryIds: new Set(), facilitatedTerritoryIds: new Set(territoryIds) };
}

/** The DomainError a promise rejects with (failing the test when it resolves or throws something else). */
export async function domainError(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, but it succeeded');
}

export function caught(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, but it succeeded');
}
