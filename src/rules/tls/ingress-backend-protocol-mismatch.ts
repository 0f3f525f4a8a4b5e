import type { RuleRelated } from '../types';
import { defineRule } from '../types';
import { NGINX_FACTS } from '../../knowledge/openssl';
import { TOMCAT_PLAIN_REQUEST_TO_TLS as TOMCAT } from '../../knowledge/tomcat';
import type { IngressBackendRoute } from '../../model/types';
import { ours, said } from '../../core/phrase';

const ANNOTATION = 'nginx.ingress.kubernetes.io/backend-protocol';

/** What the container answers ingress-nginx's plain request on its TLS port (as tls/plain-call-to-tls-port says it). */
function answerOf(route: IngressBackendRoute) {
  return route.server.startsWith('Spring Boot')
    ? ours(
        `Spring Boot's embedded Tomcat (its default web server) answers '${TOMCAT.answer}', which ingress-nginx hands to the client`,
      )
    : ours(
        "its TLS listener cannot read the plain request and closes the connection: ingress-nginx answers 502 Bad Gateway ('upstream prematurely closed connection while reading response header from upstream')",
      );
}

/**
 * An Ingress served by ingress-nginx whose backend protocol is not the one its container serves on the port the
 * Service forwards to (Deployment.ingressBackends, src/model/kubernetes-ingress-backends.ts): ingress-nginx speaks
 * HTTP (no `nginx.ingress.kubernetes.io/backend-protocol`, or HTTP/GRPC) to a port the app serves with TLS only
 * (Spring Boot `server.ssl.*`, Keycloak's HTTPS port), or HTTPS/GRPCS to one the app serves in plain HTTP (a Spring Boot
 * app without any `server.ssl.*`, Keycloak's HTTP listener). Every request fails. Only routes whose every step the
 * tree settles are judged.
 * Measured with Debian's nginx 1.22.1 on OpenSSL 3.0.19 (data/openssl-servers.json nginx.tlsPassToPlainPort).
 */
export default defineRule({
  meta: {
    id: 'tls/ingress-backend-protocol-mismatch',
    description:
      'Report an ingress-nginx Ingress whose backend protocol (the backend-protocol annotation, HTTP when unwritten) is not what the container behind its Service serves on that port: every request fails',
    severity: 'error',
    messages: {
      plainToTls:
        '{{ingress}} routes to Service {{service}}, whose port {{port}} is {{container}}; ingress-nginx speaks plain {{scheme}} to it ({{protocol}}), but {{server}} serves TLS only there ({{setting}}): every request fails, {{answer}}. Annotate the Ingress with ' +
        ANNOTATION +
        ': "{{fix}}" (and proxy-ssl-verify with proxy-ssl-secret to check the certificate), or route to a port the app serves plain',
      tlsToPlain:
        '{{ingress}} routes to Service {{service}}, whose port {{port}} is {{container}}; ingress-nginx speaks TLS to it (' +
        ANNOTATION +
        ": {{protocol}}), but {{server}} serves no TLS there ({{setting}}): the handshake fails and every request gets {{answer}} (ingress-nginx logs '{{log}}'). Remove the annotation (or write {{fix}}), or give the app its TLS settings",
    },
    defaultOptions: {},
    appliesTo: { documents: ['kubernetes'] },
    symptoms: [TOMCAT.answer, NGINX_FACTS.tlsPassToPlainPort.log, 'upstream prematurely closed connection'],
  },
  check(ctx) {
    for (const route of ctx.deployment.ingressBackends ?? []) {
      if (route.speaks === route.serves) continue;
      const grpc = route.protocol?.value.startsWith('GRPC') === true;
      const related: RuleRelated[] = [
        ...(route.protocol && route.serves === 'tls'
          ? [{ ...route.protocol.at, message: said`backend-protocol ${route.protocol.value}` }]
          : []),
        ...(route.serves === 'plain'
          ? [{ ...route.at, message: said`the backend names Service ${route.service.name}` }]
          : []),
        { ...route.service.at, message: said`Service ${route.service.name} forwards to port ${route.targetPort}` },
        { ...route.container.at, message: said`${route.container.label} serves port ${route.targetPort}` },
        ...(route.container.builtAt ?? []).map((b) => ({ ...b.at, message: said`${b.by} builds its image` })),
        { ...route.settingAt, message: said`${route.setting}` },
      ];
      const data = {
        ingress: route.ingress,
        service: route.service.name,
        port: String(route.targetPort),
        container: route.container.label,
        server: route.server,
        setting: route.setting,
      };
      if (route.serves === 'tls')
        ctx.report({
          messageId: 'plainToTls',
          data: {
            ...data,
            scheme: grpc ? ours('gRPC (h2c)') : ours('HTTP'),
            protocol: route.protocol
              ? said`${ANNOTATION}: ${route.protocol.value}`
              : ours(`no ${ANNOTATION} annotation: HTTP`),
            answer: answerOf(route),
            fix: grpc ? ours('GRPCS') : ours('HTTPS'),
          },
          location: route.at,
          related,
          fingerprint: [route.ingress, route.service.name, String(route.targetPort)],
        });
      else
        ctx.report({
          messageId: 'tlsToPlain',
          data: {
            ...data,
            protocol: route.protocol?.value ?? '',
            answer: ours(NGINX_FACTS.tlsPassToPlainPort.answer),
            log: ours(NGINX_FACTS.tlsPassToPlainPort.log),
            fix: grpc ? ours('GRPC') : ours('HTTP'),
          },
          location: route.protocol?.at ?? route.at,
          related,
          fingerprint: [route.ingress, route.service.name, String(route.targetPort)],
        });
    }
  },
});
