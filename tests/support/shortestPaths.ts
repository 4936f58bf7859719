/**
 * Textbook Dijkstra with a binary heap, for checking and timing the SQL
 * walking search (tests/sql/walkingDistance, bench/walkingSearch): the
 * reference it must equal, and the JavaScript alternative it is measured against.
 */

/** Per node, its edges: [to, length in metres]. */
export type Graph = Map<number, Array<[number, number]>>;

export function graphOf(edges: Array<{ from_node: number; to_node: number; length_m: number }>): Graph {
  const graph: Graph = new Map();
  for (const edge of edges) {
    const list = graph.get(edge.from_node) ?? [];
    list.push([edge.to_node, edge.length_m]);
    graph.set(edge.from_node, list);
  }
  return graph;
}

/** The shortest distance to every node from the nearest of the seeds ([node, distance]), up to a bound. */
export function dijkstra(graph: Graph, seeds: Array<[number, number]>, bound = Infinity): Map<number, number> {
  const best = new Map<number, number>();
  const heap: Array<[number, number]> = [];
  const push = (item: [number, number]) => {
    heap.push(item);
    for (let i = heap.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (heap[parent]![0] <= heap[i]![0]) break;
      [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
      i = parent;
    }
  };
  const pop = (): [number, number] => {
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      for (let i = 0; ;) {
        const left = 2 * i + 1;
        let smallest = i;
        if (left < heap.length && heap[left]![0] < heap[smallest]![0]) smallest = left;
        if (left + 1 < heap.length && heap[left + 1]![0] < heap[smallest]![0]) smallest = left + 1;
        if (smallest === i) break;
        [heap[smallest], heap[i]] = [heap[i]!, heap[smallest]!];
        i = smallest;
      }
    }
    return top;
  };
  for (const [node, distance] of seeds) if (distance <= bound) push([distance, node]);
  while (heap.length > 0) {
    const [distance, node] = pop();
    if (best.has(node)) continue;
    best.set(node, distance);
    for (const [to, length] of graph.get(node) ?? []) {
      if (!best.has(to) && distance + length <= bound) push([distance + length, to]);
    }
  }
  return best;
}
