import type { Location } from '../../core/types';
import { protocolDisabledBy } from '../../knowledge';
import type { Component, JavaRuntime, Traced } from '../../model/types';
import { runtimeSources, withSources } from '../_lib/sources';
import { defineRule, type RuleContext } from '../types';
import { judgedList, REFERENCE_RUNTIME, type JudgedList } from './_lib/judged-list';
import { judgedAcrossRange, type RangeJudged } from './_lib/update-range';
import { originText, rangeOfItem, relatedFrom } from './_lib/shared';
import { ours } from '../../core/phrase';

/** System properties that list the protocols a JSSE side enables. */
const PROTOCOL_PROPERTIES = ['jdk.tls.client.protocols', 'jdk.tls.server.protocols', 'https.protocols'];

interface ProtocolList {
  what: string;
  value: Traced<string[]>;
  /** The raw text, for locating each name inside it (asked only when a name is reported). */
  text: string | (() => string);
}

function protocolLists(component: Component, runtime: JavaRuntime): ProtocolList[] {
  const lists: ProtocolList[] = [];
  for (const name of PROTOCOL_PROPERTIES) {
    const property = runtime.systemProperties[name];
    if (!property) continue;
    const value = property.value
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    lists.push({ what: `-D${name}`, value: { value, from: property.from }, text: property.value });
  }
  // A JSSE server's own enabled protocols (Tomcat JSSE connector, Spring server.ssl.enabled-protocols).
  const tls = component.tls;
  if (
    tls?.protocols &&
    (tls.implementation === 'jsse' || tls.implementation === 'ibmjsse2') &&
    component.role !== 'client'
  ) {
    const protocols = tls.protocols;
    lists.push({
      what: `${component.name} protocols`,
      value: protocols,
      text: () => writtenList(component, protocols),
    });
  }
  return lists;
}

/**
 * A component's list as its file writes it where it is on one line (a jboss-cli list `["TLSv1.1","TLSv1.2"]`, an
 * attribute `TLSv1.1, TLSv1.2`), so that each name is placed where it is written; else the names joined.
 */
function writtenList(component: Component, list: Traced<string[]>): string {
  const joined = list.value.join(',');
  const at = list.from.kind === 'file' ? list.from.location : undefined;
  const range = at?.range;
  if (!at || !range || range.start.line !== range.end.line) return joined;
  const doc = component.documents.find((d) => d.file.path === at.file && !d.embedded);
  const line = doc?.file.text.split('\n')[range.start.line];
  return line?.slice(range.start.character, range.end.character) ?? joined;
}

/**
 * A Kafka end whose list names protocols a current JDK disables, while the JDK that runs it is unknown (an image
 * lint-deploy does not know, a tag that gives no update; `surelyDisabled`: what every update of a JDK named without its
 * update disables, reported already): said once, as an info naming what to declare.
 */
function unknownRuntime(
  ctx: Context,
  name: string,
  list: ProtocolList,
  runtime: JavaRuntime | undefined,
  surelyDisabled: readonly string[],
): void {
  const where = list.value.from.kind === 'file' ? list.value.from.location : undefined;
  const reference = judgedList(REFERENCE_RUNTIME, ctx.memo);
  if (!where || !reference) return;
  const old = list.value.value.filter(
    (p) => protocolDisabledBy(p, reference.disabled) && !protocolDisabledBy(p, surelyDisabled),
  );
  if (old.length === 0) return;
  const attachment = runtime?.attachment?.text;
  ctx.report({
    messageId: 'runtimeUnknown',
    severity: 'info',
    data: {
      protocols: old.join(', '),
      what: list.what,
      jdk: reference.jdk,
      name,
      why: attachment ? attachment : ours('no JDK lint-deploy knows runs it'),
    },
    location: where,
    related: withSources(where, [], runtimeSources(runtime, name)),
    fingerprint: [name, list.what, 'runtime unknown'],
  });
}

type Context = RuleContext<unknown, 'someDisabled' | 'allDisabled' | 'runtimeUnknown' | 'updateDependent'>;

/**
 * A list judged on every span of the updates a floating tag has run (`FROM openjdk:8`: 8u20 to 8u342): the same verdict
 * on all of them is that verdict, said of them all (unless the tag also ran early-access builds, which no profile
 * covers: then unsaid, as before); a verdict that changes with the update is a warning naming the range and the update
 * it changes at, never an error (which update the image was built with is unknown).
 */
function judgeAcrossUpdates(
  ctx: Context,
  owner: { id: string; name: string; runtime: JavaRuntime },
  range: RangeJudged,
  list: ProtocolList,
): void {
  const where = list.value.from.kind === 'file' ? list.value.from.location : undefined;
  if (!where) return;
  const offOn = (judged: JudgedList) =>
    list.value.value.filter((p) => p !== 'SSLv2Hello' && protocolDisabledBy(p, judged.disabled));
  const verdicts = range.spans.map((span) => ({ ...span, off: offOn(span.judged) }));
  const latest = verdicts[verdicts.length - 1];
  if (!latest) return;
  const same = (off: string[]) => off.join() === latest.off.join();
  if (verdicts.every((v) => same(v.off))) {
    // Early-access builds the tag also ran (openjdk:17 before its GA) have no profile: the verdict is not sure of them.
    if (latest.off.length > 0 && !range.earlyAccess)
      judgeList(
        ctx,
        owner,
        { ...latest.judged, jdk: `every ${range.jdk} update the tag has run (${range.updates})` },
        list,
      );
    return;
  }
  if (latest.off.length === 0) return;
  // The first span from which every later one gives the latest verdict: the update the outcome changes at.
  let since = latest.since;
  for (let i = verdicts.length - 1; i >= 0 && same(verdicts[i]!.off); i--) since = verdicts[i]!.since;
  const versions = list.value.value.filter((p) => p !== 'SSLv2Hello');
  const remaining = versions.filter((p) => !latest.off.includes(p));
  const outcome =
    remaining.length === 0
      ? ours(
          `from ${since} on the handshake fails with 'No appropriate protocol (protocol is disabled or cipher suites are inappropriate)', while earlier updates negotiate ${latest.off.join(', ')}`,
        )
      : ours(
          `from ${since} on the JDK silently drops ${latest.off.join(', ')} and enables only ${remaining.join(', ')}, while earlier updates keep ${latest.off.length > 1 ? 'them' : 'it'}`,
        );
  ctx.report({
    messageId: 'updateDependent',
    severity: 'warning',
    data: {
      protocols: latest.off.join(', '),
      are: latest.off.length > 1 ? 'are' : 'is',
      what: list.what,
      since,
      entry: protocolDisabledBy(latest.off[0]!, latest.judged.disabled)!,
      jdk: range.jdk,
      updates: range.updates,
      outcome,
    },
    location: where,
    related: withSources(where, [], runtimeSources(owner.runtime, owner.name, ['jdk.tls.disabledAlgorithms'])),
    fingerprint: [owner.id, list.what, 'update dependent'],
  });
}

/** Reports the protocols of one list that the runtime's disabled list removes (all of them: an error). */
function judgeList(
  ctx: Context,
  owner: { id: string; name: string; runtime: JavaRuntime },
  judged: JudgedList,
  list: ProtocolList,
): void {
  const { disabled, jdk } = judged;
  const origin = originText(judged.from);
  const where = list.value.from.kind === 'file' ? list.value.from.location : undefined;
  if (!where) return;
  const blocked = list.value.value.map((p) => ({ protocol: p, entry: protocolDisabledBy(p, disabled) }));
  const off = blocked.filter((b) => b.entry);
  if (off.length === 0) return;
  const related = withSources(
    where,
    relatedFrom(judged.from, ours('jdk.tls.disabledAlgorithms is set here')),
    runtimeSources(owner.runtime, owner.name, ['jdk.tls.disabledAlgorithms']),
  );
  // SSLv2Hello is a hello format, no version: enabled with nothing else, no handshake completes.
  const hellos = blocked.filter((b) => b.protocol !== 'SSLv2Hello');
  const versions = hellos.length > 0 ? hellos : blocked;
  if (versions.every((b) => b.entry)) {
    ctx.report({
      messageId: 'allDisabled',
      severity: 'error',
      data: { what: list.what, protocols: versions.map((b) => b.protocol).join(', '), jdk, origin },
      location: where,
      related,
      fingerprint: [owner.id, list.what, list.value.value.join(',')],
    });
    return;
  }
  const remaining = blocked
    .filter((b) => !b.entry)
    .map((b) => b.protocol)
    .join(', ');
  const text = typeof list.text === 'string' ? list.text : list.text();
  for (const { protocol, entry } of off) {
    const location: Location = where.range
      ? {
          file: where.file,
          range: rangeOfItem(where.range, text, protocol),
        }
      : where;
    ctx.report({
      messageId: 'someDisabled',
      data: { protocol, what: list.what, jdk, entry: entry!, origin, remaining },
      location,
      related,
      fingerprint: [owner.id, list.what, protocol],
    });
  }
}

export default defineRule({
  meta: {
    id: 'java/protocol-disabled-by-runtime',
    description: "Catch TLS protocols a Java setting enables that the JDK's jdk.tls.disabledAlgorithms removes",
    severity: 'warning',
    messages: {
      someDisabled:
        "{{protocol}} in {{what}} is disabled on {{jdk}} ('{{entry}}' in jdk.tls.disabledAlgorithms, from {{origin}}): the JDK silently drops it and enables only {{remaining}}",
      runtimeUnknown:
        '{{protocols}} in {{what}} is disabled on current JDKs ({{jdk}}: jdk.tls.disabledAlgorithms), but which JDK runs {{name}} is unknown ({{why}}), so whether the JDK drops it is not known. Declare the JDK (config "components" with its "java" version, or an image tag lint-deploy knows), or enable only TLSv1.2/TLSv1.3',
      updateDependent:
        '{{protocols}} in {{what}} {{are}} disabled from {{since}} on (\'{{entry}}\' in the default jdk.tls.disabledAlgorithms), and the image tag that runs it names {{jdk}} without its update: {{updates}}. Which update the image was built with decides it: {{outcome}}. Pin the update in the tag (or declare it: --java-version, "java" in lint-deploy.config.json) and enable TLSv1.2/TLSv1.3',
      allDisabled:
        "Every protocol in {{what}} ({{protocols}}) is disabled on {{jdk}} (jdk.tls.disabledAlgorithms, from {{origin}}): the handshake fails with 'No appropriate protocol (protocol is disabled or cipher suites are inappropriate)'. Fix: enable TLSv1.2/TLSv1.3 here, or remove the entry from jdk.tls.disabledAlgorithms if the peer really needs an old protocol",
    },
    defaultOptions: {},
    symptoms: [
      'No appropriate protocol (protocol is disabled or cipher suites are inappropriate)',
      'Remote host terminated the handshake',
    ],
  },
  check(ctx) {
    for (const component of ctx.deployment.components) {
      const runtime = component.runtime;
      if (!runtime) continue;
      const owner = { id: component.id, name: component.name, runtime };
      const judged = judgedList(runtime, ctx.memo);
      const range = judged ? undefined : judgedAcrossRange(runtime, ctx.memo);
      for (const list of protocolLists(component, runtime))
        if (judged) judgeList(ctx, owner, judged, list);
        else if (range) judgeAcrossUpdates(ctx, owner, range, list);
    }
    // Kafka's ends (brokers, clients, Connect workers): ssl.enabled.protocols goes to SSLEngine.setEnabledProtocols.
    for (const end of ctx.deployment.unlinkedEnds ?? []) {
      const { runtime, protocols } = end;
      if (!protocols) continue;
      const list = { what: `${protocols.setting} of ${end.name}`, value: protocols.value, text: protocols.text };
      const judged = runtime && judgedList(runtime, ctx.memo);
      if (runtime && judged) judgeList(ctx, { id: end.name, name: end.name, runtime }, judged, list);
      const range = runtime && !judged ? judgedAcrossRange(runtime, ctx.memo) : undefined;
      if (runtime && range) judgeAcrossUpdates(ctx, { id: end.name, name: end.name, runtime }, range, list);
      // A JDK named without its update is judged by what every update disables: the rest depends on the update.
      else if (!runtime?.version.value) unknownRuntime(ctx, end.name, list, runtime, judged ? judged.disabled : []);
    }
  },
});
