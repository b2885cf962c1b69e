/**
 * The arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez & Satta 2011) with the root at the
 * end of the buffer (Ballesteros & Nivre 2013), and its dynamic oracle (Goldberg & Nivre 2013).
 *
 * A configuration is a stack σ (top s0), a buffer β = b … n whose last item n is the root, and the
 * arcs built so far. Three transitions, each labelled when it builds an arc:
 *   SHIFT      moves b0 onto the stack;
 *   LEFT(l)    pops s0 and makes b0 its head (s0 is a left dependent of b0);
 *   RIGHT(l)   pops s0 and makes s1 its head (s0 is a right dependent of s1).
 * Attaching to the root is LEFT with b0 = root, allowed only when s0 is the last item on the
 * stack, so every sentence gets exactly one root. The system builds projective trees only;
 * training trees are projectivised first ({@link projectivize}).
 *
 * Actions are class indexes: 0 = SHIFT, 1 + 2k = LEFT with label k, 2 + 2k = RIGHT with label k.
 * Label 0 is `root`: the one arc to the root takes it, and no other arc may.
 */

export const ROOT_LABEL = 0;

export const SHIFT = 0;
export const LEFT = 1;
export const RIGHT = 2;

/** The transition of action `a`: SHIFT, LEFT or RIGHT. */
export function moveOf(action: number): number {
  return action === 0 ? SHIFT : action % 2 === 1 ? LEFT : RIGHT;
}

/** The label index of an arc-building action. */
export function labelOf(action: number): number {
  return (action - 1) >> 1;
}

export function actionOf(move: number, label: number): number {
  return move === SHIFT ? 0 : 1 + 2 * label + (move === RIGHT ? 1 : 0);
}

/** No token: a position past the stack or buffer, a missing child. */
export const NONE = -1;

/** A parser configuration over one sentence of `n` words; arrays are reused across sentences. */
export class Configuration {
  n = 0;
  /** Stack items, bottom first; `stack[depth − 1]` is s0. */
  stack = new Int32Array(64);
  depth = 0;
  /** Front of the buffer; `n` is the root. */
  b = 0;
  /** Head of each word (`n` = the root), NONE while unattached. */
  heads = new Int32Array(64);
  labels = new Int32Array(64);
  /** Leftmost and second-leftmost, rightmost and second-rightmost dependents; NONE when absent. */
  left1 = new Int32Array(64);
  left2 = new Int32Array(64);
  right1 = new Int32Array(64);
  right2 = new Int32Array(64);
  /** Number of left and right dependents. */
  leftCount = new Int32Array(64);
  rightCount = new Int32Array(64);
  /** Bit sets of the labels of the left and right dependents (labels ≥ 31 share the top bit). */
  leftLabels = new Int32Array(64);
  rightLabels = new Int32Array(64);

  reset(n: number): void {
    if (n + 1 > this.heads.length) {
      const size = Math.max(n + 1, this.heads.length * 2);
      this.stack = new Int32Array(size);
      this.heads = new Int32Array(size);
      this.labels = new Int32Array(size);
      this.left1 = new Int32Array(size);
      this.left2 = new Int32Array(size);
      this.right1 = new Int32Array(size);
      this.right2 = new Int32Array(size);
      this.leftCount = new Int32Array(size);
      this.rightCount = new Int32Array(size);
      this.leftLabels = new Int32Array(size);
      this.rightLabels = new Int32Array(size);
    }
    this.n = n;
    this.depth = 0;
    this.b = 0;
    for (const column of [this.heads, this.left1, this.left2, this.right1, this.right2]) column.fill(NONE, 0, n + 1);
    for (const column of [this.labels, this.leftCount, this.rightCount, this.leftLabels, this.rightLabels]) column.fill(0, 0, n + 1);
  }

  get terminal(): boolean {
    return this.b === this.n && this.depth === 0;
  }

  /** Stack item `k` from the top (0 = s0), or NONE. */
  s(k: number): number {
    return k < this.depth ? this.stack[this.depth - 1 - k] : NONE;
  }

  /** Buffer item `k` from the front (0 = b0), or NONE past the root. */
  buffer(k: number): number {
    return this.b + k <= this.n ? this.b + k : NONE;
  }

  canShift(): boolean {
    return this.b < this.n;
  }

  canLeft(): boolean {
    return this.depth > 0 && (this.b < this.n || this.depth === 1);
  }

  canRight(): boolean {
    return this.depth > 1;
  }

  /** Whether action `a` may be taken now; only the arc to the root is labelled `root`. */
  legal(action: number): boolean {
    const move = moveOf(action);
    if (move === SHIFT) return this.canShift();
    const root = labelOf(action) === ROOT_LABEL;
    return move === LEFT ? this.canLeft() && root === (this.b === this.n) : this.canRight() && !root;
  }

  apply(action: number): void {
    const move = moveOf(action);
    if (move === SHIFT) {
      this.stack[this.depth++] = this.b++;
      return;
    }
    const dependent = this.stack[--this.depth];
    const label = labelOf(action);
    const bit = 1 << Math.min(label, 31);
    this.labels[dependent] = label;
    if (move === LEFT) {
      const head = this.b;
      this.heads[dependent] = head;
      // Left dependents of b0 arrive right to left, so the newest is the leftmost.
      this.left2[head] = this.left1[head];
      this.left1[head] = dependent;
      this.leftCount[head]++;
      this.leftLabels[head] |= bit;
    } else {
      const head = this.stack[this.depth - 1];
      this.heads[dependent] = head;
      // Right dependents of s1 arrive left to right, so the newest is the rightmost.
      this.right2[head] = this.right1[head];
      this.right1[head] = dependent;
      this.rightCount[head]++;
      this.rightLabels[head] |= bit;
    }
  }

  /**
   * Dynamic-oracle costs of the three moves against projective gold heads (`n` = root): how many
   * gold arcs each move makes unreachable. Illegal moves cost Infinity.
   */
  moveCosts(goldHeads: ArrayLike<number>, out: Float64Array): void {
    const { n, b, depth, stack } = this;
    const s0 = depth > 0 ? stack[depth - 1] : NONE;
    const s1 = depth > 1 ? stack[depth - 2] : NONE;
    out[SHIFT] = Infinity;
    out[LEFT] = Infinity;
    out[RIGHT] = Infinity;
    if (this.canShift()) {
      // b0 loses its gold head if that is below s0 on the stack, and its gold dependents on the stack.
      let cost = 0;
      for (let k = 0; k < depth; k++) {
        const item = stack[k];
        if (item !== s0 && goldHeads[b] === item) cost++;
        if (goldHeads[item] === b) cost++;
      }
      out[SHIFT] = cost;
    }
    if (s0 === NONE) return;
    // Popping s0 loses its gold dependents still in the buffer.
    let lostDependents = 0;
    for (let k = b; k < n; k++) if (goldHeads[k] === s0) lostDependents++;
    const head = goldHeads[s0];
    const headInBuffer = head >= b;
    if (this.canLeft()) out[LEFT] = lostDependents + ((head === s1 && s1 !== NONE) || (headInBuffer && head !== b) ? 1 : 0);
    if (this.canRight()) out[RIGHT] = lostDependents + (headInBuffer ? 1 : 0);
  }
}

/**
 * Lifts non-projective arcs until the tree is projective (Nivre & Nilsson 2005, without label
 * encoding): the shortest crossing arc's dependent is re-attached to its head's head. `heads` are
 * 0-based with `n` (= heads.length) for the root; returns a new array.
 */
export function projectivize(heads: readonly number[]): number[] {
  const n = heads.length;
  const out = [...heads];
  for (let guard = 0; guard < n * n; guard++) {
    let worst = -1;
    let worstLength = Infinity;
    for (let d = 0; d < n; d++) {
      if (out[d] === n || !isNonProjective(out, d)) continue;
      const length = Math.abs(out[d] - d);
      if (length < worstLength) {
        worst = d;
        worstLength = length;
      }
    }
    if (worst < 0) return out;
    out[worst] = out[out[worst]];
  }
  return out;
}

/** True when some word between `d` and its head is not dominated by that head. */
function isNonProjective(heads: readonly number[], d: number): boolean {
  const n = heads.length;
  const h = heads[d];
  const from = Math.min(h, d) + 1;
  const to = Math.max(h, d);
  for (let k = from; k < to; k++) {
    let a = k;
    let steps = 0;
    while (a !== h && a !== n && steps++ <= n) a = heads[a];
    if (a !== h) return true;
  }
  return false;
}
