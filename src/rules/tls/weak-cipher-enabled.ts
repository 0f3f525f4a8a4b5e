import { pushed } from '../../core/pushed';
import { ownEndpoint } from '../../derive/derive';
import { placeOf } from '../../handshake/links';
import { canonicalSuiteName, suiteFacts, SuiteFacts } from '../../handshake/suites';
import { defineRule } from '../types';
import { joined, ours, said } from '../../core/phrase';
import { readersNamed, SharedLines } from '../_lib/shared-lines';
import { suitesDisabledFrom } from '../../knowledge/jdk-suites-disabled';
import { runtimeSources } from '../_lib/sources';

interface Weakness {
  /** Plural noun phrase for the count, e.g. "3DES suites". */
  category: string;
  level: 'warning' | 'info';
  why: string;
  test(f: SuiteFacts): boolean;
}

/** In order: a suite counts in the first category it matches (TLS_RSA_WITH_3DES_EDE_CBC_SHA is 3DES, not static RSA). */
const WEAKNESSES: readonly Weakness[] = [
  {
    category: 'NULL-cipher',
    level: 'warning',
    why: 'no encryption: data crosses the network in clear text',
    test: (f) => f.flags.null,
  },
  {
    category: 'anonymous (anon)',
    level: 'warning',
    why: 'no server authentication: anyone in the path can intercept',
    test: (f) => f.flags.anon,
  },
  {
    category: 'export-grade',
    level: 'warning',
    why: '40/56-bit keys are broken (FREAK, Logjam)',
    test: (f) => f.flags.export,
  },
  { category: 'RC4', level: 'warning', why: 'RFC 7465 prohibits RC4', test: (f) => f.flags.rc4 },
  { category: 'single-DES', level: 'warning', why: '56-bit DES is broken', test: (f) => f.flags.des },
  {
    category: '3DES',
    level: 'warning',
    why: '64-bit blocks make long sessions recoverable (Sweet32)',
    test: (f) => f.flags.tripleDes,
  },
  {
    category: 'static-RSA',
    level: 'info',
    why: 'RSA key exchange has no forward secrecy',
    test: (f) => f.flags.staticRsa,
  },
  {
    category: 'CBC-with-SHA1',
    level: 'info',
    why: 'MAC-then-encrypt CBC invites padding oracles (Lucky13) and SHA-1 is being retired',
    test: (f) => f.flags.cbc && f.flags.sha1Mac,
  },
];

/** Names shown in a message before "(+N more)". */
const SHOWN = 3;

export function categorise(names: string[]): { weakness: Weakness; suites: string[] }[] {
  const groups = new Map<Weakness, string[]>();
  for (const name of names) {
    const facts = suiteFacts(name);
    const weakness = facts && WEAKNESSES.find((w) => w.test(facts));
    if (!facts || !weakness) continue;
    const list = groups.get(weakness) ?? [];
    if (!list.includes(facts.name)) list.push(facts.name);
    groups.set(weakness, list);
  }
  return WEAKNESSES.filter((w) => groups.has(w)).map((weakness) => ({ weakness, suites: groups.get(weakness)! }));
}

export default defineRule({
  meta: {
    id: 'tls/weak-cipher-enabled',
    description:
      'Warn about NULL, anon, export, RC4, DES and 3DES suites in a configured cipher list; static RSA and CBC-SHA1 as info (one finding per category for each component, or for each line several components share)',
    severity: 'warning',
    messages: {
      noSuiteOnCurrentJdks:
        "{{component}} enables only {{list}}, and the tree does not say which JDK runs it: the default jdk.tls.disabledAlgorithms of {{since}} removes every one of them ({{entries}}), so there it is left with no suite and accepts no handshake ('No appropriate protocol (protocol is disabled or cipher suites are inappropriate)'); only {{older}} would negotiate them ({{weaknesses}}). Fix: enable suites a current JDK keeps (ECDHE with AES-GCM or ChaCha20), and name the JDK that runs it",
      weak: '{{component}} enables {{count}} {{category}} {{suites}}: {{list}}. {{why}}. Fix: remove {{them}} and prefer ECDHE suites with AES-GCM or ChaCha20',
    },
    defaultOptions: {},
    symptoms: [],
  },
  check(ctx) {
    // Components that take the list from one line (an nginx snippet many server blocks include) are one finding each.
    const byLine = new SharedLines<{ weakness: Weakness; names: string[] }>();
    for (const component of ctx.deployment.components) {
      const suites = component.tls?.cipherSuites;
      if (!suites || suites.from.kind !== 'file' || component.tls?.enabled?.value === false) continue;
      // Every weak suite is one of TLS 1.2 or older: an end that speaks TLS 1.3 alone never negotiates them.
      const protocols = component.tls?.protocols?.value;
      if (protocols && protocols.length > 0 && protocols.every((p) => p === 'TLSv1.3')) continue;
      // A suite the runtime removes is never enabled: tls/cipher-disabled-by-runtime reports it ("listed, but dropped").
      const endpoint = ownEndpoint(ctx.deployment, component);
      const dropped = new Set((endpoint?.disabledSuites ?? []).map((d) => canonicalSuiteName(d.name)));
      const enabled = suites.value.filter((name) => !dropped.has(canonicalSuiteName(name)));
      // A JSSE end whose JDK is unknown, listing only suites every current JDK removes (shendeswapnil6/amq-s2i's Artemis
      // acceptor: RC4 and anon): not "weak suites" but no handshake there, weak ones only on an old JDK.
      const runtimeUnknown = !(component.runtime ?? ctx.deployment.runtime);
      const everywhere =
        runtimeUnknown && endpoint?.side.implementation === 'jsse' ? suitesDisabledFrom(enabled) : undefined;
      if (everywhere) {
        const groups = categorise(enabled);
        const location = placeOf(component, suites.from);
        ctx.report({
          messageId: 'noSuiteOnCurrentJdks',
          data: {
            component: component.name,
            list: enabled.join(', '),
            since: ours(everywhere.since),
            entries: ours(everywhere.entries.join(', ')),
            older: ours(everywhere.older),
            weaknesses: ours(groups.map((g) => `${g.weakness.category}: ${g.weakness.why}`).join('; ') || 'as listed'),
          },
          location,
          fingerprint: [component.id, 'noSuiteOnCurrentJdks'],
        });
        continue;
      }
      // The JDK that still enables every one of them decides that they are weak suites, not no handshake: named.
      const runtime = component.runtime ?? ctx.deployment.runtime;
      const jdkDecides = !runtimeUnknown && endpoint?.side.implementation === 'jsse' && suitesDisabledFrom(enabled);
      const decided = jdkDecides ? runtimeSources(runtime, component.name, ['jdk.tls.disabledAlgorithms']) : [];
      for (const { weakness, suites: names } of categorise(enabled))
        byLine.add(
          placeOf(component, suites.from),
          `${weakness.category}|${names.join(',')}`,
          component,
          { weakness, names },
          decided,
        );
    }
    for (const { components, value, related } of byLine.values()) {
      const { weakness, names } = value;
      const first = components[0]!;
      const more = names.length > SHOWN ? said`, \u2026 (+${names.length - SHOWN} more)` : ours('');
      ctx.report({
        messageId: 'weak',
        data: {
          component: readersNamed(components),
          count: names.length,
          category: ours(weakness.category),
          suites: names.length === 1 ? ours('suite') : ours('suites'),
          list: said`${joined(names.slice(0, SHOWN), ', ')}${more}`,
          why: ours(weakness.why.charAt(0).toUpperCase() + weakness.why.slice(1)),
          them: names.length === 1 ? ours('it') : ours('them'),
        },
        location: placeOf(first, first.tls?.cipherSuites?.from),
        ...(related.length > 0 && { related }),
        severity: weakness.level === 'info' ? 'info' : undefined,
        // Pushed, not spread from `map` (docs/performance.md, session 57: the spread recompiled this check).
        fingerprint: [...pushed(components, (c) => c.id), weakness.category],
      });
    }
  },
});
