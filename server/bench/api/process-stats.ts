import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

/**
 * CPU time and memory of a server process and its children (npm and tsx start node in a child process), read
 * from /proc: what the server spent, beside the wall time the client measured.
 */
const TICKS_PER_SECOND = 100; // USER_HZ on Linux
const PAGE_BYTES = 4096;

function treeOf(pid: number): number[] {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${pids[i]}/task`);
    } catch {
      continue;
    }
    for (const task of tasks) {
      try {
        const children = readFileSync(`/proc/${pids[i]}/task/${task}/children`, 'utf8').trim();
        if (children) pids.push(...children.split(/\s+/).map(Number));
      } catch {
        /* gone */
      }
    }
  }
  return pids;
}

function statOf(pid: number): { cpuMs: number; rssBytes: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state): utime is field 14, stime 15, rss 24.
    const cpuMs = ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
    return { cpuMs, rssBytes: Number(fields[21]) * PAGE_BYTES };
  } catch {
    return null;
  }
}

/** CPU ms of the whole tree; RSS of its biggest process (the server itself, not npm's or tsx's launcher). */
export function processTreeStats(pid: number): { cpuMs: number; rssMb: number } {
  let cpuMs = 0;
  let rss = 0;
  for (const p of treeOf(pid)) {
    const s = statOf(p);
    if (!s) continue;
    cpuMs += s.cpuMs;
    rss = Math.max(rss, s.rssBytes);
  }
  return { cpuMs, rssMb: rss / 1024 / 1024 };
}

export function loadAverage(): string {
  return os.loadavg().map((l) => l.toFixed(2)).join(' ');
}
