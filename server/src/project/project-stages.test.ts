import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canMoveStage, nextStages } from './project-stages.js';
import { ProjectStage } from './project.enums.js';

const stage = fc.constantFrom(...Object.values(ProjectStage));
const ACTIVE = [ProjectStage.IDEA, ProjectStage.STUDY, ProjectStage.IMPLEMENTATION, ProjectStage.OPERATIONAL];

describe('project stages', () => {
  it('move one step at a time between active stages, never in place', () => {
    fc.assert(
      fc.property(stage, stage, (from, to) => {
        if (ACTIVE.includes(from) && ACTIVE.includes(to)) {
          expect(canMoveStage(from, to)).toBe(Math.abs(ACTIVE.indexOf(from) - ACTIVE.indexOf(to)) === 1);
        }
        if (from === to) expect(canMoveStage(from, to)).toBe(false);
      }),
    );
  });

  it('abandon from any active stage, and reopen only as an IDEA', () => {
    for (const from of ACTIVE) expect(canMoveStage(from, ProjectStage.ABANDONED)).toBe(true);
    expect(nextStages(ProjectStage.ABANDONED)).toEqual([ProjectStage.IDEA]);
  });

  it('offer exactly the moves they allow', () => {
    fc.assert(
      fc.property(stage, stage, (from, to) => {
        expect(nextStages(from).includes(to)).toBe(canMoveStage(from, to));
      }),
    );
  });
});
