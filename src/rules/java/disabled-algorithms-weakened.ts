import type { RuleRelated } from '../types';

import { formatJdk, jdkProfile, parseJavaVersion, REFERENCE_JDK, splitAlgorithmList } from '../../knowledge';
import type { JavaRuntime } from '../../model/types';
import { defineRule } from '../types';
import { ours, said } from '../../core/phrase';
import { everyUpdateDisabled } from './_lib/every-update';
import { relativePosix } from '../../core/posix-path';

const normalise = (entry: string) => entry.replace(/\s+/g, ' ').trim().toLowerCase();

/** What decides a runtime's every-update list besides its vendor and version (the memo key's part). */
const everyUpdateKey = (runtime: JavaRuntime) =>
  `${runtime.attachment?.feature ?? ''}|${runtime.attachment?.gaUpdates ? 'ga' : ''}|${runtime.attachment?.firstUpdate ?? ''}`;

/** What an override no longer lists of a JDK's default entries. */
interface Dropped {
  /** The JDK whose default list it is compared with: the runtime's, else the reference JDK (a current one). */
  jdk: string;
  known: boolean;
  entries: string[];
  /**
   * For a JDK named without its update by a name that runs general-availability updates only: those of `entries`
   * that every update of its feature disables (./_lib/every-update.ts), and whose list that is. Undefined when none.
   */
  everyUpdate?: { jdk: string; entries: string[] };
}

/** The default entries of `runtime`'s JDK (or of the reference JDK) that `override` no longer lists. */
function dropped(runtime: JavaRuntime, override: string): Dropped | undefined {
  const own = parseJavaVersion(runtime.version.value);
  const version = own ?? parseJavaVersion(REFERENCE_JDK.version);
  const vendor = own ? runtime.vendor.value : REFERENCE_JDK.vendor;
  const profile = version ? jdkProfile(vendor, version) : undefined;
  if (!profile || !version) return undefined;
  const kept = splitAlgorithmList(override).map(normalise);
  const entries = profile.tlsDisabledAlgorithms.value.flatMap((e) => weakenedEntry(e, kept));
  const every = own ? undefined : everyUpdateDisabled(runtime);
  const sure = every ? every.disabled.flatMap((e) => weakenedEntry(e, kept)) : [];
  const everyUpdate = every && sure.length > 0 ? { jdk: every.jdk, entries: sure } : undefined;
  return { jdk: formatJdk(vendor, version), known: own !== undefined, entries, ...(everyUpdate && { everyUpdate }) };
}

/**
 * The message for a feature named without its update when every update of it disables some of the entries: those
 * are re-enabled for sure; the others only if the update that runs disables them (said so, and with which JDK).
 */
function everyUpdateData(result: Dropped, everyUpdate: NonNullable<Dropped['everyUpdate']>, feature: string) {
  const sure = new Set(everyUpdate.entries.map(normalise));
  const others = result.entries.filter((e) => !sure.has(normalise(e)));
  return {
    entries: everyUpdate.entries.join(', '),
    jdk: everyUpdate.jdk,
    others:
      others.length > 0
        ? said`. It also does not disable ${others.join(', ')}, which current JDKs (${result.jdk}) disable by default: if the Java ${feature} update that runs does, this re-enables them too`
        : ours(''),
  };
}

const KEY_SIZE = /^(\S+) keysize < (\d+)$/;

/** A DTLS protocol version entry (`DTLSv1.0`): only a DTLS SSLContext offers it, never a TLS one. */
const DTLS_VERSION = /^DTLSv1(\.\d)?$/i;

/**
 * How the override weakens one default entry: not at all (listed, or its algorithm still constrained in
 * a way this rule does not judge: `DES keySize < 128` still blocks 56-bit DES), a smaller key-size floor,
 * or dropped.
 */
function weakenedEntry(entry: string, kept: string[]): string[] {
  const wanted = normalise(entry);
  if (/^include\b/.test(wanted) || kept.includes(wanted)) return [];
  const size = KEY_SIZE.exec(wanted);
  const names = (size ? size[1]! : wanted).split(/with|and/);
  const sameAlgorithm = kept.filter((k) => names.includes(k.split(' ')[0] ?? k));
  if (sameAlgorithm.length === 0) return [entry];
  const keptSize = sameAlgorithm.map((k) => KEY_SIZE.exec(k)).find((m) => m);
  if (size && keptSize && Number(keptSize[2]) < Number(size[2])) return [`${entry} (here < ${keptSize[2]})`];
  return [];
}

/**
 * A java.security override (a `-Djava.security.properties` file, a java.security edited in the tree)
 * replaces the whole jdk.tls.disabledAlgorithms list: whatever the JDK disabled that the new list
 * omits — SSLv3, TLSv1, anon, NULL, 3DES — is enabled again, silently.
 */
export default defineRule({
  meta: {
    id: 'java/disabled-algorithms-weakened',
    description:
      'Warn when a jdk.tls.disabledAlgorithms override re-enables protocols or algorithms the JDK disables by default',
    severity: 'warning',
    messages: {
      weakened:
        'jdk.tls.disabledAlgorithms here replaces the JDK list and no longer disables {{entries}}, which {{jdk}} disables by default: {{components}} can negotiate them again. Fix: copy the JDK default list and add to it instead of replacing it',
      weakenedEveryUpdate:
        'jdk.tls.disabledAlgorithms here replaces the JDK list and no longer disables {{entries}}, which {{jdk}} disables by default: {{components}} can negotiate them again{{others}}. Fix: copy the JDK default list and add to it instead of replacing it',
      weakenedFeatureOnly:
        'jdk.tls.disabledAlgorithms here replaces the JDK list and does not disable {{entries}}, which current JDKs ({{jdk}}) disable by default. The JDK that runs {{components}} is Java {{feature}}, and the tree does not name its update: if that update disables them, this re-enables them. Name the update (an image tag or release file that carries it, or --java-version) to know',
      weakenedDtlsOnly:
        'jdk.tls.disabledAlgorithms here replaces the JDK list, and of its default entries no longer disables only {{entries}}, which {{jdk}} disables by default: only a DTLS context (SSLContext.getInstance("DTLS"), datagram protocols) offers DTLS versions, so the TLS connections of {{components}} (HTTPS, JDBC, JMS, MQ, Kafka) are not weakened by it. Add {{entries}} to the list to keep the JDK default',
      weakenedUnknownJdk:
        'jdk.tls.disabledAlgorithms here replaces the JDK list and does not disable {{entries}}, which current JDKs ({{jdk}}) disable by default: if the JDK that runs {{components}} does, this re-enables them. Declare the JDK (a release file or --java-version) to know',
    },
    defaultOptions: {},
    symptoms: [],
  },
  check(ctx) {
    const byOverride = new Map<string, { runtime: JavaRuntime; components: string[] }>();
    for (const component of ctx.deployment.components) {
      const override = component.runtime?.securityProperties['jdk.tls.disabledAlgorithms'];
      if (!component.runtime || override?.from.kind !== 'file') continue;
      const { file, range } = override.from.location;
      const runtime = component.runtime;
      const key = `${file}:${range?.start.line}|${runtime.vendor.value} ${runtime.version.value} ${runtime.attachment?.feature ?? ''}`;
      const seen = byOverride.get(key) ?? { runtime: component.runtime, components: [] };
      seen.components.push(component.name);
      byOverride.set(key, seen);
    }
    for (const { runtime, components } of byOverride.values()) {
      const override = runtime.securityProperties['jdk.tls.disabledAlgorithms'];
      if (override?.from.kind !== 'file') continue;
      // The same JDK and override in every environment of a fleet: compared once per run.
      const result = ctx.memo.get(
        'java/disabled-algorithms-weakened',
        `${runtime.vendor.value}\u0000${runtime.version.value}\u0000${everyUpdateKey(runtime)}\u0000${override.value}`,
        () => dropped(runtime, override.value),
      );
      if (!result || result.entries.length === 0) continue;
      // The option that loaded the override, when it came from -Djava.security.properties.
      const option = runtime.systemProperties['java.security.properties'];
      const related: RuleRelated[] =
        option?.from.kind === 'file'
          ? [{ ...option.from.location, message: said`loaded by -Djava.security.properties=${option.value}` }]
          : [];
      // The JDK whose default list it is compared with, when a release file in the tree says which.
      if (result.known && runtime.version.from.kind === 'file')
        related.push({
          ...runtime.version.from.location,
          message: said`${result.jdk}: its default jdk.tls.disabledAlgorithms`,
        });
      // A Dockerfile FROM (or a path) that names the feature release without its update (annata/docker-jre's
      // openjdk:8-jre-alpine, a java.security copied into it): said, not 'declare the JDK'.
      const feature = result.known ? undefined : runtime.attachment?.feature;
      if (feature && runtime.attachment?.location)
        related.push({ ...runtime.attachment.location, message: runtime.attachment.text });
      // Relative to the deployment, so a baseline holds wherever the tree is checked out.
      const fingerprint = [
        relativePosix(ctx.deployment.root, override.from.location.file),
        result.jdk,
        result.entries.join(','),
      ];
      const base = { location: override.from.location, related, fingerprint };
      const { everyUpdate } = result;
      // Only DTLS versions dropped (tim-ref/messenger-proxy@58ae44f: a list stricter than JDK 21's but for DTLSv1.0): a
      // TLS SSLContext never offers them (OpenJDK 17.0.15: TLS and Default contexts support SSLv2Hello…TLSv1.3, only
      // "DTLS" supports DTLSv1.0/1.2), so nothing an HTTPS, JDBC or messaging client or server does changes.
      const named = everyUpdate && feature ? everyUpdate.entries : result.entries;
      if ([...result.entries, ...named].every((e) => DTLS_VERSION.test(e.trim()))) {
        ctx.report({
          ...base,
          messageId: 'weakenedDtlsOnly',
          severity: 'info',
          data: {
            entries: named.join(', '),
            jdk: everyUpdate && feature ? everyUpdate.jdk : result.known ? result.jdk : `current JDKs (${result.jdk})`,
            components: components.join(', '),
          },
        });
        continue;
      }
      // Every update of the named feature disables some of them (eclipse-temurin:17 and TLSv1): re-enabled for sure.
      if (everyUpdate && feature)
        ctx.report({
          ...base,
          messageId: 'weakenedEveryUpdate',
          data: { ...everyUpdateData(result, everyUpdate, feature), components: components.join(', ') },
        });
      else
        ctx.report({
          ...base,
          messageId: result.known ? 'weakened' : feature ? 'weakenedFeatureOnly' : 'weakenedUnknownJdk',
          severity: result.known ? undefined : 'info',
          data: {
            entries: result.entries.join(', '),
            jdk: result.jdk,
            components: components.join(', '),
            feature: feature ?? '',
          },
        });
    }
  },
});
