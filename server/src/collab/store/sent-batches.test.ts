import { describe, expect, it } from 'vitest';
import { SentBatches } from './sent-batches.js';

describe('SentBatches', () => {
  it('takes a batch by id wherever it is, keeps the others in the order sent, and forgets what it gave', () => {
    const sent = new SentBatches<string>();
    for (let id = 1; id <= 5; id++) sent.add(id, `b${id}`);
    expect(sent.take(1)).toBe('b1');
    expect(sent.take(4)).toBe('b4');
    expect(sent.take(4)).toBeUndefined();
    expect(sent.take(9)).toBeUndefined();
    expect(sent.size).toBe(3);
    sent.add(6, 'b6');
    expect(sent.takeAll()).toEqual([
      [2, 'b2'],
      [3, 'b3'],
      [5, 'b5'],
      [6, 'b6'],
    ]);
    expect(sent.size).toBe(0);
    expect(sent.take(2)).toBeUndefined();
  });

  it('answers as a Map would over a random run of sends and out-of-order answers', () => {
    const sent = new SentBatches<number>();
    const model = new Map<number, number>();
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    let next = 1;
    for (let step = 0; step < 5000; step++) {
      if (rand() < 0.55) {
        sent.add(next, next * 10);
        model.set(next, next * 10);
        next++;
      } else {
        const id = 1 + Math.floor(rand() * next);
        expect(sent.take(id)).toBe(model.get(id));
        model.delete(id);
      }
      expect(sent.size).toBe(model.size);
    }
    expect(sent.takeAll()).toEqual([...model.entries()]);
  });
});
