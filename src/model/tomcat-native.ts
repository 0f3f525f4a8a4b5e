/**
 * When a Tomcat connector speaks OpenSSL instead of the JDK's JSSE (data/tomcat.json nativeOpenssl): an SSL-enabled
 * JSSE-style connector without sslImplementationName switches to OpenSSL when the AprLifecycleListener of its server.xml
 * loaded Tomcat Native (Connector.initInternal, 8.5 and later). The tree says the library is there when the server.xml
 * runs in the official `tomcat` image, whose every variant builds Tomcat Native against its own libssl and checks that
 * it loads. A bare server.xml with the listener stays JSSE: the Linux tarball ships the library's sources only, and
 * Debian 12's libtcnative-1 1.2.35 is refused by Tomcat 10.1 (measured). Then the JDK's jdk.tls.disabledAlgorithms no
 * longer applies to the connector; OpenSSL's cipher-string semantics and security level do.
 */
import type { Location } from '../core/types';
import {
  assumedOpensslSeries,
  opensslFromImage,
  signatureFloor,
  signatureFloorElsewhere,
  type ImageOpenssl,
  type OpensslSeriesFacts,
} from '../knowledge/openssl';
import { splitImageReference } from '../knowledge/jdk-locations';
import {
  officialTomcatImage,
  TOMCAT_NATIVE,
  tomcatSuites,
  type TomcatTlsFacts,
  tomcatNativeCipherErrorClosesPort,
  tomcatSwitchesToNativeOpenssl,
} from '../knowledge/tomcat';
import type { XmlData, XmlElement } from '../parse/xml';
import type { ParsedDocument } from '../parse/types';
import type { TomcatImages } from './tomcat-release';
import type { TlsSettings, UnservedTls } from './types';
import { expandCipherString } from '../knowledge/openssl-cipher-string';
import { findCipherSuite } from '../knowledge/ciphers';

/** The OpenSSL a Tomcat end runs: from the image's distribution when its tag names one, else the assumed series. */
export interface TomcatOpenssl {
  facts: OpensslSeriesFacts;
  assumed: boolean;
  /** `3.0.13 (tomcat:10.1.59-jdk17-temurin-noble → ubuntu:noble)`. */
  label?: string;
  securityLevel?: number;
}

/** A connector Tomcat Native turns to OpenSSL: why, in words, and the places that say it. */
export interface NativeOpenssl {
  /** `Dockerfile:1 FROM tomcat:10.1.59 builds Tomcat Native, and server.xml:3 declares the AprLifecycleListener`. */
  because: string;
  at: Location[];
  openssl: TomcatOpenssl;
}

/** The OpenSSL of an image whose tag names its distribution (`…-temurin-noble` → ubuntu:noble). */
function distributionOpenssl(image: string): ImageOpenssl | undefined {
  const { tag } = splitImageReference(image.toLowerCase());
  // Codenames only (`noble`, `jammy`, `bookworm`): the release and JDK parts (`10.1.59`, `jdk17`) name no distribution.
  for (const part of tag.split('-').filter((p) => /^[a-z]+$/.test(p))) {
    const found = opensslFromImage(`ubuntu:${part}`) ?? opensslFromImage(`debian:${part}`);
    if (found) return { ...found, via: `${image} → ${found.via}` };
  }
  return undefined;
}

/** The OpenSSL every image runs when their tags agree on it; else the assumed series, said so. */
export function tomcatOpenssl(images: string[]): TomcatOpenssl {
  const found = images.map(distributionOpenssl);
  const [first] = found;
  if (first && found.every((f) => f?.release === first.release))
    return {
      facts: first.facts,
      assumed: false,
      label: `${first.release} (${first.via})`,
      ...(first.securityLevel ? { securityLevel: first.securityLevel.level } : {}),
    };
  return { facts: assumedOpensslSeries().facts, assumed: true };
}

/**
 * The OpenSSL a connector of this server.xml runs through Tomcat Native, when the tree says so; undefined when it does
 * not (no listener, useOpenSSL="false" or SSLEngine="off", an image that is not the official one, or a release before
 * 8.5). `release`: the release the images name, if any.
 */
export function nativeOpensslOf(
  doc: ParsedDocument<XmlData>,
  images: TomcatImages,
  release: string | undefined,
  short: (file: string) => string,
): NativeOpenssl | undefined {
  const listener = doc.data.elements.find(
    (e) =>
      e.localName === 'Listener' &&
      e.attributes.some((a) => a.name === 'className' && a.value === TOMCAT_NATIVE.listener),
  );
  if (!listener) return undefined;
  const value = (name: string) =>
    listener.attributes
      .find((a) => a.name === name)
      ?.value.trim()
      .toLowerCase();
  if (value('useOpenSSL') === 'false' || value('SSLEngine') === 'off') return undefined;
  const running = images.copied.length > 0 ? images.copied : images.mounted;
  if (running.length === 0 || !running.every((i) => officialTomcatImage(i.image))) return undefined;
  if (!tomcatSwitchesToNativeOpenssl(release)) return undefined;
  const listenerAt: Location = { file: doc.file.path, range: listener.range };
  const imagesText = running.map((i) => i.text).join(', ');
  return {
    because: `${imagesText} (the official tomcat image) ${running.length > 1 ? 'build' : 'builds'} Tomcat Native, and ${short(doc.file.path)}:${listener.range.start.line + 1} declares the AprLifecycleListener: Tomcat runs the connector on OpenSSL ('${TOMCAT_NATIVE.connectorName}<port>'), not the JDK's JSSE`,
    at: [listenerAt, ...running.map((i) => i.at)],
    openssl: tomcatOpenssl(running.map((i) => i.image)),
  };
}

/**
 * The signature floor of a Tomcat OpenSSL end (OpenSSL 3 above security level 0 signs no TLS 1.0/1.1 handshake): from
 * `@SECLEVEL=n` in its ciphers, else the level its OpenSSL starts at. When the series is assumed, the other series'
 * floor is the alternative the outcome checks (./openssl-floor.ts does the same for nginx).
 */
export function tomcatSignatureFloor(
  openssl: TomcatOpenssl,
  ciphers: { value: string; at: Location } | undefined,
): Pick<TlsSettings, 'signatureFloor' | 'signatureFloorAlternative'> {
  const written = ciphers ? /@SECLEVEL=(\d)/.exec(ciphers.value) : null;
  const explicit = written ? Number(written[1]) : undefined;
  const level = explicit ?? openssl.securityLevel ?? openssl.facts.defaultSecurityLevel;
  const floor = signatureFloor(openssl.facts, level);
  const out: Pick<TlsSettings, 'signatureFloor' | 'signatureFloorAlternative'> = {};
  const series = openssl.label ? `OpenSSL ${openssl.label}` : `OpenSSL ${openssl.facts.series} (assumed)`;
  if (floor)
    out.signatureFloor =
      ciphers && explicit !== undefined
        ? { value: floor, from: { kind: 'file', location: ciphers.at } }
        : {
            value: floor,
            from: {
              kind: 'default',
              origin: `${series} at security level ${level} signs no TLS 1.0/1.1 handshake (${openssl.facts.source.split(' ')[0] ?? ''})`,
              confidence: openssl.assumed ? 'inferred' : 'verified',
            },
          };
  const elsewhere = openssl.assumed ? signatureFloorElsewhere(openssl.facts, explicit) : undefined;
  if (elsewhere)
    out.signatureFloorAlternative = {
      what: `the OpenSSL release Tomcat Native runs on (OpenSSL ${openssl.facts.series} assumed, which at security level 1 and above signs no TLS 1.0/1.1 handshake; OpenSSL ${elsewhere.series.join(', ')} ${elsewhere.series.length > 1 ? 'do' : 'does'}${floor ? '' : ' not'}): name the image's distribution in its tag (tomcat:<release>-jdk17-temurin-noble), or add @SECLEVEL=0 to the connector's ciphers if TLS 1.0/1.1 must work`,
      ...(elsewhere.floor ? { value: elsewhere.floor } : {}),
    };
  return out;
}

/** Protocol names from the lowest up (names, not a release fact). */
const LADDER = ['SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

/**
 * The protocols Tomcat Native really enables: the run down from the highest enabled one (SSLContext.make sets it as
 * the maximum and lowers the minimum only while the next lower one is enabled), so a version below a hole is off.
 */
export function nativeProtocolRun(enabled: string[]): string[] {
  if (!TOMCAT_NATIVE.protocolRange.contiguousFromHighest) return enabled;
  const ranked = LADDER.filter((p) => enabled.includes(p));
  const highest = ranked.at(-1);
  if (highest === undefined) return enabled;
  const run: string[] = [];
  for (let i = LADDER.indexOf(highest); i >= 0; i--) {
    const name = LADDER[i];
    if (name === undefined || !enabled.includes(name)) break;
    run.push(name);
  }
  return enabled.filter((p) => run.includes(p));
}

/** A JSSE/IANA suite name as Tomcat writes it (`TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256`, `SSL_RSA_WITH_RC4_128_SHA`). */
const JSSE_NAME = /^(TLS|SSL)_[A-Za-z0-9_]+$/;

/** A JSSE name's OpenSSL name, when the registry knows one; undefined for any other token. */
function opensslNameOf(token: string): string | undefined {
  return JSSE_NAME.test(token) ? findCipherSuite(token)?.openssl : undefined;
}

/** A TLS 1.3 suite name: OpenSSL's cipher list ignores it (TLS 1.3 suites are configured apart). */
function namesTls13Suite(token: string): boolean {
  return JSSE_NAME.test(token) && findCipherSuite(token)?.minProtocol === 'TLSv1.3';
}

/**
 * The OpenSSL cipher string Tomcat hands to Tomcat Native for a `ciphers` value (SSLHostConfig.setCiphers): a value with
 * a colon as written; else its comma-separated names, each JSSE name as its OpenSSL name, joined by colons.
 */
export function tomcatOpensslCipherString(value: string): string {
  if (value.includes(':')) return value;
  return value
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
    .map((name) => opensslNameOf(name) ?? name)
    .join(':');
}

/**
 * The TLS 1.2-and-lower suites a Tomcat Native connector enables for its `ciphers` value: Tomcat Native puts
 * `!aNULL:!eNULL:!EXP:` before the string Tomcat hands it (so no anonymous or NULL suite, and a string that starts with
 * DEFAULT matches nothing: DEFAULT counts only first). TLS 1.3 names are no part of it (measured with 9.0.70: a list
 * naming TLS_AES_128_GCM_SHA256 still negotiates TLS_AES_256_GCM_SHA384 over TLSv1.3).
 */
export function nativeCiphers(value: string): string[] {
  const prefix = TOMCAT_NATIVE.cipherStringPrefix.value;
  return expandCipherString(`${prefix}${tomcatOpensslCipherString(value)}`).ciphers.map((c) => c.iana);
}

/**
 * The TLS 1.3 suites a Tomcat Native connector sets, in releases that have `cipherSuites` (OpenSSLContext.init passes
 * SSLHostConfig.getCipherSuites to SSLContext.setCipherSuitesEx): `cipherSuites` (Tomcat's default when unset), then the
 * TLS 1.3 names `ciphers` holds. Older releases set none, so OpenSSL keeps its own (measured with 9.0.70: a list naming
 * TLS_AES_128_GCM_SHA256 still negotiates TLS_AES_256_GCM_SHA384): empty then.
 */
export function nativeTls13Suites(
  ciphers: string | undefined,
  cipherSuites: string | undefined,
  facts: TomcatTlsFacts,
): string[] {
  if (facts.tls13Suites !== 'cipherSuites') return [];
  return tomcatSuites(ciphers, cipherSuites, facts).suites.filter(
    (name) => findCipherSuite(name)?.minProtocol === 'TLSv1.3',
  );
}

/**
 * Why Tomcat serves no TLS for a `ciphers` value that gives OpenSSL no TLS 1.2-or-lower suite, or undefined when it
 * gives some: `tomcat` when Tomcat's own parser (which knows JSSE names and DEFAULT anywhere) finds nothing either (the
 * connector fails to initialise in every release), `openssl` when only OpenSSL behind Tomcat Native's prefix matches
 * nothing (data/tomcat.json nativeOpenssl.cipherListRefused).
 */
export function nativeCiphersRefused(value: string): 'tomcat' | 'openssl' | undefined {
  if (nativeCiphers(value).length > 0) return undefined;
  const tokens = tomcatOpensslCipherString(value)
    .split(/[:, ]+/)
    .filter(Boolean);
  if (tokens.some(namesTls13Suite)) return 'openssl';
  const named = tokens.map((t) => {
    const sign = /^[!+-]/.test(t) ? t.charAt(0) : '';
    const name = t.slice(sign.length);
    return sign + (opensslNameOf(name) ?? name);
  });
  const rest = named.filter((t) => t !== 'DEFAULT');
  const asTomcatReads = rest.length < named.length ? ['DEFAULT', ...rest] : named;
  return expandCipherString(asTomcatReads.join(':'), { tomcatParser: true }).ciphers.length > 0 ? 'openssl' : 'tomcat';
}

/** Why a connector runs on OpenSSL through Tomcat Native, or undefined when it does not (JSSE, or the FFM OpenSSL). */
export function tomcatNativeRunBy(
  connector: XmlElement,
  file: string,
  switched: NativeOpenssl | undefined,
): { because: string; at: Location[] } | undefined {
  // The long reason is the component's (nativeOpenssl.because); the places say which image and listener.
  if (switched)
    return {
      because: 'the official tomcat image builds it, and the server.xml declares the AprLifecycleListener',
      at: switched.at,
    };
  const attribute = (name: string) => connector.attributes.find((a) => a.name === name);
  const protocol = attribute('protocol');
  if (protocol && /Apr/i.test(protocol.value))
    return {
      because: `protocol="${protocol.value}" is Tomcat's APR connector, which runs on OpenSSL through Tomcat Native`,
      at: [{ file, range: protocol.valueRange }],
    };
  const implementation = attribute('sslImplementationName');
  if (implementation?.value.trim() === TOMCAT_NATIVE.implementationClass)
    return {
      because: `sslImplementationName="${implementation.value}" runs the connector on OpenSSL through Tomcat Native`,
      at: [{ file, range: implementation.valueRange }],
    };
  return undefined;
}

/** A connector Tomcat Native serves no TLS on: its ciphers give OpenSSL nothing (data/tomcat.json cipherListRefused). */
export function nativeCiphersUnserved(
  server: string,
  ciphers: { value: string; at: Location },
  stage: 'tomcat' | 'openssl',
  runsOn: { because: string; at: Location[] },
  release: { named: string; read?: { release: string; at: Location } },
  port: string | undefined,
): UnservedTls {
  const closesPort = stage === 'openssl' ? tomcatNativeCipherErrorClosesPort(release.read?.release) : undefined;
  return {
    server,
    why: {
      kind: 'tomcat-native-ciphers-refused',
      at: ciphers.at,
      ciphers: ciphers.value,
      stage,
      ...(closesPort === undefined ? {} : { closesPort }),
      ...(closesPort !== undefined && release.read ? { release: { named: release.named, at: release.read.at } } : {}),
      runsOn,
      ...(port ? { port } : {}),
    },
    stores: [],
  };
}
