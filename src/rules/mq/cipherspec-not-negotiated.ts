import type { RuleRelated } from '../types';
import { runtimeSources, withSources } from '../_lib/sources';
import { defineRule } from '../types';

import type { MqQueueManagerFacts } from '../../model/attributes';
import { mqChannelDefaults } from '../../knowledge/mq';
import { mqCipherSpecDefaultState, mqReleaseOrderDocumented, mqServerOrder } from '../../knowledge';
import { cipherSpecInfo, javaSuiteName, mqCipherSpec, mqCipherSpecAlias } from '../../model/mq-cipherspecs';
import { clientOffer, display, mqLinks, related, releaseRelated, releasesOf } from './_lib/shared';
import { isJmsConnectionFactory } from '../../model/types';
import { joined, ours, said } from '../../core/phrase';

type QueueManagerRelease = NonNullable<MqQueueManagerFacts['release']>;

function usableWithKey(spec: string, keyType: string): boolean {
  if (/ECDSA/.test(spec)) return keyType === 'EC';
  if (/^(TLS_RSA_|ECDHE_RSA_)/.test(spec)) return keyType === 'RSA';
  return true;
}

export default defineRule({
  meta: {
    id: 'mq/cipherspec-not-negotiated',
    description:
      "Predict the CipherSpec the queue manager will negotiate from the client's offer and its own order, and require it to be the channel's SSLCIPH",
    severity: 'error',
    appliesTo: { components: ['mq.svrconn'] },
    messages: {
      otherPicked:
        "{{client}} offers {{count}} cipher suites ({{source}}) to channel {{channel}}, which pins SSLCIPH({{required}}) ({{requiredHex}}, rank {{requiredRank}} of {{orderSize}} in the queue manager's order{{orderSource}}); {{picker}} picks {{negotiated}} (rank {{negotiatedRank}}) first, then rejects the channel: AMQ9631 'CipherSpec negotiated does not match the required CipherSpec' on the queue manager (CSQX631E / CSQX620E on z/OS), and the client fails with JMSWMQ0018 / RC=2397 MQRC_JSSE_ERROR / AMQ9771 'Received fatal alert: bad_record_mac'. Fix: pin the client (SSLCIPHERSUITE {{javaName}}), or trim the WAS 'Selected ciphers' so nothing ranked above {{required}} is offered, or use an ANY_* alias CipherSpec on the channel",
      orderUndocumented:
        "{{client}} offers {{count}} cipher suites ({{source}}) to channel {{channel}}, which pins SSLCIPH({{required}}), on a queue manager that runs IBM MQ {{release}}. IBM documents the order in which a queue manager picks among the CipherSpecs both sides have only from IBM MQ {{since}}: in that order it would pick {{negotiated}} and reject the channel (AMQ9631 'CipherSpec negotiated does not match the required CipherSpec'); which one {{release}} picks is not documented. Pin the client to the channel's CipherSpec (SSLCIPHERSUITE {{javaName}}) so that no order decides",
      noCommon:
        '{{client}} offers {{count}} cipher suites ({{source}}) but none of them is enabled on {{picker}} for channel {{channel}} (SSLCIPH({{required}})){{orderSource}}: the handshake fails with handshake_failure (AMQ9631/AMQ9771, RC=2397 MQRC_JSSE_ERROR). Fix: offer {{javaName}}',
    },
    defaultOptions: {},
    symptoms: [
      'AMQ9631',
      'CSQX631E',
      'CSQX620E',
      'AMQ9771',
      'RC=2397',
      'MQRC_JSSE_ERROR',
      'JMSWMQ0018',
      'bad_record_mac',
    ],
  },
  check(ctx) {
    for (const { client, server, serverAttrs, evidence } of mqLinks(ctx.deployment)) {
      const ciph = serverAttrs.sslciph;
      if (!ciph || !ciph.value.trim() || ciph.templated || mqCipherSpecAlias(ciph.value)) continue;
      const required = mqCipherSpec(ciph.value);
      if (!required) continue;
      const offer = clientOffer(client);
      // A single pinned CipherSpec that differs is mq/cipherspec-mismatch's finding, not this one.
      if (!offer || offer.pinned) continue;
      const allowed = serverAttrs.qmgr?.allowedCipherSpecs;
      // The queue manager can only pick CipherSpecs its certificate can sign for (RSA vs ECDSA); MQ certificates are RSA unless the tree says otherwise.
      const keyType = serverAttrs.certificate?.cert.keyType ?? 'RSA';
      const fullOrder = mqServerOrder(allowed && !allowed.templated ? allowed.value : undefined).map(cipherSpecInfo);
      const order = fullOrder.filter((s) => usableWithKey(s.name, keyType));
      const offered = new Set(offer.specs.map((s) => s.hex));
      // A deprecated spec the client offers: refused where the release disables it (mq/cipherspec-deprecated), and a
      // release that still accepts it orders CipherSpecs otherwise than the current default order this rule knows.
      if (required.deprecated && offered.has(required.hex)) continue;
      const negotiatedIndex = order.findIndex((s) => offered.has(s.hex));
      const requiredIndex = fullOrder.findIndex((s) => s.hex === required.hex);
      const ibmNaming = isJmsConnectionFactory(client) ? client.attributes.useIBMCipherMappings.value : false;
      const rel: RuleRelated[] = [
        related(ciph.location, said`channel ${serverAttrs.channelName} requires SSLCIPH(${ours(required.name)}) here`),
        ...evidence,
      ];
      if (allowed) rel.push(related(allowed.location, 'queue manager CipherSpec order (AllowedCipherSpecs) set here'));
      if (offer.location.file !== client.location.file || client.type === 'jms.connection-factory')
        rel.push(related(client.location, said`${client.name} connects to ${serverAttrs.channelName}`));
      // The offer of a JMS client is its JDK's default suites: the JDK's release and java.security decide it too.
      const sources = withSources(
        offer.location,
        rel,
        runtimeSources(client.runtime ?? ctx.deployment.runtime, client.name, ['jdk.tls.disabledAlgorithms']),
      );
      const base = {
        client: client.name,
        count: offer.count,
        source: offer.source,
        channel: serverAttrs.channelName,
        required: required.name,
        requiredHex: ours(required.hex),
        orderSource: said`${allowed ? said`, AllowedCipherSpecs in ${display(ctx.cwd, allowed.location.file)}` : ours(', IBM MQ default order')}${ours(keyType === 'RSA' ? '; RSA certificate' : '; EC certificate')}`,
        javaName: client.type === 'jms.connection-factory' ? javaSuiteName(required, ibmNaming) : required.name,
      };
      const negotiated = order[negotiatedIndex];
      /**
       * The verdict on a queue manager of `release`: a release before the documented order (or default set) picks its
       * own common spec, and may still enable deprecated ones the client offers.
       */
      const verdictOn = (
        release: QueueManagerRelease | undefined,
      ): 'fine' | 'unknown' | 'orderUndocumented' | 'noCommon' | 'otherPicked' => {
        const oldRelease = release && !mqReleaseOrderDocumented(release.value) ? release : undefined;
        const acceptedThere = (name: string) => mqCipherSpecDefaultState(name, oldRelease?.value)?.disabled === 'no';
        // No common spec in today's default set, but the release still enables one the client offers: not known.
        if (oldRelease && !negotiated && offer.specs.some((s) => acceptedThere(s.name))) return 'unknown';
        if (oldRelease && negotiated && negotiated.hex !== required.hex) return 'orderUndocumented';
        if (!negotiated) return 'noCommon';
        return negotiated.hex === required.hex ? 'fine' : 'otherPicked';
      };
      // One release, or none named: judged once. An MQSC run on queue managers of different releases: each release
      // judges; the current order's verdict is one finding naming the queue managers it holds for.
      const runs = releasesOf(serverAttrs.qmgr);
      const judged = runs.length > 0 ? runs : [{ release: undefined, byRun: false }];
      const withVerdict = judged.map((run) => ({ ...run, verdict: verdictOn(run.release) }));
      for (const { release, byRun } of withVerdict.filter((r) => r.verdict === 'orderUndocumented')) {
        if (!release || !negotiated) continue;
        ctx.report({
          messageId: 'orderUndocumented',
          severity: 'warning',
          data: {
            ...base,
            release: said`${release.value} (${release.via})`,
            since: mqChannelDefaults().serverOrdersCipherSpecs.since,
            negotiated: said`${negotiated.name} (${negotiated.hex})`,
          },
          location: offer.location,
          related: [...sources, ...releaseRelated(release)],
          fingerprint: [client.id, server.id, required.name, 'order', ...(byRun ? [release.value] : [])],
        });
      }
      const current = withVerdict.filter((r) => r.verdict === 'noCommon' || r.verdict === 'otherPicked');
      const verdict = current[0]?.verdict;
      // The releases this verdict holds on, when the MQSC runs on several: they name the queue managers that refuse.
      const onRuns = current.flatMap((r) => (r.byRun && r.release ? [r.release] : []));
      const picker =
        onRuns.length > 0
          ? joined(
              onRuns.map((r) => said`the IBM MQ ${r.value} queue manager (${r.via})`),
              ' and ',
            )
          : ours('the queue manager');
      if (verdict === 'noCommon') {
        ctx.report({
          messageId: 'noCommon',
          data: { ...base, picker },
          location: offer.location,
          related: [...sources, ...onRuns.flatMap(releaseRelated)],
          fingerprint: [client.id, server.id, required.name, 'none'],
        });
      } else if (verdict === 'otherPicked' && negotiated) {
        ctx.report({
          messageId: 'otherPicked',
          data: {
            ...base,
            picker,
            requiredRank: requiredIndex >= 0 ? requiredIndex + 1 : ours('not enabled'),
            orderSize: fullOrder.length,
            negotiated: said`${negotiated.name} (${negotiated.hex})`,
            negotiatedRank: fullOrder.indexOf(negotiated) + 1,
          },
          location: offer.location,
          related: [...sources, ...onRuns.flatMap(releaseRelated)],
          fingerprint: [client.id, server.id, required.name, negotiated.name],
        });
      }
    }
  },
});
