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
