import { TOMCAT_SPRING_BOOT_WAR as FACT } from '../../knowledge/tomcat';
import type { Location } from '../../core/types';
import { defineRule } from '../types';
import { ours, said } from '../../core/phrase';
import { relativePosix } from '../../core/posix-path';

/**
 * A Spring Boot app whose settings turn HTTPS on (`server.ssl.key-store`, `.certificate`, `.bundle`) but whose image
 * runs it as a WAR in the official tomcat image (model/spring-war.ts): SpringBootServletInitializer starts it in
 * Tomcat's ServletContext, so Spring Boot makes no embedded web server and reads none of `server.ssl.*`; Tomcat's own
 * connectors serve the app (the stock server.xml: plain HTTP on 8080). The HTTPS the settings describe is never
 * served: a warning, as the intent is lost without any message at start. Only when every image of the app deploys
 * the WAR into Tomcat and none starts it with `java`.
 */
export default defineRule({
  meta: {
    id: 'java/spring-ssl-ignored-in-war',
    description:
      "Report server.ssl.* settings of a Spring Boot app that runs as a WAR in Tomcat, where Spring Boot's embedded web server they configure never starts",
    severity: 'warning',
    messages: {
      ignored:
        '{{server}} is set up for HTTPS here, but its image runs it as a WAR in {{container}} ({{copy}}): Tomcat starts the app in its own servlet context, so Spring Boot starts no embedded web server and reads none of server.ssl.*, and the image\'s own conf/server.xml serves the app ({{connectors}}): the HTTPS these settings describe is never served. Put TLS on a Tomcat Connector (SSLEnabled="true" with an <SSLHostConfig>, in a server.xml copied into the image), or run the app with java -jar so that these settings apply',
      besideServerXml:
        '{{server}} is set up for HTTPS here, but its image runs it as a WAR in {{container}} ({{copy}}): Tomcat starts the app in its own servlet context, so Spring Boot starts no embedded web server and reads none of server.ssl.*; the connectors of the server.xml {{serverXmlBy}} ({{serverXml}}) serve the app. These settings are not what runs: remove them, or keep them only for a java -jar run',
    },
    defaultOptions: {},
    appliesTo: { components: ['java.app'] },
    symptoms: [],
  },
  check(ctx) {
    for (const server of ctx.deployment.unservedTls ?? []) {
      const why = server.why;
      if (why.kind !== 'spring-war-in-tomcat') continue;
      const where = (at: Location) =>
        `${relativePosix(ctx.deployment.root, at.file)}:${(at.range?.start.line ?? 0) + 1}`;
      ctx.report({
        messageId: why.serverXml ? 'besideServerXml' : 'ignored',
        // With the image's own server.xml, TLS may well be served, by Tomcat: these settings are only not what runs.
        severity: why.serverXml ? 'info' : undefined,
        data: {
          server: server.server,
          container: why.container,
          copy: where(why.copy),
          connectors: FACT.stockConnectors,
          serverXml: why.serverXml ? where(why.serverXml) : '',
          serverXmlBy:
            why.serverXmlBy === 'compose' ? ours('Compose mounts into its container') : ours('the image copies in'),
        },
        location: why.at,
        related: [
          { ...why.copy, message: said`the WAR is copied into ${why.container}'s webapps here: Tomcat runs it` },
          ...(why.serverXml
            ? [{ ...why.serverXml, message: ours('the server.xml whose connectors serve the app') }]
            : []),
        ],
        fingerprint: [server.server, 'spring-war'],
      });
    }
  },
});
