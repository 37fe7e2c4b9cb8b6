import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';

/**
 * A relay trace: while stage timings record (stage-timings.ts), when each writer's update arrived, was committed,
 * was handed to its receivers' sockets (Hocuspocus' broadcast calling `send`) and left them (the turn's corked
 * frames flushed), known by the update's first struct ("client:clock", which the benchmark's clients know their
 * edits by). The benchmark joins it with when its clients sent and received each edit, on one clock across
 * processes (`performance.timeOrigin + performance.now()`), to split the client-seen relay time into the client's
 * way in, the server before applying, Hocuspocus' apply and broadcast, and the way out to the client. Beside:
 * the collector's pauses and the compaction rounds, with when they ran, to set the slow relays against them.
 */

/** Reads a varUint at `at` (lib0's encoding): its value and where the next field starts. */
function readVarUint(bytes: Uint8Array, at: number): [number, number] {
  let n = 0;
  let scale = 1;
  for (;;) {
    if (at >= bytes.length) throw new RangeError('truncated varUint');
    const b = bytes[at++];
    n += (b & 0x7f) * scale;
    scale *= 128;
    if (b < 0x80) return [n, at];
  }
}

/**
 * An update's first struct as "client:clock" (a Yjs v1 update: the count of clients, then for the first its count
 * of structs, its client id and the clock of its first struct); null when it holds no struct or is not one.
 */
export function updateKey(update: Uint8Array, at = 0): string | null {
  try {
    const [clients, a1] = readVarUint(update, at);
    if (clients === 0) return null;
    const [, a2] = readVarUint(update, a1);
    const [client, a3] = readVarUint(update, a2);
    const [clock] = readVarUint(update, a3);
    return `${client}:${clock}`;
  } catch {
    return null;
  }
}

/**
 * The key of the update a frame carries: Hocuspocus' ([document name][Sync = 0][update = 2][length][update]), or
 * y-websocket's when not `named` (the same without the name); null for any other frame (acknowledgements, sync
 * steps, awareness).
 */
export function frameUpdateKey(frame: Uint8Array, named = true): string | null {
  const payload = updatePayload(frame, named);
  return payload && updateKey(payload);
}

/** The update a frame carries (see frameUpdateKey), or null. */
function updatePayload(frame: Uint8Array, named: boolean): Uint8Array | null {
  try {
    let at = 0;
    if (named) {
      const [nameLength, a1] = readVarUint(frame, 0);
      at = a1 + nameLength;
    }
    if (frame[at] !== 0 || frame[at + 1] !== 2) return null;
    const [length, payloadAt] = readVarUint(frame, at + 2);
    return frame.subarray(payloadAt, payloadAt + length);
  } catch {
    return null;
  }
}

/** What the trace knows of one update, in ms of this process's `performance.now()` (0: not seen). */
interface Traced {
  arrived: number;
  committed: number;
  /** The first `send` of its broadcast, and when that turn's frames were flushed to the sockets. */
  sent: number;
  flushed: number;
}

export interface TraceFile {
  /** Add to every time below to compare with another process's `performance.timeOrigin + performance.now()`. */
  timeOrigin: number;
  /** key → [arrived, committed, sent, flushed] (ms, 0 where not seen). */
  updates: Record<string, [number, number, number, number]>;
  /** [start, duration, kind] of each pause of the collector. */
  gc: [number, number, string][];
  /** Each compaction round: when it ran, the documents compacted and the rows merged. */
  compactions: { start: number; end: number; documents: number; rows: number }[];
}

/** Updates traced at most (the latest are dropped beyond). */
const MAX_TRACED = 300_000;

/** The updates of one client in the order they arrived (their clocks increase), and the first not yet broadcast. */
interface ClientUpdates {
  clocks: number[];
  traced: Traced[];
  next: number;
}

export class RelayTrace {
  /**
   * `named`: Hocuspocus' frames (else y-websocket's); `corked`: the frames a turn sends leave together at its end
   * (the product's sockets, collab-socket.ts), else each leaves as it is sent.
   */
  constructor(
    private readonly named = true,
    private readonly corked = true,
  ) {}

  private updates = new Map<string, Traced>();
  private byClient = new Map<number, ClientUpdates>();
  /** The last frame broadcast (a broadcast hands every connection the same one). */
  private lastFrame: Uint8Array | null = null;
  private gc: [number, number, string][] = [];
  private compactions: TraceFile['compactions'] = [];
  private flushPending: Traced[] = [];

  private entry(key: string): Traced | undefined {
    let traced = this.updates.get(key);
    if (!traced && this.updates.size < MAX_TRACED) {
      this.updates.set(key, (traced = { arrived: 0, committed: 0, sent: 0, flushed: 0 }));
      const [client, clock] = key.split(':').map(Number);
      let updates = this.byClient.get(client);
      if (!updates) this.byClient.set(client, (updates = { clocks: [], traced: [], next: 0 }));
      updates.clocks.push(clock);
      updates.traced.push(traced);
    }
    return traced;
  }

  arrived(update: Uint8Array, at = performance.now()): void {
    const key = updateKey(update);
    const traced = key && this.entry(key);
    if (traced && !traced.arrived) traced.arrived = at;
  }

  committed(update: Uint8Array, at: number): void {
    const key = updateKey(update);
    const traced = key && this.entry(key);
    if (traced) traced.committed = at;
  }

  /** A frame handed to a socket: the first broadcast of an update notes when, and when the turn's frames left. */
  /**
   * A frame handed to a socket. Hocuspocus merges the updates applied in one turn into one broadcast: every update
   * within the merged one's clock ranges (Y.parseUpdateMeta) is noted as sent then, with when the turn's frames
   * left (for the product's corked sockets, once the callback that sent it and its promise jobs are done).
   */
  sent(frame: Uint8Array): void {
    if (frame === this.lastFrame) return;
    this.lastFrame = frame;
    const payload = updatePayload(frame, this.named);
    if (!payload) return;
    const now = performance.now();
    let meta: { from: Map<number, number>; to: Map<number, number> };
    try {
      meta = Y.parseUpdateMeta(payload);
    } catch {
      return;
    }
    for (const [client, to] of meta.to) {
      const updates = this.byClient.get(client);
      const from = meta.from.get(client) ?? 0;
      if (!updates) continue;
      while (updates.next < updates.clocks.length && updates.clocks[updates.next] < to) {
        const traced = updates.traced[updates.next++];
        if (updates.clocks[updates.next - 1] < from || traced.sent) continue;
        traced.sent = now;
        if (this.corked) this.flushPending.push(traced);
        else traced.flushed = now;
      }
    }
    // After the socket's own uncork (collab-socket.ts: a process.nextTick scheduled by its first send, which the
    // server hands the frame before noting it here, so before this one).
    if (this.flushPending.length && !this.flushScheduled) {
      this.flushScheduled = true;
      process.nextTick(() => {
        this.flushScheduled = false;
        const at = performance.now();
        for (const t of this.flushPending.splice(0)) t.flushed = at;
      });
    }
  }

  private flushScheduled = false;

  pause(start: number, duration: number, kind: string): void {
    this.gc.push([start, duration, kind]);
  }

  compacted(round: TraceFile['compactions'][number]): void {
    this.compactions.push(round);
  }

  /** Writes the trace to a file of the temporary directory and forgets it; returns the file's path. */
  write(): string {
    const file: TraceFile = {
      timeOrigin: performance.timeOrigin,
      updates: Object.fromEntries([...this.updates].map(([key, t]) => [key, [t.arrived, t.committed, t.sent, t.flushed]])),
      gc: this.gc,
      compactions: this.compactions,
    };
    const where = path.join(os.tmpdir(), `fe2i-relay-trace-${process.pid}-${Date.now()}.json`);
    writeFileSync(where, JSON.stringify(file));
    this.updates = new Map();
    this.byClient = new Map();
    this.lastFrame = null;
    this.gc = [];
    this.compactions = [];
    return where;
  }
}
