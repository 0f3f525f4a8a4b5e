/**
 * Quarkus HTTPS servers (src/model/quarkus-server.ts): a Quarkus app's `application.properties|yaml` that gives the
 * HTTP server a key store or PEM certificate (the TLS registry configuration `quarkus.http.tls-configuration-name`
 * names, else the default `quarkus.tls.*`, else the legacy `quarkus.http.ssl.*`) makes a `quarkus.server` component:
 * port 8443 unless written, TLSv1.3 and TLSv1.2 unless written, stores read from the classpath. Shapes after
 * amusarra/quarkus-mtls-auth@9bb5866 (MIT; its stores: test/fixtures/quarkus) and openlab-red/quarkus-mtls-quickstart@17df146
 * (Apache-2.0). Other stores: test/fixtures/keystores/generated.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Component } from '../../src/model/types';
import { modelOf, type Tree } from '../helpers/rule-tester';

const fixture = (dir: string, name: string) => fs.readFileSync(path.resolve(__dirname, '../fixtures', dir, name));
const RES = 'app/src/main/resources';

const servers = (files: Tree): Component[] => modelOf(files).components.filter((c) => c.type === 'quarkus.server');

function summary(c: Component): string {
  const tls = c.tls;
  const trust = tls?.trust;
  const base = (f: string | undefined) => (f ? path.basename(f) : '?');
  return [
    `ports=${c.type === 'quarkus.server' ? `${c.attributes.tlsPorts.join(',')} source=${c.attributes.tlsSource}` : '?'}`,
    `protocols=${tls?.protocols?.value.join(',') ?? '-'}(${tls?.protocols?.from.kind ?? '-'})`,
    `suites=${tls?.cipherSuites?.value.join(',') ?? '-'}`,
    `auth=${tls?.clientAuth?.value ?? '-'}`,
    `key=${trust?.keyStore ? `${base(trust.keyStore.file)}:${trust.keyStore.type?.value ?? '?'}${trust.keyStore.passwordAt ? '+pw' : ''}` : '-'}`,
    `cert=${base(tls?.certificate?.file)}`,
    `alias=${trust?.keyAlias?.value ?? '-'}`,
    `trust=${trust?.trustStore ? base(trust.trustStore.file) : (trust?.defaultTrust ?? '-')}${trust?.unknown ? ' (unknown)' : ''}`,
    `unknown=${tls?.unknownValues?.join(' ; ') ?? '-'}`,
  ].join(' ');
}

const amusarra = [
  'quarkus.tls.https.key-store.p12.path=certs/server_cert.p12',
  'quarkus.tls.https.key-store.p12.password=4BmfsXiPkmNYMwh3',
  'quarkus.tls.https.trust-store.pem.certs=certs/ca_cert.pem,/tmp/tsl-it/tsl-it_bundle.pem',
  'quarkus.http.insecure-requests=disabled',
  'quarkus.tls.https.protocols=TLSv1.3',
  'quarkus.http.tls-configuration-name=https',
  'quarkus.http.ssl.client-auth=REQUIRED',
  '',
].join('\n');

describe('Quarkus HTTPS servers (quarkus.server)', () => {
  it.each<[string, Tree, string[]]>([
    [
      'amusarra/quarkus-mtls-auth: the named TLS registry configuration; a PEM trust list with a file outside the tree',
      {
        [`${RES}/application.properties`]: amusarra,
        [`${RES}/certs/server_cert.p12`]: fixture('quarkus', 'server_cert.p12'),
        [`${RES}/certs/ca_cert.pem`]: fixture('quarkus', 'ca_cert.pem'),
      },
      [
        'ports=8443 source=quarkus.tls.https.* protocols=TLSv1.3(file) suites=- auth=required key=server_cert.p12:PKCS12+pw cert=server_cert.p12 alias=- trust=ca_cert.pem (unknown) unknown=-',
      ],
    ],
    [
      'the default TLS registry configuration (no name): its defaults, an alias, a JKS trust store',
      {
        [`${RES}/application.properties`]:
          'quarkus.tls.key-store.jks.path=key.jks\nquarkus.tls.key-store.jks.password=changeit\nquarkus.tls.key-store.jks.alias=server\nquarkus.tls.trust-store.jks.path=trust.jks\nquarkus.http.ssl-port=9443\n',
        [`${RES}/key.jks`]: fixture('keystores/generated', 'key.jks'),
        [`${RES}/trust.jks`]: fixture('keystores/generated', 'trust.jks'),
      },
      [
        'ports=9443 source=quarkus.tls.* protocols=TLSv1.3,TLSv1.2(default) suites=- auth=- key=key.jks:JKS+pw cert=key.jks alias=server trust=trust.jks unknown=-',
      ],
    ],
    [
      'legacy quarkus.http.ssl.*: the %prod. profile wins over the unprofiled value, %dev. never runs',
      {
        [`${RES}/application.properties`]: [
          'quarkus.http.ssl.certificate.key-store-file=key.p12',
          'quarkus.http.ssl.certificate.key-store-password=changeit',
          'quarkus.http.ssl.protocols=TLSv1.2',
          '%prod.quarkus.http.ssl.protocols=TLSv1.3',
          '%dev.quarkus.http.ssl.cipher-suites=TLS_RSA_WITH_AES_128_CBC_SHA',
          'quarkus.http.ssl.client-auth=request',
          '',
        ].join('\n'),
        [`${RES}/key.p12`]: fixture('keystores/generated', 'key.p12'),
      },
      [
        'ports=8443 source=quarkus.http.ssl.* protocols=TLSv1.3(file) suites=- auth=optional key=key.p12:PKCS12+pw cert=key.p12 alias=- trust=jdk-cacerts unknown=-',
      ],
    ],
    [
      'YAML: a written list of suites; a placeholder port and a custom profile leave what they decide unknown',
      {
        [`${RES}/application.yaml`]: [
          'quarkus:',
          '  http:',
          '    ssl-port: ${HTTPS_PORT}',
          '    ssl:',
          '      certificate:',
          '        key-store-file: /deployments/tls/key.p12',
          '      cipher-suites:',
          '        - TLS_AES_128_GCM_SHA256',
          '        - TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
          '"%staging":',
          '  quarkus:',
          '    http:',
          '      ssl:',
          '        protocols: TLSv1.2',
          '',
        ].join('\n'),
      },
      [
        "ports= source=quarkus.http.ssl.* protocols=TLSv1.3,TLSv1.2(default) suites=TLS_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 auth=- key=?:? cert=key.p12 alias=- trust=jdk-cacerts unknown=quarkus.http.ssl-port=${HTTPS_PORT} ; the active Quarkus profile: staging sets the HTTPS server's settings (the packaged app runs prod; declare QUARKUS_PROFILE in the tree)",
      ],
    ],
    [
      'PEM files (legacy `files`) the tree does not hold: named, their file unknown',
      {
        [`${RES}/application.properties`]:
          'quarkus.http.ssl.certificate.files=certs/server.pem\nquarkus.http.ssl.certificate.key-files=certs/server.key\n',
      },
      [
        'ports=8443 source=quarkus.http.ssl.* protocols=TLSv1.3,TLSv1.2(default) suites=- auth=- key=?:PEM cert=server.pem alias=- trust=jdk-cacerts unknown=-',
      ],
    ],
    [
      'only the dev and test profiles give a key store: the packaged app serves no HTTPS',
      {
        [`${RES}/application.properties`]:
          '%dev.quarkus.http.ssl.certificate.key-store-file=key.p12\n%test.quarkus.tls.key-store.p12.path=key.p12\n',
        [`${RES}/key.p12`]: fixture('keystores/generated', 'key.p12'),
      },
      [],
    ],
    [
      'the test classpath configures the tests only; a Spring app is no Quarkus app',
      {
        'app/src/test/resources/application.properties': amusarra,
        'web/src/main/resources/application.properties': 'server.ssl.key-store=classpath:key.p12\n',
      },
      [],
    ],
    // The starts' settings win over the files' (environment variables 300, system properties 400, the files 250), a
    // profile's file setting included: https://quarkus.io/guides/config-reference#configuration-sources
    [
      "a Compose service's QUARKUS_* variables over the file's %prod. setting; its key store password opens the store",
      {
        [`${RES}/application.properties`]:
          'quarkus.http.ssl.certificate.key-store-file=key.p12\n%prod.quarkus.http.ssl.protocols=TLSv1.3\n',
        [`${RES}/key.p12`]: fixture('keystores/generated', 'key.p12'),
        'docker-compose.yml': [
          'services:',
          '  app:',
          '    build: ./app',
          '    environment:',
          '      QUARKUS_HTTP_SSL_PROTOCOLS: TLSv1.2,TLSv1.3',
          '      QUARKUS_HTTP_SSL_CERTIFICATE_KEY_STORE_PASSWORD: changeit',
          '      QUARKUS_HTTP_SSL_CLIENT_AUTH: required',
          '      _PROD_QUARKUS_HTTP_SSL_PORT: "9443"',
          '',
        ].join('\n'),
      },
      [
        'ports=9443 source=quarkus.http.ssl.* protocols=TLSv1.2,TLSv1.3(file) suites=- auth=required key=key.p12:PKCS12+pw cert=key.p12 alias=- trust=jdk-cacerts unknown=-',
      ],
    ],
    [
      "a Dockerfile's ENV gives the TLS registry's key store; a -D in JAVA_OPTS (400) wins over an ENV (300)",
      {
        [`${RES}/application.properties`]: 'quarkus.http.port=8080\n',
        [`${RES}/key.p12`]: fixture('keystores/generated', 'key.p12'),
        'app/Dockerfile': [
          'FROM registry.access.redhat.com/ubi9/openjdk-21:1.20',
          'ENV QUARKUS_TLS_KEY_STORE_P12_PATH=key.p12 QUARKUS_TLS_KEY_STORE_P12_PASSWORD=changeit',
          'ENV QUARKUS_TLS_PROTOCOLS=TLSv1.2',
          'ENV JAVA_OPTS="-Dquarkus.tls.protocols=TLSv1.3"',
          'CMD ["sh", "-c", "java $JAVA_OPTS -jar /deployments/quarkus-run.jar"]',
          '',
        ].join('\n'),
      },
      [
        'ports=8443 source=quarkus.tls.* protocols=TLSv1.3(file) suites=- auth=- key=key.p12:PKCS12+pw cert=key.p12 alias=- trust=jdk-cacerts unknown=-',
      ],
    ],
    [
      'a variable the run sets leaves its setting unknown; QUARKUS_PROFILE picks the profile',
      {
        [`${RES}/application.properties`]:
          'quarkus.http.ssl.certificate.key-store-file=key.p12\n%staging.quarkus.http.ssl.cipher-suites=TLS_AES_128_GCM_SHA256\n',
        'docker-compose.yml':
          'services:\n  app:\n    build: ./app\n    environment:\n      QUARKUS_PROFILE: staging\n      QUARKUS_HTTP_SSL_PROTOCOLS: ${TLS_PROTOCOLS}\n',
      },
      [
        'ports=8443 source=quarkus.http.ssl.* protocols=-(-) suites=TLS_AES_128_GCM_SHA256 auth=- key=?:? cert=key.p12 alias=- trust=jdk-cacerts unknown=QUARKUS_HTTP_SSL_PROTOCOLS=${TLS_PROTOCOLS}',
      ],
    ],
    // Each value by SmallRye Config's rule (ProfileConfigSourceInterceptor, smallrye-config 3.17.2): the running
    // profile's setting from the highest source that has it, unless a source of a higher ordinal sets the plain name.
    [
      'a -D (400) over a _PROD_ variable (300): the plain name of the higher source wins over the profile of the lower',
      {
        [`${RES}/application.properties`]: 'quarkus.http.ssl.certificate.key-store-file=key.p12\n',
        'app/Dockerfile': [
          'FROM registry.access.redhat.com/ubi9/openjdk-21:1.20',
          'ENV _PROD_QUARKUS_HTTP_SSL_PROTOCOLS=TLSv1.2',
          'ENV JAVA_OPTS="-Dquarkus.http.ssl.protocols=TLSv1.3 -D%prod.quarkus.http.ssl-port=9443"',
          'ENV QUARKUS_HTTP_SSL_PORT=8444',
          'CMD ["sh", "-c", "java $JAVA_OPTS -jar /deployments/quarkus-run.jar"]',
          '',
        ].join('\n'),
      },
      [
        'ports=9443 source=quarkus.http.ssl.* protocols=TLSv1.3(file) suites=- auth=- key=?:? cert=key.p12 alias=- trust=jdk-cacerts unknown=-',
      ],
    ],
    [
      "application.yaml (255) over application.properties (250): the YAML's plain setting over the properties' %prod. one",
      {
        [`${RES}/application.properties`]:
          'quarkus.http.ssl.certificate.key-store-file=key.p12\n%prod.quarkus.http.ssl.protocols=TLSv1.3\n%prod.quarkus.http.ssl.client-auth=required\n',
        [`${RES}/application.yaml`]:
          'quarkus:\n  http:\n    ssl:\n      protocols: TLSv1.2\n"%prod":\n  quarkus:\n    http:\n      ssl:\n        client-auth: request\n',
      },
      [
        'ports=8443 source=quarkus.http.ssl.* protocols=TLSv1.2(file) suites=- auth=optional key=?:? cert=key.p12 alias=- trust=jdk-cacerts unknown=-',
      ],
    ],
    // The working directory's .env (295) and config/application.properties (260): read when the app's image holds
    // them in its WORKDIR, not when it does not; otherwise a value they would change is unknown. Spring's
    // classpath:/config/ is not Quarkus's.
    ...(
      [
        [
          'held in the WORKDIR',
          'COPY config/application.properties /work/config/application.properties\nCOPY .env /work/.env\n',
          'ports=9000 source=quarkus.http.ssl.* protocols=TLSv1.2(file) suites=- auth=- key=?:? cert=key.p12 alias=- trust=jdk-cacerts unknown=-',
        ],
        [
          'not in the image',
          'COPY target/quarkus-app/ /work/\n',
          'ports=8443 source=quarkus.http.ssl.* protocols=TLSv1.3(file) suites=- auth=- key=?:? cert=key.p12 alias=- trust=jdk-cacerts unknown=-',
        ],
        [
          'no image in the tree',
          undefined,
          'ports= source=quarkus.http.ssl.* protocols=-(-) suites=- auth=- key=?:? cert=key.p12 alias=- trust=jdk-cacerts unknown=quarkus.http.ssl.protocols=TLSv1.2 ; QUARKUS_HTTP_SSL_PORT=9000',
        ],
      ] as const
    ).map(([how, copies, expected]): [string, Tree, string[]] => [
      `the project's .env and config/application.properties, ${how}`,
      {
        [`${RES}/application.properties`]:
          'quarkus.http.ssl.certificate.key-store-file=key.p12\n%prod.quarkus.http.ssl.protocols=TLSv1.3\n',
        [`${RES}/config/application.properties`]: 'quarkus.http.ssl.protocols=TLSv1.1\n',
        'app/config/application.properties': 'quarkus.http.ssl.protocols=TLSv1.2\n',
        'app/.env': 'QUARKUS_HTTP_SSL_PORT=9000\n',
        ...(copies && {
          'app/Dockerfile': `FROM registry.access.redhat.com/ubi9/openjdk-21:1.20\nWORKDIR /work\n${copies}CMD ["java", "-jar", "quarkus-run.jar"]\n`,
        }),
      },
      [expected],
    ]),
    // A PEM pair only variables name (QUARKUS_TLS_KEY_STORE_PEM_<pair>_CERT), and a named configuration's variables in
    // the quoted-name form (`quarkus.tls."https".…` → QUARKUS_TLS__HTTPS__…): https://quarkus.io/guides/config-reference#environment-variables
    [
      "a Compose service's variables give the default TLS configuration's PEM pair",
      {
        [`${RES}/application.properties`]: 'quarkus.http.port=8080\n',
        'docker-compose.yml': [
          'services:',
          '  app:',
          '    build: ./app',
          '    environment:',
          '      QUARKUS_TLS_KEY_STORE_PEM_0_CERT: /certs/tls.crt',
          '      QUARKUS_TLS_KEY_STORE_PEM_0_KEY: /certs/tls.key',
          '',
        ].join('\n'),
      },
      [
        'ports=8443 source=quarkus.tls.* protocols=TLSv1.3,TLSv1.2(default) suites=- auth=- key=?:PEM cert=tls.crt alias=- trust=jdk-cacerts unknown=-',
      ],
    ],
    [
      "a Dockerfile's variables name the configuration and give its PEM pair and the running profile's protocols",
      {
        [`${RES}/application.properties`]: 'quarkus.http.port=8080\n',
        'app/Dockerfile': [
          'FROM registry.access.redhat.com/ubi9/openjdk-21:1.20',
          'ENV QUARKUS_HTTP_TLS_CONFIGURATION_NAME=https',
          'ENV QUARKUS_TLS__HTTPS__KEY_STORE_PEM_MAIN_CERT=/certs/server.pem QUARKUS_TLS__HTTPS__KEY_STORE_PEM_MAIN_KEY=/certs/server.key',
          'ENV _PROD_QUARKUS_TLS__HTTPS__PROTOCOLS=TLSv1.3',
          '',
        ].join('\n'),
      },
      [
        'ports=8443 source=quarkus.tls.https.* protocols=TLSv1.3(file) suites=- auth=- key=?:PEM cert=server.pem alias=- trust=jdk-cacerts unknown=-',
      ],
    ],
    [
      'several running profiles (-Dquarkus.profile=prod,fips): the last one wins (folio-org/folio-secure-store-proxy shape)',
      {
        [`${RES}/application.properties`]: [
          'quarkus.http.ssl.certificate.key-store-file=key.p12',
          '%prod.quarkus.http.ssl.protocols=TLSv1.2',
          '%fips.quarkus.http.ssl.protocols=TLSv1.3',
          '%prod.quarkus.http.ssl.client-auth=required',
          '',
        ].join('\n'),
        'app/Dockerfile': [
          'FROM registry.access.redhat.com/ubi9/openjdk-21:1.20',
          'ENV JAVA_OPTS="-Dquarkus.profile=prod,fips"',
          'CMD ["sh", "-c", "java $JAVA_OPTS -jar /deployments/quarkus-run.jar"]',
          '',
        ].join('\n'),
      },
      [
        'ports=8443 source=quarkus.http.ssl.* protocols=TLSv1.3(file) suites=- auth=required key=?:? cert=key.p12 alias=- trust=jdk-cacerts unknown=-',
      ],
    ],
  ])('%s', (_name, files, expected) => {
    expect(servers(files).map(summary)).toEqual(expected);
  });
});
