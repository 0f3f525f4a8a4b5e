/**
 * Edge routing for the layered layout. Links between neighbouring columns are
 * S-curves; links inside a column bow out into the gap on its right; links that
 * skip columns never cross the nodes in between: they drop into the gap next to
 * their source column, run along a lane under the skipped columns, and climb up
 * in the gap next to their target column.
 */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A physical column of the drawing (a layer, or one part of a wrapped layer). */
export interface Column {
  x: number;
  w: number;
  /** Lowest y used by its groups. */
  bottom: number;
}

const LANE_OFFSET = 16;
const LANE_SPACING = 8;
const CORNER = 8;

export function routeEdges(
  edges: { from: number; to: number; index: number }[],
  nodes: Box[],
  nodeColumn: number[],
  columns: Column[],
): { paths: string[]; bottom: number } {
  let bottom = 0;
  const lanes: { lo: number; hi: number }[] = [];
  const paths = edges.map((e) => {
    const a = nodes[e.from] as Box;
    const b = nodes[e.to] as Box;
    const ca = nodeColumn[e.from] as number;
    const cb = nodeColumn[e.to] as number;
    if (Math.abs(ca - cb) <= 1) return curve(a, b, e.index);
    const lo = Math.min(ca, cb);
    const hi = Math.max(ca, cb);
    const k = lanes.filter((l) => l.lo < hi && lo < l.hi).length;
    lanes.push({ lo, hi });
    const skipped = columns.slice(lo + 1, hi);
    const laneY = Math.max(...skipped.map((c) => c.bottom)) + LANE_OFFSET + k * LANE_SPACING;
    bottom = Math.max(bottom, laneY);
    const ay = a.y + a.h / 2;
    const by = b.y + b.h / 2;
    const shift = (k % 4) * 4;
    const points: [number, number][] =
      cb > ca
        ? [
            [a.x + a.w, ay],
            [gapAfter(columns, ca) + shift, ay],
            [gapAfter(columns, ca) + shift, laneY],
            [gapAfter(columns, cb - 1) - shift, laneY],
            [gapAfter(columns, cb - 1) - shift, by],
            [b.x, by],
          ]
        : [
            [a.x, ay],
            [gapAfter(columns, ca - 1) - shift, ay],
            [gapAfter(columns, ca - 1) - shift, laneY],
            [gapAfter(columns, cb) + shift, laneY],
            [gapAfter(columns, cb) + shift, by],
            [b.x + b.w, by],
          ];
    return roundedPolyline(points);
  });
  return { paths, bottom };
}

/** The middle of the gap between column `c` and the next one. */
function gapAfter(columns: Column[], c: number): number {
  const left = columns[c] as Column;
  const right = columns[c + 1];
  return right ? (left.x + left.w + right.x) / 2 : left.x + left.w + 20;
}

const r = (n: number) => Math.round(n);

/** A cubic curve from the client's side to the server's side; same-column links bow out to the right. */
function curve(a: Box, b: Box, index: number): string {
  const ay = a.y + a.h / 2;
  const by = b.y + b.h / 2;
  if (b.x > a.x + a.w) {
    const x1 = a.x + a.w;
    const x2 = b.x;
    const dx = Math.max(40, (x2 - x1) / 2);
    return `M${r(x1)},${r(ay)} C${r(x1 + dx)},${r(ay)} ${r(x2 - dx)},${r(by)} ${r(x2)},${r(by)}`;
  }
  if (b.x + b.w < a.x) {
    const x1 = a.x;
    const x2 = b.x + b.w;
    const dx = Math.max(40, (x1 - x2) / 2);
    return `M${r(x1)},${r(ay)} C${r(x1 - dx)},${r(ay)} ${r(x2 + dx)},${r(by)} ${r(x2)},${r(by)}`;
  }
  const x = Math.max(a.x + a.w, b.x + b.w);
  const bow = 36 + (index % 4) * 10 + Math.min(60, Math.abs(by - ay) / 6);
  return `M${r(a.x + a.w)},${r(ay)} C${r(x + bow)},${r(ay)} ${r(x + bow)},${r(by)} ${r(b.x + b.w)},${r(by)}`;
}

/** Straight segments through `points` with rounded corners. */
function roundedPolyline(points: [number, number][]): string {
  const [first] = points as [[number, number]];
  let d = `M${r(first[0])},${r(first[1])}`;
  for (let i = 1; i < points.length - 1; i++) {
    const [px, py] = points[i - 1] as [number, number];
    const [x, y] = points[i] as [number, number];
    const [nx, ny] = points[i + 1] as [number, number];
    const inLen = Math.hypot(x - px, y - py);
    const outLen = Math.hypot(nx - x, ny - y);
    const c = Math.min(CORNER, inLen / 2, outLen / 2);
    if (c < 0.5) {
      d += ` L${r(x)},${r(y)}`;
      continue;
    }
    d += ` L${r(x - ((x - px) / inLen) * c)},${r(y - ((y - py) / inLen) * c)} Q${r(x)},${r(y)} ${r(x + ((nx - x) / outLen) * c)},${r(y + ((ny - y) / outLen) * c)}`;
  }
  const [lx, ly] = points[points.length - 1] as [number, number];
  return `${d} L${r(lx)},${r(ly)}`;
}
