/**
 * Where the JDK a distribution package installs keeps its files (src/knowledge/data/jdk-locations.json `packages`):
 * Debian's and Ubuntu's openjdk-N packages read java.security through a link in the JDK's home to
 * /etc/java-N-openjdk/security/java.security.
 */
import { lazy } from '../core/lazy';

type JdkLocationsData = typeof import('./data/jdk-locations.json');
const facts = lazy(() => require('./data/jdk-locations.json') as JdkLocationsData);

/** The packages whose java.security paths a source gives, each path's pattern still holding `{feature}`. */
const packageSecurityFiles = lazy(() =>
  facts().packages.flatMap((entry) =>
    entry.securityFiles ? [{ packageName: new RegExp(entry.pattern), files: entry.securityFiles }] : [],
  ),
);

/**
 * The source saying that `absolutePath` (normalised) is the java.security the JDK of the package `name` reads: the
 * file in its home, or the one a link there points at (`/etc/java-8-openjdk/security/java.security` for Debian's
 * openjdk-8-jdk). Undefined when it is not, or when no source says where that package's JDK reads it.
 */
export function packageSecurityFileSource(name: string, absolutePath: string): string | undefined {
  const bare = name.replace(/=.*$/, '');
  for (const { packageName, files } of packageSecurityFiles()) {
    const feature = packageName.exec(bare)?.groups?.feature;
    if (feature === undefined) continue;
    const release = Number(feature);
    const file = files.find(
      (f) =>
        release >= (f.fromFeature ?? 0) &&
        release <= (f.toFeature ?? Infinity) &&
        new RegExp(f.pattern.replaceAll('{feature}', feature)).test(absolutePath),
    );
    if (file) return file.source;
  }
  return undefined;
}
