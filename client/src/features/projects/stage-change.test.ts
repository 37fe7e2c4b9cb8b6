import { describe, expect, it } from 'vitest';
import { reasonInput, stageChangeProblem } from './stage-change';

describe('stage changes', () => {
  it('asks why a project is abandoned', () => {
    expect(stageChangeProblem('ABANDONED', '  ')).toBe('project.stage.reasonRequired');
    expect(stageChangeProblem('ABANDONED', 'Plus de gisement')).toBeNull();
  });

  it('lets other moves go without a reason, within the API limit', () => {
    expect(stageChangeProblem('STUDY', '')).toBeNull();
    expect(stageChangeProblem('STUDY', 'x'.repeat(2001))).toBe('project.stage.reasonTooLong');
  });

  it('sends no reason rather than a blank one', () => {
    expect(reasonInput('  ')).toBeNull();
    expect(reasonInput(' Subvention refusée ')).toBe('Subvention refusée');
  });
});
