/**
 * A Tomcat `<Connector>` written for TLS that Tomcat runs as plain HTTP: its SSLEnabled does not set true by Tomcat's
 * setter rule (./tomcat-legacy.ts sameSetter). Measured with Debian's Tomcat 9.0.70 and 10.1.60 on OpenJDK 17
 * (Catalina on a server.xml, then `openssl s_client` to the port): `sslEnabled="true"` logs "Match
 * [Server/Service/Connector] failed to set property [sslEnabled] to [true]", and that connector, like one with an
 * `<SSLHostConfig>` and no SSLEnabled at all, starts as `http-nio-<port>`: a TLS client gets a plain HTTP answer
 * (OpenSSL: "wrong version number"; JSSE: "Unrecognized SSL message, plaintext connection?").
 */
import type { XmlAttribute, XmlElement } from '../parse/xml';
import type { ModelContext } from './contributor';
import { connectorStores, connectorTlsAttributes, sameSetter, setterAttribute } from './tomcat-legacy';
import { namesTomcatProperty } from './tomcat-properties';
import type { UnservedTls } from './types';
import { relativePosix } from '../core/posix-path';

/** The names the Engine of a Connector's Service answers to: its `<Host name>`s and their `<Alias>`es. */
export function engineHostNames(connector: XmlElement): string[] {
  return (connector.parent?.children ?? [])
    .filter((c) => c.localName === 'Engine')
    .flatMap((engine) => engine.children.filter((c) => c.localName === 'Host'))
    .flatMap((host) => [
      setterAttribute(host, 'name')?.value,
      ...host.children.filter((c) => c.localName === 'Alias').map((a) => a.text),
    ])
    .filter((n): n is string => !!n && !namesTomcatProperty(n));
}

/**
 * The Connector as a server that serves no TLS, when it is written for TLS (an `<SSLHostConfig>` child, or an
 * `SSLEnabled` in another case that says true) and `enabled`, the SSLEnabled Tomcat sets, is absent or reads other than
 * true; undefined otherwise. `enabledRead`: its value as Tomcat fills it in, undefined when the tree does not settle it
 * (then whether the port speaks TLS is unknown, and the caller keeps the connector as TLS).
 */
export function plainHttpConnector(
  ctx: ModelContext,
  connector: XmlElement,
  file: string,
  enabled: { attribute?: XmlAttribute; read?: string },
  port: { value?: string; number?: number; at?: XmlAttribute },
): UnservedTls | undefined {
  if (enabled.attribute && enabled.read === undefined) return undefined;
  const hostConfigs = connector.children.filter((h) => h.localName === 'SSLHostConfig');
  const miscased = connector.attributes.find(
    (a) => a.name.toLowerCase() === 'sslenabled' && !sameSetter(a.name, 'SSLEnabled') && /^\s*true\s*$/i.test(a.value),
  );
  if (hostConfigs.length === 0 && !miscased) return undefined;
  const written = miscased ?? enabled.attribute;
  const hostConfig = hostConfigs[0];
  const hostNames = [
    ...hostConfigs.map((h) => setterAttribute(h, 'hostName')?.value ?? '_default_').filter((h) => h !== '_default_'),
    ...engineHostNames(connector),
  ].map((h) => h.toLowerCase());
  return {
    server: `Tomcat connector ${port.value ?? '(no port)'} (${relativePosix(ctx.deployment.root, file)})`,
    why: {
      kind: 'tomcat-ssl-not-enabled',
      at: { file, range: connector.range },
      ...(written
        ? {
            written: {
              name: written.name,
              value: written.value,
              at: { file, range: { start: written.nameRange.start, end: written.valueRange.end } },
            },
          }
        : {}),
      ...(hostConfig ? { hostConfigAt: { file, range: hostConfig.range } } : {}),
      ...(port.value ? { port: port.value } : {}),
    },
    stores: connectorStores(ctx, connector, file, connectorTlsAttributes(connector, file)),
    closedHttpsPorts:
      port.number !== undefined && port.at
        ? [{ port: port.number, at: { file, range: port.at.valueRange }, hostnames: hostNames, host: ctx.hostOf(file) }]
        : [],
  };
}
