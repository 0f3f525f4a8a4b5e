/**
 * Liberty opens an httpEndpoint's HTTPS listener only when its features include ssl-1.0 (src/knowledge/data/
 * liberty-features.json). andre-doherty/sample-jaxws@a09d7aa (localConnector-1.0, xmlWS-4.0, cdi-4.0, pages-3.1 with
 * httpsPort="${default.https.port}") serves no HTTPS; JCass149/openliberty-microprofile-realworld-example-app@dec268f
 * (mpJwt-1.2: jwt-1.0 → … → io.openliberty.security.internal.common-1.0 → ssl-1.0) does.
 */
import { libertyFeatureSsl } from '../../src/knowledge/liberty-features';
import { modelOf, type Tree } from '../helpers/rule-tester';

function serverXml(features: string[], extra = ''): string {
  const list = features.map((f) => `<feature>${f}</feature>`).join('');
  return [
    '<server description="app">',
    ...(features.length ? [`  <featureManager>${list}</featureManager>`] : []),
    '  <httpEndpoint id="defaultHttpEndpoint" host="*" httpPort="9080" httpsPort="9443"/>',
    '  <keyStore id="defaultKeyStore" password="{xor}Lz4sLCgwLTs="/>',
    extra,
    '</server>',
    '',
  ].join('\n');
}

const OL_IMAGE = 'FROM icr.io/appcafe/open-liberty:25.0.0.9-kernel-slim-java17-openj9-ubi\n';

describe('a Liberty server serves HTTPS only with a feature that includes ssl-1.0', () => {
  it.each<[string, Tree, boolean]>([
    [
      'servlet and JAX-WS features only (sample-jaxws): no listener',
      { 'cfg/server.xml': serverXml(['xmlWS-4.0', 'cdi-4.0', 'pages-3.1']) },
      false,
    ],
    ['features in any case, with blanks', { 'cfg/server.xml': serverXml([' Servlet-6.0 ', 'JSONP-2.1']) }, false],
    ['transportSecurity-1.0', { 'cfg/server.xml': serverXml(['servlet-6.0', 'transportSecurity-1.0']) }, true],
    ['ssl-1.0', { 'cfg/server.xml': serverXml(['servlet-4.0', 'ssl-1.0']) }, true],
    ['mpJwt-1.2 includes it (realworld sample)', { 'cfg/server.xml': serverXml(['jpa-2.2', 'mpJwt-1.2']) }, true],
    [
      'microProfile-7.1 includes it (IBMStockTrader/trader)',
      { 'cfg/server.xml': serverXml(['microProfile-7.1', 'pages-3.1']) },
      true,
    ],
    ['appSecurity-5.0 includes it', { 'cfg/server.xml': serverXml(['appSecurity-5.0']) }, true],
    [
      'an included file adds transportSecurity-1.0',
      {
        'cfg/server.xml': serverXml(['servlet-6.0'], '  <include location="tls.xml"/>'),
        'cfg/tls.xml': '<server><featureManager><feature>transportSecurity-1.0</feature></featureManager></server>\n',
      },
      true,
    ],
    [
      'configDropins/overrides adds transportSecurity-1.0',
      {
        'cfg/server.xml': serverXml(['servlet-6.0']),
        'cfg/configDropins/overrides/tls.xml':
          '<server><featureManager><feature>transportSecurity-1.0</feature></featureManager></server>\n',
      },
      true,
    ],
    // Not settled: the endpoint stays (today's behaviour), never a "no HTTPS" guess.
    [
      'a feature the knowledge does not list',
      { 'cfg/server.xml': serverXml(['servlet-6.0', 'usr:tlsFeature-1.0']) },
      true,
    ],
    ['a feature named by a variable', { 'cfg/server.xml': serverXml(['servlet-6.0', '${SECURITY_FEATURE}']) }, true],
    ['no featureManager (a fragment)', { 'cfg/server.xml': serverXml([]) }, true],
    [
      'an include the tree lacks',
      { 'cfg/server.xml': serverXml(['servlet-6.0'], '  <include location="security.xml"/>') },
      true,
    ],
    [
      'an include named by an unset variable',
      { 'cfg/server.xml': serverXml(['servlet-6.0'], '  <include location="includes/${AUTH}.xml"/>') },
      true,
    ],
    [
      'a Dockerfile sets TLS=true for features.sh',
      { 'cfg/server.xml': serverXml(['servlet-6.0']), Dockerfile: `${OL_IMAGE}ARG TLS=true\nRUN features.sh\n` },
      true,
    ],
    [
      'a Dockerfile takes TLS at build time',
      { 'cfg/server.xml': serverXml(['servlet-6.0']), Dockerfile: `${OL_IMAGE}ARG TLS\nRUN features.sh\n` },
      true,
    ],
    [
      'a Dockerfile copies a file into configDropins',
      {
        'cfg/server.xml': serverXml(['servlet-6.0']),
        Dockerfile: `${OL_IMAGE}COPY extra/tls.xml /config/configDropins/overrides/\n`,
      },
      true,
    ],
    [
      'a Dockerfile that sets TLS=false',
      { 'cfg/server.xml': serverXml(['servlet-6.0']), Dockerfile: `${OL_IMAGE}ENV TLS=false\nRUN features.sh\n` },
      false,
    ],
    [
      'a Dockerfile of another image',
      { 'cfg/server.xml': serverXml(['servlet-6.0']), Dockerfile: 'FROM nginx:1.27\nENV SSL=on\n' },
      false,
    ],
  ])('%s', (_name, files, listening) => {
    const d = modelOf(files);
    expect(d.components.some((c) => c.type === 'liberty.https-endpoint')).toBe(listening);
    expect(d.tlsLessHomes?.length ?? 0).toBe(listening ? 0 : 1);
  });

  it.each([
    ['transportSecurity-1.0', 'enables'],
    ['mpJwt-2.1', 'enables'],
    ['restConnector-2.0', 'enables'],
    ['mpRestClient-3.0', 'none'],
    ['jaxws-2.2', 'none'],
    ['collectiveMember-1.0', 'unknown'],
  ])('knowledge: %s %s SSL', (feature, ssl) => expect(libertyFeatureSsl(feature).ssl).toBe(ssl));
});
