import { pushed } from '../../core/pushed';
import type { Location } from '../../core/types';
import { effectiveJdkTls, findCipherSuite, jsseName } from '../../knowledge';
import { entryLocation } from '../../parse/types';
import type { Component } from '../../model/types';
import { runtimeSources, withSources } from '../_lib/sources';
import { defineRule } from '../types';
import { rangeOfItem } from './_lib/shared';

interface NameList {
  what: string;
  names: string[];
  text: string;
  location: Location;
  /** True when the names reach `setEnabledCipherSuites` (which throws); false when the runtime ignores unknown names. */
  throws: boolean;
}

/** A component, or a Kafka client end of the deployment, with the cipher lists it reads. */
interface CipherEnd extends Pick<Component, 'id' | 'name' | 'runtime'> {
  implementation: string | undefined;
  lists: () => NameList[];
}

const BUNDLE_CIPHERS = /^spring\.ssl\.bundle\.(jks|pem)\.[^.]+\.options\.ciphers(\[\d+\])?$/;

function nameLists(component: Component): NameList[] {
  const lists: NameList[] = [];
  const runtime = component.runtime!;
  for (const name of ['jdk.tls.client.cipherSuites', 'jdk.tls.server.cipherSuites']) {
    const property = runtime.systemProperties[name];
    if (property?.from.kind !== 'file') continue;
    lists.push({
      what: `-D${name}`,
      names: property.value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      text: property.value,
      location: property.from.location,
      throws: false,
    });
  }
  for (const doc of component.documents.filter((d) => d.kind.startsWith('spring.'))) {
    for (const entry of doc.entries.filter((e) => BUNDLE_CIPHERS.test(e.key))) {
      lists.push({
        what: entry.key,
        names: entry.value
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
        text: entry.value,
        location: entryLocation(doc, entry, 'value'),
        throws: true,
      });
    }
  }
  const tls = component.tls;
  if (tls?.cipherSuites?.from.kind === 'file' && (tls.implementation === 'jsse' || tls.implementation === 'ibmjsse2')) {
    // A Tomcat connector's list as written: the model keeps only the names Tomcat enables.
    const written = 'ciphersAsWritten' in component.attributes ? component.attributes.ciphersAsWritten : undefined;
    const names = written !== undefined ? written.split(/[,:\s]+/).filter(Boolean) : tls.cipherSuites.value;
    lists.push({
      what: `${component.name} ciphers`,
      names,
      text: written ?? tls.cipherSuites.value.join(','),
      location: tls.cipherSuites.from.location,
      throws: false,
    });
  }
  return lists;
}

/** An IBM-only spelling: `SSL_…` where SunJSSE's name for the suite is `TLS_…`. */
function ibmOnly(name: string): string | undefined {
  if (!/^SSL_/i.test(name)) return undefined;
  const suite = findCipherSuite(name);
  if (!suite) return undefined;
  const sun = jsseName(suite);
  return sun.toUpperCase() === name.toUpperCase() ? undefined : sun;
}

export default defineRule({
  meta: {
    id: 'java/cipher-name-unsupported',
    description: 'Catch IBM JSSE cipher-suite names (SSL_…) used on a non-IBM JDK, which does not know them',
    severity: 'error',
    messages: {
      unsupported:
        "'{{name}}' in {{what}} is an IBM JSSE name; {{jdk}} calls this suite '{{sunName}}' and rejects the IBM name: 'java.lang.IllegalArgumentException: Unsupported CipherSuite: {{name}}'. Fix: use '{{sunName}}' (IBM Java accepts TLS_ names too)",
      ignored:
        "'{{name}}' in {{what}} is an IBM JSSE name; {{jdk}} calls this suite '{{sunName}}' and ignores unknown names, so this suite is never enabled. Fix: use '{{sunName}}' (IBM Java accepts TLS_ names too)",
    },
    defaultOptions: {},
    symptoms: ['Unsupported CipherSuite', 'no cipher suites in common', 'Received fatal alert: handshake_failure'],
  },
  check(ctx) {
    // Kafka's ends hand ssl.cipher.suites to SSLEngine.setEnabledCipherSuites, which throws on a name it does not know.
    const kafkaEnds = (ctx.deployment.unlinkedEnds ?? []).flatMap(({ name, runtime, cipherSuites: suites }) => {
      const location = suites?.value.from.kind === 'file' ? suites.value.from.location : undefined;
      if (!suites || !location) return [];
      const list = { what: `${suites.setting} of ${name}`, names: suites.value.value, text: suites.text, location };
      return [{ id: name, name, runtime, lists: [{ ...list, throws: true }] }];
    });
    // Pushed, not spread from `map` (docs/performance.md, session 57: the spread recompiled this check).
    const ends: CipherEnd[] = pushed(ctx.deployment.components, (c) => ({
      id: c.id,
      name: c.name,
      runtime: c.runtime,
      implementation: c.tls?.implementation,
      lists: () => nameLists(c),
    }));
    for (const end of kafkaEnds) ends.push({ ...end, implementation: 'jsse', lists: () => end.lists });
    for (const component of ends) {
      const runtime = component.runtime;
      if (
        !runtime ||
        runtime.vendor.value === 'unknown' ||
        runtime.vendor.value === 'ibm' ||
        component.implementation === 'ibmjsse2'
      )
        continue;
      const tls = effectiveJdkTls(runtime, ctx.memo);
      if (tls.implementation !== 'jsse') continue;
      for (const list of component.lists()) {
        for (const name of list.names) {
          const sunName = ibmOnly(name);
          if (!sunName) continue;
          const location = list.location.range
            ? { file: list.location.file, range: rangeOfItem(list.location.range, list.text, name) }
            : list.location;
          ctx.report({
            messageId: list.throws ? 'unsupported' : 'ignored',
            severity: list.throws ? 'error' : 'warning',
            data: { name, what: list.what, jdk: tls.label, sunName },
            location,
            related: withSources(location, [], runtimeSources(runtime, component.name)),
            fingerprint: [component.id, list.what, name],
          });
        }
      }
    }
  },
});
