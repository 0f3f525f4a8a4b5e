/**
 * The TLS stack each component really runs: a JSSE of a named JDK, IBM JSSE2, OpenSSL (nginx), GSKit (IBM MQ
 * queue managers and C clients) or native code (the ClearTrust web agent). Labels and the predictor use it; only
 * Java stacks have a JDK, so a JDK's java.security never reaches an nginx or queue-manager verdict.
 */
import {
  isJmsConnectionFactory,
  isNginx,
  type Component,
  type Deployment,
  type JavaRuntime,
  type TlsImplementation,
} from '../model/types';

export type StackKind = Exclude<TlsImplementation, 'unknown'> | 'unknown';

export interface TlsStack {
  kind: StackKind;
  /**
   * `JSSE · Eclipse Temurin 17.0.15`, `IBM JSSE2 · IBM 8.0.6.25`, `OpenSSL 1.1.0l (nginx:1.14 → debian:stretch)`,
   * `OpenSSL 3.x (assumed…)`, `GSKit (IBM MQ)`, `native (ClearTrust web agent)`.
   */
  label: string;
  /** Java stacks only: the runtime, and how it is shown (`Oracle 1.8.0_202`; undefined when no JDK is known). */
  runtime?: JavaRuntime;
  jdk?: string;
}

/** Vendor names as release files spell their IMPLEMENTOR (display only; the behaviour follows the vendor family). */
const IMPLEMENTORS: [RegExp, string][] = [
  [/semeru/i, 'IBM Semeru'],
  [/international business machines|\bibm\b/i, 'IBM'],
  [/adoptium|temurin/i, 'Eclipse Temurin'],
  [/adoptopenjdk/i, 'AdoptOpenJDK'],
  [/amazon|corretto/i, 'Amazon Corretto'],
  [/azul|zulu/i, 'Azul Zulu'],
  [/red ?hat/i, 'Red Hat'],
  [/bellsoft|liberica/i, 'BellSoft Liberica'],
  [/microsoft/i, 'Microsoft'],
  [/oracle/i, 'Oracle'],
];

const FAMILIES: Record<string, string> = {
  openjdk: 'OpenJDK',
  oracle: 'Oracle',
  temurin: 'Eclipse Temurin',
  corretto: 'Amazon Corretto',
  zulu: 'Azul Zulu',
  ibm: 'IBM',
  semeru: 'IBM Semeru',
  redhat: 'Red Hat',
  unknown: '',
};

/** `Oracle 1.8.0_202`, `Eclipse Temurin 17.0.15`, `JDK 11` (vendor unknown), undefined without a runtime. */
export function jdkLabel(runtime: JavaRuntime | undefined): string | undefined {
  if (!runtime) return undefined;
  const implementor = runtime.implementor?.replace(/^"|"$/g, '').trim();
  const named = implementor
    ? (IMPLEMENTORS.find(([re]) => re.test(implementor))?.[1] ??
      implementor.replace(/,? (Inc\.?|Corporation|Corp\.?|Ltd\.?)$/i, ''))
    : undefined;
  const vendor = named ?? FAMILIES[runtime.vendor.value] ?? runtime.vendor.value;
  const version = runtime.version.value || 'version unknown';
  return `${vendor || 'JDK'} ${version}`;
}

/** WebSphere traditional runs its own IBM SDK, whose provider is IBMJSSE2. */
const WAS_TRADITIONAL = (c: Component) => isJmsConnectionFactory(c) && c.attributes.product === 'websphere';

/** The stack of a component (see the module comment). */
export function stackOf(component: Component, deployment: Deployment): TlsStack {
  const implementation = component.tls?.implementation ?? defaultImplementation(component);
  switch (implementation) {
    case 'openssl':
      return { kind: 'openssl', label: opensslLabel(component) };
    case 'gskit':
      return { kind: 'gskit', label: 'GSKit (IBM MQ)' };
    case 'native':
      return { kind: 'native', label: 'native TLS (ClearTrust web agent)' };
    case 'erlang':
      return { kind: 'erlang', label: "Erlang/OTP's ssl (RabbitMQ)" };
    case 'jsse':
    case 'ibmjsse2': {
      const runtime = component.runtime ?? deployment.runtime;
      const jdk = jdkLabel(runtime);
      const name = implementation === 'ibmjsse2' || WAS_TRADITIONAL(component) ? 'IBM JSSE2' : 'JSSE';
      return {
        kind: implementation,
        label: `${name} · ${jdk ?? 'JDK unknown'}`,
        ...(runtime ? { runtime } : {}),
        ...(jdk ? { jdk } : {}),
      };
    }
    default:
      // The WebSphere plug-in runs IBM GSKit inside the web server; what it offers is not modelled (model/was-plugin.ts).
      return component.type === 'was.plugin'
        ? { kind: 'unknown', label: 'GSKit (WebSphere plug-in; protocols and suites not modelled)' }
        : { kind: 'unknown', label: 'TLS stack unknown' };
  }
}

/**
 * The OpenSSL the predictor already uses for this server (the nginx contributor derived it once from the tree's
 * image, src/model/nginx.ts): read here, never recomputed. Without it, the assumed series, said so.
 */
function opensslLabel(component: Component): string {
  // A Tomcat connector Tomcat Native runs on OpenSSL (model/tomcat-native.ts): the image's OpenSSL when its tag names it.
  if (component.type === 'tomcat.connector' && component.attributes.nativeOpenssl) {
    const { openssl } = component.attributes.nativeOpenssl;
    return openssl
      ? `OpenSSL ${openssl} via Tomcat Native`
      : 'OpenSSL 3.x via Tomcat Native (assumed: no image tag names a Debian or Ubuntu release whose OpenSSL is known)';
  }
  const openssl =
    isNginx(component) ||
    component.type === 'nginx.proxy' ||
    component.type === 'haproxy.bind' ||
    component.type === 'haproxy.server' ||
    component.type === 'httpd.server' ||
    component.type === 'httpd.proxy'
      ? component.attributes.openssl
      : undefined;
  if (openssl && !openssl.assumed && openssl.release && openssl.via)
    return `OpenSSL ${openssl.release} (${openssl.via})`;
  const series = openssl?.series === undefined || openssl.series === '3' ? '3.x' : openssl.series;
  return `OpenSSL ${series} (assumed: the tree does not say which)`;
}

/** A component without TLS settings still runs on something: its type says what. */
function defaultImplementation(component: Component): TlsImplementation {
  if (component.type === 'cleartrust.webagent') return 'native';
  if (/^(nginx|haproxy|httpd)\./.test(component.type)) return 'openssl';
  if (component.type.startsWith('mq.')) return 'gskit';
  // ClearTrust servers and the Administration Console are Java applications.
  if (component.type.startsWith('cleartrust.')) return 'jsse';
  return component.runtime ? 'jsse' : 'unknown';
}
