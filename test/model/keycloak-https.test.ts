/**
 * Keycloak's own HTTPS server (src/model/keycloak-https.ts, keycloak-starts.ts): a start of its Quarkus distribution
 * that names a certificate becomes a `keycloak.server` component, each option taken from the first source that sets it
 * (command line, then environment, then conf/keycloak.conf: https://www.keycloak.org/server/configuration). Shapes after
 * shoacom/keycloak-docker (ENV KC_HTTPS_KEY_STORE_FILE in a Dockerfile on quay.io/keycloak/keycloak) and
 * daib/deploy (conf/keycloak.conf with https-key-store-file); Kubernetes containers as an ironhorse manifest writes them
 * (`env:` KC_HTTPS_CERTIFICATE_FILE); Bitnami's KEYCLOAK_HTTPS_* (bitnami/containers, knowledge keycloak.json). Stores: test/fixtures/keystores/generated (password
 * Pk12-planted-Zq9).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Component } from '../../src/model/types';
import { modelOf, type Tree } from '../helpers/rule-tester';

const STORES = path.resolve(__dirname, '../fixtures/keystores/generated');
const store = (name: string) => fs.readFileSync(path.join(STORES, name));
const PASSWORD = 'Pk12-planted-Zq9';

const servers = (files: Tree): Component[] => modelOf(files).components.filter((c) => c.type === 'keycloak.server');

function summary(c: Component): string {
  const tls = c.tls;
  const trust = tls?.trust;
  const base = (f: string | undefined) => (f ? path.basename(f) : '?');
  const key = trust?.keyStore;
  return [
    `ports=${c.type === 'keycloak.server' ? c.attributes.tlsPorts.join(',') : '?'}`,
    `protocols=${tls?.protocols?.value.join(',') ?? '-'}(${tls?.protocols?.from.kind ?? '-'})`,
    `suites=${tls?.cipherSuites?.value.join(',') ?? '-'}`,
    `auth=${tls?.clientAuth?.value ?? '-'}`,
    `key=${key ? `${base(key.file)}:${key.type?.value ?? '?'}${key.passwordRefused ? '+refused' : ''}${key.passwordOpens ? '+opens' : ''}` : '-'}`,
    `trust=${trust?.trustStore ? base(trust.trustStore.file) : (trust?.defaultTrust ?? '-')}`,
    `unknown=${tls?.unknownValues?.join(' ; ') ?? '-'}`,
  ].join(' ');
}

const dockerfile = (from: string, lines: string[]) => [`FROM ${from}`, ...lines, ''].join('\n');

describe('Keycloak HTTPS servers (keycloak.server)', () => {
  it.each<[string, Tree, string[]]>([
    [
      'shoacom shape: ENV in a Dockerfile on the Keycloak image, the store ADDed at the path it names',
      {
        Dockerfile: dockerfile('quay.io/keycloak/keycloak:latest', [
          'ADD keycloak.jks /opt/keycloak/keystore/keycloak.jks',
          'ENV KC_HTTPS_KEY_STORE_FILE=/opt/keycloak/keystore/keycloak.jks \\',
          `    KC_HTTPS_KEY_STORE_PASSWORD=${PASSWORD}`,
          'CMD ["start"]',
        ]),
        'keycloak.jks': store('key.jks'),
      },
      [
        'ports=8443 protocols=TLSv1.3,TLSv1.2(default) suites=- auth=- key=keycloak.jks:JKS+opens trust=jdk-cacerts unknown=-',
      ],
    ],
    [
      'a wrong password in ENV is refused; a CMD argument wins over ENV (the command line comes first)',
      {
        Dockerfile: dockerfile('quay.io/keycloak/keycloak:26.1.2', [
          'COPY keycloak.jks /opt/keycloak/conf/server.jks',
          'ENV KC_HTTPS_KEY_STORE_FILE=/opt/keycloak/conf/server.jks KC_HTTPS_KEY_STORE_PASSWORD=wrong',
          'ENV KC_HTTPS_PROTOCOLS=TLSv1.3',
          'CMD ["start", "--https-protocols=TLSv1.2,TLSv1.1", "--https-port=9443"]',
        ]),
        'keycloak.jks': store('key.jks'),
      },
      [
        'ports=9443 protocols=TLSv1.2,TLSv1.1(file) suites=- auth=- key=keycloak.jks:JKS+refused trust=jdk-cacerts unknown=-',
      ],
    ],
    [
      'conf/keycloak.conf of a distribution on a host: relative paths from its home; client auth, suites, trust store',
      {
        'keycloak/conf/keycloak.conf': [
          'hostname=auth.example.com',
          'https-key-store-file=conf/server.p12',
          `https-key-store-password=${PASSWORD}`,
          'https-trust-store-file=conf/trust.p12',
          'https-client-auth=request',
          'https-cipher-suites=TLS_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
          '',
        ].join('\n'),
        'keycloak/conf/server.p12': store('key.p12'),
        'keycloak/conf/trust.p12': store('trust.p12'),
      },
      [
        'ports=8443 protocols=TLSv1.3,TLSv1.2(default) suites=TLS_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 auth=optional key=server.p12:PKCS12+opens trust=trust.p12 unknown=-',
      ],
    ],
    [
      'Compose environment over keycloak.conf (mounted into the image); the store a bind mount puts in place',
      {
        'docker-compose.yml': [
          'services:',
          '  keycloak:',
          '    image: quay.io/keycloak/keycloak:24.0',
          '    command: start --https-client-auth=required',
          '    environment:',
          '      KC_HTTPS_KEY_STORE_FILE: /opt/keycloak/certs/server.p12',
          `      KC_HTTPS_KEY_STORE_PASSWORD: ${PASSWORD}`,
          '      KC_HTTPS_PROTOCOLS: ${TLS_PROTOCOLS}',
          '    volumes:',
          '      - ./certs:/opt/keycloak/certs',
          '      - ./conf/keycloak.conf:/opt/keycloak/conf/keycloak.conf',
          '',
        ].join('\n'),
        'conf/keycloak.conf': 'https-key-store-file=/etc/other.p12\nhttps-client-auth=none\nhttps-port=8444\n',
        'certs/server.p12': store('key.p12'),
      },
      [
        'ports=8444 protocols=-(-) suites=- auth=required key=server.p12:PKCS12+opens trust=jdk-cacerts unknown=KC_HTTPS_PROTOCOLS=${TLS_PROTOCOLS}',
      ],
    ],
    [
      'PEM files win over a key store; a placeholder path stays unknown, never a refusal',
      {
        Dockerfile: dockerfile('quay.io/keycloak/keycloak:22.0.1', [
          'COPY certs/ /opt/certs/',
          'ENV KC_HTTPS_CERTIFICATE_FILE=/opt/certs/tls.crt KC_HTTPS_CERTIFICATE_KEY_FILE=/opt/certs/tls.key',
          'ENV KC_HTTPS_KEY_STORE_FILE=${STORE}',
        ]),
        'certs/tls.crt': fs.readFileSync(path.resolve(__dirname, '../fixtures/certs/www-san.crt')),
      },
      ['ports=8443 protocols=TLSv1.3,TLSv1.2(default) suites=- auth=- key=tls.crt:PEM trust=jdk-cacerts unknown=-'],
    ],
    [
      'a distribution unpacked on a JDK image that CMD starts with kc.sh (dcm4che/keycloak shape); Compose builds it and its command replaces CMD',
      {
        'kc/Dockerfile': dockerfile('eclipse-temurin:17-jdk', [
          'COPY conf /opt/keycloak/conf/',
          'ENV KC_HTTPS_KEY_STORE_FILE=/opt/keycloak/conf/keystores/key.p12 KC_HTTPS_KEY_STORE_TYPE=PKCS12',
          'CMD ["kc.sh", "start", "--https-port=8843"]',
        ]),
        'kc/conf/keystores/key.p12': store('key.p12'),
        'docker-compose.yml': [
          'services:',
          '  keycloak:',
          '    build: ./kc',
          '    image: example/keycloak:1',
          '    command: ["kc.sh", "start", "--https-port=9843"]',
          '',
        ].join('\n'),
      },
      ['ports=9843 protocols=TLSv1.3,TLSv1.2(default) suites=- auth=- key=key.p12:PKCS12 trust=jdk-cacerts unknown=-'],
    ],
    [
      'a Kubernetes Deployment: args over env, a valueFrom unknown, an envFrom Secret leaves the protocols unknown, one server per Keycloak container (ironhorse shape)',
      {
        'k8s/keycloak.yaml': [
          'apiVersion: apps/v1',
          'kind: Deployment',
          'metadata:',
          '  name: keycloak',
          'spec:',
          '  template:',
          '    spec:',
          '      containers:',
          '        - name: keycloak',
          '          image: quay.io/keycloak/keycloak:24.0.1',
          '          args: ["start", "--https-protocols=TLSv1.2"]',
          '          env:',
          '            - name: KC_HTTPS_PROTOCOLS',
          '              value: TLSv1.3',
          '            - name: KC_HTTPS_CERTIFICATE_FILE',
          '              value: "/opt/keycloak/certs/tls.crt"',
          '            - name: KC_HTTPS_CLIENT_AUTH',
          '              valueFrom:',
          '                configMapKeyRef: { name: kc, key: auth }',
          '        - name: admin',
          '          image: quay.io/keycloak/keycloak:24.0.1',
          '          command:',
          '            - /opt/keycloak/bin/kc.sh',
          '            - start',
          '            - --https-key-store-file=/etc/kc/server.p12',
          '            - --https-port=9443',
          '          envFrom:',
          '            - secretRef: { name: kc-env }',
          '        - name: sidecar',
          '          image: nginx:1.25',
          '          env:',
          '            - name: KC_HTTPS_KEY_STORE_FILE',
          '              value: /x.p12',
          '',
        ].join('\n'),
      },
      [
        'ports=8443 protocols=TLSv1.2(file) suites=- auth=- key=?:PEM trust=jdk-cacerts unknown=KC_HTTPS_CLIENT_AUTH=',
        'ports=9443 protocols=-(-) suites=- auth=- key=?:? trust=jdk-cacerts unknown=https-protocols (its envFrom Secret kc-env is not in the tree: it may set any KC_ variable)',
      ],
    ],
    [
      "Bitnami's KEYCLOAK_HTTPS_* with KEYCLOAK_ENABLE_HTTPS true: the key store pair below KC_HTTPS_*, the port",
      {
        'docker-compose.yml': [
          'services:',
          '  keycloak:',
          '    image: bitnami/keycloak:24.0.5',
          '    environment:',
          '      KEYCLOAK_ENABLE_HTTPS: "true"',
          '      KEYCLOAK_HTTPS_KEY_STORE_FILE: /opt/bitnami/keycloak/certs/keystore.p12',
          '      KEYCLOAK_HTTPS_KEY_STORE_PASSWORD: wrong',
          '      KEYCLOAK_HTTPS_TRUST_STORE_FILE: /opt/bitnami/keycloak/certs/truststore.p12',
          '      KEYCLOAK_HTTPS_CERTIFICATE_FILE: /opt/bitnami/keycloak/certs/tls.crt',
          '      KEYCLOAK_HTTPS_PORT: 9443',
          '      KC_HTTPS_TRUST_STORE_FILE: /opt/bitnami/keycloak/certs/other.p12',
          '    volumes:',
          '      - ./certs:/opt/bitnami/keycloak/certs',
          '',
        ].join('\n'),
        'certs/keystore.p12': store('key.p12'),
        'certs/other.p12': store('trust.p12'),
      },
      [
        'ports=9443 protocols=TLSv1.3,TLSv1.2(default) suites=- auth=- key=keystore.p12:PKCS12+refused trust=other.p12 unknown=-',
      ],
    ],
    [
      "Bitnami's PEM pair when KEYCLOAK_HTTPS_USE_PEM is true (a Kubernetes container, the Helm chart's shape)",
      {
        'kc.yaml': [
          'apiVersion: apps/v1',
          'kind: StatefulSet',
          'metadata:',
          '  name: keycloak',
          'spec:',
          '  template:',
          '    spec:',
          '      containers:',
          '        - name: keycloak',
          '          image: docker.io/bitnami/keycloak:26.0.7-debian-12-r0',
          '          env:',
          '            - name: KEYCLOAK_ENABLE_HTTPS',
          '              value: "yes"',
          '            - name: KEYCLOAK_HTTPS_USE_PEM',
          '              value: "true"',
          '            - name: KEYCLOAK_HTTPS_CERTIFICATE_FILE',
          '              value: /opt/bitnami/keycloak/certs/tls.crt',
          '            - name: KEYCLOAK_HTTPS_KEY_STORE_FILE',
          '              value: /opt/bitnami/keycloak/certs/keystore.jks',
          '',
        ].join('\n'),
      },
      ['ports=8443 protocols=TLSv1.3,TLSv1.2(default) suites=- auth=- key=?:PEM trust=jdk-cacerts unknown=-'],
    ],
    [
      "Bitnami's KEYCLOAK_HTTPS_* without KEYCLOAK_ENABLE_HTTPS true, or on another image, give no server",
      {
        'docker-compose.yml': [
          'services:',
          '  off:',
          '    image: bitnami/keycloak:24',
          '    environment:',
          '      KEYCLOAK_ENABLE_HTTPS: "false"',
          '      KEYCLOAK_HTTPS_KEY_STORE_FILE: /opt/bitnami/keycloak/certs/keystore.p12',
          '  unknown:',
          '    image: bitnami/keycloak:24',
          '    environment:',
          '      KEYCLOAK_ENABLE_HTTPS: ${HTTPS}',
          '      KEYCLOAK_HTTPS_KEY_STORE_FILE: /opt/bitnami/keycloak/certs/keystore.p12',
          '  official:',
          '    image: quay.io/keycloak/keycloak:24.0',
          '    environment:',
          '      KEYCLOAK_ENABLE_HTTPS: "true"',
          '      KEYCLOAK_HTTPS_KEY_STORE_FILE: /opt/keycloak/certs/keystore.p12',
          '',
        ].join('\n'),
      },
      [],
    ],
    [
      'WildFly images (legacy tags, jboss/keycloak) and a start without a certificate make no server',
      {
        'a/Dockerfile': dockerfile('quay.io/keycloak/keycloak:16.1.1', ['ENV KC_HTTPS_KEY_STORE_FILE=/x.jks']),
        'b/Dockerfile': dockerfile('quay.io/keycloak/keycloak:19.0.3-legacy', ['ENV KC_HTTPS_KEY_STORE_FILE=/x.jks']),
        'c/Dockerfile': dockerfile('jboss/keycloak:15.0.2', ['ENV KC_HTTPS_KEY_STORE_FILE=/x.jks']),
        'd/Dockerfile': dockerfile('quay.io/keycloak/keycloak:26.0', ['ENV KC_HOSTNAME=auth.example.com']),
      },
      [],
    ],
  ])('%s', (_name, files, expected) => {
    expect(servers(files).map(summary)).toEqual(expected);
  });
});
