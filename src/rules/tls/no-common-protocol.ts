import type { RuleRelated } from '../types';
import { stackLabels } from '../../derive/derive';
import { describeFailure, placeOf, relatedOf } from '../../handshake/links';
import { unownedLinkFailures } from '../_lib/link-owners';
import { linkSources, withSources } from '../_lib/sources';

import type { Component } from '../../model/types';
import { defineRule } from '../types';
import { said } from '../../core/phrase';

// no-signature-algorithm: both enable the protocol, but the OpenSSL server cannot sign it, or the OpenSSL client
// accepts no signed key exchange in it, at its security level.
const REASONS = new Set([
  'no-common-protocol',
  'protocol-rejected-by-client',
  'no-protocol-enabled',
  'no-signature-algorithm',
]);

export default defineRule({
  meta: {
    id: 'tls/no-common-protocol',
    description: 'Catch client/server links whose enabled TLS protocol versions do not overlap',
    severity: 'error',
    messages: {
      noCommonProtocol: '{{client}} → {{server}}: no TLS protocol version in common: {{detail}}',
    },
    defaultOptions: {},
    symptoms: [
      'No appropriate protocol (protocol is disabled or cipher suites are inappropriate)',
      'Received fatal alert: protocol_version',
      'are not accepted by server preferences',
      'is not enabled or supported in server context',
      'Remote host terminated the handshake',
      'unsupported protocol',
      'tlsv1 alert protocol version',
      'no suitable signature algorithm',
      'legacy sigalg disallowed or unsupported',
      'Received fatal alert: internal_error',
    ],
  },
  check(ctx) {
    // A more specific rule reports an owned failure with both ends (its meta.ownsLinkFailure); only a failure
    // predicted from known inputs is an error (tls/link-outcome-unknown covers the rest).
    for (const lp of unownedLinkFailures(ctx.rules, ctx.deployment.derived.predictions, REASONS)) {
      const { link, client, server, prediction } = lp;
      ctx.report({
        messageId: 'noCommonProtocol',
        data: {
          client: client.component.name,
          server: server.component.name,
          // The message says it already: "no TLS protocol version in common: the server answers with …".
          detail: describeFailure(prediction, stackLabels(ctx.deployment, lp)).replace(
            /^no protocol version in common: /,
            '',
          ),
        },
        location: placeOf(client.component, client.protocolsFrom),
        related: withSources(
          placeOf(client.component, client.protocolsFrom),
          [
            relatedOf(
              server.component,
              server.protocolsFrom,
              `${server.component.name} protocols: ${server.side.protocols.join(', ') || '(none)'}`,
            ),
          ],
          linkSources(link, client.component, server.component),
          prediction.reason === 'no-signature-algorithm' ? opensslImage(lp[prediction.failingSide].component) : [],
        ),
        fingerprint: [link.client, link.server, prediction.reason],
        outcome: 'fails',
      });
    }
  },
});

/** The Dockerfile FROM whose image settles the OpenSSL release of a failing nginx or httpd end (its security level decides). */
function opensslImage(component: Component): RuleRelated[] {
  if (
    component.type !== 'nginx.server' &&
    component.type !== 'nginx.tls-policy' &&
    component.type !== 'nginx.proxy' &&
    component.type !== 'httpd.server' &&
    component.type !== 'httpd.proxy'
  )
    return [];
  const openssl = component.attributes.openssl;
  return openssl?.at
    ? [
        {
          ...openssl.at,
          message: said`${component.name} runs OpenSSL ${openssl.release ?? openssl.series} (${openssl.via ?? 'this image'})`,
        },
      ]
    : [];
}
