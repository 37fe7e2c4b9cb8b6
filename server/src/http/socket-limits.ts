import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * The client's address as express sees it with `trust proxy: loopback`: the right-most address that is not a
 * loopback proxy, so that a reverse proxy on the same machine does not make every client one address, and a client
 * cannot choose its own address by sending X-Forwarded-For directly.
 */
export function clientAddressOf(request: IncomingMessage): string {
  const peer = request.socket.remoteAddress ?? 'unknown';
  if (!LOOPBACK.test(peer)) return peer;
  const header = request.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((s) => s.trim());
  for (const address of forwarded.reverse()) {
    if (!isIP(address)) break;
    if (!LOOPBACK.test(address)) return address;
  }
  return peer;
}

/** Open sockets per client address, every WebSocket path together. */
export class ConnectionsPerAddress {
  private readonly open = new Map<string, number>();

  constructor(private readonly max: number) {}

  /** Counts a new socket in; false (and nothing counted) when the address already has `max` open. */
  admit(address: string): boolean {
    const n = this.open.get(address) ?? 0;
    if (n >= this.max) return false;
    this.open.set(address, n + 1);
    return true;
  }

  release(address: string): void {
    const n = (this.open.get(address) ?? 1) - 1;
    if (n <= 0) this.open.delete(address);
    else this.open.set(address, n);
  }
}

/**
 * Operations one connection may start: `perSecond` per one-second window. `take` says whether this operation may
 * run, and whether the connection has gone on long after being told no (twice its budget in one window) and should
 * be closed rather than answered.
 */
export class OperationBudget {
  private windowStart = 0;
  private used = 0;

  constructor(
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {}

  take(): 'ALLOWED' | 'REFUSED' | 'ABUSIVE' {
    const now = this.now();
    if (now - this.windowStart >= 1000) {
      this.windowStart = now;
      this.used = 0;
    }
    this.used += 1;
    if (this.used <= this.perSecond) return 'ALLOWED';
    return this.used <= 2 * this.perSecond ? 'REFUSED' : 'ABUSIVE';
  }
}
