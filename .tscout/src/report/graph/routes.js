"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.routeEdges = routeEdges;
const LANE_OFFSET = 16;
const LANE_SPACING = 8;
const CORNER = 8;
function routeEdges(edges, nodes, nodeColumn, columns) {
    let bottom = 0;
    const lanes = [];
    const paths = edges.map((e) => {
        const a = nodes[e.from];
        const b = nodes[e.to];
        const ca = nodeColumn[e.from];
        const cb = nodeColumn[e.to];
        if (Math.abs(ca - cb) <= 1)
            return curve(a, b, e.index);
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
        const points = cb > ca
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
function gapAfter(columns, c) {
    const left = columns[c];
    const right = columns[c + 1];
    return right ? (left.x + left.w + right.x) / 2 : left.x + left.w + 20;
}
const r = (n) => Math.round(n);
/** A cubic curve from the client's side to the server's side; same-column links bow out to the right. */
function curve(a, b, index) {
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
function roundedPolyline(points) {
    const [first] = points;
    let d = `M${r(first[0])},${r(first[1])}`;
    for (let i = 1; i < points.length - 1; i++) {
        const [px, py] = points[i - 1];
        const [x, y] = points[i];
        const [nx, ny] = points[i + 1];
        const inLen = Math.hypot(x - px, y - py);
        const outLen = Math.hypot(nx - x, ny - y);
        const c = Math.min(CORNER, inLen / 2, outLen / 2);
        if (c < 0.5) {
            d += ` L${r(x)},${r(y)}`;
            continue;
        }
        d += ` L${r(x - ((x - px) / inLen) * c)},${r(y - ((y - py) / inLen) * c)} Q${r(x)},${r(y)} ${r(x + ((nx - x) / outLen) * c)},${r(y + ((ny - y) / outLen) * c)}`;
    }
    const [lx, ly] = points[points.length - 1];
    return `${d} L${r(lx)},${r(ly)}`;
}
