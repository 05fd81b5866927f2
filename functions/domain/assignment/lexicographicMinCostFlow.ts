// Min-cost flow by successive shortest paths, with costs that are vectors compared lexicographically.
// A small, general reference implementation: the draws themselves use assignPanels (a flow specialised to
// panels, built for 80,000 cases); the tests check assignPanels' optimum against this one.
// A vector cost states priorities directly ("first use as few reserves as possible, then spread the load,
// then follow the seeded order") instead of folding them into one number with big weights that could
// overflow or interact. Vectors under component-wise addition and lexicographic order form an ordered
// group, which is all the successive-shortest-path argument needs: starting from non-negative costs, the
// residual graph never has a negative cycle, and each augmentation along a cheapest path keeps the flow
// the cheapest one of its size. Shortest paths use Bellman-Ford (queue-based) because residual edges
// carry negative costs. Edges and distances live in flat arrays so that a relaxation allocates nothing.

export type CostVector = readonly number[];

export type EdgeRef = { from: number; index: number };

export class LexicographicMinCostFlow {
  private readonly nodeCount: number;
  private readonly dimensions: number;
  /** Outgoing edge ids per node, forward and residual (backward) edges alike. */
  private readonly outgoing: number[][];
  private readonly head: number[] = [];
  private readonly capacity: number[] = [];
  private readonly initialCapacity: number[] = [];
  private readonly cost: number[] = [];

  constructor(nodeCount: number, dimensions: number) {
    this.nodeCount = nodeCount;
    this.dimensions = dimensions;
    this.outgoing = Array.from({ length: nodeCount }, () => []);
  }

  addEdge(from: number, to: number, capacity: number, cost: CostVector): EdgeRef {
    if (cost.length !== this.dimensions || cost.some((component) => component < 0 || !Number.isFinite(component))) {
      throw new RangeError("edge costs must be finite, non-negative and of the declared dimension");
    }
    if (!(capacity >= 0)) throw new RangeError("edge capacity must be non-negative");
    const fromList = this.list(from);
    const toList = this.list(to);
    // Edge e and its residual twin e ^ 1 are stored side by side.
    const forward = this.head.length;
    this.head.push(to, from);
    this.capacity.push(capacity, 0);
    this.initialCapacity.push(capacity, 0);
    this.cost.push(...cost, ...cost.map((component) => -component));
    fromList.push(forward);
    toList.push(forward + 1);
    return { from, index: forward };
  }

  /** Units of flow currently sent through an edge added with addEdge. */
  flowOn(ref: EdgeRef): number {
    const initial = this.initialCapacity[ref.index];
    const remaining = this.capacity[ref.index];
    if (initial === undefined || remaining === undefined) throw new RangeError("unknown edge");
    return initial - remaining;
  }

  /** Sends as much flow as possible (up to `limit`) at the least cost; returns the flow sent. */
  run(source: number, sink: number, limit: number = Number.POSITIVE_INFINITY): number {
    this.list(source);
    this.list(sink);
    let sent = 0;
    while (sent < limit) {
      const path = this.cheapestPath(source, sink);
      if (path === undefined) break;
      let bottleneck = limit - sent;
      for (const edge of path) bottleneck = Math.min(bottleneck, this.capacity[edge] as number);
      for (const edge of path) {
        this.capacity[edge] = (this.capacity[edge] as number) - bottleneck;
        this.capacity[edge ^ 1] = (this.capacity[edge ^ 1] as number) + bottleneck;
      }
      sent += bottleneck;
    }
    return sent;
  }

  /** Edge ids from source to sink along a cheapest residual path, or undefined when the sink is cut off. */
  private cheapestPath(source: number, sink: number): number[] | undefined {
    const { nodeCount, dimensions, head, capacity, cost } = this;
    const reached = new Uint8Array(nodeCount);
    const distance = new Float64Array(nodeCount * dimensions);
    const via = new Int32Array(nodeCount).fill(-1);
    const queued = new Uint8Array(nodeCount);
    const enqueued = new Uint32Array(nodeCount);
    const queue: number[] = [source];
    reached[source] = 1;
    queued[source] = 1;
    for (let position = 0; position < queue.length; position++) {
      const node = queue[position] as number;
      queued[node] = 0;
      const base = node * dimensions;
      for (const edge of this.outgoing[node] as number[]) {
        if ((capacity[edge] as number) <= 0) continue;
        const to = head[edge] as number;
        const target = to * dimensions;
        const edgeBase = edge * dimensions;
        if (reached[to]) {
          // Relax only when strictly cheaper, so that ties keep the first path found (deterministic).
          let order = 0;
          for (let k = 0; k < dimensions && order === 0; k++) {
            order = (distance[base + k] as number) + (cost[edgeBase + k] as number) - (distance[target + k] as number);
          }
          if (order >= 0) continue;
        }
        for (let k = 0; k < dimensions; k++) {
          distance[target + k] = (distance[base + k] as number) + (cost[edgeBase + k] as number);
        }
        reached[to] = 1;
        via[to] = edge;
        if (!queued[to]) {
          enqueued[to] = (enqueued[to] as number) + 1;
          // Each node is queued at most nodeCount times without a negative cycle, which the invariant
          // above rules out; stop rather than loop if that reasoning were ever broken.
          if ((enqueued[to] as number) > nodeCount + 1) throw new Error("negative cycle in residual graph");
          queued[to] = 1;
          queue.push(to);
        }
      }
    }
    if (!reached[sink]) return undefined;
    const path: number[] = [];
    for (let node = sink; node !== source; ) {
      const edge = via[node] as number;
      if (edge < 0) throw new Error("broken shortest-path tree");
      path.push(edge);
      node = head[edge ^ 1] as number;
    }
    return path.reverse();
  }

  private list(node: number): number[] {
    const edges = this.outgoing[node];
    if (edges === undefined) throw new RangeError(`unknown node ${node}`);
    return edges;
  }
}
