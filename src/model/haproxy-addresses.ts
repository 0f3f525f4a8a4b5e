/** What a HAProxy `bind` address gives: its ports and the DNS names it listens on; the ports a file serves TLS only. */
import type { HaproxyData, HaproxyLine } from '../parse/haproxy';
import type { TlsOnlyPort } from './attributes';

/** Ports of a bind address (`*:443`, `:8443,:9443`, `ipv4@0.0.0.0:443`, `:8000-8002`); none for sockets or placeholders. */
export function bindPorts(address: string): number[] {
  const ports: number[] = [];
  for (const part of address.split(',')) {
    const m = /:(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) continue;
    const low = Number(m[1]);
    const high = m[2] ? Math.min(Number(m[2]), low + 64) : low;
    for (let p = low; p <= high; p++) ports.push(p);
  }
  return ports;
}

/** The DNS names a bind's addresses give (`api.example.internal:8443`): not `*`, `::`, an IP, a socket or a placeholder. */
export function bindHostnames(address: string): string[] {
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
export function tlsOnlyBindPorts(data: HaproxyData, template: boolean): Map<HaproxyLine, number[]> {
  const out = new Map<HaproxyLine, number[]>();
  if (template) return out;
  const binds = data.sections
    .filter((s) => s.kind === 'frontend' || s.kind === 'listen')
    .flatMap((s) => s.lines.filter((l) => l.keyword.value === 'bind').map((line) => ({ section: s, line })));
  const addressOf = (line: HaproxyLine) => line.args[0]?.value ?? '';
  if (binds.some(({ line }) => PLACEHOLDER.test(line.args.map((a) => a.value).join(' ')))) return out;
  const isTls = (line: HaproxyLine) => line.args.slice(1).some((a) => a.value === 'ssl');
  const plain = new Set(binds.filter(({ line }) => !isTls(line)).flatMap(({ line }) => bindPorts(addressOf(line))));
  for (const { section, line } of binds) {
    if (!isTls(line) || section.head.conditional || line.conditional) continue;
    const ports = bindPorts(addressOf(line)).filter((port) => !plain.has(port));
    if (ports.length > 0) out.set(line, ports);
  }
  return out;
}

/** A bind's TLS-only ports as ServerEndpointAttributes.tlsOnlyPorts: the setting is the bind line. */
export function tlsOnlyOf(
  tlsOnly: Map<HaproxyLine, number[]>,
  file: string,
  line: HaproxyLine,
  address: string,
): { tlsOnlyPorts?: TlsOnlyPort[] } {
  const ports = tlsOnly.get(line);
  if (!ports) return {};
  const at = { file, range: line.range };
  return { tlsOnlyPorts: ports.map((port) => ({ port, setting: `bind ${address} ssl`, at })) };
}
