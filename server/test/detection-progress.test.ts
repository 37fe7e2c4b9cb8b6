import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../src/demo/demo-accounts.js';
import { collect, TestApp, type As } from './harness.js';

/** A facilitator runs the detection and follows it live: phases in order, a percentage that only grows, the counts. */

const PROGRESS = `subscription($t: ID!) { detectionProgress(territoryId: $t) { runId territoryId phase percent report { detected suggested updated stale withdrawn } } }`;
const DETECT = `mutation($t: ID!) { detectSynergies(territoryId: $t) { detected suggested updated stale withdrawn } }`;
type Progress = { detectionProgress: { runId: string; territoryId: string; phase: string; percent: number; report: Record<string, number> | null } };

describe('detection progress', () => {
  let t: TestApp;
  let facilitator: As;
  let fensch: string;

  beforeAll(async () => {
    t = await TestApp.start();
    facilitator = await t.logIn(DEMO_ACCOUNTS.facilitator.email);
    fensch = (await t.gql(`{ territories { id name } }`)).data!.territories.find((x: any) => x.name === 'Val de Fensch').id;
  });
  afterAll(async () => t?.stop());

  it('tells the facilitator each phase of a run, a percentage that only grows, and at the end what the run did', async () => {
    const progress = collect<Progress>(t.wsClient(facilitator), PROGRESS, { t: fensch });
    const run = () => t.gql(DETECT, { t: fensch }, facilitator);
    await progress.live(run, (event) => event.data?.detectionProgress.phase === 'DONE', { everyMs: 5_000, ms: 60_000 });

    const answer = await run();
    expect(answer.errors).toBeUndefined();
    const events = await waitForDone(progress);
    const runs = new Set(events.map((e) => e.data!.detectionProgress.runId));
    expect(runs.size).toBe(1);
    const steps = events.map((e) => e.data!.detectionProgress);
    expect(steps.every((s) => s.territoryId === fensch)).toBe(true);
    const phases = [...new Set(steps.map((s) => s.phase))];
    expect(phases).toEqual(['READING', 'DETECTING', 'RECONCILING', 'ANNOUNCING', 'DONE']);
    const percents = steps.map((s) => s.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(percents[0]).toBe(0);
    expect(percents.at(-1)).toBe(100);
    expect(steps.at(-1)!.report).toEqual(answer.data!.detectSynergies);
    expect(steps.slice(0, -1).every((s) => s.report === null)).toBe(true);
  });

  /** The events of the next run, up to its DONE. */
  async function waitForDone(progress: ReturnType<typeof collect<Progress>>) {
    for (let i = 0; i < 300; i++) {
      const events = progress.events;
      if (events.some((e) => e.data?.detectionProgress.phase === 'DONE')) return events;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('no DONE event');
  }
});
