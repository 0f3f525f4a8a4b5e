import { CONNECTOR_J, mysqlReleaseSpeaking, protocolDisabledBy } from '../../knowledge';
import type { Component, MysqlCall } from '../../model/types';
import { ours, said, type Phrase } from '../../core/phrase';
import { runtimeSources, withSources } from '../_lib/sources';
import { judgedList, REFERENCE_RUNTIME } from '../java/_lib/judged-list';
import { defineRule, type RuleContext, type RuleRelated } from '../types';
import { appConfiguredAt, serverSetAt } from './_lib/jdbc-related';

/** The protocols a JSSE client may enable at all, newest first (Connector/J's KNOWN_TLS_PROTOCOLS). */
const KNOWN_PROTOCOLS = ['TLSv1.3', 'TLSv1.2', 'TLSv1.1', 'TLSv1'];
/** The protocols Connector/J 8.0.28 and later enable at all (VALID_TLS_PROTOCOLS). */
const TLS12_ONLY = ['TLSv1.3', 'TLSv1.2'];
const SYMPTOM = 'No appropriate protocol (protocol is disabled or cipher suites are inappropriate)';

type Context = RuleContext<
  unknown,
  'noCommonProtocol' | 'noCommonProtocolByDefault' | 'noCommonProtocolByDriver' | 'jdkUnknown'
>;

/** The protocols the client's URL lets Connector/J enable (its tlsVersions list, else every one), before the JDK's say. */
function urlProtocols(call: MysqlCall): string[] {
  const listed = call.protocols?.value;
  return listed ? KNOWN_PROTOCOLS.filter((p) => listed.includes(p)) : KNOWN_PROTOCOLS;
}

/** Where the verdict's inputs are written besides the URL: the server's image, and (`jdkDecides`) what says which JDK runs the app. */
function relatedOf(call: MysqlCall, app: Component | undefined, jdkDecides = true): RuleRelated[] {
  const tls = call.server.tls;
  return withSources(
    call.location,
    [
      {
        ...call.server.at,
        message: said`Compose service ${call.server.service} runs ${ours(tls.image)} ${call.server.image}: MySQL ${tls.release}, which speaks ${ours(tls.protocols!.value.join(', '))} only (${ours(tls.protocols!.source.split(' ')[0]!)})`,
      },
      ...appConfiguredAt(call, app),
      ...serverSetAt(call, ours('it does not move the port (MYSQL_TCP_PORT)')),
    ],
    jdkDecides ? runtimeSources(app?.runtime, call.clientName, ['jdk.tls.disabledAlgorithms']) : [],
  );
}

/** How the URL's connection comes to use TLS: its own words, or Connector/J's default. */
function tlsWhy(call: MysqlCall): Phrase {
  return call.tlsAskedBy
    ? said`the URL asks for it with ${call.tlsAskedBy}`
    : ours(
        `the URL does not turn it off (sslMode=DISABLED or useSSL=false), and Connector/J ${CONNECTOR_J.defaultTlsSince.release} and later ask for it by default`,
      );
}

/**
 * A Connector/J of 8.0.28 or later (`call.tls12OnlyBy` names the release that manages it) enables TLSv1.2 and TLSv1.3
 * only, those of the URL's list if it names any, whatever the JDK allows (knowledge CONNECTOR_J.tls12OnlySince): with
 * none of them the server speaks, every connection fails on every JDK.
 */
function judgeDriver(
  ctx: Context,
  call: MysqlCall,
  app: Component | undefined,
  by: NonNullable<MysqlCall['tls12OnlyBy']>,
): void {
  const server = call.server.tls.protocols!.value;
  const listed = call.protocols?.value;
  const enabled = TLS12_ONLY.filter((p) => !listed || listed.includes(p));
  if (enabled.some((p) => server.includes(p))) return;
  const since = CONNECTOR_J.tls12OnlySince.release;
  const upgrade = server.includes('TLSv1.2') ? undefined : mysqlReleaseSpeaking('TLSv1.2', call.server.tls.release);
  const fix = upgrade
    ? said`Run MySQL ${upgrade} or later (it speaks TLSv1.2), or turn TLS off in the URL (sslMode=DISABLED) where the network is trusted; Connector/J ${ours(since)} and later enable TLSv1 and TLSv1.1 in no JDK`
    : ours("List a protocol the server speaks in the URL's tlsVersions (TLSv1.2, TLSv1.3), or drop the list");
  ctx.report({
    messageId: 'noCommonProtocolByDriver',
    // The driver's release is the managed one unless a parent pom outside the tree pins another: a warning, as
    // tls/sqlserver-certificate-untrusted says its managed default.
    severity: 'warning',
    data: {
      client: call.clientName,
      host: `${call.host}:${call.port}`,
      setting: call.setting,
      why: tlsWhy(call),
      service: call.server.service,
      release: call.server.tls.release,
      serverProtocols: ours(server.join(', ')),
      boot: by.version,
      connectorJ: ours(since),
      enabled: ours(enabled.length > 0 ? enabled.join(', ') : 'none'),
      fix,
    },
    location: call.location,
    related: [
      ...relatedOf(call, app, false),
      {
        ...by.at,
        message: said`${by.by} names Spring Boot ${by.version}, which manages Connector/J ${ours(since)} or later`,
      },
    ],
    fingerprint: [call.client, call.host, 'no common protocol'],
  });
}

function judge(ctx: Context, call: MysqlCall, app: Component | undefined): void {
  const server = call.server.tls.protocols!.value; // mysqlCallOf records only calls whose server protocols are known
  const runtime = app?.runtime;
  const judged = runtime && judgedList(runtime, ctx.memo);
  const offered = urlProtocols(call);
  const enabled = judged ? offered.filter((p) => !protocolDisabledBy(p, judged.disabled)) : offered;
  const common = enabled.filter((p) => server.includes(p));
  // A server that speaks no protocol current JDKs keep: upgrading it is the fix; else the URL's list is.
  const upgrade = server.includes('TLSv1.2') ? undefined : mysqlReleaseSpeaking('TLSv1.2', call.server.tls.release);
  const fix = upgrade
    ? said`Run MySQL ${upgrade} or later (it speaks TLSv1.2), or turn TLS off in the URL (sslMode=DISABLED) where the network is trusted; re-enabling TLSv1.1 in the JDK's java.security also connects, on a protocol the JDK retired`
    : ours("List a protocol the server speaks in the URL's tlsVersions (TLSv1.2, TLSv1.3), or drop the list");
  const base = {
    client: call.clientName,
    host: `${call.host}:${call.port}`,
    setting: call.setting,
    service: call.server.service,
    release: call.server.tls.release,
    serverProtocols: ours(server.join(', ')),
    why: tlsWhy(call),
    symptom: ours(SYMPTOM),
    fix,
  };
  if (common.length === 0) {
    const clientSide = call.protocols
      ? judged && enabled.length < offered.length
        ? said`the URL's ${call.protocols.parameter} lists ${call.protocols.value.join(', ')} and ${ours(judged.jdk)} disables ${ours(offered.filter((p) => !enabled.includes(p)).join(', '))} of them (jdk.tls.disabledAlgorithms)`
        : said`the URL's ${call.protocols.parameter} lists ${call.protocols.value.join(', ')}`
      : ours(
          `${judged?.jdk ?? 'the JDK'} disables ${server.filter((p) => offered.includes(p) && !enabled.includes(p)).join(' and ')} (jdk.tls.disabledAlgorithms)`,
        );
    ctx.report({
      messageId: call.tlsAskedBy ? 'noCommonProtocol' : 'noCommonProtocolByDefault',
      severity: call.tlsAskedBy ? 'error' : 'warning',
      data: { ...base, clientSide, enabled: ours(enabled.length > 0 ? enabled.join(', ') : 'none') },
      location: call.location,
      related: relatedOf(call, app),
      fingerprint: [call.client, call.host, 'no common protocol'],
    });
    return;
  }
  // Where the JDK leaves a protocol in common (or is unknown), the managed Connector/J may still enable none of them.
  if (call.tls12OnlyBy) return judgeDriver(ctx, call, app, call.tls12OnlyBy);
  // A JDK named without its update (`FROM eclipse-temurin:11`) is judged above by what every update disables; whether
  // the update pulled disables more is unknown, as is an unknown JDK: say what a current one would do, and what to declare.
  if (judged && runtime?.version.value) return;
  const reference = judgedList(REFERENCE_RUNTIME, ctx.memo);
  if (!reference || offered.some((p) => server.includes(p) && !protocolDisabledBy(p, reference.disabled))) return;
  ctx.report({
    messageId: 'jdkUnknown',
    severity: 'info',
    data: {
      ...base,
      jdk: ours(reference.jdk),
      unknownWhy: runtime?.attachment?.text ?? ours('no JDK lint-deploy knows runs it'),
    },
    location: call.location,
    related: relatedOf(call, app),
    fingerprint: [call.client, call.host, 'jdk unknown'],
  });
}

/**
 * A Java application whose MySQL Connector/J connection to a MySQL server of the tree has no TLS protocol in common with
 * it (Deployment.mysqlCalls, ./../../model/mysql-calls.ts): Connector/J asks for TLS whenever the server offers it
 * unless the URL turns it off, and a failed handshake is not retried in plain. The server side is the release Docker's
 * official `mysql` image tag names (knowledge mysql-servers.json: MySQL Community 5.7 before 5.7.28 was built with
 * yaSSL, TLSv1 and TLSv1.1 only; 8.0.28 and later speak TLSv1.2 and TLSv1.3 only); the client side is the URL's
 * tlsVersions / enabledTLSProtocols and what the app's JDK leaves of it (jdk.tls.disabledAlgorithms: every JDK since
 * 8u291, 11.0.11 and 16 disables TLSv1 and TLSv1.1).
 */
export default defineRule({
  meta: {
    id: 'tls/mysql-no-common-protocol',
    description:
      "Predict a Java application's JDBC connection to a MySQL server of the tree that fails because the client and the server have no TLS protocol in common",
    severity: 'error',
    messages: {
      noCommonProtocol:
        "{{client}} connects to MySQL at {{host}} ({{setting}}) with TLS ({{why}}), but the server of Compose service {{service}} (MySQL {{release}}) speaks only {{serverProtocols}}, while {{clientSide}}: the client enables {{enabled}}, no protocol in common, so every connection fails with '{{symptom}}'. {{fix}}",
      noCommonProtocolByDefault:
        "{{client}} connects to MySQL at {{host}} ({{setting}}) with TLS ({{why}}), but the server of Compose service {{service}} (MySQL {{release}}) speaks only {{serverProtocols}}, while {{clientSide}}: the client enables {{enabled}}, no protocol in common, so every connection fails with '{{symptom}}' (unless the application's Connector/J is older than the release named above, which connects in plain). {{fix}}",
      noCommonProtocolByDriver:
        "{{client}} connects to MySQL at {{host}} ({{setting}}) with TLS ({{why}}), but the server of Compose service {{service}} (MySQL {{release}}) speaks only {{serverProtocols}}, while the Connector/J that Spring Boot {{boot}} manages ({{connectorJ}} or later) enables only {{enabled}}, whatever the JDK allows: no protocol in common, so every connection fails (the server drops the handshake: 'Communications link failure'), unless the build pins an older Connector/J somewhere lint-deploy does not read. {{fix}}",
      jdkUnknown:
        '{{client}} connects to MySQL at {{host}} ({{setting}}) with TLS ({{why}}); the server of Compose service {{service}} (MySQL {{release}}) speaks only {{serverProtocols}}, which current JDKs disable ({{jdk}}: jdk.tls.disabledAlgorithms), but which JDK runs the application is unknown ({{unknownWhy}}): on a current JDK every connection fails with \'{{symptom}}\'. Declare the JDK (config "components" with its "java" version, or an image tag lint-deploy knows). {{fix}}',
    },
    defaultOptions: {},
    appliesTo: { components: ['java.app'] },
    symptoms: [SYMPTOM, 'Communications link failure', 'Remote host terminated the handshake'],
  },
  check(ctx) {
    const byId = new Map<string, Component>(ctx.deployment.components.map((c) => [c.id, c]));
    for (const call of ctx.deployment.mysqlCalls ?? []) judge(ctx, call, byId.get(call.client));
  },
});
