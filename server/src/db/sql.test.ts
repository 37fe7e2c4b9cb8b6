import { describe, expect, it } from 'vitest';
import { containsPattern, sqlList } from './sql.js';

describe('shared SQL pieces', () => {
  it('reads LIKE wildcards typed by a user literally', () => {
    expect(containsPattern('100%')).toBe('%100\\%%');
    expect(containsPattern('a_b')).toBe('%a\\_b%');
    expect(containsPattern('c:\\tmp')).toBe('%c:\\\\tmp%');
    expect(containsPattern('palettes')).toBe('%palettes%');
  });

  it('passes a list as one parameter', () => {
    expect(sqlList(['a', 'b'])).toBe('a,b');
    expect(sqlList([])).toBe('');
  });
});
