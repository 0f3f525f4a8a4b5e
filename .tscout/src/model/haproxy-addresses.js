"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.bindPorts = bindPorts;
exports.bindHostnames = bindHostnames;
exports.tlsOnlyBindPorts = tlsOnlyBindPorts;
exports.tlsOnlyOf = tlsOnlyOf;
/** Ports of a bind address (`*:443`, `:8443,:9443`, `ipv4@0.0.0.0:443`, `:8000-8002`); none for sockets or placeholders. */
function bindPorts(address) {
    const ports = [];
    for (const part of address.split(',')) {
        const m = /:(\d+)(?:-(\d+))?$/.exec(part);
        if (!m)
            continue;
        const low = Number(m[1]);
        const high = m[2] ? Math.min(Number(m[2]), low + 64) : low;
        for (let p = low; p <= high; p++)
            ports.push(p);
    }
    return ports;
}
/** The DNS names a bind's addresses give (`api.example.internal:8443`): not `*`, `::`, an IP, a socket or a placeholder. */
function bindHostnames(address) {
    return address.split(',').flatMap((part) => {
        const host = /^([a-z0-9][a-z0-9.-]*):\d/i.exec(part.trim())?.[1]?.toLowerCase();
        return host && /[a-z]/.test(host) && !/^(ipv4|ipv6|unix|abns|fd|sockpair)$/.test(host) ? [host] : [];
    });
}
/** A placeholder in an address (`${PORT}`, `{{ port }}`): its ports are not known. */
const PLACEHOLDER = /\$\{|\{\{|%\{|\{%|<%/;
/**
 * The ports a configuration serves with TLS only: those of its unconditional `bind … ssl` lines that no other bind of
 * the file listens on plain. None when a bind's address is a placeholder or a template renders the file (which ports
 * are plain is then not known). A plain request there gets no HTTP answer: measured with Debian 12's HAProxy 2.6.12,
 * curl http:// to a `bind … ssl` port: 'Empty reply from server'.
 */
function tlsOnlyBindPorts(data, template) {
    const out = new Map();
    if (template)
        return out;
    const binds = data.sections
        .filter((s) => s.kind === 'frontend' || s.kind === 'listen')
        .flatMap((s) => s.lines.filter((l) => l.keyword.value === 'bind').map((line) => ({ section: s, line })));
    const addressOf = (line) => line.args[0]?.value ?? '';
    if (binds.some(({ line }) => PLACEHOLDER.test(line.args.map((a) => a.value).join(' '))))
        return out;
    const isTls = (line) => line.args.slice(1).some((a) => a.value === 'ssl');
    const plain = new Set(binds.filter(({ line }) => !isTls(line)).flatMap(({ line }) => bindPorts(addressOf(line))));
    for (const { section, line } of binds) {
        if (!isTls(line) || section.head.conditional || line.conditional)
            continue;
        const ports = bindPorts(addressOf(line)).filter((port) => !plain.has(port));
        if (ports.length > 0)
            out.set(line, ports);
    }
    return out;
}
/** A bind's TLS-only ports as ServerEndpointAttributes.tlsOnlyPorts: the setting is the bind line. */
function tlsOnlyOf(tlsOnly, file, line, address) {
    const ports = tlsOnly.get(line);
    if (!ports)
        return {};
    const at = { file, range: line.range };
    return { tlsOnlyPorts: ports.map((port) => ({ port, setting: `bind ${address} ssl`, at })) };
}
