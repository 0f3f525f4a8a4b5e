import type { RuleRelated } from '../types';
import { TOMCAT_SSL_NOT_ENABLED as FACT } from '../../knowledge/tomcat';

import { sameSetter } from '../../model/tomcat-legacy';
import type { UnservedTls } from '../../model/types';
import { callsWithoutTls } from '../_lib/calls-without-tls';
import { defineRule } from '../types';
import { ours, said } from '../../core/phrase';

type NotEnabled = Extract<UnservedTls['why'], { kind: 'tomcat-ssl-not-enabled' }>;

/** Why the connector is plain HTTP, in words (`named`: the message already quotes the attribute). */
function reason(why: NotEnabled, named = false): string {
  const written = why.written;
  if (!written) return 'no SSLEnabled="true" is written on it';
  if (!sameSetter(written.name, 'SSLEnabled'))
    return `${named ? 'that attribute' : `${written.name}="${written.value}"`} reaches no setter (only the first letter's case is free: Tomcat logs '${FACT.connectorLog.replace('sslEnabled', written.name)}')`;
  return `SSLEnabled="${written.value}" is not true`;
}

const related = (why: NotEnabled): RuleRelated[] => [
  ...(why.written ? [{ ...why.written.at, message: said`${why.written.name}: does not turn TLS on` }] : []),
  ...(why.hostConfigAt ? [{ ...why.hostConfigAt, message: ours('never read: the connector speaks plain HTTP') }] : []),
];

/**
 * A Tomcat `<Connector>` written for TLS (an `<SSLHostConfig>`, or `sslEnabled="true"` in a case Tomcat's setter rule
 * does not match) whose SSLEnabled does not set true (model/tomcat-plain.ts): Tomcat starts it as plain HTTP, and a
 * TLS client of its port reads an HTTP answer as a TLS record and fails. Measured with Tomcat 9.0.70 and 10.1.60.
 * The connector is a warning (a deliberate `SSLEnabled="false"` is not reported); a client URL `https://host:port`
 * that names it by one of its host names is an error (that handshake cannot succeed), by its directory only an info.
 */
export default defineRule({
  meta: {
    id: 'tomcat/ssl-not-enabled',
    description:
      'Report a Tomcat <Connector> written for TLS whose SSLEnabled is not true, which serves plain HTTP, and the HTTPS clients that call it',
    severity: 'warning',
    messages: {
      plain:
        "{{server}} is written for TLS ({{evidence}}) but {{reason}}: Tomcat starts it as a plain HTTP connector and never reads its TLS settings, so a TLS client of port {{port}} fails ('{{jsse}}' in Java, '{{openssl}}' in OpenSSL). Write SSLEnabled=\"true\" on the <Connector>",
      called:
        "{{client}} calls {{url}} ({{key}}), port {{port}} of {{server}}, which speaks plain HTTP: {{reason}}. The TLS handshake cannot succeed: the client reads Tomcat's HTTP answer as a TLS record ('{{jsse}}' in Java, '{{openssl}}' in OpenSSL). Write SSLEnabled=\"true\" on the <Connector>, or call http://",
      calledIfThatServer:
        "{{client}} calls {{url}} ({{key}}); '{{host}}' is the directory of {{server}}, whose port {{port}} speaks plain HTTP ({{reason}}). If '{{host}}' is that server (a Compose service or Kubernetes Service built from that directory), the handshake fails ('{{jsse}}' in Java); the tree does not prove it. Write SSLEnabled=\"true\" on the <Connector>, or declare the link in the lint-deploy config `links`",
    },
    defaultOptions: {},
    appliesTo: { documents: ['tomcat.server-xml'] },
    symptoms: [...FACT.clientFailures, FACT.connectorLog],
  },
  check(ctx) {
    const failures = { jsse: FACT.clientFailures[0] ?? '', openssl: FACT.clientFailures[2] ?? '' };
    for (const server of ctx.deployment.unservedTls ?? []) {
      const why = server.why;
      if (why.kind !== 'tomcat-ssl-not-enabled') continue;
      // A deliberate SSLEnabled="false" beside an <SSLHostConfig> is plain HTTP on purpose; only its callers are wrong.
      if (why.written && /^\s*false\s*$/i.test(why.written.value) && sameSetter(why.written.name, 'SSLEnabled'))
        continue;
      ctx.report({
        messageId: 'plain',
        data: {
          server: server.server,
          evidence: why.hostConfigAt
            ? ours('it holds an <SSLHostConfig>')
            : said`${why.written?.name ?? 'SSLEnabled'}="true"`,
          reason: reason(why, !why.hostConfigAt),
          port: why.port ?? '(none)',
          ...failures,
        },
        location: why.written?.at ?? why.at,
        related: related(why),
        fingerprint: [server.server, 'plain'],
      });
    }
    for (const { call, why, proven, data, fingerprint } of callsWithoutTls(ctx.deployment, 'tomcat-ssl-not-enabled'))
      ctx.report({
        messageId: proven ? 'called' : 'calledIfThatServer',
        data: { ...data, reason: reason(why), ...failures },
        location: call.url.location,
        related: [{ ...call.port.at, message: said`port ${call.port.port}: plain HTTP` }, ...related(why)],
        fingerprint,
        severity: proven ? 'error' : 'info',
      });
  },
});
