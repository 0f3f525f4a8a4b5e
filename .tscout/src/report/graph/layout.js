"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NODE_H = exports.NODE_W = void 0;
exports.layoutGraph = layoutGraph;
const routes_1 = require("./routes");
/**
 * A layered layout computed here (no library, no browser work): host groups are
 * placed in columns by their longest client → server path, ordered inside a
 * column by the position of the groups they talk to (a tall column wraps), and
 * each group holds its nodes in a grid of at most MAX_ROWS rows. Linear-ish in nodes + edges, so a
 * 200-component deployment lays out in milliseconds.
 */
exports.NODE_W = 256;
exports.NODE_H = 58;
const NODE_GAP_X = 16;
const NODE_GAP_Y = 12;
const GROUP_PAD = 12;
const GROUP_HEADER = 24;
const GROUP_GAP_Y = 28;
const COLUMN_GAP = 120;
const SUB_COLUMN_GAP = 48;
const MIN_WRAP_HEIGHT = 620;
const MARGIN = 20;
const MAX_ROWS = 8;
function layoutGraph(graph) {
    const groupCount = graph.groups.length;
    const nodeGroup = graph.nodes.map((n) => n.group);
    const successors = graph.groups.map(() => new Set());
    for (const e of graph.edges) {
        const a = nodeGroup[e.from];
        const b = nodeGroup[e.to];
        if (a !== b)
            successors[a]?.add(b);
    }
    const layer = assignLayers(groupCount, successors);
    const columns = orderColumns(layer, successors);
    const size = graph.groups.map((g) => {
        const cols = Math.max(1, Math.ceil(g.nodes.length / MAX_ROWS));
        const rows = Math.max(1, Math.min(g.nodes.length, MAX_ROWS));
        return {
            cols,
            w: cols * exports.NODE_W + (cols - 1) * NODE_GAP_X + 2 * GROUP_PAD,
            h: GROUP_HEADER + rows * exports.NODE_H + (rows - 1) * NODE_GAP_Y + 2 * GROUP_PAD,
        };
    });
    const groups = graph.groups.map(() => ({ x: 0, y: 0, w: 0, h: 0 }));
    const nodes = graph.nodes.map(() => ({ x: 0, y: 0, w: exports.NODE_W, h: exports.NODE_H }));
    // A layer taller than this wraps into several adjacent columns, so a graph with few links stays on screen.
    const area = size.reduce((sum, s) => sum + s.w * (s.h + GROUP_GAP_Y), 0);
    const maxColumnHeight = Math.max(MIN_WRAP_HEIGHT, Math.sqrt(area) * 0.9);
    const physical = [];
    const nodeColumn = graph.nodes.map(() => 0);
    let x = MARGIN;
    let height = 0;
    columns.forEach((layerGroups, l) => {
        if (l > 0)
            x += COLUMN_GAP - SUB_COLUMN_GAP;
        let y = MARGIN;
        let columnWidth = 0;
        for (const g of layerGroups) {
            const s = size[g];
            if (y > MARGIN && y + s.h > MARGIN + maxColumnHeight) {
                physical.push({ x, w: columnWidth, bottom: y - GROUP_GAP_Y });
                x += columnWidth + SUB_COLUMN_GAP;
                y = MARGIN;
                columnWidth = 0;
            }
            groups[g] = { x, y, w: s.w, h: s.h };
            (graph.groups[g]?.nodes ?? []).forEach((n, i) => {
                nodeColumn[n] = physical.length;
                const col = Math.floor(i / MAX_ROWS);
                const row = i % MAX_ROWS;
                nodes[n] = {
                    x: x + GROUP_PAD + col * (exports.NODE_W + NODE_GAP_X),
                    y: y + GROUP_HEADER + GROUP_PAD + row * (exports.NODE_H + NODE_GAP_Y),
                    w: exports.NODE_W,
                    h: exports.NODE_H,
                };
            });
            y += s.h + GROUP_GAP_Y;
            height = Math.max(height, y - GROUP_GAP_Y + MARGIN);
            columnWidth = Math.max(columnWidth, s.w);
        }
        physical.push({ x, w: columnWidth, bottom: y - GROUP_GAP_Y });
        x += columnWidth + SUB_COLUMN_GAP;
    });
    const width = Math.max(x - SUB_COLUMN_GAP + MARGIN, 2 * MARGIN);
    const routes = (0, routes_1.routeEdges)(graph.edges, nodes, nodeColumn, physical);
    height = Math.max(height, routes.bottom + MARGIN);
    return {
        width: Math.ceil(width),
        height: Math.ceil(Math.max(height, 2 * MARGIN)),
        groups,
        nodes,
        edges: routes.paths,
    };
}
/** Longest-path layering of the group graph, after dropping the edges that close a cycle. */
function assignLayers(count, successors) {
    const state = new Array(count).fill(0); // 0 new, 1 on stack, 2 done
    const forward = successors.map(() => []);
    const topo = [];
    for (let start = 0; start < count; start++) {
        if (state[start] !== 0)
            continue;
        // Iterative DFS: deep chains of 200 groups must not overflow the stack.
        const stack = [{ g: start, next: [...(successors[start] ?? [])] }];
        state[start] = 1;
        while (stack.length > 0) {
            const top = stack[stack.length - 1];
            const child = top.next.shift();
            if (child === undefined) {
                state[top.g] = 2;
                topo.push(top.g);
                stack.pop();
                continue;
            }
            if (state[child] === 1)
                continue; // back edge: part of a cycle, ignored for layering
            forward[top.g]?.push(child);
            if (state[child] === 0) {
                state[child] = 1;
                stack.push({ g: child, next: [...(successors[child] ?? [])] });
            }
        }
    }
    const layer = new Array(count).fill(0);
    for (const g of topo.reverse())
        for (const s of forward[g] ?? [])
            layer[s] = Math.max(layer[s], layer[g] + 1);
    return layer;
}
/** Groups per column, ordered by the mean position of the groups they link to in earlier columns. */
function orderColumns(layer, successors) {
    const depth = layer.length === 0 ? 0 : Math.max(...layer) + 1;
    const columns = Array.from({ length: depth }, () => []);
    layer.forEach((l, g) => columns[l]?.push(g));
    const predecessors = layer.map(() => []);
    successors.forEach((set, g) => set.forEach((s) => predecessors[s]?.push(g)));
    const rank = new Array(layer.length).fill(0);
    for (const column of columns) {
        const key = (g) => {
            const ps = (predecessors[g] ?? []).filter((p) => layer[p] < layer[g]);
            return ps.length === 0
                ? Number.POSITIVE_INFINITY
                : ps.reduce((sum, p) => sum + rank[p], 0) / ps.length;
        };
        const keys = new Map(column.map((g) => [g, key(g)]));
        column.sort((a, b) => keys.get(a) - keys.get(b) || a - b);
        column.forEach((g, i) => (rank[g] = i));
    }
    return columns;
}
