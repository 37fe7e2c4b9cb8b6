import { describe, expect, it } from 'vitest';
import { appendedTo } from './grown-list.js';

describe('appendedTo', () => {
  it('keeps the items themselves when the list is empty or missing, a list of their length', () => {
    const items = [3, 4];
    expect(appendedTo(undefined, items)).toBe(items);
    expect(appendedTo([], items)).toBe(items);
  });

  it('appends to a list that holds something, in order, and keeps that list', () => {
    const list = [1];
    expect(appendedTo(list, [2, 3])).toBe(list);
    expect(list).toEqual([1, 2, 3]);
  });
});
