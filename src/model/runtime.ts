import * as path from 'node:path';
import { vendorFromRelease } from '../knowledge';
import type { LintConfig } from '../core/config';
import type { JdkReleaseData } from '../parse/jdk';
import type { Entry, ParsedDocument } from '../parse/types';
import type { JavaRuntime, JdkVendorFamily, Traced } from './types';
import { entryLocation } from '../parse/types';

/** A JDK found in the tree and the directory whose files it runs. */
export interface ScopedRuntime {
  /** Absolute directory: files at or below it run on this JDK (nearest scope wins). */
  scope: string;
  runtime: JavaRuntime;
}

const SECURITY_SUFFIX = /([\\/]jre)?[\\/](lib|conf)[\\/]security$/;

/**
 * Finds the JDKs a tree holds: each `release` file is a JDK home, each
 * `java.security` belongs to the JDK home it sits in (`<home>/conf/security`,
 * `<home>/jre/lib/security`) or, alone, stands for an unknown JDK whose
 * security properties are overridden. A JDK runs the files of its home's parent.
 */
export function findRuntimes(documents: ParsedDocument[]): ScopedRuntime[] {
  const homes = new Map<string, { release?: ParsedDocument<JdkReleaseData>; security?: ParsedDocument }>();
  for (const doc of documents) {
    if (doc.kind === 'jdk.release') {
      const home = path.dirname(doc.file.path);
      homes.set(home, { ...homes.get(home), release: doc as ParsedDocument<JdkReleaseData> });
    } else if (doc.kind === 'java.security') {
      const dir = path.dirname(doc.file.path);
      const home = SECURITY_SUFFIX.test(dir) ? dir.replace(SECURITY_SUFFIX, '') : dir;
      homes.set(home, { ...homes.get(home), security: doc });
    }
  }
  const runtimes: ScopedRuntime[] = [];
  for (const [home, { release, security }] of homes) {
    const runtime = runtimeFromFiles(release, security);
    const scope = release || SECURITY_SUFFIX.test(path.dirname(security?.file.path ?? '')) ? path.dirname(home) : home;
    runtimes.push({ scope, runtime });
  }
  return runtimes.sort((a, b) => b.scope.length - a.scope.length);
}

function runtimeFromFiles(release?: ParsedDocument<JdkReleaseData>, security?: ParsedDocument): JavaRuntime {
  const fileTraced = (doc: ParsedDocument, entry: Entry | undefined, value: string): Traced<string> =>
    entry ? { value, from: { kind: 'file', location: entryLocation(doc, entry, 'value') } } : { value, from: { kind: 'file', location: { file: doc.file.path } } };
  let version: Traced<string> = { value: '', from: { kind: 'default', origin: 'no JDK release file in the tree' } };
  let vendor: Traced<JdkVendorFamily> = { value: 'unknown', from: { kind: 'default', origin: 'no JDK release file in the tree' } };
  let implementorName: string | undefined;
  if (release) {
    const entry = release.entries.find((e) => e.key === 'JAVA_VERSION');
    version = fileTraced(release, entry, entry?.value ?? '');
    const implementor = release.entries.find((e) => e.key === 'IMPLEMENTOR') ?? entry;
    vendor = { value: vendorFromRelease(release.data.fields), from: fileTraced(release, implementor, '').from };
    implementorName = release.data.fields.IMPLEMENTOR?.replace(/^"|"$/g, '').trim() || undefined;
  }
  const securityProperties: Record<string, Traced<string>> = {};
  if (security) {
    for (const entry of security.entries) {
      securityProperties[entry.key] = { value: entry.value, from: { kind: 'file', location: entryLocation(security, entry, 'value') } };
    }
  }
  return { vendor, version, securityProperties, systemProperties: {}, ...(implementorName ? { implementor: implementorName } : {}) };
}

/** A runtime declared by the user (`--java-version`, config `java` or `components[].java`). */
export function declaredRuntime(java: { version?: string; vendor?: string }, origin: string): JavaRuntime {
  return {
    version: { value: java.version ?? '', from: { kind: 'config', origin } },
    vendor: { value: (java.vendor ? vendorFromRelease({ IMPLEMENTOR: java.vendor }) : 'openjdk') as JdkVendorFamily, from: { kind: 'config', origin } },
    securityProperties: {},
    systemProperties: {},
    ...(java.vendor ? { implementor: java.vendor } : {}),
  };
}

/**
 * The runtime for a file: the CLI's `--java-version` wins over everything;
 * then a config `components` entry whose glob matches; then the nearest JDK in
 * the tree; then config `java`. A declared version keeps the tree's
 * java.security overrides (the user says which JDK, the tree says how it is configured).
 */
export function makeRuntimeResolver(
  runtimes: ScopedRuntime[],
  config: LintConfig,
  matchComponent: (file: string) => { version?: string; vendor?: string } | undefined,
  cliJava?: { version?: string; vendor?: string },
): (file: string) => JavaRuntime | undefined {
  return (file) => {
    const inTree = runtimes.find((r) => file === r.scope || file.startsWith(r.scope + path.sep))?.runtime;
    const component = matchComponent(file);
    const declared = cliJava?.version
      ? declaredRuntime(cliJava, '--java-version')
      : component?.version
        ? declaredRuntime(component, 'lint-deploy config "components"')
        : inTree && !inTree.version.value && config.java?.version
          ? declaredRuntime(config.java, 'lint-deploy config "java"')
          : undefined;
    if (declared) {
      return inTree ? { ...inTree, version: declared.version, vendor: cliJava?.vendor || component?.vendor || inTree.vendor.value === 'unknown' ? declared.vendor : inTree.vendor } : declared;
    }
    if (inTree) return inTree;
    return config.java?.version ? declaredRuntime(config.java, 'lint-deploy config "java"') : undefined;
  };
}
