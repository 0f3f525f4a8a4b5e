/**
 * Dropwizard HTTPS connectors and the Jetty SslContextFactory under them (data/dropwizard.json): the defaults a
 * connector gets for what its YAML does not set, by Dropwizard release, and Jetty's include/exclude pattern match.
 */
import data from './data/dropwizard.json';
import { findCipherSuite, jsseName } from './ciphers';
import { compareReleaseParts } from './release-parts';

const dw = data.dropwizard;
const jetty = data.jetty;

/** `1.3.29`, `2.0.0-rc1`, `4.0.0-beta.1` → [major, minor, patch]; undefined for anything else. */
function releaseParts(release: string): number[] | undefined {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(release.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : undefined;
}

/** Whether `release` is `since` or later (a pre-release of `since` counts as `since`); undefined when unreadable. */
function atLeast(release: string, since: string): boolean | undefined {
  const a = releaseParts(release);
  const b = releaseParts(since);
  return a && b ? compareReleaseParts(a, b) >= 0 : undefined;
}

/** One release's exclusion patterns, with where each list comes from. */
export interface JettyExclusions {
  protocols: { value: string[]; origin: string };
  cipherSuites: { value: string[]; origin: string };
}

const NEWEST: JettyExclusions = {
  protocols: {
    value: dw.excludedProtocols[0]!.value,
    origin: `Dropwizard's excludedProtocols default from ${dw.excludedProtocols[0]!.since} (${dw.excludedProtocols[0]!.source})`,
  },
  cipherSuites: {
    value: jetty.excludedCipherSuites,
    origin: `Jetty's default excluded cipher suites (${jetty.excludedCipherSuitesSource})`,
  },
};

const OLDEST: JettyExclusions = {
  protocols: {
    value: jetty.excludedProtocols,
    origin: `Jetty's default excluded protocols, kept by Dropwizard before ${dw.excludedProtocols[0]!.since} (${jetty.excludedProtocolsSource})`,
  },
  cipherSuites: {
    value: jetty.excludedCipherSuitesBefore,
    origin: `the default excluded cipher suites of the Jetty under Dropwizard before ${dw.jettyCipherExclusionsSince.since} (${jetty.excludedCipherSuitesSource}; ${dw.jettyCipherExclusionsSince.source})`,
  },
};

/**
 * The exclusion patterns a Dropwizard HTTPS connector gets by default. A release the build names settles them; without
 * one, the newest releases' (`current`) and the oldest's (`alternative`): a verdict stands only when both agree.
 */
export function dropwizardExclusions(release: string | undefined): {
  current: JettyExclusions;
  alternative?: JettyExclusions & { why: string };
} {
  const protocolsSince = dw.excludedProtocols[0]!.since;
  const newProtocols = release === undefined ? undefined : atLeast(release, protocolsSince);
  const newSuites = release === undefined ? undefined : atLeast(release, dw.jettyCipherExclusionsSince.since);
  if (newProtocols === undefined || newSuites === undefined)
    return {
      current: NEWEST,
      alternative: {
        ...OLDEST,
        why: `the default exclusions changed in ${dw.jettyCipherExclusionsSince.since} and ${protocolsSince}`,
      },
    };
  return {
    current: {
      protocols: newProtocols ? NEWEST.protocols : OLDEST.protocols,
      cipherSuites: newSuites ? NEWEST.cipherSuites : OLDEST.cipherSuites,
    },
  };
}

/** The release from which `validateCerts` and `validatePeers` default to false. */
export const DROPWIZARD_VALIDATE_FALSE_SINCE: string =
  dw.validateCertsDefault.find((row) => 'since' in row && row.since && !row.value)?.since ?? '';

/** Whether `validateCerts` and `validatePeers` default to true in a release; undefined when the release is unknown. */
export function dropwizardValidatesByDefault(
  release: string | undefined,
): { value: boolean; source: string } | undefined {
  if (release === undefined) return undefined;
  for (const row of dw.validateCertsDefault) {
    const from = 'since' in row && row.since ? atLeast(release, row.since) : true;
    const below = 'before' in row && row.before ? atLeast(release, row.before) === false : true;
    if (from === undefined) return undefined;
    if (from && below) return { value: row.value, source: row.source };
  }
  return undefined;
}

/** What Dropwizard's Http2ConnectorFactory (`type: h2`) sets on Jetty's factory in a release (undefined: unknown). */
export function dropwizardHttp2(release: string | undefined): {
  /** The protocols it sets whatever the YAML says; newest first when the release is unknown (`older`: the other). */
  protocols: { value: string[]; source: string };
  older?: { value: string[]; source: string };
  /** The suite it requires (and sets alone when none is written). */
  cipherSuite: string;
  /** Whether a written supportedCipherSuites is kept (checked to hold `cipherSuite`); undefined when unknown. */
  keepsWrittenSuites: boolean | undefined;
  cipherSuiteSource: string;
} {
  const h2 = dw.http2;
  const rows = h2.protocols.map((row) => ({
    ...row,
    since: 'since' in row ? row.since : undefined,
    before: 'before' in row ? row.before : undefined,
  }));
  const newest = rows.find((r) => r.since && !r.before) ?? rows[0]!;
  const oldest = rows.find((r) => r.before && !r.since) ?? rows[0]!;
  const checked = release === undefined ? undefined : atLeast(release, h2.cipherSuiteChecked.since);
  const matching =
    release === undefined
      ? undefined
      : rows.find(
          (r) =>
            (r.since ? atLeast(release, r.since) === true : true) &&
            (r.before ? atLeast(release, r.before) === false : true),
        );
  const base = {
    cipherSuite: h2.cipherSuite,
    keepsWrittenSuites: checked,
    cipherSuiteSource: h2.cipherSuiteChecked.source,
  };
  if (matching) return { ...base, protocols: { value: matching.value, source: matching.source } };
  return {
    ...base,
    protocols: { value: newest.value, source: newest.source },
    older: { value: oldest.value, source: oldest.source },
  };
}

/** Dropwizard's store type defaults and Jetty's server-side facts, each with its public source. */
export const DROPWIZARD_HTTPS = {
  keyStoreTypeDefault: dw.keyStoreTypeDefault,
  trustStoreTypeDefault: dw.trustStoreTypeDefault,
  keyStoreSource: dw.keyStoreSource,
  useCipherSuitesOrderDefault: jetty.useCipherSuitesOrderDefault,
  useCipherSuitesOrderSource: jetty.useCipherSuitesOrderSource,
  trustStoreIsKeyStore: jetty.trustStoreIsKeyStore,
  trustStoreSource: jetty.trustStoreSource,
} as const;

/**
 * A Jetty include/exclude pattern as Jetty matches it (java.util.regex `matcher(name).matches()`: the whole name), or
 * undefined when JavaScript reads the pattern otherwise or not at all (inline flags, possessive quantifiers, classes
 * of Java's own): such a pattern leaves the selection unknown.
 */
export function jettyPattern(pattern: string): RegExp | undefined {
  if (/\(\?[a-zA-Z]|[*+?}]\+|\\[pPQEGZAz]/.test(pattern)) return undefined;
  try {
    return new RegExp(`^(?:${pattern})$`);
  } catch {
    return undefined;
  }
}

const matcher = (patterns: readonly string[]) => {
  const compiled = patterns.flatMap((p) => jettyPattern(p) ?? []);
  return (name: string) => compiled.some((re) => re.test(name));
};

/**
 * Jetty's exclusion step (SslContextFactory.selectProtocols/selectCipherSuites, "process exclude patterns"): every
 * name one of the patterns matches whole is removed, the order of the rest kept. Suites are matched by their JSSE
 * names (`SSL_RSA_WITH_3DES_EDE_CBC_SHA`, which `^SSL_.*$` matches), whatever spelling the lists hold.
 */
export function jettyExcluded(
  protocolPatterns: readonly string[],
  suitePatterns: readonly string[],
  protocols: readonly string[],
  suites: readonly string[],
): { protocols: string[]; suites: string[] } {
  const protocolExcluded = matcher(protocolPatterns);
  const suiteExcluded = matcher(suitePatterns);
  return {
    protocols: protocols.filter((p) => !protocolExcluded(p)),
    suites: suites.filter((s) => {
      const suite = findCipherSuite(s);
      return !suiteExcluded(suite ? jsseName(suite) : s);
    }),
  };
}
