/**
 * Where the actor network's node labels go, so that no two overlap: a greedy layout. Nodes come
 * most important first; each label takes the first side of its node (below, above, right, left)
 * where it stays inside the view and overlaps no node and no label placed before it; a label with
 * no free side is left out (the table under the graph names every edge, and hovering a node shows
 * its name). Boxes are the renderer's own, so what is checked is what is drawn.
 */

export type LabelSide = 'bottom' | 'top' | 'right' | 'left';

export const LABEL_SIDES: readonly LabelSide[] = ['bottom', 'top', 'right', 'left'];

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

/**
 * The side of each node's label, or null when every side would leave `view` or overlap; `nodes`
 * most important first. `labelBox` gives the label's box on a side (the renderer pads it around
 * the text, so touching boxes leave room between the words), `bodies` the nodes' own boxes: a
 * label is checked against every node but its own, which it keeps a gap from by construction.
 */
export function placeLabels<N>(nodes: readonly N[], labelBox: (node: N, side: LabelSide) => Box, bodies: ReadonlyMap<N, Box>, view: Box): Map<N, LabelSide | null> {
  const labels: Box[] = [];
  const placed = new Map<N, LabelSide | null>();
  for (const node of nodes) {
    const others = [...bodies].filter(([other]) => other !== node).map(([, box]) => box);
    let chosen: Box | null = null;
    const side = LABEL_SIDES.find((s) => {
      const box = labelBox(node, s);
      const inside = box.x1 >= view.x1 && box.x2 <= view.x2 && box.y1 >= view.y1 && box.y2 <= view.y2;
      if (!inside || labels.some((o) => overlaps(box, o)) || others.some((o) => overlaps(box, o))) return false;
      chosen = box;
      return true;
    });
    placed.set(node, side ?? null);
    if (chosen) labels.push(chosen);
  }
  return placed;
}
