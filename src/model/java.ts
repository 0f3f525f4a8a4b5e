import type { ParsedDocument } from '../parse/types';
import { entryLocation } from '../parse/types';
import { springList, type SpringConfigData } from '../parse/spring';
import type { ModelContributor } from './contributor';
import { appGroupOf, JVM_OPTION_KINDS, jvmPropertiesByGroup, runtimeWithProperties, tracedEntry, urlsIn, type ClientUrl, type ServerEndpointAttributes } from './java-shared';
import type { ClientAuthMode, Component, TlsSettings } from './types';

export interface JavaAppAttributes {
  /** URLs the application calls (from Spring settings), for linking. */
  urls: ClientUrl[];
  /** Spring profiles seen in the group's files. */
  profiles: string[];
}

/**
 * Java applications: the files of one app group (a top-level directory, or a config
 * `components` entry) that hold JVM options (`jvm.options`, `setenv.sh`, systemd
 * `Environment=`, Dockerfile `ENV`/`ENTRYPOINT`, WAS `genericJvmArguments`) or Spring
 * Boot configuration become one `java.app` client component whose runtime is the
 * group's JDK plus those `-D` system properties. A Spring app with `server.ssl.*`
 * also serves HTTPS: that endpoint is a separate `spring.server` component.
 * Groups that hold a Tomcat `server.xml` and no Spring files are the Tomcat's own
 * JVM options (the Tomcat contributor reads them).
 */
export const javaAppContributor: ModelContributor = {
  id: 'java-app',
  contribute(ctx) {
    const properties = jvmPropertiesByGroup(ctx);
    const groups = new Map<string, { spring: ParsedDocument<SpringConfigData>[]; jvm: ParsedDocument[]; tomcat: boolean }>();
    const groupFor = (key: string) => {
      if (!groups.has(key)) groups.set(key, { spring: [], jvm: [], tomcat: false });
      return groups.get(key)!;
    };
    for (const doc of ctx.deployment.documents) {
      const key = appGroupOf(ctx, doc.file.path);
      if (doc.kind.startsWith('spring.')) groupFor(key).spring.push(doc as ParsedDocument<SpringConfigData>);
      else if (JVM_OPTION_KINDS.includes(doc.kind)) groupFor(key).jvm.push(doc);
      else if (doc.kind === 'tomcat.server-xml' || doc.kind.startsWith('nginx.')) groupFor(key).tomcat = true;
    }
    for (const [key, group] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
      const sources = properties.get(key) ?? [];
      if (group.spring.length === 0 && (group.tomcat || group.jvm.length === 0)) continue;
      const first = group.spring[0] ?? group.jvm[0];
      const host = ctx.hostOf(first.file.path);
      const label = key.startsWith('config:') ? key.slice('config:'.length) : key || '.';
      const runtime = runtimeWithProperties(ctx, ctx.runtimeFor(first.file.path), sources);
      const appName = group.spring.flatMap((d) => d.entries).find((e) => e.key === 'spring.application.name');
      const documents = [...group.spring, ...group.jvm];
      const client: Component = {
        id: `java.app:${label}`,
        type: 'java.app',
        name: appName ? `Java application ${appName.value} (${label})` : `Java application (${label})`,
        role: 'client',
        location: appName ? entryLocation(group.spring.find((d) => d.entries.includes(appName))!, appName, 'line') : { file: first.file.path },
        host,
        runtime,
        tls: { implementation: runtime?.vendor.value === 'ibm' ? 'ibmjsse2' : 'jsse' },
        documents,
        attributes: {
          urls: group.spring.flatMap(urlsIn),
          profiles: [...new Set(group.spring.flatMap((d) => d.data.parts.map((p) => p.profile).filter((p): p is string => !!p)))],
        } satisfies JavaAppAttributes,
      };
      ctx.addComponent(client);
      for (const doc of group.spring) {
        const server = springServer(doc, client);
        if (server) ctx.addComponent(server);
      }
    }
  },
};

const CLIENT_AUTH: Record<string, ClientAuthMode> = { need: 'required', want: 'optional', none: 'none' };

/** The embedded web server of a Spring Boot app, when `server.ssl.*` turns TLS on (default profile only). */
function springServer(doc: ParsedDocument<SpringConfigData>, app: Component): Component | undefined {
  const entries = doc.data.parts.filter((p) => !p.profile).flatMap((p) => p.entries);
  if (entries.length === 0) return undefined;
  const get = (key: string) => [...entries].reverse().find((e) => e.key === key);
  const enabled = get('server.ssl.enabled');
  const keyStore = get('server.ssl.key-store') ?? get('server.ssl.certificate') ?? get('server.ssl.bundle');
  if (!keyStore && enabled?.value !== 'true') return undefined;
  if (enabled?.value === 'false') return undefined;
  const port = get('server.port');
  const tls: TlsSettings = { implementation: app.tls?.implementation ?? 'jsse' };
  const protocols = springList(entries, 'server.ssl.enabled-protocols');
  if (protocols) tls.protocols = tracedEntry(doc, protocols.entries[0], protocols.values);
  const ciphers = springList(entries, 'server.ssl.ciphers');
  if (ciphers) tls.cipherSuites = tracedEntry(doc, ciphers.entries[0], ciphers.values);
  const clientAuth = get('server.ssl.client-auth');
  if (clientAuth && CLIENT_AUTH[clientAuth.value.toLowerCase()]) tls.clientAuth = tracedEntry(doc, clientAuth, CLIENT_AUTH[clientAuth.value.toLowerCase()]);
  if (keyStore) tls.certificate = { file: keyStore.value.replace(/^(classpath|file):/, '') };
  const portNumber = port && /^\d+$/.test(port.value) ? Number(port.value) : port ? undefined : 8080;
  return {
    id: `spring.server:${app.id.slice('java.app:'.length)}:${port?.value ?? 8080}`,
    type: 'spring.server',
    name: `Spring Boot HTTPS server (${app.host || '.'}, port ${port?.value ?? 8080})`,
    role: 'server',
    location: entryLocation(doc, keyStore ?? enabled!, 'line'),
    host: app.host,
    runtime: app.runtime,
    tls,
    documents: [doc],
    attributes: { tlsPorts: portNumber ? [portNumber] : [], hostnames: [] } satisfies ServerEndpointAttributes,
  };
}
