import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cycleText, dependencyCycle, findCycle } from '../../../../src/core/domain/dependencies';

describe('findCycle', () => {
  it('returns null for a DAG and one closed cycle otherwise', () => {
    expect(findCycle(new Map([['a', []], ['b', ['a']], ['c', ['a', 'b']]]))).toBeNull();
    expect(findCycle(new Map([['a', ['b']], ['b', ['a']]]))).toEqual(['b', 'a', 'b']);
    expect(findCycle(new Map([['x', ['unknown']]]))).toBeNull();
  });

  it('handles a long chain without recursion', () => {
    const graph = new Map<string, string[]>();
    for (let i = 0; i < 50_000; i++) graph.set(`n${i}`, i === 0 ? [] : [`n${i - 1}`]);
    expect(findCycle(graph)).toBeNull();
  });
});

describe('dependencyCycle', () => {
  it('tells the cycle from the item that comes first in the list', () => {
    const items = [
      { id: 'z', predecessors: [] },
      { id: 'b', predecessors: ['c'] },
      { id: 'c', predecessors: ['a'] },
      { id: 'a', predecessors: ['b', 'z'] },
    ];
    expect(dependencyCycle(items)).toEqual(['b', 'a', 'c', 'b']);
    expect(dependencyCycle([items[3], items[0], items[1], items[2]].filter((i) => i !== undefined))).toEqual(['a', 'c', 'b', 'a']);
  });

  it('leaves self-references and unknown predecessors to the caller', () => {
    expect(dependencyCycle([{ id: 'a', predecessors: ['a', 'ghost'] }])).toBeNull();
  });

  it('finds a cycle exactly when the items cannot be put in an order where predecessors come first', () => {
    const graphs = fc.integer({ min: 1, max: 8 }).chain((n) =>
      fc.array(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 })), { maxLength: 14 }).map((edges) =>
        Array.from({ length: n }, (_, i) => ({ id: `t${i}`, predecessors: edges.filter(([to, from]) => to === i && from !== i).map(([, from]) => `t${from}`) })),
      ),
    );
    fc.assert(
      fc.property(graphs, (items) => {
        // Kahn's algorithm as the independent oracle: every item placed ⇔ no cycle.
        const indegree = new Map(items.map((i) => [i.id, new Set(i.predecessors).size]));
        const ready = items.filter((i) => indegree.get(i.id) === 0).map((i) => i.id);
        let placed = 0;
        while (ready.length > 0) {
          const id = ready.pop() as string;
          placed += 1;
          for (const next of items.filter((i) => i.predecessors.includes(id))) {
            const left = (indegree.get(next.id) ?? 0) - 1;
            indegree.set(next.id, left);
            if (left === 0) ready.push(next.id);
          }
        }
        const cycle = dependencyCycle(items);
        expect(cycle === null).toBe(placed === items.length);
        if (cycle) {
          // Closed, and every step is a real "finishes before" edge.
          expect(cycle[0]).toBe(cycle.at(-1));
          for (let k = 0; k + 1 < cycle.length; k++) {
            expect(items.find((i) => i.id === cycle[k + 1])?.predecessors).toContain(cycle[k]);
          }
        }
      }),
    );
  });
});

describe('cycleText', () => {
  it('names items by title where there is one', () => {
    const titles = new Map([['a', 'Loads'], ['b', 'Models']]);
    expect(cycleText(['a', 'b', 'x', 'a'], (id) => titles.get(id))).toBe('"Loads" → "Models" → "x" → "Loads"');
  });
});
