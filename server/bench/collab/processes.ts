import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loopProbeFlags } from './loop-probe.js';

/** User + system CPU time of a process in ms, read from /proc (Linux), or NaN elsewhere. */
export function processCpuMs(pid: number | string | undefined): number {
  if (!pid) return NaN;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // After "pid (comm) ": state is field 3, utime 14 and stime 15 (1-based), in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

/**
 * User + system CPU time (ms) of a process's main thread (its event loop: the thread whose id is the process's),
 * from /proc (Linux), or NaN elsewhere. Beside the process's: what its worker threads take is not on the loop.
 */
export function mainThreadCpuMs(pid: number | undefined): number {
  return pid ? processCpuMs(`${pid}/task/${pid}`) : NaN;
}

/**
 * The V8 and Node flags the server runs with in production: those of server/package.json's `start` script (which the
 * Docker image repeats). The benchmark's servers, the product's and the bare one, run with them too: when production
 * ran with --max-semi-space-size=64 and the benchmark without, the product's young generation was a quarter of
 * production's and its scavenges were not production's.
 */
export function productionNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { scripts: { start: string } };
  return pkg.scripts.start.split(/\s+/).filter((token) => token.startsWith('--'));
}

export interface BareServer {
  url: string;
  pid: number | undefined;
  output(): string;
  stop(): Promise<void>;
  /** Ends it at once, as the product's phase ends its server (the durable floor's rows are then read). */
  kill9(): Promise<void>;
}

/**
 * The bare y-websocket server in a child process; resolves once it listens. With `durableUrl`, the durable floor:
 * each update committed to that database before it is relayed (bare-websocket-server.ts --durable).
 */
export async function startBareServer(durableUrl?: string): Promise<BareServer> {
  const script = fileURLToPath(new URL('./bare-websocket-server.ts', import.meta.url));
  const child: ChildProcess = spawn(process.execPath, [...productionNodeFlags(), ...loopProbeFlags(), '--import', 'tsx', script, ...(durableUrl ? ['--durable'] : [])], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: durableUrl ? { ...process.env, DATABASE_URL: durableUrl } : process.env,
  });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the bare y-websocket server exited (${code})`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-10_000);
      const match = /listening (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
  });
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await exited;
  };
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    output: () => output,
    stop: () => end('SIGTERM'),
    kill9: () => end('SIGKILL'),
  };
}
