import { describe, expect, it } from 'vitest';
import { lazily } from './services.js';

describe('lazily: the services of a unit of work are built when first read, once', () => {
  const table = () => {
    const built: string[] = [];
    const factories = {
      base: (input: { tag: string }) => {
        built.push('base');
        return { tag: input.tag };
      },
      other: (input: { tag: string; self: { readonly base: { tag: string } } }) => {
        built.push('other');
        return { base: input.self.base };
      },
      unused: () => {
        built.push('unused');
        return {};
      },
    };
    return { built, make: lazily<{ tag: string; self: { readonly base: { tag: string } } }, typeof factories>(factories) };
  };

  it('builds nothing until a property is read, then only what that property needs, and each once', () => {
    const { built, make } = table();
    let inputs = 0;
    const lazy = make(() => {
      inputs++;
      return { tag: 'unit', self: lazy };
    });
    expect(built).toEqual([]);
    expect(inputs).toBe(0);
    const other = lazy.other;
    expect(built).toEqual(['other', 'base']);
    expect(other.base).toBe(lazy.base);
    expect(lazy.other).toBe(other);
    expect(built).toEqual(['other', 'base']);
    expect(lazy.base.tag).toBe('unit');
  });

  it('keeps what each object built to itself', () => {
    const { built, make } = table();
    const first = make(() => ({ tag: 'first', self: first }));
    const second = make(() => ({ tag: 'second', self: second }));
    expect([first.base.tag, second.base.tag]).toEqual(['first', 'second']);
    expect(first.base).not.toBe(second.base);
    expect(built).toEqual(['base', 'base']);
  });
});
