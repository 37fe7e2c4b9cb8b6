import { HocuspocusProvider } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { DEMO_ACCOUNTS } from '../../src/demo/demo-accounts.js';
import { fromGlobalId } from '../../src/graphql/global-id.js';
import { planDocumentName } from '../../src/project/plan-document.port.js';
import type { As, TestApp } from '../harness.js';

/** Waits for a condition (an event already delivered, a state reached), polling; fails with `what` after `ms`. */
export async function until(condition: () => boolean | Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The frame readers the collab tests share (wire-frames.ts), from here as before. */
export { frameType, SYNC_STATUS } from './wire-frames.js';

export interface PlanClient {
  provider: HocuspocusProvider;
  doc: Y.Doc;
  text: Y.Text;
  /** Frames the server sent to this client. */
  received: Uint8Array[];
  /** Close codes of its socket, in order. */
  closes: number[];
  authFailures: string[];
  destroy(): void;
}

/** A Node client of /collab with the credentials of `as` (session cookie, or API token sent as the provider token). */
export function openPlan(url: string, documentName: string, as: As, options: { reconnect?: boolean } = {}): PlanClient {
  const received: Uint8Array[] = [];
  const closes: number[] = [];
  const authFailures: string[] = [];
  class CookieWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: as?.cookie ? { cookie: as.cookie } : {} });
      this.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
      // A provider destroyed while its socket is still connecting (a reconnection in flight at the end of a test)
      // closes it, and ws then emits 'error' after the provider stopped listening: an uncaught exception otherwise.
      // What the test checks (closes, authentication failures) comes through the provider's own handlers.
      this.on('error', () => {});
    }
  }
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({
    url: url.replace('http', 'ws') + '/collab',
    WebSocketPolyfill: CookieWebSocket,
    delay: 100,
    minDelay: 50,
    maxDelay: 500,
    maxAttempts: options.reconnect === false ? 1 : 0,
    name: documentName,
    document: doc,
    token: as?.token ?? '',
    onAuthenticationFailed: ({ reason }) => authFailures.push(reason),
    onClose: ({ event }) => closes.push(event.code),
  } as ConstructorParameters<typeof HocuspocusProvider>[0]);
  return {
    provider,
    doc,
    // Made on first use: a client that edits the plan's parts binds 'notes' as rich text (an XmlFragment) instead.
    get text() {
      return doc.getText('notes');
    },
    received,
    closes,
    authFailures,
    destroy() {
      provider.destroy();
    },
  };
}

export const synced = (c: PlanClient) =>
  until(() => c.provider.isSynced, 'the client to sync').catch((error: Error) => {
    throw new Error(`${error.message} (closes ${c.closes.join(',')}, refused ${c.authFailures.join(',')}, ${c.received.length} frames received)`);
  });

/** The document as stored in PostgreSQL (snapshot and log), once every pending append is committed. */
export async function storedDocument(t: TestApp, documentName: string): Promise<Y.Doc> {
  await t.app.collab.log.drain();
  const doc = new Y.Doc();
  for (const part of await t.app.collab.log.load(documentName)) Y.applyUpdate(doc, part);
  return doc;
}

export interface PlanProject {
  projectId: string;
  documentName: string;
  facilitator: As;
  steel: As;
  joinery: As;
  authority: As;
  org: Record<string, string>;
}

/**
 * A project in the demo territory started by the facilitator, led by the steelworks, with the joinery as partner
 * and the authority as observer, every invitation accepted.
 */
export async function planProject(t: Pick<TestApp, 'gql' | 'logIn'>, title: string): Promise<PlanProject> {
  const [facilitator, steel, joinery, authority] = await Promise.all(
    [DEMO_ACCOUNTS.facilitator, DEMO_ACCOUNTS.steelMember, DEMO_ACCOUNTS.joineryMember, DEMO_ACCOUNTS.authorityMember].map((a) => t.logIn(a.email)),
  );
  const q = async (as: As, query: string, variables: Record<string, unknown> = {}) => {
    const res = await t.gql(query, variables, as);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!;
  };
  const fensch = (await q(steel, `{ territories { id name } }`)).territories.find((x: any) => x.name === 'Val de Fensch').id;
  const org: Record<string, string> = {};
  for (const [key, as] of Object.entries({ steel, joinery, authority })) {
    org[key] = (await q(as, `{ viewer { memberships { organization { id } } } }`)).viewer.memberships[0].organization.id;
  }
  const created = await q(facilitator, `mutation($t: ID!, $l: ID!, $title: String!) { createProject(input: {title: $title, territoryId: $t, leadOrganizationId: $l}) { id } }`, {
    t: fensch,
    l: org.steel,
    title,
  });
  const id = created.createProject.id;
  const respond = (as: As) => q(as, `mutation($p: ID!) { respondToProjectInvitation(projectId: $p, accept: true) { id } }`, { p: id });
  const invite = (organizationId: string, role: string) =>
    q(steel, `mutation($p: ID!, $o: ID!, $r: ProjectRole!) { inviteToProject(projectId: $p, organizationId: $o, role: $r) { id } }`, { p: id, o: organizationId, r: role });
  await respond(steel);
  await invite(org.joinery, 'PARTNER');
  await invite(org.authority, 'OBSERVER');
  await respond(joinery);
  await respond(authority);
  const projectId = fromGlobalId(id)?.id ?? id;
  return { projectId: id, documentName: planDocumentName(projectId), facilitator, steel, joinery, authority, org };
}
