/**
 * The rule that work depends on other work without going round in a circle: the one place a
 * dependency cycle is found and named, for the storage (an edit), Workspace JSON (an import) and
 * the scheduling engine (Schedule JSON), so that the same refusal reads the same everywhere.
 */

/** What the rule looks at: an id and the ids that must finish first. */
export interface Dependent {
  readonly id: string;
  readonly predecessors: readonly string[];
}

/**
 * Finds a dependency cycle in `graph` (item id → ids of its predecessors). Returns the ids of one
 * cycle in "finishes before" order, closed by repeating the first (`['a', 'b', 'a']`: a before b
 * before a), or null when there is none. Predecessors that are not keys of the graph are ignored
 * (unknown references are reported separately). Iterative, so a long chain cannot overflow the
 * stack; deterministic: nodes and predecessors are visited in their given order.
 */
export function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  for (const root of graph.keys()) {
    if (state.has(root)) continue;
    // Each frame: a node and the index of the next predecessor to visit.
    const stack: { id: string; next: number }[] = [{ id: root, next: 0 }];
    state.set(root, 'open');
    while (stack.length > 0) {
      const frame = stack[stack.length - 1] as { id: string; next: number };
      const predecessors = graph.get(frame.id) ?? [];
      if (frame.next >= predecessors.length) {
        state.set(frame.id, 'done');
        stack.pop();
        continue;
      }
      const p = predecessors[frame.next++] as string;
      if (!graph.has(p)) continue;
      const seen = state.get(p);
      if (seen === 'open') {
        // The stack from p up to here follows "has predecessor" edges; reversed it reads "finishes before".
        const start = stack.findIndex((f) => f.id === p);
        const order = stack
          .slice(start)
          .map((f) => f.id)
          .reverse();
        return [...order, order[0] as string];
      }
      if (seen === undefined) {
        state.set(p, 'open');
        stack.push({ id: p, next: 0 });
      }
    }
  }
  return null;
}

/**
 * The dependency cycle `items` make, told from the item that comes first in the list (so a
 * message reads in the list's order), closed by repeating it; null when there is none. An item
 * naming itself and unknown predecessors are left to the caller, which names them as such.
 */
export function dependencyCycle(items: readonly Dependent[]): string[] | null {
  const graph = new Map<string, readonly string[]>();
  for (const item of items) if (!graph.has(item.id)) graph.set(item.id, item.predecessors.filter((p) => p !== item.id));
  const found = findCycle(graph);
  if (found === null) return null;
  const position = new Map(items.map((item, index) => [item.id, index] as const).reverse());
  const ring = found.slice(0, -1);
  const first = ring.reduce((best, id, k) => ((position.get(id) ?? 0) < (position.get(ring[best] as string) ?? 0) ? k : best), 0);
  return [...ring.slice(first), ...ring.slice(0, first), ring[first] as string];
}

/** A cycle as people read it: `"Loads" → "Models" → "Loads"`, by title where there is one. */
export function cycleText(cycle: readonly string[], titleOf: (id: string) => string | undefined): string {
  return cycle.map((id) => `"${titleOf(id) ?? id}"`).join(' → ');
}
