// The cycle's flat node list (ordered by position) as a tree, and the lookups the screens need.
import type { NodeScore, TreeNode } from '../graphql/types.js';

export type TreeIndex<N extends TreeNode = TreeNode> = {
  roots: N[];
  children: Map<string, N[]>;
  byId: Map<string, N>;
};

/** Indexes nodes by id and by parent, children in plan order (position, then code). */
export function indexTree<N extends TreeNode>(nodes: readonly N[]): TreeIndex<N> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const children = new Map<string, N[]>();
  const roots: N[] = [];
  const ordered = [...nodes].sort((a, b) => a.position - b.position || a.code.localeCompare(b.code, 'it', { numeric: true }));
  for (const node of ordered) {
    if (node.parentId === null || !byId.has(node.parentId)) roots.push(node);
    else {
      const list = children.get(node.parentId) ?? [];
      list.push(node);
      children.set(node.parentId, list);
    }
  }
  return { roots, children, byId };
}

/** Node scores by node id. */
export function scoresById(scores: readonly NodeScore[]): Map<string, NodeScore> {
  return new Map(scores.map((s) => [s.nodeId, s]));
}

/** Whether a node or any of its descendants matches the search (code prefix or words of the title). */
export function matches(node: TreeNode, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  return node.code.toLowerCase().startsWith(q) || node.title.toLowerCase().includes(q);
}

/** The ids to show for a search: matching nodes and their ancestors (so the path stays visible). */
export function visibleForSearch(index: TreeIndex, query: string): Set<string> | null {
  if (query.trim() === '') return null;
  const visible = new Set<string>();
  for (const node of index.byId.values()) {
    if (!matches(node, query)) continue;
    let current: TreeNode | undefined = node;
    while (current && !visible.has(current.id)) {
      visible.add(current.id);
      current = current.parentId ? index.byId.get(current.parentId) : undefined;
    }
  }
  return visible;
}

/** Sum of weights, rounded to hundredths (to compare with 100 ± 0.01 as the API does). */
export function weightSum(weights: readonly number[]): number {
  return Math.round(weights.reduce((sum, w) => sum + w, 0) * 100) / 100;
}

/** Whether sibling weights sum to 100 within the API's tolerance (± 0.01). */
export function weightsSumTo100(weights: readonly number[]): boolean {
  return Math.abs(weights.reduce((sum, w) => sum + w, 0) - 100) <= 0.01 + 1e-9;
}
