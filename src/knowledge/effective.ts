import { pushed } from '../core/pushed';
import type { RunMemo } from '../core/run-memo';
import type { Provenance, Traced } from '../core/traced';
import { disabledSuiteMatcher, protocolDisabledBy, splitAlgorithmList } from './algorithms';
import { findCipherSuite, protocolsBetween, suiteUsableWith } from './ciphers';
import { IBM_JSSE2, ibmLevelOf, jdkProfile, jsseReadsProperty, protocolCandidates, srRange, suiteList } from './jdk';
import { formatJdk, parseJavaVersion } from './version';
import type { EffectiveJdkTls, JavaRuntime, JavaVersion, JdkVendorFamily, UnsettledDefault } from './types';

function readsProperty(name: string, version: JavaVersion | undefined): boolean {
  return !version || jsseReadsProperty(name, version);
}

const jdkIds = (source: string) => [...new Set(source.match(/JDK-\d+/g) ?? [])].join(', ');

function defaultFrom(label: string, source: string, confidence: 'verified' | 'inferred'): Provenance {
  return { kind: 'default', origin: `${label} default (${jdkIds(source) || source})`, confidence };
}

const list = (value: string) =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * The TLS a Java runtime will really use: its disabled algorithms (java.security / -Djava.security.properties
 * override, else the version default), the protocols and suites SSLContext "TLS" enables on each side after
 * jdk.tls.client.protocols / https.protocols / jdk.tls.server.protocols / jdk.tls.*.cipherSuites and the IBM
 * com.ibm.jsse2.overrideDefaultTLS / overrideDefaultProtocol properties, minus everything disabled.
 *
 * `memo`: the run's (src/core/run-memo.ts). Model, derive and rules ask once per component and rule, and a fleet has
 * few distinct runtimes: with it each distinct answer is computed once a run and handed out shared (read-only:
 * its lists are `readonly`). Without it (a one-off question) the answer is computed afresh.
 */
export function effectiveJdkTls(runtime: JavaRuntime, memo?: RunMemo): EffectiveJdkTls {
  if (!memo) return computeEffectiveJdkTls(runtime, undefined);
  // The last answer per runtime object, valid while the same input objects are in place (runtime objects are
  // filled in while the model is built): comparing ten references instead of serialising them on every call.
  const byRuntime = memo.get('effectiveJdkTls by runtime', '', () => new WeakMap<JavaRuntime, Answer>());
  const inputs = inputsOf(runtime);
  const known = byRuntime.get(runtime);
  if (known && known.inputs.every((input, i) => input === inputs[i])) return known.result;
  const result = byValues(runtime, inputs, memo);
  byRuntime.set(runtime, { inputs, result });
  return result;
}

interface Answer {
  inputs: unknown[];
  result: EffectiveJdkTls;
}

/** Every system property computeEffectiveJdkTls reads (the memo key). */
export const INPUT_PROPERTIES: readonly string[] = [
  'jdk.tls.client.protocols',
  'https.protocols',
  'jdk.tls.server.protocols',
  'jdk.tls.client.cipherSuites',
  'jdk.tls.server.cipherSuites',
  'https.cipherSuites',
  'com.ibm.jsse2.overrideDefaultProtocol',
  'com.ibm.jsse2.overrideDefaultTLS',
];
const TRACED_FIELDS = [
  'disabledAlgorithms',
  'clientProtocols',
  'serverProtocols',
  'clientCipherSuites',
  'serverCipherSuites',
  'clientCipherSuitesAnyProtocol',
] as const;

/**
 * The answer by input values: every environment of a fleet sets the same properties in its own files, so
 * their provenance differs while the answer does not. An answer's provenance is either a default (no
 * file) or the very `from` object of one input (computeEffectiveJdkTls never builds one from a file),
 * so a stored answer is given this runtime's provenance by replacing those objects by identity. When two
 * inputs share one provenance object the mapping would be ambiguous: computed afresh.
 */
function byValues(runtime: JavaRuntime, inputs: unknown[], memo: RunMemo): EffectiveJdkTls {
  // Pushed, not mapped: the filters below were compiled again for an optimized `map`'s holey array (session 57).
  const froms = pushed(inputs, (input) =>
    input && typeof input === 'object' ? (input as Traced<string>).from : undefined,
  );
  const values = pushed(inputs, (input) =>
    input && typeof input === 'object' ? (input as Traced<string>).value : (input ?? null),
  );
  const distinct = new Set(froms.filter((f) => f !== undefined)).size === froms.filter((f) => f !== undefined).length;
  if (!distinct) return computeEffectiveJdkTls(runtime, memo);
  let computed: EffectiveJdkTls | undefined;
  const stored = memo.get('effectiveJdkTls', JSON.stringify(values), () => {
    computed = computeEffectiveJdkTls(runtime, memo);
    return { result: computed, froms };
  });
  if (computed) return computed;
  const mapped = new Map(stored.froms.flatMap((from, i) => (from ? [[from, froms[i]] as const] : [])));
  const result = { ...stored.result };
  for (const field of TRACED_FIELDS) {
    const traced = stored.result[field];
    const from = mapped.get(traced.from);
    if (from) result[field] = { value: traced.value, from };
  }
  return result;
}

/** What computeEffectiveJdkTls reads from a runtime, in memo-key order. */
function inputsOf(runtime: JavaRuntime): unknown[] {
  const sys = runtime.systemProperties;
  const inputs: unknown[] = [
    runtime.vendor.value,
    runtime.version.value,
    runtime.securityProperties['jdk.tls.disabledAlgorithms'],
    runtime.unknownSecurityProperties?.['jdk.tls.disabledAlgorithms']?.why ?? null,
  ];
  // Pushed, not spread from `map` (docs/performance.md, session 57: the spread recompiled this function).
  for (const name of INPUT_PROPERTIES) inputs.push(sys[name]);
  return inputs;
}

function computeEffectiveJdkTls(runtime: JavaRuntime, memo: RunMemo | undefined): EffectiveJdkTls {
  const vendor: JdkVendorFamily = runtime.vendor.value;
  const version = parseJavaVersion(runtime.version.value);
  const profile = version ? jdkProfile(vendor, version) : undefined;
  const label = version ? formatJdk(vendor, version) : `${vendor} ${runtime.version.value}`;
  const implementation = vendor === 'ibm' ? 'ibmjsse2' : 'jsse';

  const override = runtime.securityProperties['jdk.tls.disabledAlgorithms'];
  const unknownDisabled = runtime.unknownSecurityProperties?.['jdk.tls.disabledAlgorithms'];
  // Unknown (an image's sed on java.security): nothing is taken as disabled; the handshake says unknown.
  const disabledAlgorithms: Traced<string[]> = unknownDisabled
    ? {
        value: [],
        from: {
          kind: 'default',
          origin: `jdk.tls.disabledAlgorithms unknown: ${unknownDisabled.why}`,
          confidence: 'inferred',
        },
      }
    : override
      ? { value: splitAlgorithmList(override.value), from: override.from }
      : profile
        ? {
            value: profile.tlsDisabledAlgorithms.value,
            from: defaultFrom(label, profile.tlsDisabledAlgorithms.source, profile.tlsDisabledAlgorithms.confidence),
          }
        : {
            value: [],
            from: {
              kind: 'default',
              origin: `${label}: version not in the knowledge base, no default known`,
              confidence: 'inferred',
            },
          };
  const disabled = disabledAlgorithms.value;

  const sys = runtime.systemProperties;
  const pick = (name: string) => (readsProperty(name, version) ? sys[name] : undefined);
  const [clientBase, serverBase, unsettled] =
    implementation === 'ibmjsse2' && version
      ? [...ibmProtocols(runtime, version, label), {}]
      : sunProtocols(
          vendor,
          version,
          label,
          pick('jdk.tls.client.protocols') ?? sys['https.protocols'],
          pick('jdk.tls.server.protocols'),
        );
  const supported = profile?.supportedProtocols.value ?? [];
  const enabledOnly = (t: Traced<string[]>): Traced<string[]> => ({
    value: t.value.filter((p) => !protocolDisabledBy(p, disabled) && (supported.length === 0 || supported.includes(p))),
    from: t.from,
  });
  const clientProtocols = enabledOnly(clientBase);
  const serverProtocols = enabledOnly(serverBase);

  const suitesFor = (property: string, protocols: readonly string[]): Traced<readonly string[]> => {
    const listId = version ? protocolCandidates(vendor === 'ibm' ? 'ibm' : vendor, version).suites : undefined;
    const jsse = listId ? suiteList(listId.value as string) : undefined;
    // HttpsURLConnection (Spring's RestTemplate default) sets https.cipherSuites on its sockets.
    const explicit =
      pick(property) ?? (property === 'jdk.tls.client.cipherSuites' ? sys['https.cipherSuites'] : undefined);
    let names: readonly string[];
    let from: Provenance;
    if (explicit) {
      names = list(explicit.value).flatMap((n) => findCipherSuite(n)?.iana ?? []);
      from = explicit.from;
    } else if (jsse && listId) {
      names = jsse.defaultEnabled;
      from = defaultFrom(
        label,
        `${listId.source}; ${jsse.source}`,
        jsse.confidence === 'inferred' || listId.confidence === 'inferred' ? 'inferred' : 'verified',
      );
    } else {
      return {
        value: [],
        from: { kind: 'default', origin: `${label}: no cipher-suite list known`, confidence: 'inferred' },
      };
    }
    return {
      value: usableSuites(names, disabled, protocols, profile?.cryptoPolicy?.value === 'limited', memo),
      from,
    };
  };

  // A default no public source settles: the lists the other candidate gives, for the outcome to check.
  const other = (property: string, side: Unsettled | undefined): UnsettledDefault | undefined => {
    if (!side) return undefined;
    const protocols = enabledOnly({ value: side.alternative, from: serverBase.from }).value;
    return { what: side.what, protocols, cipherSuites: suitesFor(property, protocols).value };
  };
  const clientUnsettled = other('jdk.tls.client.cipherSuites', unsettled.client);
  const serverUnsettled = other('jdk.tls.server.cipherSuites', unsettled.server);
  return {
    label,
    profile,
    disabledAlgorithms,
    clientProtocols,
    serverProtocols,
    clientCipherSuites: suitesFor('jdk.tls.client.cipherSuites', clientProtocols.value),
    serverCipherSuites: suitesFor('jdk.tls.server.cipherSuites', serverProtocols.value),
    clientCipherSuitesAnyProtocol: suitesFor('jdk.tls.client.cipherSuites', protocolsBetween('TLSv1', 'TLSv1.3')),
    implementation,
    ...(clientUnsettled ? { clientUnsettled } : {}),
    ...(serverUnsettled ? { serverUnsettled } : {}),
  };
}

type Unsettled = { what: string; alternative: string[] };

/**
 * Suites of `names` that are known, not disabled and usable with one of `protocols`. A pure function of its
 * inputs, asked for the same few runtimes again and again: once a run with the run's memo (on a fleet of 2,000
 * deployments this filter was a third of the run, docs/performance.md).
 */
function usableSuites(
  names: readonly string[],
  disabled: readonly string[],
  protocols: readonly string[],
  limitedPolicy: boolean,
  memo: RunMemo | undefined,
): readonly string[] {
  const usable = () => {
    // The list's matcher once, not per suite (disabledEntryFor joins the whole list to find it).
    const disabledBy = disabledSuiteMatcher(disabled);
    return names.filter((name) => {
      const suite = findCipherSuite(name);
      // The limited jurisdiction policy caps symmetric keys at 128 bits: SunJSSE finds no AES_256 cipher.
      if (!suite || (limitedPolicy && /_256/.test(suite.enc))) return false;
      return !disabledBy(name) && protocols.some((p) => suiteUsableWith(suite, p));
    });
  };
  if (!memo) return usable();
  const key = `${names.join(',')}\u0000${disabled.join(',')}\u0000${protocols.join(',')}\u0000${limitedPolicy}`;
  return memo.get('usableSuites', key, usable);
}

/** The suites of `names` (already filtered for the runtime) usable with one of `protocols`, in order. */
export function suitesUsableAt(
  names: readonly string[],
  protocols: readonly string[],
  memo: RunMemo | undefined,
): readonly string[] {
  return usableSuites(names, [], protocols, false, memo);
}

function sunProtocols(
  vendor: JdkVendorFamily,
  version: JavaVersion | undefined,
  label: string,
  clientOverride: Traced<string> | undefined,
  serverOverride: Traced<string> | undefined,
): [Traced<string[]>, Traced<string[]>, { client?: Unsettled; server?: Unsettled }] {
  const candidates = version ? protocolCandidates(vendor, version) : undefined;
  const fallback = (which: 'client' | 'server'): Traced<string[]> => {
    const row = candidates?.[which];
    if (!row)
      return {
        value: [],
        from: { kind: 'default', origin: `${label}: default ${which} protocols unknown`, confidence: 'inferred' },
      };
    return { value: row.value as string[], from: defaultFrom(label, row.source, row.confidence) };
  };
  const traced = (t: Traced<string>): Traced<string[]> => ({ value: list(t.value), from: t.from });
  // An override settles the side; only a default can be unsettled.
  const unsettled = {
    ...(!clientOverride && candidates?.client?.unknown ? { client: candidates.client.unknown } : {}),
    ...(!serverOverride && candidates?.server?.unknown ? { server: candidates.server.unknown } : {}),
  };
  return [
    clientOverride ? traced(clientOverride) : fallback('client'),
    serverOverride ? traced(serverOverride) : fallback('server'),
    unsettled,
  ];
}

const IBM_PROTOCOL_NAMES: Record<string, string> = { TLSv11: 'TLSv1.1', TLSv12: 'TLSv1.2', TLSv13: 'TLSv1.3' };

function ibmProtocols(runtime: JavaRuntime, version: JavaVersion, label: string): [Traced<string[]>, Traced<string[]>] {
  const level = ibmLevelOf(version);
  const sys = runtime.systemProperties;
  const protocolOverride = sys['com.ibm.jsse2.overrideDefaultProtocol'];
  if (protocolOverride) {
    const ranges = IBM_JSSE2.overrideDefaultProtocol[protocolOverride.value.trim()];
    const value = ranges ? srRange(ranges, level) : undefined;
    const fixed = value ?? [IBM_PROTOCOL_NAMES[protocolOverride.value.trim()] ?? protocolOverride.value.trim()];
    const t: Traced<string[]> = { value: fixed, from: protocolOverride.from };
    return [t, t];
  }
  const tlsOverride = sys['com.ibm.jsse2.overrideDefaultTLS'];
  const overridden = tlsOverride?.value.trim().toLowerCase() === 'true' && level >= IBM_JSSE2.overrideDefaultTLSSince;
  const value = srRange(overridden ? IBM_JSSE2.tlsContextWithOverride : IBM_JSSE2.tlsContextWithoutOverride, level) ?? [
    'TLSv1',
  ];
  const from: Provenance =
    overridden && tlsOverride
      ? tlsOverride.from
      : {
          kind: 'default',
          origin: `${label} default (IBMJSSE2 SSLContext "TLS"; ${IBM_JSSE2.source})`,
          confidence: 'verified',
        };
  const t: Traced<string[]> = { value, from };
  // From the level IBM documents them, the JSSE protocol properties set each side as on SunJSSE.
  if (level < IBM_JSSE2.protocolPropertiesSince) return [t, t];
  const client = sys['jdk.tls.client.protocols'] ?? sys['https.protocols'];
  const server = sys['jdk.tls.server.protocols'];
  const traced = (p: Traced<string>): Traced<string[]> => ({ value: list(p.value), from: p.from });
  return [client ? traced(client) : t, server ? traced(server) : t];
}
