import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { TestApp } from '../harness.js';
import { openPlan, planProject, storedDocument, synced, until, type PlanClient, type PlanProject } from './collab-harness.js';

/** Issue 9, item 2: the limits of a /collab socket (here set low): messages per second, documents, silence, size. */
describe('limits of a /collab socket', () => {
  let t: TestApp;
  let p: PlanProject;
  let second: PlanProject;
  const clients: PlanClient[] = [];
  beforeAll(async () => {
    t = await TestApp.start({
      env: { WS_COLLAB_MESSAGES_PER_SECOND: '20', WS_COLLAB_DOCUMENTS_PER_CONNECTION: '1', WS_INIT_TIMEOUT_SECONDS: '1', WS_MAX_MESSAGE_BYTES: '4096' },
    });
    p = await planProject(t, 'Plan limité');
    second = await planProject(t, 'Second plan');
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await t?.stop();
  });

  it('closes a socket that sends too fast (4429); its provider reconnects and nothing it typed is lost', async () => {
    const c = openPlan(t.url, p.documentName, p.steel);
    clients.push(c);
    await synced(c);
    for (let k = 0; k < 60; k++) c.text.insert(c.text.length, `${k} `);
    await until(() => c.closes.includes(4429), 'the socket to be closed for its rate');
    await until(() => c.provider.isSynced && !c.provider.hasUnsyncedChanges, 'the provider to reconnect and sync', 15_000);
    const stored = (await storedDocument(t, p.documentName)).getText('notes').toString();
    expect(stored).toBe(c.text.toString());
    expect(stored).toContain('59 ');
  });

  it('refuses a second document on one socket beyond the limit', async () => {
    class CookieWebSocket extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers: { cookie: p.steel!.cookie! } });
      }
    }
    const closes: number[] = [];
    const socket = new HocuspocusProviderWebsocket({ url: t.url.replace('http', 'ws') + '/collab', WebSocketPolyfill: CookieWebSocket, maxAttempts: 1 });
    socket.on('close', ({ event }: { event: { code: number } }) => closes.push(event.code));
    const first = new HocuspocusProvider({ websocketProvider: socket, name: p.documentName });
    first.attach();
    await until(() => first.isSynced, 'the first document to sync');
    const other = new HocuspocusProvider({ websocketProvider: socket, name: second.documentName });
    other.attach();
    await until(() => closes.includes(4429), 'the socket to be closed for its documents');
    expect(other.isSynced).toBe(false);
    first.destroy();
    other.destroy();
    socket.destroy();
  });

  it('closes a socket that opens no document in time (4401), and one that sends an oversized frame (1009)', async () => {
    const silent = new WebSocket(t.url.replace('http', 'ws') + '/collab');
    const silentClose = new Promise<number>((resolve) => silent.on('close', (code) => resolve(code)));
    expect(await silentClose).toBe(4401);

    const big = new WebSocket(t.url.replace('http', 'ws') + '/collab');
    await new Promise((resolve) => big.on('open', resolve));
    const bigClose = new Promise<number>((resolve) => big.on('close', (code) => resolve(code)));
    big.send(new Uint8Array(5000));
    expect(await bigClose).toBe(1009);
  });
});
