import { describe, expect, it } from 'vitest';
import { boardColumns } from './board';

describe('boardColumns', () => {
  it('puts each project in the column of its stage, keeping the order given, abandoned ones apart', () => {
    const projects = [
      { id: 'a', stage: 'STUDY' },
      { id: 'b', stage: 'ABANDONED' },
      { id: 'c', stage: 'STUDY' },
      { id: 'd', stage: 'OPERATIONAL' },
    ] as const;
    const board = boardColumns(projects);
    expect(board.columns.map((c) => [c.stage, c.projects.map((p) => p.id)])).toEqual([
      ['IDEA', []],
      ['STUDY', ['a', 'c']],
      ['IMPLEMENTATION', []],
      ['OPERATIONAL', ['d']],
    ]);
    expect(board.abandoned.map((p) => p.id)).toEqual(['b']);
  });
});
