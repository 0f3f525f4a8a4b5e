/**
 * Spring Boot apps that Docker Compose runs from an image only, configured by the service's environment
 * (src/model/spring-image-services.ts): which services become a Spring Boot HTTPS server, with which names, port, JDK
 * and stores.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import type { SpringServerComponent } from '../../src/model/types';
import { writeTree, type Tree } from '../helpers/rule-tester';

const P12 = fs.readFileSync(path.join(__dirname, '../fixtures/quarkus/server_cert.p12'));

/** The Spring Boot HTTPS servers of the tree, and the tree's root (`java`: the config's "java" declaration). */
function servers(files: Tree, java?: { version: string }): { root: string; found: SpringServerComponent[] } {
  const root = writeTree(files);
  const result = lint({ paths: [root], cwd: root, config: { ...defaultConfig(root), ...(java && { java }) } });
  const found = result.deployments.flatMap((d) =>
    d.components.filter((c): c is SpringServerComponent => c.type === 'spring.server'),
  );
  return { root, found };
}

/** A Compose file with one service `api` of this image, these `environment:` lines and these extra service lines. */
const compose = (image: string, environment: string[], more: string[] = []) =>
  [
    'services:',
    '  api:',
    `    image: ${image}`,
    ...more.map((l) => `    ${l}`),
    '    environment:',
    ...environment.map((e) => `      ${e}`),
    '',
  ].join('\n');

const KEY_STORE = ['SERVER_SSL_KEY_STORE: /certs/server.p12', 'SERVER_SSL_KEY_STORE_TYPE: PKCS12'];

describe('a Compose service that only names an image is a Spring Boot HTTPS server when its environment says so', () => {
  test.each<[string, string, number]>([
    [
      'a key store and a port',
      compose('registry.example.com/orders-api:1.4', [...KEY_STORE, 'SERVER_PORT: "8443"']),
      1,
    ],
    ["no SERVER_PORT: Spring Boot's default port", compose('orders-api:1.4', KEY_STORE), 1],
    [
      'an SSL bundle handed to the server',
      compose('orders-api', [
        'SERVER_SSL_BUNDLE: web',
        'SPRING_SSL_BUNDLE_JKS_WEB_KEYSTORE_LOCATION: /certs/server.p12',
      ]),
      1,
    ],
    [
      'the list form of environment',
      'services:\n  api:\n    image: orders-api\n    environment:\n      - SERVER_SSL_KEY_STORE=/certs/server.p12\n',
      1,
    ],
    [
      'a --server.ssl.* argument of its command',
      'services:\n  api:\n    image: orders-api\n    command: ["--server.ssl.key-store=/certs/server.p12"]\n',
      1,
    ],
    [
      'SERVER_SSL_ENABLED=false: no TLS server',
      compose('orders-api', [...KEY_STORE, 'SERVER_SSL_ENABLED: "false"']),
      0,
    ],
    ['SERVER_PORT alone is not Spring', compose('orders-api', ['SERVER_PORT: "8443"']), 0],
    [
      "Kibana's SERVER_SSL_* names (server.ssl.key is no Spring setting)",
      compose('acme/dashboard:8', [
        'SERVER_SSL_ENABLED: "true"',
        'SERVER_SSL_CERTIFICATE: /c/t.crt',
        'SERVER_SSL_KEY: /c/t.key',
      ]),
      0,
    ],
    [
      'enabled and a certificate alone: names other products use too',
      compose('acme/app', ['SERVER_SSL_ENABLED: "true"', 'SERVER_SSL_CERTIFICATE: /c/t.crt']),
      0,
    ],
    [
      'an image lint-deploy models as a product (Kibana)',
      compose('docker.elastic.co/kibana/kibana:8.11.0', KEY_STORE),
      0,
    ],
    ['an image lint-deploy models as a product (Tomcat)', compose('tomcat:10.1-jdk17', KEY_STORE), 0],
    [
      "a service built from the tree is the Java app contributor's",
      compose('orders-api', KEY_STORE, ['build: ./api']),
      0,
    ],
    [
      'an image a build of the tree names (another service builds it)',
      `${compose('acme/orders:1.0', KEY_STORE)}  orders-build:\n    build: ./config\n    image: acme/orders:1.0\n`,
      0,
    ],
    [
      "Spring files of the tree mounted into its container: the Java app contributor's app",
      compose('orders-api', KEY_STORE, ['volumes:', '  - ./config:/config:ro']),
      0,
    ],
  ])('%s', (_name, text, count) => {
    const files = {
      'docker-compose.yml': text,
      'config/application.yml': 'spring:\n  application:\n    name: orders\n',
    };
    expect(servers(files).found).toHaveLength(count);
  });
});

describe('the server of such a service', () => {
  it('answers to the names Compose gives its containers, on SERVER_PORT', () => {
    const { found } = servers({
      'docker-compose.yml': compose(
        'orders-api',
        [...KEY_STORE, 'SERVER_PORT: "8443"'],
        [
          'container_name: orders-1',
          'hostname: Orders.Internal',
          'networks:',
          '  backend:',
          '    aliases: [orders, api.backend]',
        ],
      ),
    });
    expect(found.map((s) => [s.attributes.hostnames, s.attributes.tlsPorts])).toEqual([
      [['api', 'orders-1', 'orders.internal', 'orders', 'api.backend'], [8443]],
    ]);
  });

  it("listens on Spring Boot's default port 8080 without SERVER_PORT, and on none the tree knows when the shell sets it", () => {
    expect(servers({ 'docker-compose.yml': compose('orders-api', KEY_STORE) }).found[0]?.attributes.tlsPorts).toEqual([
      8080,
    ]);
    const set = servers({ 'docker-compose.yml': compose('orders-api', [...KEY_STORE, 'SERVER_PORT: ${PORT}']) });
    expect(set.found[0]?.attributes.tlsPorts).toEqual([]);
  });

  it('runs the JDK the knowledge base knows for its image, else an unknown one', () => {
    const known = servers({ 'docker-compose.yml': compose('eclipse-temurin:17-jre', KEY_STORE) }).found[0];
    expect(known?.runtime?.vendor.value).toBe('temurin');
    expect(servers({ 'docker-compose.yml': compose('orders-api', KEY_STORE) }).found[0]?.runtime).toBeUndefined();
  });

  it('runs a JDK the config declares when its image names none, never one found in the tree', () => {
    const declared = servers({ 'docker-compose.yml': compose('orders-api', KEY_STORE) }, { version: '17.0.9' });
    expect(declared.found[0]?.runtime?.version.value).toBe('17.0.9');
    const release = 'JAVA_VERSION="11.0.2"\nIMPLEMENTOR="Eclipse Adoptium"\n';
    const inTree = servers({ 'docker-compose.yml': compose('orders-api', KEY_STORE), 'jdk/release': release });
    expect(inTree.found[0]?.runtime).toBeUndefined();
  });

  it('reads its key store through its own bind mounts', () => {
    const { root, found } = servers({
      'docker-compose.yml': compose('orders-api', KEY_STORE, ['volumes:', '  - ./tls:/certs:ro']),
      'tls/server.p12': P12,
    });
    const tls = found[0]?.tls;
    expect(tls?.certificate?.file).toBe(path.join(root, 'tls/server.p12'));
    expect(tls?.trust?.keyStore?.file).toBe(path.join(root, 'tls/server.p12'));
    expect(tls?.trust?.keyStore?.mountedAt?.file).toBe(path.join(root, 'docker-compose.yml'));
  });

  it('leaves a store no mount of the tree puts there unknown, even when a tree file shares its name', () => {
    const { found } = servers({
      'docker-compose.yml': compose('orders-api', KEY_STORE),
      'other/certs/server.p12': P12,
    });
    expect(found).toHaveLength(1);
    expect(found[0]?.tls?.certificate?.file).toBeUndefined();
    expect(found[0]?.tls?.trust?.keyStore?.file).toBeUndefined();
  });

  it('names a store a mount brings from outside the tree as such', () => {
    const { found } = servers({
      'docker-compose.yml': compose('orders-api', KEY_STORE, ['volumes:', '  - /etc/ssl/orders:/certs:ro']),
    });
    expect(found[0]?.tls?.trust?.keyStore?.mountedFromOutside).toBeDefined();
    expect(found[0]?.tls?.trust?.keyStore?.file).toBeUndefined();
  });

  it("takes compose.override.yaml's environment over compose.yaml's", () => {
    const { found } = servers({
      'compose.yaml': compose('orders-api', [...KEY_STORE, 'SERVER_SSL_ENABLED_PROTOCOLS: TLSv1.2']),
      'compose.override.yaml': 'services:\n  api:\n    environment:\n      SERVER_SSL_ENABLED_PROTOCOLS: TLSv1.3\n',
    });
    expect(found.map((s) => s.tls?.protocols?.value)).toEqual([['TLSv1.3']]);
  });
});
