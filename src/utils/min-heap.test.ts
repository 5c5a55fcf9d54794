import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { MinHeap } from './min-heap.ts';

describe('MinHeap', () => {
  test('pops any list of numbers in sorted order, whatever pushes and pops interleave', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -50, max: 50 }), fc.constant(null))), (operations) => {
        const heap = new MinHeap<number>((a, b) => a < b);
        const model: number[] = [];
        for (const operation of operations) {
          if (operation === null) {
            model.sort((a, b) => a - b);
            expect(heap.pop()).toBe(model.shift());
          } else {
            heap.push(operation);
            model.push(operation);
          }
          expect(heap.size).toBe(model.length);
        }
        model.sort((a, b) => a - b);
        const rest: number[] = [];
        for (let item = heap.pop(); item !== undefined; item = heap.pop()) rest.push(item);
        expect(rest).toEqual(model);
      }),
    );
  });

  test('breaks ties as its order says: equal words come out in shard order', () => {
    const items = [3, 1, 2, 0].map((shard) => ({ word: 'same', shard }));
    const heap = new MinHeap<(typeof items)[number]>((a, b) => a.word < b.word || (a.word === b.word && a.shard < b.shard), items);
    expect([heap.pop(), heap.pop(), heap.pop(), heap.pop()].map((item) => item!.shard)).toEqual([0, 1, 2, 3]);
    expect(heap.peek()).toBeUndefined();
  });
});
