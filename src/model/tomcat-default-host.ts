/**
 * An SSL-enabled Tomcat `<Connector>` none of whose `<SSLHostConfig>`s is for its defaultSSLHostConfigName (`_default_`
 * unless set; Tomcat lower-cases both): AbstractJsseEndpoint.initialiseSsl (AprEndpoint's in 8.5 and 9) throws
 * IllegalArgumentException "No SSLHostConfig element was found with the hostName [_default_] to match the
 * defaultSSLHostConfigName for the connector [https-jsse-nio-8443]", the connector fails to initialise and its port is
 * not opened while the rest of Tomcat starts. Measured with Debian's Tomcat 9.0.70 and 10.1.60 (Catalina on a
 * server.xml whose SSLHostConfigs all name a hostName; `openssl s_client`: connection refused).
 */
import type { RelatedLocation } from '../core/types';
import type { XmlAttribute, XmlElement } from '../parse/xml';
import type { ModelContext } from './contributor';
import { defaultHostConfigAttributes, setterAttribute } from './tomcat-legacy';
import type { TomcatReleaseRead } from './tomcat-release';
import { namesTomcatProperty, type ReadAttribute } from './tomcat-properties';
import type { UnservedTls } from './types';
import { relativePosix } from '../core/posix-path';

/** The default name the connector looks for, and the host names its SSLHostConfigs are for, as written. */
export interface MissingDefaultHostConfig {
  name: string;
  nameAttribute?: XmlAttribute;
  hostNames: { name: string; hostConfig: XmlElement; attribute?: XmlAttribute }[];
  /** The Connector has TLS attributes, which the release (10.0+) ignores: that release decides the failure. */
  ignoredConnectorTls: boolean;
  /** What filled the `${…}` of the names (a conf/catalina.properties line, a `-D` option). */
  via: RelatedLocation[];
}

/**
 * What an SSL-enabled connector with `<SSLHostConfig>`s lacks, or undefined when one of them is for the default name
 * or the tree does not settle it: a `${…}` in a name that `read` (Tomcat's digester: conf/catalina.properties, `-D`
 * options, ./tomcat-properties.ts) cannot fill, or (8.5 and 9, or a release the tree does not name) Connector TLS
 * attributes, which make the connector's own SSLHostConfig for that name (./tomcat-legacy.ts).
 */
export function missingDefaultHostConfig(
  connector: XmlElement,
  hostConfigs: XmlElement[],
  readsConnectorTls: boolean | undefined,
  read: (found: XmlAttribute) => ReadAttribute | undefined = () => undefined,
): MissingDefaultHostConfig | undefined {
  if (hostConfigs.length === 0) return undefined;
  const ignoredConnectorTls = defaultHostConfigAttributes(connector).length > 0;
  if (readsConnectorTls !== false && ignoredConnectorTls) return undefined;
  const via: RelatedLocation[] = [];
  let unsettled = false;
  /** The name Tomcat reads from an attribute: its `${…}` filled in, or undefined (unknown) when the tree cannot. */
  const valueOf = (attribute: XmlAttribute | undefined): string => {
    if (!attribute) return '_default_';
    if (!namesTomcatProperty(attribute.value)) return attribute.value;
    const filled = read(attribute);
    if (!filled || namesTomcatProperty(filled.value)) unsettled = true;
    else via.push(...(filled.via ?? []));
    return filled?.value ?? attribute.value;
  };
  const nameAttribute = setterAttribute(connector, 'defaultSSLHostConfigName');
  const name = valueOf(nameAttribute);
  const hostNames = hostConfigs.map((hostConfig) => {
    const attribute = setterAttribute(hostConfig, 'hostName');
    return { name: valueOf(attribute), hostConfig, ...(attribute ? { attribute } : {}) };
  });
  if (unsettled) return undefined;
  if (hostNames.some((h) => h.name.toLowerCase() === name.toLowerCase())) return undefined;
  return {
    name: name.toLowerCase(),
    ...(nameAttribute ? { nameAttribute } : {}),
    hostNames,
    ignoredConnectorTls,
    via,
  };
}

/** The connector as a server that serves no TLS: Tomcat does not start it. */
export function noDefaultHostConfig(
  ctx: ModelContext,
  connector: XmlElement,
  file: string,
  missing: MissingDefaultHostConfig,
  port: string | undefined,
  release: { named: string; read?: TomcatReleaseRead },
): UnservedTls {
  const decidedBy = missing.ignoredConnectorTls && release.read ? release.read : undefined;
  return {
    server: `Tomcat connector ${port ?? '(no port)'} (${relativePosix(ctx.deployment.root, file)})`,
    why: {
      kind: 'tomcat-no-default-host-config',
      at: { file, range: connector.range },
      defaultName: missing.name,
      ...(missing.nameAttribute ? { defaultNameAt: { file, range: missing.nameAttribute.valueRange } } : {}),
      hostNames: missing.hostNames.map((h) => ({
        name: h.name,
        at: { file, range: h.attribute?.valueRange ?? h.hostConfig.range },
      })),
      ...(port ? { port } : {}),
      ...(decidedBy ? { release: { named: release.named, at: decidedBy.at } } : {}),
      ...(missing.via.length ? { via: missing.via } : {}),
    },
    stores: [],
  };
}
