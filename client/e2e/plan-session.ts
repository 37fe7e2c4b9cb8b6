import { HocuspocusProvider } from '@hocuspocus/provider';
import type { Page } from 'playwright-core';
import WebSocket from 'ws';
import * as Y from 'yjs';

/** The notes editor of the plan on a project page. */
export const notes = (page: Page) => page.getByRole('textbox', { name: 'Notes du plan (texte partagé)' });

/** The notes' text without the others' carets (whose name labels sit inside the editable text). */
export function notesText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const editor = document.querySelector('.plan-notes-editor')?.cloneNode(true) as HTMLElement | undefined;
    editor?.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
    return editor?.textContent ?? '';
  });
}

/** The plan's connection state as the page says it. */
export const planState = (page: Page) => page.locator('.plan-editor > .plan-state');

export const STATE = {
  connected: 'connecté',
  offline: 'hors ligne — vos modifications seront envoyées',
  syncing: 'synchronisation…',
};

/** Opens a project from the board by its title and waits until its plan is connected. */
export async function openProject(page: Page, title: string) {
  await page.getByRole('link', { name: 'Projets', exact: true }).click();
  await page.getByRole('article', { name: title }).getByRole('link', { name: title }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await waitForState(page, STATE.connected);
}

export async function waitForState(page: Page, state: string) {
  await page.waitForFunction(
    (expected) => document.querySelector('.plan-editor > .plan-state')?.textContent?.trim() === expected,
    state,
  );
}

/** Types at the end of the notes, as a person would. */
export async function typeInNotes(page: Page, text: string) {
  await notes(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

/**
 * Starts watching a page for `text` in its plan (notes or an action's title) with a MutationObserver in the page,
 * which notes the clock when the text first shows; `seenAt()` polls (no sleep) until it did and returns that time.
 * Measured in the page, the delay is not the test's polling interval (timers and frames of a page in the
 * background are throttled).
 */
export async function watchForText(page: Page, text: string) {
  const key = `plan-watch-${Math.random().toString(36).slice(2)}`;
  await page.evaluate(
    ({ key, text }) => {
      const found = () =>
        (document.querySelector('.plan-notes-editor')?.textContent?.includes(text) ?? false) ||
        [...document.querySelectorAll<HTMLInputElement>('.plan-actions li input[type="text"]')].some((input) => input.value === text);
      const marks = ((window as unknown as { planWatch?: Record<string, number> }).planWatch ??= {});
      const check = () => {
        if (marks[key] === undefined && found()) marks[key] = Date.now();
      };
      check();
      new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    },
    { key, text },
  );
  return {
    async seenAt(): Promise<number> {
      const handle = await page.waitForFunction((key) => (window as unknown as { planWatch: Record<string, number> }).planWatch[key], key);
      return (await handle.jsonValue()) as number;
    },
  };
}

/** Polls (no sleep) until the notes hold `text`; returns how long that took from the call. */
export async function waitForNotesText(page: Page, text: string): Promise<number> {
  const start = Date.now();
  await page.waitForFunction(
    (expected) => document.querySelector('.plan-notes-editor')?.textContent?.includes(expected) ?? false,
    text,
    { polling: 'raf' },
  );
  return Date.now() - start;
}

/** Polls until an action of that title is in the action table; returns how long that took from the call. */
export async function waitForAction(page: Page, title: string): Promise<number> {
  const start = Date.now();
  await page.waitForFunction(
    (expected) => [...document.querySelectorAll<HTMLInputElement>('.plan-actions li input[type="text"]')].some((input) => input.value === expected),
    title,
    { polling: 'raf' },
  );
  return Date.now() - start;
}

export async function addActionThroughForm(page: Page, title: string) {
  await page.getByLabel('Nouvelle action', { exact: true }).fill(title);
  await page.getByRole('button', { name: 'Ajouter l’action' }).click();
}

/** GraphQL over HTTP from Node, as an integrator's script: a session cookie or a bearer token. */
export async function graphql(url: string, query: string, variables: Record<string, unknown>, auth: { cookie?: string; token?: string } = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(auth.cookie ? { cookie: auth.cookie } : {}),
      ...(auth.token ? { authorization: `Bearer ${auth.token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return { data: body.data, cookie: response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') };
}

/** An API token of a demo member, created as an integrator would: log in, then `createApiToken`. */
export async function apiTokenOf(url: string, email: string, password: string): Promise<string> {
  const { cookie } = await graphql(url, 'mutation($input: LogInInput!) { logIn(input: $input) { viewer { id } } }', { input: { email, password } });
  const { data } = await graphql(url, 'mutation { createApiToken(name: "Intégration e2e du plan") { token } }', {}, { cookie });
  return data.createApiToken.token;
}

/** A Node client of /collab (the integrator's side), authenticated by an API token sent as the provider's token. */
export async function openPlanAsIntegrator(url: string, documentName: string, token: string) {
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({
    url: `${url.replace(/^http/, 'ws')}/collab`,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    name: documentName,
    document: doc,
    token,
    // The socket's options pass through to HocuspocusProviderWebsocket; Node 20 has no global WebSocket.
  } as ConstructorParameters<typeof HocuspocusProvider>[0]);
  await until(() => provider.isSynced);
  return {
    doc,
    /** Resolves once the server acknowledged every update of this client (it stores them before it answers). */
    acknowledged: () => until(() => !provider.hasUnsyncedChanges),
    close: () => provider.destroy(),
  };
}

async function until(condition: () => boolean, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Watches the /collab socket of a page for the server's "sync status" answers (Hocuspocus message 8): `false` is
 * the server telling a read-only connection that its update was dropped, not applied.
 */
export function watchSyncStatus(page: Page) {
  const answers: boolean[] = [];
  page.on('websocket', (socket) => {
    if (!socket.url().endsWith('/collab')) return;
    socket.on('framereceived', ({ payload }) => {
      if (typeof payload === 'string') return;
      const answer = readSyncStatus(new Uint8Array(payload));
      if (answer !== null) answers.push(answer);
    });
  });
  return answers;
}

function readSyncStatus(bytes: Uint8Array): boolean | null {
  let offset = 0;
  const varUint = () => {
    let value = 0;
    let shift = 0;
    for (;;) {
      if (offset >= bytes.length) return -1;
      const byte = bytes[offset++];
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
      shift += 7;
    }
  };
  const nameLength = varUint();
  if (nameLength < 0) return null;
  offset += nameLength;
  if (varUint() !== 8) return null;
  const applied = varUint();
  return applied < 0 ? null : applied === 1;
}

/** How many updates this browser holds in IndexedDB for the open plan (y-indexeddb's `updates` store). */
export function storedUpdates(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name ?? '').filter((name) => name.includes(':project-plan:'));
    let count = 0;
    for (const name of names) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      count += await new Promise<number>((resolve, reject) => {
        const request = db.transaction('updates').objectStore('updates').count();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      db.close();
    }
    return count;
  });
}
