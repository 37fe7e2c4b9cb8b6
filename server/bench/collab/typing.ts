import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import type { Editor } from './editors.js';

/** The editors of one document. */
export type Room = Editor[];

interface Sent {
  /** The sender's clock once the edit was made: a receiver holding this clock has the edit. */
  clock: number;
  at: number;
  /** The edit's first struct, "client:clock" (the key of the server's relay trace: relay-trace.ts). */
  key: string;
}

/** One counted relay, for the relay trace's join (relay-split.ts): which edit, to whom, applied when. */
export interface Relay {
  key: string;
  receiver: Editor;
  sentAt: number;
  appliedAt: number;
}

/**
 * Relay latency: the time from an editor's local edit to its arrival at each other editor of the same document,
 * all in this process on one clock. Each edit is known by its sender's Yjs clock; a receiver has it once its state
 * for the sender reaches that clock, which it checks after each remote update it applies.
 */
export class RelayRecorder {
  readonly latencies: number[] = [];
  /** When each counted edit was made (same order as `latencies`), to see when in the measure the tail happened. */
  readonly sentAts: number[] = [];
  /** The counted relays themselves (same order as `latencies`). */
  readonly relays: Relay[] = [];
  private readonly sent = new Map<Editor, Sent[]>();
  /**
   * The measure's windows, [from, to) each, in order: edits made outside them are not counted — before (warm-up)
   * nor after (their relays would be timed across what follows: the server printing its stage timings and writing
   * its trace on the loop, the phase being torn down, another server's slot). One window per phase; one per slot
   * when servers type in turns (relay-rounds.ts). The open window's end is Infinity.
   */
  private readonly windows: number[] = [];

  constructor(rooms: Room[]) {
    for (const room of rooms) {
      for (const editor of room) this.sent.set(editor, []);
      for (const receiver of room) {
        const peers = room.filter((e) => e !== receiver);
        const next = new Map<Editor, number>(peers.map((p) => [p, 0]));
        receiver.doc.on('update', (_update: Uint8Array, origin: unknown) => {
          if (origin === null || origin === undefined) return;
          const now = performance.now();
          for (const peer of peers) {
            const state = Y.getState(receiver.doc.store, peer.doc.clientID);
            const sent = this.sent.get(peer)!;
            let i = next.get(peer)!;
            while (i < sent.length && sent[i].clock <= state) {
              if (this.counts(sent[i].at)) {
                this.latencies.push(now - sent[i].at);
                this.sentAts.push(sent[i].at);
                this.relays.push({ key: sent[i].key, receiver, sentAt: sent[i].at, appliedAt: now });
              }
              i += 1;
            }
            next.set(peer, i);
          }
        });
      }
    }
  }

  /** A window opens. */
  startCounting(): void {
    this.windows.push(performance.now(), Infinity);
  }

  /** The window ends: later edits are not counted; the relays of the edits made within it still are. */
  stopCounting(): void {
    this.windows[this.windows.length - 1] = performance.now();
  }

  /** Whether an edit made at `at` is counted: in the last window that opened before it, and before that one's end. */
  private counts(at: number): boolean {
    const w = this.windows;
    for (let k = w.length - 2; k >= 0; k -= 2) if (at >= w[k]) return at < w[k + 1];
    return false;
  }

  /** Makes `edit` on `editor` and notes when. */
  edit(editor: Editor, edit: () => void): void {
    const id = editor.doc.clientID;
    const key = `${id}:${Y.getState(editor.doc.store, id)}`;
    const at = performance.now();
    edit();
    this.sent.get(editor)!.push({ clock: Y.getState(editor.doc.store, id), at, key });
  }

  /** When the measure started (this process's performance.now()): its first window's start. */
  get countingFrom(): number {
    return this.windows.length > 0 ? this.windows[0] : Infinity;
  }

  /** The edits `editor` made whose clock is at most `clock`. */
  editsUpTo(editor: Editor, clock: number): number {
    return this.sent.get(editor)!.filter((s) => s.clock <= clock).length;
  }

  /**
   * Forgets the edits and the relays' details, keeping the latencies: once a phase's figures and its kill -9 check
   * are done, a repeated run (typing-repeats.ts) keeps its earlier phases' latencies without their editors' documents.
   */
  release(): void {
    this.sent.clear();
    this.relays.length = 0;
    this.sentAts.length = 0;
  }

  editsCounted(): number {
    let n = 0;
    for (const sent of this.sent.values()) n += sent.filter((s) => this.counts(s.at)).length;
    return n;
  }
}

/**
 * What an editor types: characters into a paragraph of its own in the plan's rich-text notes, and every tenth edit
 * a change to an action of its own (its title or status), as people write a plan together.
 */
export function planTypist(editor: Editor, index: number): () => void {
  const notes = editor.doc.getXmlFragment('notes');
  const actions = editor.doc.getArray<Y.Map<unknown>>('actions');
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  const action = new Y.Map<unknown>();
  editor.doc.transact(() => {
    paragraph.insert(0, [text]);
    notes.push([paragraph]);
    action.set('id', `bench-${editor.doc.clientID}`);
    action.set('title', `Action ${index}`);
    action.set('status', 'TODO');
    actions.push([action]);
  });
  const words = 'la chaleur fatale de l’aciérie alimente le séchoir de la menuiserie '.split('');
  let n = 0;
  return () => {
    n += 1;
    if (n % 10 === 0) action.set(n % 20 === 0 ? 'status' : 'title', n % 20 === 0 ? (n % 40 === 0 ? 'DONE' : 'IN_PROGRESS') : `Action ${index} · ${n}`);
    else text.insert(text.length, words[n % words.length]);
  };
}

export interface Pace {
  /** Realistic typing: each editor edits after a random pause in [minMs, maxMs]. */
  minMs: number;
  maxMs: number;
  /** At most this many edits sent and not yet acknowledged per editor; a turn is skipped beyond. */
  window?: number;
}

const typists = new WeakMap<Editor, () => void>();

/** Every editor types at `pace` until the returned stop function is called. */
export function startTyping(rooms: Room[], recorder: RelayRecorder, pace: Pace): () => void {
  const timers: NodeJS.Timeout[] = [];
  let stopped = false;
  rooms.forEach((room, r) =>
    room.forEach((editor, e) => {
      // One typist per editor for its life: typing again (the next slot of relay-rounds.ts) goes on in its paragraph.
      const type = typists.get(editor) ?? planTypist(editor, r * room.length + e);
      typists.set(editor, type);
      const turn = () => {
        if (stopped) return;
        if (pace.window === undefined || editor.unsynced() < pace.window) recorder.edit(editor, type);
        timers[r * room.length + e] = setTimeout(turn, pace.minMs + Math.random() * (pace.maxMs - pace.minMs));
      };
      timers[r * room.length + e] = setTimeout(turn, Math.random() * pace.maxMs);
    }),
  );
  return () => {
    stopped = true;
    for (const t of timers) clearTimeout(t);
  };
}
