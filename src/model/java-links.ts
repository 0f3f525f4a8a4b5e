import type { ModelContributor } from './contributor';
import type { ClientUrl, ServerEndpointAttributes } from './java-shared';
import type { Component } from './types';

/** Whether a URL host names a server: one of its names, or its host directory (`api/…` for `api.example.internal`). */
function hostMatches(server: Component, host: string): boolean {
  const attributes = server.attributes as Partial<ServerEndpointAttributes>;
  if ((attributes.hostnames ?? []).some((name) => name === host || (name.startsWith('*.') && host.endsWith(name.slice(1))))) return true;
  const dirs = server.host.split('/').filter(Boolean).map((d) => d.toLowerCase());
  const label = host.split('.')[0];
  return dirs.length > 0 && (dirs[0] === host || dirs[0] === label);
}

/**
 * Links Java clients to the HTTPS servers they call: a client URL
 * `https://host:port` → every server component in the deployment that listens with
 * TLS on that port (`attributes.tlsPorts`) and answers to that host (`attributes.hostnames`
 * or its host directory). Config `links` name components by id, name or host directory.
 */
export const javaLinksContributor: ModelContributor = {
  id: 'java-links',
  contribute(ctx) {
    const components = ctx.deployment.components;
    const clients = components.filter((c) => c.type === 'java.app');
    const servers = components.filter((c) => (c.role === 'server' || c.role === 'both') && Array.isArray((c.attributes as Partial<ServerEndpointAttributes>).tlsPorts));
    const linked = new Set(ctx.deployment.links.map((l) => `${l.client}->${l.server}`));
    for (const client of clients) {
      for (const url of (client.attributes.urls as ClientUrl[] | undefined) ?? []) {
        if (url.scheme !== 'https' && url.scheme !== 'wss') continue;
        for (const server of servers) {
          if (server.id === client.id || !(server.attributes as unknown as ServerEndpointAttributes).tlsPorts.includes(url.port) || !hostMatches(server, url.host)) continue;
          const id = `${client.id}->${server.id}`;
          if (linked.has(id)) continue;
          linked.add(id);
          ctx.addLink({ id, client: client.id, server: server.id, reason: `${url.key} = ${url.url}`, location: url.location });
        }
      }
    }
    const matches = (c: Component, wanted: string) => c.id === wanted || c.name === wanted || c.host === wanted || c.id.endsWith(`:${wanted}`);
    const mine = (c: Component) => c.type === 'java.app' || c.type.startsWith('tomcat.') || c.type.startsWith('nginx.') || c.type.startsWith('liberty.') || c.type === 'spring.server';
    for (const link of ctx.config.links) {
      for (const client of clients.filter((c) => matches(c, link.client))) {
        for (const server of components.filter((s) => s !== client && mine(s) && s.role !== 'client' && matches(s, link.server))) {
          const id = `${client.id}->${server.id}`;
          if (linked.has(id)) continue;
          linked.add(id);
          ctx.addLink({ id, client: client.id, server: server.id, reason: 'declared in the lint-deploy config `links`' });
        }
      }
    }
  },
};
