import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export interface ServerProcess {
  url: string;
  pid: number;
  /** Wall time from spawn to the ready line. */
  readyMs: number;
  /** Everything the server printed. */
  output: string[];
  stop(): Promise<void>;
}

/**
 * Starts a server as a child process in a process group of its own (so that npm's and tsx's children stop with
 * it) and resolves when it prints a line matching `ready`, whose first group is its URL.
 */
export function startServerProcess(
  command: string,
  args: string[],
  { cwd, env, ready, timeoutMs = 180_000 }: { cwd: string; env: Record<string, string | undefined>; ready: RegExp; timeoutMs?: number },
): Promise<ServerProcess> {
  const t0 = performance.now();
  const fullEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, ...env })) if (v !== undefined) fullEnv[k] = v;
  const child: ChildProcess = spawn(command, args, { cwd, env: fullEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  const stop = async () => {
    if (exited) return;
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      return;
    }
    const force = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, 15_000);
    await exit;
    clearTimeout(force);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${command} ${args.join(' ')} was not ready within ${timeoutMs} ms:\n${output.slice(-30).join('\n')}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line) continue;
        output.push(line);
        const m = ready.exec(line);
        if (m) {
          clearTimeout(timer);
          resolve({ url: m[1], pid: child.pid!, readyMs: performance.now() - t0, output, stop });
        }
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exit.then(() => {
      clearTimeout(timer);
      reject(new Error(`${command} ${args.join(' ')} exited before it was ready:\n${output.slice(-30).join('\n')}`));
    });
  });
}
