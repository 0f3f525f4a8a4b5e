/**
 * The AJP `<Connector>`s of a server.xml that carry no secret (./tomcat.ts reads them once per file), with what the
 * release that runs the file does with them (data/tomcat.json ajpSecret): Tomcat 9.0.31, 8.5.51, 7.0.100 and every
 * 10.x and 11.x require a secret by default and do not start such a connector; older releases start it on every
 * address (Ghostcat, CVE-2020-1938). The rule tomcat/ajp-without-secret reports them.
 */
import type { XmlElement } from '../parse/xml';
import type { Location } from '../core/types';
import {
  officialTomcatImage,
  TOMCAT_AJP_SECRET as AJP,
  tomcatReadsRequiredSecret,
  tomcatRequiresAjpSecret,
} from '../knowledge/tomcat';
import type { XmlAttribute } from '../parse/xml';
import { setterAttribute } from './tomcat-legacy';
import type { TomcatImages, TomcatReleaseAnswer } from './tomcat-release';
import { readWritten, type TomcatPropertyScope } from './tomcat-properties';
import type { TomcatAjpWithoutSecret } from './ajp-records';

const AJP_PROTOCOL = new RegExp(AJP.protocols);
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|0:0:0:0:0:0:0:1|\[::1\]|localhost)$/i;

/** The release that runs the file, as the AJP verdict needs it: named, a floating tag of the official image, or unknown. */
export function ajpRelease(answer: TomcatReleaseAnswer, images: TomcatImages): TomcatAjpWithoutSecret['release'] {
  if (answer && 'read' in answer) {
    const { release, text, at, via, majorOnly } = answer.read;
    const patch = /^\d+\.\d+\.\d+/.test(release);
    return {
      kind: 'named',
      release,
      text,
      at,
      ...(via ? { via } : {}),
      requiresSecret: tomcatRequiresAjpSecret(release),
      branchOnly: !patch || majorOnly,
    };
  }
  if (answer && 'conflicting' in answer)
    return {
      kind: 'unknown',
      why: `the tree names different Tomcat releases for it (${answer.conflicting.map((c) => c.text).join(', ')})`,
    };
  // `FROM tomcat` or `tomcat:jdk17`: the official image's current release, whichever it is.
  const floating = [...images.copied, ...images.mounted].find((i) => officialTomcatImage(i.image));
  if (floating) return { kind: 'current', text: floating.text, at: floating.at };
  // A Tomcat image of someone else's (DreamInSun/orange.img.Tomcat's `FROM cloudesire/tomcat:6-jre7`): the tree names
  // one, but not a release lint-deploy knows. Not a base image that is no Tomcat (`FROM java:8-jre`, a download).
  const other = [...images.copied, ...images.mounted].find((i) => /tomcat/i.test(i.image));
  if (other)
    return { kind: 'unknown', why: `${other.text} is an image whose Tomcat release lint-deploy does not know` };
  return { kind: 'unknown', why: 'the tree names no Tomcat release' };
}

/** The AJP connectors: ConnectorCreateRule reads `protocol` by its exact name; `AJP/1.3` is matched case-sensitively (Connector.java). */
export const ajpOnly = (connectors: readonly XmlElement[]): XmlElement[] =>
  connectors.filter((c) => AJP_PROTOCOL.test(c.attributes.find((a) => a.name === 'protocol')?.value ?? ''));

/** The connector's secret attributes as the release that runs it reads them. */
export interface AjpSecretAttributes {
  /** The attribute whose value is the connector's secret, if any. */
  read?: XmlAttribute;
  /** `secret` written on a release before the 2020 hardening, which knows only `requiredSecret`. */
  ignoredCurrent?: XmlAttribute;
  /** `requiredSecret` written alone on a release that no longer reads it (Tomcat 11 and later). */
  unreadLegacy?: XmlAttribute;
}

/**
 * Which of `secret` and `requiredSecret` gives the connector its secret (data/tomcat.json ajpSecret): a release before
 * the 2020 hardening reads only requiredSecret, Tomcat 11 and later only secret; the releases between read both, and
 * the one written later wins (Digester sets the attributes in document order, both setters set the same field). A
 * release the tree does not name: either, the later written.
 */
export function ajpSecretAttributes(
  connector: XmlElement,
  release: TomcatAjpWithoutSecret['release'],
): AjpSecretAttributes {
  const [current, older] = AJP.secretAttributes;
  const written = setterAttribute(connector, current!);
  const legacy = setterAttribute(connector, older!);
  const named = release.kind === 'named' ? release.release : undefined;
  if (named !== undefined && !tomcatRequiresAjpSecret(named))
    return { ...(legacy ? { read: legacy } : {}), ...(written && !legacy ? { ignoredCurrent: written } : {}) };
  if (named !== undefined && !tomcatReadsRequiredSecret(named))
    return { ...(written ? { read: written } : {}), ...(legacy && !written ? { unreadLegacy: legacy } : {}) };
  const later = [written, legacy]
    .flatMap((a) => a ?? [])
    .sort((a, b) => connector.attributes.indexOf(b) - connector.attributes.indexOf(a))[0];
  return later ? { read: later } : {};
}

/** The file's AJP connectors that set no secret and do not turn secretRequired off, or do on a non-loopback address. */
export function ajpConnectorsWithoutSecret(
  connectors: XmlElement[],
  file: string,
  relative: string,
  scope: TomcatPropertyScope,
  answer: TomcatReleaseAnswer,
  images: TomcatImages,
): TomcatAjpWithoutSecret[] {
  const found: TomcatAjpWithoutSecret[] = [];
  const release = ajpRelease(answer, images);
  for (const connector of ajpOnly(connectors)) {
    // `secret` (9.0.31+), or `requiredSecret`, its older name (a value from a property counts: it is set). Tomcat 11
    // and later read only `secret`; a `secret` an older release ignores is tomcat/ajp-secret-mismatch's to say.
    const { read, ignoredCurrent, unreadLegacy } = ajpSecretAttributes(connector, release);
    const secret = read ?? ignoredCurrent;
    if (secret && secret.value.trim() !== '') continue;
    const addressFound = setterAttribute(connector, 'address');
    const addressRead = addressFound ? readWritten(addressFound, file, scope) : undefined;
    const exposedAddress = addressRead !== undefined && !LOOPBACK.test(addressRead.value.trim());
    // secretRequired is a boolean setter: any value but `true` (any case) turns it off (IntrospectionUtils). Off, the
    // connector starts without a secret: kept only when it listens on an address the tree settles and is no loopback
    // one (Ermax81/docker-apache-tomcat@cbf48bd: address="0.0.0.0", port 8009 published by Compose).
    const required = setterAttribute(connector, 'secretRequired');
    const optedOut = required && readWritten(required, file, scope)?.value.trim().toLowerCase() !== 'true';
    if (optedOut && !exposedAddress) continue;
    const portAttribute = setterAttribute(connector, 'port');
    const port = portAttribute?.value;
    found.push({
      at: { file, range: connector.range },
      server: `Tomcat AJP connector ${port ?? '(no port)'} (${relative})`,
      ...(port === undefined ? {} : { port, portAt: { file, range: portAttribute!.valueRange } }),
      ...(secret ? { emptySecret: { name: secret.name, at: { file, range: secret.valueRange } } } : {}),
      ...(unreadLegacy ? { unreadLegacySecret: { file, range: unreadLegacy.valueRange } } : {}),
      ...(optedOut ? { optedOut: { file, range: required.valueRange } } : {}),
      ...(addressFound
        ? {
            address: {
              value: addressRead?.value ?? addressFound.value,
              loopback: addressRead ? LOOPBACK.test(addressRead.value.trim()) : undefined,
              at: { file, range: addressFound.valueRange } satisfies Location,
            },
          }
        : {}),
      release,
    });
  }
  return found;
}
