import type { RuleRelated } from '../types';
import type { RunMemo } from '../../core/run-memo';

import { disabledEntryFor, effectiveJdkTls, firstUpdatesDisabling, javaVersionText } from '../../knowledge';
import { SSL_MODE_KEYS } from '../../model/cleartrust';
import type { DerivedDeployment } from '../../derive/types';
import type { Component, JavaRuntime, Provenance } from '../../model/types';
import { linkFailureOwner } from '../_lib/link-owners';
import { defineRule, type AnyRule } from '../types';
import { SERVER_KINDS_WITH_KEY_SERVER, failingAnonLink, settingsOf, valueLocation } from './_lib/shared';
import { said } from '../../core/phrase';

/** Anonymous suites a ClearTrust Java component offers in `anon` mode (DH and ECDH key exchange). */
const ANON_SUITES = ['TLS_DH_anon_WITH_AES_128_CBC_SHA', 'TLS_ECDH_anon_WITH_AES_128_CBC_SHA'];

/** Settings that select an SSL mode for a Java server's port (the Admin API port knows only anon and clear). */
const ANON_MODE_KEYS = [
  'cleartrust.net.ssl.use',
  'cleartrust.eserver.api_port.use_ssl',
  'cleartrust.admingui.admin_api.use_ssl',
];

function originOf(from: Provenance): string {
  return from.kind === 'default'
    ? `the ${from.origin}`
    : from.kind === 'config'
      ? from.origin
      : 'java.security in the tree';
}

/**
 * What the handshake predictor says for a ClearTrust link of this component whose ends are both in anon
 * mode (the links tls/* leaves to this rule), e.g. "; for A → B the JDK on A reports 'No appropriate …'".
 */
function predicted(deployment: DerivedDeployment, rules: readonly AnyRule[], component: Component | undefined): string {
  if (!component) return '';
  const lp = deployment.derived.predictions.find(
    (l) =>
      (l.client.component === component || l.server.component === component) &&
      linkFailureOwner(rules, l) === 'cleartrust/anon-cipher-disabled',
  );
  if (!lp || lp.prediction.ok) return '';
  const failing = lp.prediction.failingSide === 'client' ? lp.client.component : lp.server.component;
  return `; predicted for ${lp.client.component.name} → ${lp.server.component.name}: the JDK on ${failing.name} reports '${lp.prediction.messages[lp.prediction.failingSide]}'`;
}

/** The verdict's key: the first entry of jdk.tls.disabledAlgorithms that disables every anonymous suite, if any. */
function anonBlockedBy(runtime: JavaRuntime, memo: RunMemo): string | undefined {
  const entries = effectiveJdkTls(runtime, memo).disabledAlgorithms.value;
  const blocking = ANON_SUITES.map((suite) => disabledEntryFor(suite, entries));
  return blocking.every((entry) => entry !== undefined) ? blocking[0] : undefined;
}

/** The last update any JDK line will have: a row of the knowledge base that is open-ended covers it. */
const LATEST_UPDATE = 9999;
const atUpdate = (runtime: JavaRuntime, feature: number, update: number): JavaRuntime => ({
  ...runtime,
  version: { ...runtime.version, value: javaVersionText(feature, update) },
});

/**
 * A version that names the feature release only (`--java-version 11`, config `"version": "8"`) with the JDK's
 * own java.security: when its GA and its latest update disagree on anon, the update decides, and the first
 * update that disables anon (found by bisection over the knowledge base's rows), else undefined.
 */
function updateDecides(runtime: JavaRuntime, memo: RunMemo): { feature: number; firstBlocking: string } | undefined {
  const raw = runtime.version.value.trim();
  if (!/^\d+$/.test(raw) || runtime.securityProperties['jdk.tls.disabledAlgorithms']?.from.kind === 'file')
    return undefined;
  const feature = Number(raw);
  const ga = anonBlockedBy(atUpdate(runtime, feature, 0), memo);
  if ((ga === undefined) === (anonBlockedBy(atUpdate(runtime, feature, LATEST_UPDATE), memo) === undefined))
    return undefined;
  let low = 0;
  let high = LATEST_UPDATE;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if ((anonBlockedBy(atUpdate(runtime, feature, middle), memo) === undefined) === (ga === undefined)) low = middle;
    else high = middle;
  }
  return { feature, firstBlocking: atUpdate(runtime, feature, high).version.value };
}

/** True when nothing tells which JDK runs the component or how it is configured. */
function unknownRuntime(runtime: JavaRuntime | undefined): boolean {
  return !runtime || (!runtime.version.value && !runtime.securityProperties['jdk.tls.disabledAlgorithms']);
}

export default defineRule({
  meta: {
    id: 'cleartrust/anon-cipher-disabled',
    description:
      "Catch ClearTrust 'anon' SSL mode on a JDK whose jdk.tls.disabledAlgorithms disables anonymous cipher suites",
    severity: 'error',
    appliesTo: { documents: ['cleartrust.'] },
    messages: {
      disabled:
        "{{key}} is 'anon', but {{jdk}} disables anonymous cipher suites ('{{entry}}' in jdk.tls.disabledAlgorithms, from {{origin}}): the handshake fails with 'Fatal Alert received: Handshake Failure' (handshake_failure){{predicted}}. Fix: use 'auth' (RSA's recommendation) or 'clear' on every server and agent, or remove 'anon' from jdk.tls.disabledAlgorithms in this JDK's java.security",
      unknownUpdate:
        "{{key}} is 'anon' and the JDK that runs this component is declared as Java {{feature}} without an update: {{firstBlocking}} and later disable anonymous cipher suites (jdk.tls.disabledAlgorithms, JDK-8211883) and the handshake then fails with 'Fatal Alert received: Handshake Failure', earlier updates allow them. Declare the full version (e.g. --java-version {{firstBlocking}})",
      unknownJdk:
        "{{key}} is 'anon' but the JDK that runs this component is unknown: JDK {{since}} and later disable anonymous cipher suites and the handshake then fails with 'Fatal Alert received: Handshake Failure'. Declare the JDK (a JDK release file in the tree, --java-version, or \"java\" in lint-deploy.config.json)",
    },
    defaultOptions: {},
    symptoms: [
      'Fatal Alert received: Handshake Failure',
      'handshake_failure',
      'No appropriate protocol (protocol is disabled or cipher suites are inappropriate)',
      'no cipher suites in common',
    ],
    ownsLinkFailure: (lp) => failingAnonLink(lp, true),
  },
  check(ctx) {
    // Web agents are native (C) modules: the JDK that refuses anon suites is on the server side.
    const settings = ANON_MODE_KEYS.flatMap((key) => settingsOf(ctx.deployment, SERVER_KINDS_WITH_KEY_SERVER, key));
    for (const setting of settings) {
      if (setting.normalized !== 'anon') continue;
      const runtime = setting.component?.runtime;
      if (unknownRuntime(runtime)) {
        ctx.report({
          messageId: 'unknownJdk',
          data: { key: setting.entry.key, since: firstUpdatesDisabling('anon', [8, 11, 7]).join(', ') },
          severity: 'warning',
          location: valueLocation(setting),
          fingerprint: [setting.component?.id ?? setting.doc.kind, 'unknown-jdk'],
        });
        continue;
      }
      const undecided = updateDecides(runtime as JavaRuntime, ctx.memo);
      if (undecided) {
        ctx.report({
          messageId: 'unknownUpdate',
          data: { key: setting.entry.key, feature: String(undecided.feature), firstBlocking: undecided.firstBlocking },
          severity: 'warning',
          location: valueLocation(setting),
          fingerprint: [setting.component?.id ?? setting.doc.kind, 'unknown-update', String(undecided.feature)],
        });
        continue;
      }
      const tls = effectiveJdkTls(runtime as JavaRuntime, ctx.memo);
      const entries = tls.disabledAlgorithms.value;
      const blocking = ANON_SUITES.map((suite) => disabledEntryFor(suite, entries));
      if (blocking.some((entry) => entry === undefined)) continue; // some anon suite still negotiates
      const related: RuleRelated[] = [];
      const from = tls.disabledAlgorithms.from;
      if (from.kind === 'file')
        related.push({ ...from.location, message: said`jdk.tls.disabledAlgorithms includes '${blocking[0]}'` });
      const version = (runtime as JavaRuntime).version;
      if (version.from.kind === 'file')
        related.push({ ...version.from.location, message: said`${tls.label} runs this component` });
      ctx.report({
        messageId: 'disabled',
        data: {
          key: setting.entry.key,
          jdk: tls.label,
          entry: blocking[0] as string,
          origin: originOf(from),
          predicted: SSL_MODE_KEYS.includes(setting.entry.key)
            ? predicted(ctx.deployment, ctx.rules, setting.component)
            : '',
        },
        location: valueLocation(setting),
        related,
        fingerprint: [setting.component?.id ?? setting.doc.kind, tls.label, blocking[0] as string],
      });
    }
  },
});
