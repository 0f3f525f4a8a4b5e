/**
 * Eclipse Jetty distributions (data/jetty.json): what the ssl module's SslContextFactory is set to by release, the
 * port its connector listens on, which release a tree runs (an official image's tag, a distribution archive's name),
 * and the SslContextFactory's default exclusion patterns by release (data/dropwizard.json `jetty`).
 */
import data from './data/jetty.json';
import dropwizard from './data/dropwizard.json';
import { compareReleaseParts } from './release-parts';

const jetty = dropwizard.jetty;

/** `9.4.56.v20240826`, `10.0.24`, `9.4` → [major, minor, patch]; a release that names no patch is the newest of its line. */
function releaseParts(release: string): number[] | undefined {
  const m = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(release.trim());
  if (!m) return undefined;
  // A floating name (an image tag `9`, `9.4`) is the newest release of its line: greater than any written patch.
  const newest = 999_999;
  return [Number(m[1]), m[2] === undefined ? newest : Number(m[2]), m[3] === undefined ? newest : Number(m[3])];
}

const atLeast = (release: number[], since: string): boolean =>
  compareReleaseParts(release, releaseParts(since) ?? []) >= 0;

/** One release range's ssl module: the Sets its etc/jetty-ssl-context.xml makes on the SslContextFactory. */
export interface JettySslContextRow {
  /** `9.4.0 to 10.0.0`: the releases the row covers, in words. */
  releases: string;
  /** The `<Set>` elements as Jetty's file writes them (Property lookups with their defaults). */
  sets: string[];
  keyStoreTypeDefault: string;
  source: string;
}

const ROWS: JettySslContextRow[] = data.sslContext.map((row) => ({
  releases: 'before' in row && row.before ? `${row.since} to ${row.before}` : `${row.since} on`,
  sets: row.sets,
  keyStoreTypeDefault: row.keyStoreTypeDefault,
  source: row.source,
}));

/**
 * The ssl module rows a release may run: the one that covers it, or every row when the release is unknown (a value
 * then stands only when every row gives it). Empty for a release before the first row (Jetty 9.2 and older).
 */
export function jettySslContextRows(release: string | undefined): JettySslContextRow[] {
  if (release === undefined) return ROWS;
  const parts = releaseParts(release);
  if (!parts) return ROWS;
  return data.sslContext.flatMap((row, i) =>
    atLeast(parts, row.since) && !('before' in row && row.before && atLeast(parts, row.before)) ? [ROWS[i]!] : [],
  );
}

/** The port jetty-ssl.xml's connector listens on: its property names (the deprecated one after) and default. */
export const JETTY_SSL_PORT = data.sslPort;

/** The SslContextFactory's default exclusion patterns of one release, with where each list comes from. */
export interface JettyDefaultExclusions {
  protocols: { value: string[]; origin: string };
  cipherSuites: { value: string[]; origin: string };
}

const PROTOCOLS = {
  value: jetty.excludedProtocols,
  origin: `Jetty's default excluded protocols (${jetty.excludedProtocolsSource})`,
};
const NEWER: JettyDefaultExclusions = {
  protocols: PROTOCOLS,
  cipherSuites: {
    value: jetty.excludedCipherSuites,
    origin: `Jetty's default excluded cipher suites from ${data.excludedCipherSuitesSince.since} (${jetty.excludedCipherSuitesSource})`,
  },
};
const OLDER: JettyDefaultExclusions = {
  protocols: PROTOCOLS,
  cipherSuites: {
    value: jetty.excludedCipherSuitesBefore,
    origin: `Jetty's default excluded cipher suites before ${data.excludedCipherSuitesSince.since} (${data.excludedCipherSuitesSince.source})`,
  },
};

/**
 * The default exclusion patterns of a Jetty release. Unknown: the newer list (`current`) and the older one
 * (`alternative`), so that a verdict stands only when both agree.
 */
export function jettyDefaultExclusions(release: string | undefined): {
  current: JettyDefaultExclusions;
  alternative?: JettyDefaultExclusions & { why: string };
} {
  const parts = release === undefined ? undefined : releaseParts(release);
  if (!parts)
    return {
      current: NEWER,
      alternative: {
        ...OLDER,
        why: `Jetty's default excluded cipher suites changed in ${data.excludedCipherSuitesSince.since}`,
      },
    };
  return { current: atLeast(parts, data.excludedCipherSuitesSince.since) ? NEWER : OLDER };
}

const IMAGE = new RegExp(data.image.repository);

/**
 * The Jetty release an official image tag names (`jetty:9.4-jdk11` → `9.4`, `jetty:9` → `9`: the newest of that line),
 * or undefined for another image or a tag without a version (`latest`, `jdk17`).
 */
export function jettyReleaseOfImage(image: string): string | undefined {
  const at = image.lastIndexOf(':');
  if (at < 0 || image.includes('/', at)) return undefined;
  const repository = image.slice(0, at).replace(/@.*$/, '');
  if (!IMAGE.test(repository)) return undefined;
  return /^(\d+(?:\.\d+){0,2})(?=$|[-.])/.exec(image.slice(at + 1))?.[1];
}

/** A Jetty distribution archive or directory a text names (`jetty-distribution-9.3.27.v20190418`, `jetty-home-10.0.24`). */
const DISTRIBUTION = /\bjetty-(?:distribution|home)-(\d+\.\d+\.\d+)(?:\.v\d{8})?\b/g;
/** `ENV JETTY_VERSION 9.4.43.v20210629`, `jetty_version=9.3.27.v20190418` (the official images' and others' variable). */
const VERSION_VARIABLE = /\bjetty_version[= \t]+["']?(\d+\.\d+\.\d+)(?:\.v\d{8})?\b/gi;

/** Every Jetty release a text names by an archive name or a JETTY_VERSION variable, with its offset. */
export function jettyReleasesIn(text: string): { release: string; index: number; length: number }[] {
  const out: { release: string; index: number; length: number }[] = [];
  for (const re of [DISTRIBUTION, VERSION_VARIABLE])
    for (const m of text.matchAll(re)) out.push({ release: m[1]!, index: m.index, length: m[0].length });
  return out;
}

/** Whether two release names can be the same release (`9.4` and `9.4.43`). */
export function sameJettyRelease(a: string, b: string): boolean {
  const pa = a.split('.');
  const pb = b.split('.');
  return pa.slice(0, Math.min(pa.length, pb.length)).every((p, i) => p === pb[i]);
}

/** The SslContextFactory's own defaults every release shares (data/dropwizard.json `jetty`). */
export const JETTY_FACTORY = {
  /** The value a boolean setter leaves when no XML calls it, by lower-cased setting name. */
  booleanDefaults: {
    needclientauth: String(data.factoryDefaults.needClientAuth),
    wantclientauth: String(data.factoryDefaults.wantClientAuth),
    useciphersuitesorder: String(jetty.useCipherSuitesOrderDefault),
  } as Readonly<Record<string, string>>,
  useCipherSuitesOrderDefault: jetty.useCipherSuitesOrderDefault,
  useCipherSuitesOrderSource: jetty.useCipherSuitesOrderSource,
  trustStoreIsKeyStore: jetty.trustStoreIsKeyStore,
  trustStoreSource: jetty.trustStoreSource,
} as const;
