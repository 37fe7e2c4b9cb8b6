import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { PlanContent } from '../../project/plan-document.port.js';
import {
  applyTolerant,
  changeOf,
  changeStep,
  emptyPlan,
  exchange,
  modelApply,
  writeParagraphs,
} from './plan-changes.fixture.js';
import { plainTextOfNotes, readPlan } from './plan-reader.js';
import { restoreAsNewChange } from './restore-version.js';

const steps = fc.array(fc.tuple(changeStep, fc.boolean()), { maxLength: 30 });

describe('the plan document under random changes', () => {
  it('two replicas exchanging updates converge on what the reference model says', () => {
    fc.assert(
      fc.property(steps, (sequence) => {
        const [a, b] = [new Y.Doc(), new Y.Doc()];
        let model: PlanContent = emptyPlan();
        sequence.forEach(([step, onA], index) => {
          const replica = onA ? a : b;
          const change = changeOf(step, readPlan(replica));
          const newId = `a-${index}`;
          const expected = modelApply(model, change, newId);
          expect(applyTolerant(replica, change, newId)).toBe(expected === 'NOT_FOUND' ? 'NOT_FOUND' : 'APPLIED');
          if (expected !== 'NOT_FOUND') model = expected;
          exchange(a, b);
        });
        expect(readPlan(a)).toEqual(model);
        expect(readPlan(b)).toEqual(model);
      }),
      { numRuns: 200 },
    );
  });

  it('replicas editing concurrently, then exchanging, end with the same plan', () => {
    const rounds = fc.array(fc.tuple(fc.array(changeStep, { maxLength: 6 }), fc.array(changeStep, { maxLength: 6 })), {
      maxLength: 5,
    });
    fc.assert(
      fc.property(rounds, (sequence) => {
        const [a, b] = [new Y.Doc(), new Y.Doc()];
        let counter = 0;
        for (const [onA, onB] of sequence) {
          for (const step of onA) applyTolerant(a, changeOf(step, readPlan(a)), `a-${counter++}`);
          for (const step of onB) applyTolerant(b, changeOf(step, readPlan(b)), `b-${counter++}`);
          exchange(a, b);
          expect(readPlan(a)).toEqual(readPlan(b));
        }
        expect(Y.encodeStateVector(a)).toEqual(Y.encodeStateVector(b));
      }),
      { numRuns: 150 },
    );
  });

  it('restoring a version makes the plan and its notes equal to the version, through a new update every replica takes', () => {
    const notes = fc.array(fc.string({ maxLength: 15 }), { maxLength: 4 });
    fc.assert(
      fc.property(steps, notes, steps, notes, (before, notesBefore, after, notesAfter) => {
        const live = new Y.Doc();
        let counter = 0;
        const run = (sequence: typeof before) => {
          for (const [step] of sequence) applyTolerant(live, changeOf(step, readPlan(live)), `a-${counter++}`);
        };
        run(before);
        writeParagraphs(live, notesBefore);
        live.getMap('meta').set('summary', 'Avant le comité');
        const version = Y.encodeStateAsUpdate(live);
        const versionDoc = new Y.Doc();
        Y.applyUpdate(versionDoc, version);

        run(after);
        writeParagraphs(live, notesAfter);
        live.getMap('meta').set('summary', 'Après le comité');
        const peer = new Y.Doc();
        Y.applyUpdate(peer, Y.encodeStateAsUpdate(live));
        const vectorBefore = Y.encodeStateVector(live);

        restoreAsNewChange(live, version, 'restore');
        expect(readPlan(live)).toEqual(readPlan(versionDoc));
        expect(plainTextOfNotes(live)).toBe(plainTextOfNotes(versionDoc));
        // The restore is an update on top: the peer that holds the later history takes it and lands on the version.
        Y.applyUpdate(peer, Y.encodeStateAsUpdate(live, vectorBefore));
        expect(readPlan(peer)).toEqual(readPlan(versionDoc));
        expect(plainTextOfNotes(peer)).toBe(plainTextOfNotes(versionDoc));
      }),
      { numRuns: 100 },
    );
  });
});
