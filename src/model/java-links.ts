import type { ModelContributor } from './contributor';
import {
  isServerEndpoint,
  type Component,
  type Deployment,
  type RefusedCall,
  type JavaAppComponent,
  type NginxProxyComponent,
  type HaproxyServerComponent,
  type HttpdProxyComponent,
  type WasPluginComponent,
  type ServerEndpointComponent,
} from './types';
import { countWork } from '../core/work';
import { plainCallsToTls } from './plain-calls';
import { callerProjects, containerRunners, LOOPBACK, loopbackReaches } from './loopback';
import { answersToName, namesHostDirectory } from './url-hosts';
import type { BrokerUrl, Link } from './types';

/** The TLS settings an ActiveMQ broker URL sets on its connection besides the JVM's. */
function brokerClientTls(broker: BrokerUrl): NonNullable<Link['clientTls']> {
  return {
    ...(broker.protocols ? { protocols: broker.protocols } : {}),
    ...(broker.cipherSuites ? { cipherSuites: broker.cipherSuites } : {}),
    ...(broker.unknownValues ? { unknownValues: broker.unknownValues } : {}),
  };
}

/** Whether a URL host names a server: one of its names, or its host directory (`api/…` for `api.example.internal`). */
function hostMatches(server: ServerEndpointComponent, host: string): boolean {
  return answersToName(server.attributes.hostnames, host) || namesHostDirectory(server.host, host);
}

/**
 * The servers a URL host may name, in server order: those with that host name or host directory, and
 * every server with a wildcard name (hostMatches decides). Comparing every client URL with every
 * server was O(clients × servers) in one deployment that holds many environments.
 */
function serversByHost(servers: ServerEndpointComponent[]): (host: string) => ServerEndpointComponent[] {
  const byName = new Map<string, number[]>();
  const wildcard: number[] = [];
  const add = (key: string, i: number) => {
    const list = byName.get(key);
    if (!list) byName.set(key, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  servers.forEach((server, i) => {
    const names = server.attributes.hostnames;
    for (const name of names) if (!name.startsWith('*.')) add(name, i);
    if (names.some((name) => name.startsWith('*.'))) wildcard.push(i);
    const dir = server.host.split('/').filter(Boolean)[0];
    if (dir) add(dir.toLowerCase(), i);
  });
  return (host) => {
    const found = new Set([
      ...(byName.get(host) ?? []),
      ...(byName.get(host.split('.')[0] ?? host) ?? []),
      ...wildcard,
    ]);
    countWork('servers by URL host', found.size);
    return [...found].sort((a, b) => a - b).map((i) => servers[i]!); // indexes recorded from servers above
  };
}

/**
 * A component that calls servers by URL: a Java application (its Spring client settings), an nginx proxy_pass, an
 * HAProxy `server … ssl` line, an httpd ProxyPass / BalancerMember or a WebSphere plug-in's https transport.
 */
type UrlClient =
  | JavaAppComponent
  | NginxProxyComponent
  | HaproxyServerComponent
  | HttpdProxyComponent
  | WasPluginComponent;
const isUrlClient = (c: Component): c is UrlClient =>
  c.type === 'java.app' ||
  c.type === 'nginx.proxy' ||
  c.type === 'haproxy.server' ||
  c.type === 'httpd.proxy' ||
  c.type === 'was.plugin';

/** An nginx proxy inside the server block it would reach: the name is that block's own, the target another host. */
function inServerBlock(client: UrlClient, server: ServerEndpointComponent): boolean {
  const block =
    client.type === 'nginx.proxy' || client.type === 'httpd.proxy' ? client.attributes.serverBlock : undefined;
  const at = block?.range?.start;
  const start = server.location.range?.start;
  return (
    !!at &&
    !!start &&
    server.location.file === block?.file &&
    start.line === at.line &&
    start.character === at.character
  );
}

/**
 * Links URL clients (Java applications, nginx proxies) to the HTTPS servers they call: a client URL
 * `https://host:port` → every server component in the deployment that listens with
 * TLS on that port (`attributes.tlsPorts`) and answers to that host (`attributes.hostnames`
 * or its host directory). Config `links` name components by id, name or host directory.
 */
export const javaLinksContributor: ModelContributor = {
  id: 'java-links',
  contribute(ctx) {
    const components = ctx.deployment.components;
    const clients = components.filter(isUrlClient);
    const servers = components.filter(isServerEndpoint).filter((c) => c.role === 'server' || c.role === 'both');
    const candidatesFor = serversByHost(servers);
    const servicesOf = containerRunners(ctx);
    // A loopback host reaches only a server that shares the caller's network namespace (./loopback.ts): undefined
    // when it does not, else the places that show it (none for a host name).
    const reaches = (
      client: UrlClient,
      url: { host: string; location: { file: string } },
      to: ServerEndpointComponent,
    ) =>
      LOOPBACK.test(url.host)
        ? loopbackReaches(
            servicesOf,
            { file: url.location.file, host: client.host },
            { file: to.location.file, host: to.host },
          )?.evidence
        : [];
    // A broker URL's host may be the Compose service that runs the broker's file, called from a file that a service of
    // the same project runs (a service's name is a host name on its network: ./plain-calls.ts ties plain calls so too).
    const brokers = servers.filter((s) => s.type === 'activemq.listener');
    const serviceTie = (from: string, host: string, server: ServerEndpointComponent) => {
      const projects = callerProjects(ctx, servicesOf, from);
      return servicesOf(server.location.file).find((s) => !s.pod && s.name === host && projects.has(s.project));
    };
    for (const client of clients) {
      for (const url of client.attributes.urls) {
        // An ActiveMQ broker URL calls broker listeners only, with TLS when it says so (./broker-urls.ts).
        if (url.broker ? !url.broker.tls : url.scheme !== 'https' && url.scheme !== 'wss') continue;
        const candidates = url.broker
          ? [...new Set([...candidatesFor(url.host), ...brokers])]
          : candidatesFor(url.host);
        for (const server of candidates) {
          if ((server.type === 'activemq.listener') !== (url.broker !== undefined)) continue;
          const named = hostMatches(server, url.host);
          const tie = url.broker && !named ? serviceTie(url.location.file, url.host, server) : undefined;
          if (
            server.id === client.id ||
            inServerBlock(client, server) ||
            !server.attributes.tlsPorts.includes(url.port) ||
            (!named && !tie)
          )
            continue;
          const evidence = tie
            ? [{ ...tie.at, message: `Compose service ${tie.name} runs ${server.name}'s configuration` }]
            : reaches(client, url, server);
          if (!evidence) continue;
          ctx.addLink({
            id: `${client.id}->${server.id}`,
            client: client.id,
            server: server.id,
            reason: `${url.key} = ${url.url}`,
            location: url.location,
            ...(url.trust && { clientTrust: url.trust }),
            ...(url.broker && { clientTls: brokerClientTls(url.broker) }),
            ...(evidence.length > 0 && { evidence }),
          });
        }
      }
    }
    // HAProxy server lines, httpd proxies and the WebSphere plug-in are left to their own rules:
    // liberty/https-port-closed and tomcat/ssl-not-enabled speak of a Java or nginx caller's symptoms.
    ctx.deployment.refusedCalls = refusedCalls(
      clients.filter((c) => c.type === 'java.app' || c.type === 'nginx.proxy'),
      ctx.deployment,
    );
    const apps = clients.filter((c): c is JavaAppComponent => c.type === 'java.app');
    ctx.deployment.plainCallsToTls = plainCallsToTls(ctx, apps, servers);
    const matches = (c: Component, wanted: string) =>
      c.id === wanted || c.name === wanted || c.host === wanted || c.id.endsWith(`:${wanted}`);
    const mine = (c: Component) => isUrlClient(c) || isServerEndpoint(c);
    for (const link of ctx.config.links) {
      for (const client of clients.filter((c) => matches(c, link.client))) {
        for (const server of components.filter(
          (s) => s !== client && mine(s) && s.role !== 'client' && matches(s, link.server),
        )) {
          ctx.addLink({
            id: `${client.id}->${server.id}`,
            client: client.id,
            server: server.id,
            reason: 'declared in the lint-deploy config `links`',
          });
        }
      }
    }
  },
};

/**
 * Client URLs `https://host:port` that no server of the deployment answers with TLS, where `port` is one where a server
 * speaks no TLS (UnservedTls.closedHttpsPorts: the httpsPort of a Liberty server with no feature that includes
 * ssl-1.0, the port of a Tomcat connector that serves plain HTTP) and `host` one of the names that server answers to,
 * or the directory it lies in (the same tie java-links makes for links).
 */
function refusedCalls(clients: UrlClient[], deployment: Deployment): RefusedCall[] {
  const closed = (deployment.unservedTls ?? []).flatMap((server) =>
    (server.closedHttpsPorts ?? []).map((port) => ({ server, port })),
  );
  if (closed.length === 0) return [];
  const linkedUrls = new Set(deployment.links.map((l) => `${l.client}|${l.reason}`));
  const calls: RefusedCall[] = [];
  for (const client of clients)
    for (const url of client.attributes.urls) {
      if ((url.scheme !== 'https' && url.scheme !== 'wss') || linkedUrls.has(`${client.id}|${url.key} = ${url.url}`))
        continue;
      for (const { server, port } of closed) {
        if (port.port !== url.port) continue;
        const byName = port.hostnames.includes(url.host);
        if (byName || namesHostDirectory(port.host, url.host))
          calls.push({ client: client.id, url, server, port, matchedBy: byName ? 'hostname' : 'directory' });
      }
    }
  return calls;
}
