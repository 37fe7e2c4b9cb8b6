import autocannon from 'autocannon';
import { performance } from 'node:perf_hooks';
import { processTreeStats } from './process-stats.js';

export interface LoadResult {
  reqPerSec: number;
  p50: number;
  p99: number;
  requests: number;
  /** Non-2xx answers and socket errors: a run with any is not a measurement. */
  failures: number;
  wallMs: number;
  /** CPU the server process (tree) spent during the run, per request. */
  serverCpuMsPerRequest: number;
  /** Server CPU / wall: 1.0 = one core busy the whole run. */
  serverCores: number;
  /**
   * Writes only: the work the run set off and left behind (detection catching up), from the end of the run until
   * the server is idle — time, CPU, and the CPU per request of the run alone (serverCpuMsPerRequest counts both).
   */
  backlog?: { ms: number; cpuMs: number; runCpuMsPerRequest: number };
}

/** One autocannon run of one GraphQL request against one server, with the server's CPU time beside it. */
export async function drive(
  url: string,
  serverPid: number,
  body: string,
  headers: Record<string, string>,
  connections: number,
  durationSeconds: number,
): Promise<LoadResult> {
  const cpu0 = processTreeStats(serverPid).cpuMs;
  const t0 = performance.now();
  const result = await autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    connections,
    duration: durationSeconds,
  });
  const wallMs = performance.now() - t0;
  const cpuMs = processTreeStats(serverPid).cpuMs - cpu0;
  const requests = result.requests.total;
  return {
    reqPerSec: requests / (wallMs / 1000),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests,
    failures: result.non2xx + result.errors + result.timeouts,
    wallMs,
    serverCpuMsPerRequest: requests ? cpuMs / requests : NaN,
    serverCores: cpuMs / wallMs,
  };
}
