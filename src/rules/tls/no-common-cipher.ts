import { presentedCertificates, stackLabels } from '../../derive/derive';
import { describeFailure, placeOf, relatedOf } from '../../handshake/links';
import { unownedLinkFailures } from '../_lib/link-owners';
import { linkSources, withSources } from '../_lib/sources';
import { defineRule } from '../types';

const REASONS = new Set([
  'no-common-cipher',
  'no-cipher-for-certificate',
  'no-cipher-for-protocol',
  'client-cert-request-with-anon',
]);

export default defineRule({
  meta: {
    id: 'tls/no-common-cipher',
    description:
      'Catch client/server links that share no cipher suite usable with the negotiated protocol and the server certificate',
    severity: 'error',
    messages: {
      noCommonCipher: '{{client}} → {{server}}: no usable cipher suite in common: {{detail}}',
    },
    defaultOptions: {},
    symptoms: [
      'no cipher suites in common',
      'Received fatal alert: handshake_failure',
      'No appropriate protocol (protocol is disabled or cipher suites are inappropriate)',
      'no shared cipher',
      'sslv3 alert handshake failure',
      'no ciphers available',
      'AMQ9616E',
    ],
  },
  check(ctx) {
    // A more specific rule reports an owned failure with both ends (its meta.ownsLinkFailure); only a failure
    // predicted from known inputs is an error (tls/link-outcome-unknown covers the rest).
    for (const lp of unownedLinkFailures(ctx.rules, ctx.deployment.derived.predictions, REASONS)) {
      const { link, client, server, prediction } = lp;
      ctx.report({
        messageId: 'noCommonCipher',
        data: {
          client: client.component.name,
          server: server.component.name,
          detail: describeFailure(prediction, stackLabels(ctx.deployment, lp)),
        },
        location: placeOf(client.component, client.suitesFrom),
        related: withSources(
          placeOf(client.component, client.suitesFrom),
          [relatedOf(server.component, server.suitesFrom, `${server.component.name} cipher suites`)],
          linkSources(link, client.component, server.component),
          presentedCertificates(ctx.deployment, server.component),
        ),
        fingerprint: [link.client, link.server, prediction.reason],
        outcome: 'fails',
      });
    }
  },
});
