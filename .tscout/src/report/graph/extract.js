"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.extractGraphs = extractGraphs;
exports.extractGraph = extractGraph;
const types_1 = require("../../model/types");
const types_2 = require("../types");
const outcome_1 = require("./outcome");
const secrets_1 = require("./secrets");
/** Extracts the graphs the html, dot and mermaid formatters draw (pure: findings + context in, graphs out). */
function extractGraphs(findings, context) {
    const mask = (0, secrets_1.secretMasker)(context.deployments);
    const single = context.deployments.length === 1 ? context.deployments[0] : undefined;
    // Findings name their deployment as the engine does: a file set by its name, others by their root.
    const nameOf = (d) => d.name ?? d.root;
    const byName = new Map(context.deployments.map((d) => [nameOf(d), []]));
    const orphanFindings = [];
    for (const finding of findings) {
        const list = (finding.deployment !== undefined ? byName.get(finding.deployment) : undefined) ??
            (single ? byName.get(nameOf(single)) : undefined);
        if (list)
            list.push(finding);
        else
            orphanFindings.push(finding);
    }
    return {
        graphs: context.deployments.map((d) => extractGraph(d, byName.get(nameOf(d)) ?? [], context.cwd, mask)),
        orphans: orphanFindings.map((f, index) => toGraphFinding(f, index, context.cwd, mask, [], [])),
    };
}
function extractGraph(deployment, findings, cwd, mask = (t) => t) {
    const components = deployment.components;
    const groupOf = new Map();
    const groups = [];
    const order = components
        .map((c, i) => ({ c, i }))
        .sort((a, b) => compare(a.c.host, b.c.host) || roleRank(a.c) - roleRank(b.c) || compare(a.c.name, b.c.name) || a.i - b.i);
    const nodeOfComponent = new Map();
    const nodes = [];
    for (const { c } of order) {
        let group = groupOf.get(c.host);
        if (!group) {
            group = {
                index: groups.length,
                host: c.host,
                label: mask(c.host === '' ? '(deployment root)' : c.host),
                nodes: [],
            };
            groupOf.set(c.host, group);
            groups.push(group);
        }
        const index = nodes.length;
        nodeOfComponent.set(c.id, index);
        group.nodes.push(index);
        nodes.push({
            index,
            id: c.id,
            group: group.index,
            name: mask(c.name),
            type: mask(c.type),
            role: c.role,
            ...stackLabels(deployment.derived.stacks.get(c.id), mask),
            ...(deployment.derived.stacks.get(c.id)?.jdk
                ? { jdkFrom: attachmentLabel(c.runtime ?? deployment.runtime, mask) }
                : {}),
            protocols: protocolsLabel(c, mask),
            where: mask(where(c.location, cwd)),
            findings: [],
        });
    }
    const locate = componentLocator(components, nodeOfComponent);
    const graphFindings = findings.map((f, index) => {
        const nodeSet = new Set();
        for (const n of locate(f.location, true))
            nodeSet.add(n);
        for (const loc of f.related ?? [])
            for (const n of locate(loc, false))
                nodeSet.add(n);
        return toGraphFinding(f, index, cwd, mask, [...nodeSet].sort((a, b) => a - b), []);
    });
    for (const gf of graphFindings)
        for (const n of gf.nodes)
            nodes[n]?.findings.push(gf.index);
    const edges = [];
    for (const resolved of [...deployment.derived.links, ...(deployment.derived.unconfirmed ?? [])]) {
        const { link } = resolved;
        const from = nodeOfComponent.get(link.client);
        const to = nodeOfComponent.get(link.server);
        if (from === undefined || to === undefined)
            continue;
        const index = edges.length;
        const linkFile = link.location?.file;
        const involved = graphFindings.filter((gf, i) => (gf.nodes.includes(from) && gf.nodes.includes(to)) ||
            (linkFile !== undefined && touches(findings[i].location, link.location)));
        for (const gf of involved)
            gf.edges.push(index);
        const eitherEnd = graphFindings
            .filter((gf) => gf.nodes.includes(from) || gf.nodes.includes(to))
            .map((gf) => findings[gf.index]);
        const outcome = (0, outcome_1.linkOutcome)(resolved, involved.map((gf) => findings[gf.index]), eitherEnd);
        edges.push({
            index,
            id: link.id,
            from,
            to,
            reason: mask(link.reason),
            outcome: {
                ...outcome,
                ...(outcome.reason !== undefined ? { reason: mask(outcome.reason) } : {}),
                ...(outcome.alert !== undefined ? { alert: mask(outcome.alert) } : {}),
            },
            findings: involved.map((gf) => gf.index),
        });
    }
    for (const node of nodes)
        node.worst = worstSeverity(node.findings.map((i) => graphFindings[i]));
    return { root: (0, types_2.displayPath)(deployment.name ?? deployment.root, cwd), groups, nodes, edges, findings: graphFindings };
}
function toGraphFinding(f, index, cwd, mask, nodes, edges) {
    return {
        index,
        ruleId: f.ruleId,
        severity: f.severity,
        suppressed: f.suppressed !== undefined,
        message: mask(f.message),
        where: mask(where(f.location, cwd, true)),
        docsUrl: (0, types_2.ruleDocsUrl)(f.ruleId),
        related: (f.related ?? []).map((r) => ({ where: mask(where(r, cwd, true)), message: mask(r.message) })),
        nodes,
        edges,
    };
}
/** Which nodes a location points at: the components defined at that place, else every component built from that file. */
/**
 * The nodes a finding's place belongs to: the components defined there; else, for its own location, every component
 * defined in (or read from) that file. A related place that is no component's (plugin-cfg.xml's http transport beside
 * the https one a finding is about) adds a node only when its file defines one component: with several, it would mark
 * them all.
 */
function componentLocator(components, nodeOf) {
    const byFile = new Map();
    const add = (file, c) => {
        const list = byFile.get(file) ?? [];
        if (!list.includes(c))
            list.push(c);
        byFile.set(file, list);
    };
    for (const c of components) {
        add(c.location.file, c);
        for (const doc of c.documents)
            add(doc.file.path, c);
    }
    return (loc, own) => {
        const candidates = byFile.get(loc.file) ?? [];
        const defined = candidates.filter((c) => c.location.file === loc.file);
        const atPlace = defined.filter((c) => touches(loc, c.location));
        const fallback = defined.length > 0 ? defined : candidates;
        const chosen = atPlace.length > 0 ? atPlace : own || fallback.length === 1 ? fallback : [];
        return chosen.map((c) => nodeOf.get(c.id)).filter((n) => n !== undefined);
    };
}
/** True when `loc` lies inside `area` (same file; a whole-file area contains every line). */
function touches(loc, area) {
    if (loc.file !== area.file)
        return false;
    if (!area.range || !loc.range)
        return !area.range;
    return loc.range.start.line >= area.range.start.line && loc.range.start.line <= area.range.end.line;
}
function where(loc, cwd, withColumn = false) {
    const { line, column } = (0, types_2.oneBased)(loc);
    return `${(0, types_2.displayPath)(loc.file, cwd)}:${line}${withColumn ? `:${column}` : ''}`;
}
/** The node's JDK (Java stacks only: nginx, MQ and the web agent have none) and its stack. */
function stackLabels(stack, mask) {
    return { ...(stack?.jdk ? { jdk: mask(stack.jdk) } : {}), stack: mask(stack?.label ?? 'TLS stack unknown') };
}
function attachmentLabel(runtime, mask) {
    return runtime?.attachment ? mask(runtime.attachment.text) : undefined;
}
function protocolsLabel(c, mask) {
    const mode = (0, types_1.isCleartrust)(c) && c.attributes.sslMode !== undefined ? `SSL ${c.attributes.sslMode}` : undefined;
    if (!c.tls)
        return mode && mask(mode);
    if (c.tls.enabled?.value === false)
        return mask(['plaintext', mode].filter(Boolean).join(' · '));
    const protocols = c.tls.protocols?.value ?? [];
    const suites = c.tls.cipherSuites?.value ?? [];
    const parts = [
        mode,
        protocols.length > 0 ? protocols.join(', ') : undefined,
        suites.length === 1 ? suites[0] : suites.length > 1 ? `${suites.length} cipher suites` : undefined,
    ].filter((p) => p !== undefined);
    return parts.length > 0 ? mask(parts.join(' · ')) : undefined;
}
const SEVERITY_RANK = { error: 3, warning: 2, info: 1 };
function worstSeverity(findings) {
    let worst;
    for (const f of findings)
        if (!f.suppressed && (!worst || SEVERITY_RANK[f.severity] > SEVERITY_RANK[worst]))
            worst = f.severity;
    return worst;
}
function roleRank(c) {
    return { client: 0, both: 1, server: 2, none: 3 }[c.role];
}
function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
