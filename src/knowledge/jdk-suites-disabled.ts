import { disabledSuiteMatcher } from './algorithms';
import { REFERENCE_JDK, rowsIndex } from './jdk';
import { parseJavaVersion } from './version';
import { javaVersionText } from './version';

/** Where every JDK's default jdk.tls.disabledAlgorithms removes all of some suites (data/jdk-tls-defaults.json rows). */
export interface SuitesDisabledEverywhere {
  /** `8u171 and later 8 updates, JDK 11 and every later release`. */
  since: string;
  /** The releases whose default keeps one of them: `JDK 6, 7, 9 and 10, JDK 8 before 8u171`. */
  older: string;
  /** The entries of the newest release's list that remove them (`RC4`, `anon`). */
  entries: string[];
}

/**
 * The JDK releases whose default jdk.tls.disabledAlgorithms removes every one of `suites`: each feature release from the
 * first update whose row (and every later row of that feature) disables them all, and the first feature from which
 * every release does from its GA on. Undefined when the newest feature release keeps one of them, or a suite is
 * unknown to the matcher (nothing then says that no JDK negotiates it), or when the reference JDK (a current LTS
 * release) still negotiates one. Vendor-specific rows are left out, as
 * firstUpdatesDisabling does: the OpenJDK defaults every vendor's build starts from.
 */
export function suitesDisabledFrom(suites: readonly string[]): SuitesDisabledEverywhere | undefined {
  if (suites.length === 0) return undefined;
  const byFeature = new Map<number, number | 'never'>();
  let newestEntries: string[] = [];
  for (const [key, all] of rowsIndex()) {
    const [property, feature] = key.split('\u0000');
    if (property !== 'jdk.tls.disabledAlgorithms') continue;
    const rows = all.filter((r) => r.vendors === undefined).sort((a, b) => a.from - b.from);
    if (rows.length === 0) continue;
    const disablesAll = rows.map((r) => {
      const matcher = disabledSuiteMatcher(r.value as string[]);
      return suites.every((s) => matcher(s) !== undefined);
    });
    let first = rows.length;
    while (first > 0 && disablesAll[first - 1]) first--;
    byFeature.set(Number(feature), first === rows.length ? 'never' : rows[first]!.from);
    const newest = rows.at(-1)!;
    const matcher = disabledSuiteMatcher(newest.value as string[]);
    if (first < rows.length) newestEntries = [...new Set(suites.map((s) => matcher(s)!))];
  }
  const features = [...byFeature.keys()].sort((a, b) => a - b);
  // The first feature from which every release disables them all from its GA.
  let from = features.length;
  while (from > 0 && byFeature.get(features[from - 1]!) === 0) from--;
  // Only when the reference JDK (a current LTS release, data referenceJdk) is among them: JDK 24's removal of the
  // static-RSA suites does not make a list of them "no handshake" while most JDKs in use negotiate them.
  const reference = parseJavaVersion(REFERENCE_JDK.version)?.feature;
  if (from === features.length || reference === undefined || features[from]! > reference) return undefined;
  const earlier = features.slice(0, from);
  const partial = earlier.filter((f) => typeof byFeature.get(f) === 'number');
  const never = earlier.filter((f) => byFeature.get(f) === 'never');
  const firstOf = (f: number) => javaVersionText(f, byFeature.get(f) as number);
  const since = [
    ...partial.map((f) => `${firstOf(f)} and later ${f} updates`),
    `JDK ${features[from]} and every later release`,
  ];
  const olderNever = never.length > 1 ? `${never.slice(0, -1).join(', ')} and ${never.at(-1)}` : never.join('');
  const older = [
    ...(never.length > 0 ? [`JDK ${olderNever}`] : []),
    ...partial.map((f) => `JDK ${f} before ${firstOf(f)}`),
  ];
  return { since: since.join(', '), older: older.join(', '), entries: newestEntries };
}
