import type { RuleRelated } from '../types';
/**
 * Related locations for the inputs a finding depends on, beyond the setting it points at: which JDK
 * runs a component (its `release` file), the security properties consulted (a `java.security` in the
 * tree, a `-Djava.security.properties` override and the option naming it), where each end of a link is
 * defined. pre-commit lints only the changed files and reports the findings that name one of them, so
 * a finding that does not name a file its verdict depends on lets a commit changing only that file
 * through (issue 19). test/helpers/deciding-files.ts checks every rule's invalid cases for this.
 */
import type { Location } from '../../core/types';
import type { Component, JavaRuntime, Link, Provenance } from '../../model/types';
import { ours, said, type Phrase } from '../../core/phrase';

function fromFile(from: Provenance | undefined, message: string | Phrase): RuleRelated[] {
  return from?.kind === 'file' ? [{ ...from.location, message }] : [];
}

/**
 * Where a Java runtime's facts come from: its version and vendor, the given security properties when a
 * file in the tree sets them (and the `-Djava.security.properties` option that brings in an override
 * file), and the given system properties (`-D` options).
 */
export function runtimeSources(
  runtime: JavaRuntime | undefined,
  whose: string,
  properties: readonly string[] = [],
): RuleRelated[] {
  if (!runtime) return [];
  const out = [
    ...fromFile(
      runtime.version.from,
      said`${whose} runs Java ${runtime.version.value || (runtime.attachment?.feature ? said`${runtime.attachment.feature} (no update named)` : ours('(version unknown)'))} (from here)`,
    ),
    ...fromFile(runtime.vendor.from, said`${whose}'s Java vendor: ${runtime.vendor.value}`),
  ];
  const set = properties.flatMap((p) => {
    const from = runtime.securityProperties[p]?.from;
    return from?.kind === 'file' ? [{ property: p, from }] : [];
  });
  for (const { property, from } of set) out.push(...fromFile(from, said`${property} for ${whose} set here`));
  if (set.length)
    out.push(
      ...fromFile(
        runtime.systemProperties['java.security.properties']?.from,
        said`${whose} loads security properties from this override`,
      ),
    );
  for (const property of properties)
    out.push(...fromFile(runtime.systemProperties[property]?.from, said`-D${property} for ${whose} set here`));
  return out;
}

/** Where a component is defined, and its runtime's sources. */
export function componentSources(component: Component, properties: readonly string[] = []): RuleRelated[] {
  // What made a TLS setting's value besides where it is written (a Liberty variable, the active Spring profile).
  const tls = component.tls;
  const via = [tls?.protocols, tls?.cipherSuites, tls?.clientAuth].flatMap((t) =>
    t?.from.kind === 'file' ? (t.from.via ?? []) : [],
  );
  // An nginx proxy without proxy_ssl_protocols: the image's nginx release decides its default.
  const image =
    component.type === 'nginx.proxy' && component.attributes.defaultsFrom
      ? [
          {
            ...component.attributes.defaultsFrom.at,
            message: said`${component.name} runs nginx ${component.attributes.defaultsFrom.release}, whose default proxy_ssl_protocols apply`,
          },
        ]
      : [];
  return [
    { ...component.location, message: said`${component.name} is defined here` },
    ...via,
    ...image,
    ...runtimeSources(component.runtime, component.name, properties),
  ];
}

/**
 * `related` followed by the sources whose file the finding does not name yet (one place per file is
 * enough for pre-commit, and keeps reports short).
 */
export function withSources(location: Location, related: RuleRelated[], ...sources: RuleRelated[][]): RuleRelated[] {
  const named = new Set([location.file, ...related.map((r) => r.file)]);
  const out = [...related];
  for (const source of sources.flat()) {
    if (named.has(source.file)) continue;
    named.add(source.file);
    out.push(source);
  }
  return out;
}

/** A link's inputs: where it is declared (the URL, the channel name…), both ends and both ends' runtimes. */
/** The security and system properties that shape a JSSE endpoint's protocols and suites. */
export const JSSE_PROPERTIES = [
  'jdk.tls.disabledAlgorithms',
  'jdk.tls.client.protocols',
  'jdk.tls.server.protocols',
  'https.protocols',
  'jdk.tls.client.cipherSuites',
  'jdk.tls.server.cipherSuites',
  'https.cipherSuites',
  'com.ibm.jsse2.overrideDefaultTLS',
];

export function linkSources(
  link: Link,
  client: Component,
  server: Component,
  properties: readonly string[] = JSSE_PROPERTIES,
): RuleRelated[] {
  const declared: RuleRelated[] = link.location
    ? [{ ...link.location, message: said`${client.name} \u2192 ${server.name}: ${link.reason}` }]
    : [];
  return [
    ...declared,
    ...(link.evidence ?? []),
    ...componentSources(client, properties),
    ...componentSources(server, properties),
  ];
}
