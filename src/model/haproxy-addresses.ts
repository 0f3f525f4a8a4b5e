/** What a HAProxy `bind` address gives: its ports and the DNS names it listens on. */

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
