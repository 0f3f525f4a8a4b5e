/**
 * Every AJP `<Connector>` of a server.xml with the secret Tomcat asks of each request (./tomcat.ts reads them once per
 * file), for the fronts that reach it (./ajp-fronts.ts). A connector with a secret answers 403 to a request that does
 * not carry the same one (AjpProcessor.prepareRequest; data/tomcat.json ajpFronts). `secret` is read by the releases
 * that require a secret (9.0.31, 8.5.51, 7.0.100 and later); older ones know only `requiredSecret` and ignore `secret`,
 * Tomcat 11 and later only `secret`.
 * The secret is kept as a digest, to compare with a front's: never its value.
 */
import type { XmlElement } from '../parse/xml';
import { sha256Hex } from '../core/sha256';
import { setterAttribute } from './tomcat-legacy';
import { ajpOnly, ajpSecretAttributes } from './tomcat-ajp';
import { readWritten, type TomcatPropertyScope } from './tomcat-properties';
import type { AjpSecret, TomcatAjpConnector, TomcatAjpWithoutSecret } from './ajp-records';

/** Where the connectors are written and how Tomcat reads their `${…}` values (./tomcat-properties.ts). */
interface AjpConnectorsIn {
  file: string;
  /** The file relative to the deployment root, for the connector's name. */
  relative: string;
  scope: TomcatPropertyScope;
}

/** The file's AJP connectors, each with its port and the secret Tomcat reads from it, run by `release`. */
export function ajpConnectorsOf(
  connectors: XmlElement[],
  { file, relative, scope }: AjpConnectorsIn,
  release: TomcatAjpWithoutSecret['release'],
): TomcatAjpConnector[] {
  const found: TomcatAjpConnector[] = [];
  for (const connector of ajpOnly(connectors)) {
    const portFound = setterAttribute(connector, 'port');
    const portRead = portFound ? readWritten(portFound, file, scope) : undefined;
    const port = portRead && /^\d+$/.test(portRead.value.trim()) ? Number(portRead.value.trim()) : undefined;
    // An older release has no `secret` setter, Tomcat 11 and later none for `requiredSecret`: Tomcat logs that no
    // property matched and goes on without it (./tomcat-ajp.ts ajpSecretAttributes).
    const { read: attribute, ignoredCurrent } = ajpSecretAttributes(connector, release);
    let secret: AjpSecret = { state: 'none' };
    if (attribute) {
      const at = { file, range: attribute.valueRange };
      const read = readWritten(attribute, file, scope);
      if (!read)
        secret = {
          state: 'unknown',
          at,
          why: `${attribute.name}="${attribute.value}" is a property the tree does not settle`,
        };
      else if (read.value !== '') secret = { state: 'set', digest: sha256Hex(read.value), at };
    }
    const required = setterAttribute(connector, 'secretRequired');
    const optedOut = required && readWritten(required, file, scope)?.value.trim().toLowerCase() !== 'true';
    found.push({
      at: { file, range: connector.range },
      server: `Tomcat AJP connector ${portFound?.value ?? '(no port)'} (${relative})`,
      ...(port === undefined ? {} : { port }),
      ...(portFound ? { portAt: { file, range: portFound.valueRange } } : {}),
      secret,
      ...(ignoredCurrent ? { ignoredSecretAt: { file, range: ignoredCurrent.valueRange } } : {}),
      ...(optedOut ? { optedOut: { file, range: required.valueRange } } : {}),
      release,
    });
  }
  return found;
}
