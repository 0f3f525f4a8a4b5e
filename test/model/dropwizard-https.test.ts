/**
 * Dropwizard HTTPS connectors (src/model/dropwizard-https.ts): a `type: https` connector of a Dropwizard configuration
 * becomes a `dropwizard.https-connector` server with Jetty's selection applied to what it lists (include lists of
 * names, then the exclusion patterns: written, else the release's defaults), its stores placed from the working
 * directory, its trust store the key store when none is named. Shapes after square/keywhiz@52e77fd
 * server/src/main/resources/keywhiz-development.yaml and docker/keywhiz-config.tpl.
 * Stores: test/fixtures/keystores/generated.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Component } from '../../src/model/types';
import { modelOf, type Tree } from '../helpers/rule-tester';

const STORES = path.resolve(__dirname, '../fixtures/keystores/generated');
const store = (name: string) => fs.readFileSync(path.join(STORES, name));

const config = (connector: string, admin = '    - type: http\n      port: 8081\n') =>
  `server:\n  applicationConnectors:\n${connector}  adminConnectors:\n${admin}logging:\n  level: INFO\n`;

const pom = (version: string) =>
  `<project>\n  <dependencies>\n    <dependency>\n      <groupId>io.dropwizard</groupId>\n      <artifactId>dropwizard-core</artifactId>\n      <version>${version}</version>\n    </dependency>\n  </dependencies>\n</project>\n`;

const connectors = (files: Tree): Component[] =>
  modelOf(files).components.filter((c) => c.type === 'dropwizard.https-connector');

function summary(c: Component): string {
  const tls = c.tls;
  const trust = tls?.trust;
  const base = (f: string | undefined) => (f ? path.basename(f) : '?');
  const jetty = tls?.jettyExclusions;
  return [
    `ports=${c.type === 'dropwizard.https-connector' ? c.attributes.tlsPorts.join(',') : '?'}`,
    `protocols=${tls?.protocols?.value.join(',') ?? '-'}`,
    `suites=${tls?.cipherSuites?.value.join(',') ?? '-'}`,
    `exclude=${jetty ? `${jetty.protocols.value.join(',')}|${jetty.cipherSuites.value.length}(${jetty.cipherSuites.from.kind})` : '-'}`,
    `alt=${jetty?.alternative ? jetty.alternative.cipherSuites.join(',') : '-'}`,
    `auth=${tls?.clientAuth?.value ?? '-'}`,
    `key=${trust?.keyStore ? `${base(trust.keyStore.file)}${trust.keyStore.passwordAt ? '+pw' : ''}` : '-'}`,
    `alias=${trust?.keyAlias?.value ?? '-'}`,
    `trust=${trust?.trustStore ? base(trust.trustStore.file) : (trust?.defaultTrust ?? '-')}`,
    `unknown=${tls?.unknownValues?.join(' ; ') ?? '-'}`,
  ].join(' ');
}

describe('Dropwizard HTTPS connectors (dropwizard.https-connector)', () => {
  it.each<[string, Tree, string[]]>([
    [
      'keywhiz shape: include lists of names lose what Jetty excludes by default; stores from the working directory',
      {
        'svc/config.yaml': config(
          '    - type: https\n      port: 4444\n      keyStorePath: svc/key.p12\n      keyStorePassword: changeit\n      keyStoreType: PKCS12\n      trustStorePath: svc/trust.p12\n      wantClientAuth: true\n      supportedProtocols: [TLSv1.2]\n      supportedCipherSuites:\n        - TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\n        - TLS_RSA_WITH_AES_128_GCM_SHA256\n        - TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA\n',
        ),
        'svc/key.p12': store('key.p12'),
        'svc/trust.p12': store('trust.p12'),
      },
      [
        'ports=4444 protocols=TLSv1.2 suites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 exclude=SSL.*,TLSv1,TLSv1\\.1|5(default) alt=^.*_(MD5|SHA|SHA1)$ auth=optional key=key.p12+pw alias=- trust=trust.p12 unknown=-',
      ],
    ],
    [
      'no lists: the JDK decides, Jetty excludes; no trustStorePath: the key store is the trust store; needClientAuth wins',
      {
        'config.yml': config(
          '    - type: https\n      port: 8443\n      keyStorePath: key.jks\n      keyStorePassword: changeit\n      certAlias: server\n      needClientAuth: true\n      wantClientAuth: true\n',
        ),
        'key.jks': store('key.jks'),
      },
      [
        'ports=8443 protocols=- suites=- exclude=SSL.*,TLSv1,TLSv1\\.1|5(default) alt=^.*_(MD5|SHA|SHA1)$ auth=required key=key.jks+pw alias=server trust=key.jks unknown=-',
      ],
    ],
    [
      'written exclusions replace the defaults (an empty list excludes nothing): no other release to check for them',
      {
        'config.yml': config(
          '    - type: https\n      keyStorePath: /opt/app/key.jks\n      excludedProtocols: []\n      excludedCipherSuites: [".*_CBC_.*"]\n',
        ),
      },
      ['ports=8080 protocols=- suites=- exclude=|1(file) alt=- auth=- key=? alias=- trust=? unknown=-'],
    ],
    [
      'a signalling value in the include list is dropped (palantir/atlasdb timelock.distributed.yml); an unknown name is unknown',
      {
        'a/config.yml': config(
          '    - type: https\n      port: 8421\n      supportedCipherSuites:\n        - TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\n        - TLS_EMPTY_RENEGOTIATION_INFO_SCSV\n',
        ),
        'b/config.yml': config(
          '    - type: https\n      port: 8422\n      supportedCipherSuites: [TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, TLS_NEW_SUITE_WITH_AES_128_GCM_SHA256]\n',
        ),
      },
      [
        'ports=8421 protocols=- suites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 exclude=SSL.*,TLSv1,TLSv1\\.1|5(default) alt=^.*_(MD5|SHA|SHA1)$ auth=- key=- alias=- trust=none unknown=-',
        'ports=8422 protocols=- suites=- exclude=SSL.*,TLSv1,TLSv1\\.1|5(default) alt=^.*_(MD5|SHA|SHA1)$ auth=- key=- alias=- trust=none unknown=supportedCipherSuites: TLS_NEW_SUITE_WITH_AES_128_GCM_SHA256',
      ],
    ],
    [
      "the build names the release: its defaults only (a Maven property, keywhiz's 1.3.29: Jetty's protocols, the long suite list)",
      {
        'kw/pom.xml':
          '<project>\n  <properties>\n    <dropwizard.version>1.3.29</dropwizard.version>\n  </properties>\n  <dependencyManagement><dependencies>\n    <dependency>\n      <groupId>io.dropwizard.metrics</groupId>\n      <artifactId>metrics-core</artifactId>\n      <version>4.0.0</version>\n    </dependency>\n    <dependency>\n      <groupId>io.dropwizard</groupId>\n      <artifactId>dropwizard-core</artifactId>\n      <version>${dropwizard.version}</version>\n    </dependency>\n  </dependencies></dependencyManagement>\n</project>\n',
        'kw/server/src/main/resources/dev.yaml': config('    - type: https\n      port: 4444\n'),
      },
      [
        'ports=4444 protocols=- suites=- exclude=SSL,SSLv2,SSLv2Hello,SSLv3|5(file) alt=- auth=- key=- alias=- trust=none unknown=-',
      ],
    ],
    [
      'Gradle names 1.2.9 (a Jetty 9.4.11): the short suite list',
      {
        'old/build.gradle':
          'ext { dwVersion = \'1.2.9\' }\ndependencies {\n  implementation "io.dropwizard:dropwizard-core:$dwVersion"\n}\n',
        'old/config.yml': config('    - type: https\n      port: 4445\n'),
      },
      [
        'ports=4445 protocols=- suites=- exclude=SSL,SSLv2,SSLv2Hello,SSLv3|1(file) alt=- auth=- key=- alias=- trust=none unknown=-',
      ],
    ],
    [
      'template placeholders and include patterns leave the lists unknown; an h2 connector serves its one HTTP/2 suite',
      {
        'docker/app-config.tpl': config(
          '    - type: https\n      port: 4444\n      keyStorePath: ${KEYSTORE_PATH}\n      keyStorePassword: ${KEYSTORE_PASSWORD}\n      supportedCipherSuites: ["TLS_ECDHE_.*"]\n',
          '    - type: h2\n      port: 8444\n      keyStorePath: /etc/k.p12\n',
        ),
      },
      [
        'ports=4444 protocols=- suites=- exclude=SSL.*,TLSv1,TLSv1\\.1|5(default) alt=^.*_(MD5|SHA|SHA1)$ auth=- key=- alias=- trust=none unknown=supportedCipherSuites: TLS_ECDHE_.* ; keyStorePath: ${KEYSTORE_PATH}',
        'ports=8444 protocols=TLSv1.3,TLSv1.2 suites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 exclude=SSL.*,TLSv1,TLSv1\\.1|5(default) alt=^.*_(MD5|SHA|SHA1)$ auth=- key=? alias=- trust=? unknown=-',
      ],
    ],
    [
      'h2 on 1.1.0: TLSv1.2 and the HTTP/2 suite alone, whatever supportedProtocols and supportedCipherSuites say',
      {
        'pom.xml': pom('1.1.0'),
        'config.yml': config(
          '    - type: h2\n      port: 8445\n      supportedProtocols: [TLSv1.3]\n      supportedCipherSuites: [TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384]\n',
        ),
      },
      [
        'ports=8445 protocols=TLSv1.2 suites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 exclude=SSL,SSLv2,SSLv2Hello,SSLv3|1(file) alt=- auth=- key=- alias=- trust=none unknown=-',
      ],
    ],
    [
      'h2 on 2.1.12: TLSv1.3 and TLSv1.2 with the written suites, which hold the HTTP/2 one',
      {
        'pom.xml': pom('2.1.12'),
        'config.yml': config(
          '    - type: h2\n      port: 8446\n      supportedCipherSuites: [TLS_AES_128_GCM_SHA256, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256]\n',
        ),
      },
      [
        'ports=8446 protocols=TLSv1.3,TLSv1.2 suites=TLS_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 exclude=SSL.*,TLSv1,TLSv1\\.1|5(file) alt=- auth=- key=- alias=- trust=none unknown=-',
      ],
    ],
    [
      'h2 whose written suites lack the HTTP/2 one: the connector does not start, unknown',
      {
        'pom.xml': pom('2.1.12'),
        'config.yml': config(
          '    - type: h2\n      port: 8447\n      supportedCipherSuites: [TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384]\n',
        ),
      },
      [
        'ports=8447 protocols=- suites=TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384 exclude=SSL.*,TLSv1,TLSv1\\.1|5(file) alt=- auth=- key=- alias=- trust=none unknown=type: h2 supportedCipherSuites',
      ],
    ],
    [
      'h2 with written suites and no release: before 1.2.0 they are not served, unknown',
      {
        'config.yml': config(
          '    - type: h2\n      port: 8448\n      supportedCipherSuites: [TLS_AES_128_GCM_SHA256, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256]\n',
        ),
      },
      [
        'ports=8448 protocols=- suites=TLS_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 exclude=SSL.*,TLSv1,TLSv1\\.1|5(default) alt=^.*_(MD5|SHA|SHA1)$ auth=- key=- alias=- trust=none unknown=type: h2 supportedCipherSuites',
      ],
    ],
  ])('%s', (_name, files, expected) => {
    expect(connectors(files).map(summary)).toEqual(expected);
  });

  it('a port is TLS-only unless another configuration of the tree serves plain HTTP on it', () => {
    const only = (files: Tree) =>
      connectors(files).map((c) =>
        c.type === 'dropwizard.https-connector' ? (c.attributes.tlsOnlyPorts ?? []).map((p) => p.port) : [],
      );
    const https = config('    - type: https\n      port: 8443\n');
    expect(only({ 'conf/prod.yml': https })).toEqual([[8443]]);
    expect(only({ 'conf/prod.yml': https, 'conf/dev.yml': config('    - type: http\n      port: 8443\n') })).toEqual([
      [],
    ]);
  });

  it('an application.yml or a YAML without connectors is not a Dropwizard configuration', () => {
    expect(connectors({ 'application.yml': 'server:\n  port: 8443\n  ssl:\n    key-store: k.p12\n' })).toEqual([]);
    expect(connectors({ 'values.yaml': 'server:\n  applicationConnectors: []\n' })).toEqual([]);
    // A connector key outside the server block (another tool's YAML), or no connector type Dropwizard names.
    expect(
      connectors({
        'chart/values.yaml': 'server:\n  replicas: 2\nkafka:\n  connector:\n    type: https\n    port: 8443\n',
      }),
    ).toEqual([]);
    expect(connectors({ 'app.yaml': 'server:\n  connector:\n    type: grpc\n    port: 8443\n' })).toEqual([]);
  });
});
