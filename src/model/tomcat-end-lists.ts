/**
 * The protocols and cipher suites a Tomcat connector end enables, from its written attributes and the release's
 * defaults: on OpenSSL through Tomcat Native (./tomcat-native.ts) or on the JDK's JSSE (./tomcat-lists.ts syntax).
 */
import {
  TOMCAT_FACTS,
  tomcatReadsConnectorTls,
  tomcatSuites,
  tomcatTlsFacts,
  type TomcatTlsFacts,
} from '../knowledge/tomcat';
import { effectiveJdkTls } from '../knowledge';
import type { RunMemo } from '../core/run-memo';
import type { JavaRuntime, TlsSettings, Traced } from './types';
import type { TomcatReleaseAnswer, TomcatReleaseRead } from './tomcat-release';
import {
  nativeCiphers,
  nativeProtocolRun,
  nativeTls13Suites,
  tomcatOpenssl,
  tomcatSignatureFloor,
  type NativeOpenssl,
} from './tomcat-native';
import { PROTOCOL_NAME, tomcatProtocols } from './tomcat-lists';
import type { ReadAttribute } from './tomcat-properties';

/** The facts of the release the tree names for a server.xml (./tomcat-release.ts), and how the tree names it, in words. */
export interface TomcatReleaseFacts {
  facts: TomcatTlsFacts;
  /** `9.0.85 (Dockerfile:1 FROM tomcat:9.0.85-jdk17)`, `11.0.18 (assumed: the tree names no Tomcat version)`. */
  named: string;
  read?: TomcatReleaseRead;
  /** Whether the release reads the Connector's TLS attributes: 8.5 and 9 (true), 10.0+ (false), unknown (undefined). */
  reads?: boolean;
}

export function releaseFacts(answer: TomcatReleaseAnswer): TomcatReleaseFacts {
  const read = answer && 'read' in answer ? answer.read : undefined;
  const facts = tomcatTlsFacts(read?.release);
  if (read && !facts.assumed) {
    const inferred = read.majorOnly
      ? `; the tag names the major only: its newest branch, ${read.release}, inferred`
      : '';
    const reads = tomcatReadsConnectorTls(read.release);
    return {
      facts,
      named: `${facts.release} (${read.text}${inferred})`,
      read,
      ...(reads === undefined ? {} : { reads }),
    };
  }
  const why = read
    ? `${read.text} names Tomcat ${read.release}, for which lint-deploy has no facts`
    : answer && 'conflicting' in answer
      ? `the tree names different Tomcat releases for this server.xml: ${answer.conflicting.map((c) => c.text).join(', ')}`
      : 'the tree names no Tomcat version';
  return { facts, named: `${facts.release} (assumed: ${why})`, ...(read ? { read } : {}) };
}

const defaultFrom = ({ facts, named }: TomcatReleaseFacts, what: string) => ({
  kind: 'default' as const,
  origin: `Tomcat ${named} ${what} (${facts.source.split(' ')[0]})`,
  confidence: facts.assumed ? ('inferred' as const) : facts.confidence,
});

/**
 * Tomcat keeps the configured protocols the JDK implements; TLSv1.3 and SSLv2Hello, which `all` names, only
 * when the JDK has them or they were asked for by name (SSLUtilBase). Unknown JDK: the list as configured,
 * without SSLv2Hello unless named (a hello format, which only JDK 6 clients send).
 */
function implementedProtocols(
  configured: string[],
  written: string | undefined,
  supported: string[] | undefined,
): string[] {
  const named = (p: string) => new RegExp(`(^|[^.\\w])${p.replace('.', '\\.')}($|[^.\\w])`, 'i').test(written ?? '');
  // `TLSv1.2 TLSv1.3` or `tlsv1.2` (./tomcatProtocols) is no JDK's protocol name: never enabled.
  const names = configured.filter((p) => PROTOCOL_NAME.test(p));
  if (!supported) return names.filter((p) => p !== 'SSLv2Hello' || named(p));
  return names.filter((p) => supported.includes(p) || (p !== 'SSLv2Hello' && p !== 'TLSv1.3' && named(p)));
}

/** The list attributes an end reads (as Tomcat fills their `${…}`), each undefined when unwritten. */
interface WrittenLists {
  protocols?: ReadAttribute;
  ciphers?: ReadAttribute;
  cipherSuites?: ReadAttribute;
  honor?: ReadAttribute;
}

/** What decides an end's lists besides what is written. */
interface ListScope {
  openssl: boolean;
  native: NativeOpenssl | undefined;
  release: TomcatReleaseFacts;
  runtime: JavaRuntime | undefined;
  memo: RunMemo;
  /** The attributes written with a `${…}` nothing in the tree fills. */
  unread: readonly string[];
  /** The server.xml. */
  file: string;
  /** A value traced to where the attribute is written. */
  at: <T>(a: ReadAttribute, value: T) => Traced<T>;
}

/** Sets the end's protocols and suites (and, on JSSE, the release's cipher-order default). */
export function setConnectorLists(tls: TlsSettings, written: WrittenLists, scope: ListScope): void {
  const { protocols, ciphers, cipherSuites, honor } = written;
  const { openssl, native, release, runtime, at, file } = scope;
  const placeholders = scope.unread;
  const facts = release.facts;
  if (openssl) {
    // OpenSSLContext: the protocols become OpenSSL's flags (SSLv2Hello a no-op), the ciphers string (Tomcat's
    // default when unset) goes to OpenSSL as written; its security level decides TLS 1.0/1.1 (./tomcat-native.ts).
    // Tomcat Native enables the run down from the highest protocol: one below a hole is off.
    const listed = protocols ? tomcatProtocols(protocols.value, facts.protocolsAll) : facts.protocolsAll;
    const named = nativeProtocolRun(listed.filter((p) => PROTOCOL_NAME.test(p) && p !== 'SSLv2Hello'));
    tls.protocols = protocols ? at(protocols, named) : { value: named, from: defaultFrom(release, 'protocols="all"') };
    // TLS 1.3 suites of their own in releases that have cipherSuites; else OpenSSL's (handshake/endpoint.ts).
    const suites = [
      ...nativeTls13Suites(ciphers?.value, cipherSuites?.value, facts),
      ...nativeCiphers(ciphers?.value ?? facts.ciphersDefault),
    ];
    const where = ciphers ?? (facts.tls13Suites === 'cipherSuites' ? cipherSuites : undefined);
    tls.cipherSuites = where
      ? at(where, suites)
      : { value: suites, from: defaultFrom(release, `ciphers="${facts.ciphersDefault}"`) };
    const written = ciphers && { value: ciphers.value, at: { file, range: ciphers.valueRange } };
    Object.assign(tls, tomcatSignatureFloor(native?.openssl ?? tomcatOpenssl([]), written));
  } else if (!placeholders.some((p) => /^(protocols|sslEnabledProtocols|ciphers|cipherSuites)$/.test(p))) {
    // A JSSE connector sets its protocols and suites on every SSLEngine itself (Tomcat's defaults when
    // not configured), so the JDK's default lists and jdk.tls.server.* do not apply.
    const supported = runtime ? effectiveJdkTls(runtime, scope.memo).profile?.supportedProtocols.value : undefined;
    const configured = protocols ? tomcatProtocols(protocols.value, facts.protocolsAll) : facts.protocolsAll;
    const enabled = implementedProtocols(configured, protocols?.value, supported);
    // Named in the list, implemented by the JDK, yet dropped: Tomcat skips it (and fails when none is left).
    const byName = protocols ? tomcatProtocols(protocols.value, []) : [];
    const unimplemented = byName.filter(
      (p) => (supported || !PROTOCOL_NAME.test(p)) && !enabled.includes(p) && p !== 'SSLv2Hello',
    );
    if (unimplemented.length > 0) tls.unimplementedProtocols = unimplemented;
    tls.protocols = protocols
      ? at(protocols, enabled)
      : { value: enabled, from: defaultFrom(release, `protocols="${TOMCAT_FACTS.protocolsDefault.value}"`) };
    // The same question in every environment of a fleet (Tomcat's default string): answered once a run.
    const suites = scope.memo
      .get(
        'tomcatSuites',
        JSON.stringify([ciphers?.value, cipherSuites?.value, facts.ciphersDefault, facts.tls13Suites]),
        () => tomcatSuites(ciphers?.value, cipherSuites?.value, facts).suites,
      )
      .slice();
    const where = ciphers ?? cipherSuites;
    tls.cipherSuites = where
      ? at(where, suites)
      : {
          value: suites,
          from: defaultFrom(
            release,
            `ciphers="${facts.ciphersDefault}"${facts.tls13Suites === 'cipherSuites' ? ' and TLS 1.3 cipherSuites' : ''}`,
          ),
        };
    if (!honor && facts.honorCipherOrderDefault !== 'jdk')
      tls.serverOrderWins = {
        value: facts.honorCipherOrderDefault,
        from: defaultFrom(release, 'honorCipherOrder="false" (client order)'),
      };
  }
}
