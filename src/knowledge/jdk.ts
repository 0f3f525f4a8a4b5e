import defaultsData from './data/jdk-tls-defaults.json';
import jsseData from './data/jsse-cipher-suites.json';
import { disabledSuiteMatcher, protocolDisabledBy } from './algorithms';
import { formatJdk, ibmLevel, javaVersionText, parseJavaVersion } from './version';
import type { Fact, JavaVersion, JdkProfile, JdkVendorFamily } from './types';

type Confidence = 'verified' | 'inferred';
type RowValue = string[] | string | boolean;

export interface DefaultsRow {
  property: string;
  feature: number;
  from: number;
  to?: number;
  vendors?: string[];
  value: RowValue;
  source: string;
  confidence: Confidence;
  /** No public source settles the value: what is unknown, and the other candidate (Fact.unknown). */
  unknown?: { what: string; alternative: string[] };
}

interface SrRange {
  from: number;
  to?: number;
  value: string[];
}

interface IbmData {
  source: string;
  overrideDefaultTLSSince: number;
  /** From this level jdk.tls.client.protocols / https.protocols / jdk.tls.server.protocols apply (IBM documents it). */
  protocolPropertiesSince: number;
  protocolPropertiesSource: string;
  tlsContextWithoutOverride: SrRange[];
  tlsContextWithOverride: SrRange[];
  overrideDefaultProtocol: Record<string, SrRange[]>;
  supportedProtocols: SrRange[];
  equivalentUpdate: { confidence: Confidence; source: string; table: { from: number; update: number }[] };
}

export interface JsseSuiteList {
  source: string;
  confidence: Confidence;
  defaultEnabled: string[];
  supportedNotEnabled: string[];
}

const ROWS = defaultsData.rows as DefaultsRow[];
/** The `jdk.tls.*` list properties and the updates from which SunJSSE reads each (data: `propertiesRead`). */
export const PROPERTIES_READ = defaultsData.propertiesRead;

/**
 * Whether SunJSSE of this version reads a `jdk.tls.*` system property: the protocol and suite properties came in
 * updates (data: `propertiesRead`). A property the data does not list is not version-gated.
 */
export function jsseReadsProperty(name: string, version: JavaVersion): boolean {
  const row = PROPERTIES_READ.find((r) => r.property === name);
  if (!row || version.feature >= row.everyUpdateFrom) return true;
  const first = row.since.find((s) => s.feature === version.feature);
  return first !== undefined && version.update >= first.update;
}

/**
 * The feature releases the defaults cover, in words: consecutive releases as one range, a release whose rows all
 * end at an update closing its range there (`6 to 6u45, 7 to 27`).
 */
export function knownJdkReleases(): string {
  const features = [...new Set(ROWS.map((r) => r.feature))].sort((a, b) => a - b);
  const lastUpdate = (feature: number): number | undefined => {
    const rows = ROWS.filter((r) => r.feature === feature);
    return rows.every((r) => r.to !== undefined) ? Math.max(...rows.map((r) => r.to ?? 0)) : undefined;
  };
  const ranges: string[] = [];
  let start: number | undefined;
  features.forEach((feature, i) => {
    start ??= feature;
    const last = lastUpdate(feature);
    const next = features[i + 1];
    if (last === undefined && next === feature + 1) return;
    const end = last === undefined ? String(feature) : `${feature}u${last}`;
    ranges.push(start === feature && last === undefined ? end : `${start} to ${end}`);
    start = undefined;
  });
  return ranges.join(', ');
}

export const REFERENCE_JDK = defaultsData.referenceJdk as { vendor: JdkVendorFamily; version: string; source: string };
export const IBM_JSSE2 = defaultsData.ibm as IbmData;

/**
 * The protocols drawn for a Java end whose JDK is unknown: the reference JDK's defaults (referenceJdk), never a
 * verdict: such an end's link is unknown (handshake/endpoint.ts `missing`), whatever the list.
 */
export function referenceJdkProtocols(role: 'client' | 'server'): string[] {
  const version = parseJavaVersion(REFERENCE_JDK.version);
  const profile = version ? jdkProfile(REFERENCE_JDK.vendor, version) : undefined;
  return [...((role === 'client' ? profile?.defaultClientProtocols : profile?.defaultServerProtocols)?.value ?? [])];
}
const JSSE_LISTS = jsseData.lists as Record<string, JsseSuiteList>;

/**
 * ROWS by property and feature, in data order (lookupRow ran a filter over every row on each call); built on
 * first use, not at start-up.
 */
let rowsByProperty: Map<string, DefaultsRow[]> | undefined;
export function rowsIndex(): Map<string, DefaultsRow[]> {
  if (rowsByProperty) return rowsByProperty;
  rowsByProperty = new Map();
  for (const row of ROWS) {
    const key = `${row.property}\u0000${row.feature}`;
    const rows = rowsByProperty.get(key);
    if (rows) rows.push(row);
    else rowsByProperty.set(key, [row]);
  }
  return rowsByProperty;
}

/** The row for a property that covers (vendor, feature, update); vendor-specific rows win. */
export function lookupRow(
  property: string,
  vendor: JdkVendorFamily,
  feature: number,
  update: number,
): DefaultsRow | undefined {
  const covering = (rowsIndex().get(`${property}\u0000${feature}`) ?? []).filter(
    (r) => r.from <= update && (r.to === undefined || update <= r.to),
  );
  return covering.find((r) => r.vendors?.includes(vendor)) ?? covering.find((r) => r.vendors === undefined);
}

/**
 * Whether a JSSE server picks the cipher suite by its own order when nothing sets it (JDK-8168261: from 13,
 * backported to 11.0.21), or undefined when the data has no row for that release.
 */
export function serverCipherOrderDefault(vendor: JdkVendorFamily, version: JavaVersion): Fact<boolean> | undefined {
  const row = lookupRow('serverCipherOrderByDefault', vendor, version.feature, version.update);
  return row ? factOf<boolean>(row) : undefined;
}

export function factOf<T extends RowValue>(row: DefaultsRow, forceInferred = false): Fact<T> {
  return {
    value: row.value as T,
    source: row.source,
    confidence: forceInferred ? 'inferred' : row.confidence,
    ...(row.unknown ? { unknown: { what: row.unknown.what, alternative: row.unknown.alternative as T } } : {}),
  };
}

/** A protocol-list fact with the disabled protocols taken out of its value and of its unsettled alternative. */
function enabledFact(row: DefaultsRow, disabled: string[]): Fact<string[]> {
  const fact = factOf<string[]>(row);
  return {
    ...fact,
    value: minus(fact.value, disabled),
    ...(fact.unknown ? { unknown: { ...fact.unknown, alternative: minus(fact.unknown.alternative, disabled) } } : {}),
  };
}

export function srRange(ranges: SrRange[], level: number): string[] | undefined {
  return ranges.find((r) => r.from <= level && (r.to === undefined || level <= r.to))?.value;
}

/** The OpenJDK update whose java.security an IBM SDK 8 level is assumed to carry (inferred mapping). */
export function ibmEquivalentUpdate(level: number): number {
  let update = 0;
  for (const row of IBM_JSSE2.equivalentUpdate.table) if (row.from <= level) update = row.update;
  return update;
}

/** The IBM level (SR*100+FP) of an IBM SDK given as `1.8.0_NNN`: the last level whose equivalent update ≤ NNN. */
function ibmLevelFromUpdate(update: number): number {
  let level = 0;
  for (const row of IBM_JSSE2.equivalentUpdate.table) if (row.update <= update) level = row.from;
  return level;
}

export function suiteList(id: string): JsseSuiteList | undefined {
  return JSSE_LISTS[id];
}

const minus = (protocols: string[], disabled: string[]) => protocols.filter((p) => !protocolDisabledBy(p, disabled));

/**
 * What we know of a JDK's TLS defaults, or undefined when the data has nothing for that feature release
 * (e.g. JDK 5 or 28) or the vendor is IBM SDK other than 8.
 */
export function jdkProfile(vendor: JdkVendorFamily, version: JavaVersion): JdkProfile | undefined {
  const label = formatJdk(vendor, version);
  if (vendor === 'ibm') return ibmProfile(version, label);
  const get = (property: string) => lookupRow(property, vendor, version.feature, version.update);
  const tls = get('jdk.tls.disabledAlgorithms');
  const certpath = get('jdk.certpath.disabledAlgorithms');
  const legacy = get('jdk.tls.legacyAlgorithms');
  const client = get('clientProtocolCandidates');
  const server = get('serverProtocolCandidates');
  const supported = get('supportedProtocols');
  const dh = get('jdk.tls.ephemeralDHKeySize');
  const order = get('serverCipherOrderByDefault');
  if (!tls || !certpath || !legacy || !client || !server || !supported || !dh || !order) return undefined;
  const disabled = tls.value as string[];
  return {
    vendor,
    version,
    label,
    tlsDisabledAlgorithms: factOf(tls),
    certpathDisabledAlgorithms: factOf(certpath),
    legacyAlgorithms: factOf(legacy),
    defaultClientProtocols: enabledFact(client, disabled),
    defaultServerProtocols: enabledFact(server, disabled),
    supportedProtocols: factOf(supported),
    ephemeralDHKeySize: factOf(dh),
    serverCipherOrderByDefault: factOf(order),
    ...cryptoPolicyOf(get('cryptoPolicy')),
  };
}

const cryptoPolicyOf = (row: DefaultsRow | undefined): Pick<JdkProfile, 'cryptoPolicy'> =>
  row ? { cryptoPolicy: factOf<string>(row) as Fact<'limited' | 'unlimited'> } : {};

function ibmProfile(version: JavaVersion, label: string): JdkProfile | undefined {
  if (version.feature !== 8) return undefined;
  const level = ibmLevel(version) ?? ibmLevelFromUpdate(version.update);
  const update = version.ibm ? ibmEquivalentUpdate(level) : version.update;
  const get = (property: string) => lookupRow(property, 'ibm', 8, update);
  const tls = get('jdk.tls.disabledAlgorithms');
  const certpath = get('jdk.certpath.disabledAlgorithms');
  const legacy = get('jdk.tls.legacyAlgorithms');
  const dh = get('jdk.tls.ephemeralDHKeySize');
  const order = get('serverCipherOrderByDefault');
  if (!tls || !certpath || !legacy || !dh || !order) return undefined;
  const via = `${IBM_JSSE2.equivalentUpdate.source} Equivalent: OpenJDK 8u${update}.`;
  const asIbm = (row: DefaultsRow): Fact<string[]> => ({
    value: row.value as string[],
    source: `${row.source}; ${via}`,
    confidence: 'inferred',
  });
  const disabled = tls.value as string[];
  const tlsContext = srRange(IBM_JSSE2.tlsContextWithoutOverride, level) ?? ['TLSv1'];
  const protocols: Fact<string[]> = {
    value: minus(tlsContext, disabled),
    source: `${IBM_JSSE2.source}: SSLContext "TLS" without com.ibm.jsse2.overrideDefaultTLS`,
    confidence: 'verified',
  };
  return {
    vendor: 'ibm',
    version,
    label,
    tlsDisabledAlgorithms: asIbm(tls),
    certpathDisabledAlgorithms: asIbm(certpath),
    legacyAlgorithms: asIbm(legacy),
    defaultClientProtocols: protocols,
    defaultServerProtocols: protocols,
    supportedProtocols: {
      value: srRange(IBM_JSSE2.supportedProtocols, level) ?? [],
      source: IBM_JSSE2.source,
      confidence: 'inferred',
    },
    ephemeralDHKeySize: factOf(dh),
    serverCipherOrderByDefault: factOf(order),
    ...cryptoPolicyOf(get('cryptoPolicy')),
  };
}

/** The IBM level a profile stands for (used by the effective computation). */
export function ibmLevelOf(version: JavaVersion): number {
  return ibmLevel(version) ?? ibmLevelFromUpdate(version.update);
}

/** The candidate protocol lists (before disabledAlgorithms filtering) for a SunJSSE build. */
export function protocolCandidates(vendor: JdkVendorFamily, version: JavaVersion) {
  return {
    client: lookupRow('clientProtocolCandidates', vendor, version.feature, version.update),
    server: lookupRow('serverProtocolCandidates', vendor, version.feature, version.update),
    supported: lookupRow('supportedProtocols', vendor, version.feature, version.update),
    suites: lookupRow('jsseSuiteList', vendor, version.feature, version.update),
  };
}

/**
 * Whether SunJSSE counts a suite among jdk.tls.legacyAlgorithms, which it picks only when nothing else is
 * common: the predictor takes the current JDKs' default list (17+: `NULL, anon, RC4, DES, 3DES_EDE_CBC`;
 * 8/11 spell the same set as K_NULL, DH_anon…).
 */
export function isJsseLegacySuite(suiteName: string): boolean {
  const row = lookupRow('jdk.tls.legacyAlgorithms', 'openjdk', 17, 0);
  return row !== undefined && disabledSuiteMatcher(row.value as string[])(suiteName) !== undefined;
}

/**
 * The first update of each feature release whose default jdk.tls.disabledAlgorithms holds `entry`
 * (`anon` → `8u201`, `11.0.2`, `7u211`), in the order of `features`; features that never disable it are left out.
 */
export function firstUpdatesDisabling(entry: string, features: number[]): string[] {
  return features.flatMap((feature) => {
    const rows = (rowsIndex().get(`jdk.tls.disabledAlgorithms\u0000${feature}`) ?? [])
      .filter((r) => r.vendors === undefined)
      .sort((a, b) => a.from - b.from);
    const first = rows.find((r) => (r.value as string[]).some((v) => v.trim().toLowerCase() === entry.toLowerCase()));
    return first ? [javaVersionText(feature, first.from)] : [];
  });
}
