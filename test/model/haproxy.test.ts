import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import type { Component } from '../../src/model/types';
import { writeTree, type Tree } from '../helpers/rule-tester';

function components(files: Tree): Component[] {
  const root = writeTree(files);
  try {
    const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
    return result.deployments[0].components.filter((c) => c.type.startsWith('haproxy.'));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** What a test compares of an HAProxy end. */
function summary(c: Component) {
  const line = (from: { kind: string; location?: { range?: { start: { line: number } } } } | undefined) =>
    from?.kind === 'file' ? `line ${(from.location?.range?.start.line ?? -1) + 1}` : from?.kind;
  const openssl = 'openssl' in c.attributes ? c.attributes.openssl : undefined;
  const common = {
    type: c.type,
    protocols: c.tls?.protocols?.value.join(' '),
    protocolsFrom: line(c.tls?.protocols?.from),
    alternative: c.tls?.protocolsAlternative?.value.join(' '),
    suites: c.tls?.cipherSuites?.value.length,
    suitesFrom: line(c.tls?.cipherSuites?.from),
    certificate: c.tls?.certificate?.file,
    unknown: c.tls?.unknownValues,
    openssl: openssl
      ? `${openssl.series}${openssl.assumed ? ' assumed' : ` from ${path.basename(openssl.at?.file ?? '')}`}`
      : undefined,
  };
  if (c.type === 'haproxy.bind')
    return {
      ...common,
      ports: c.attributes.tlsPorts,
      serverOrder: c.tls?.serverOrderWins?.value,
      auth: c.tls?.clientAuth?.value,
    };
  if (c.type === 'haproxy.server')
    return {
      ...common,
      verify: c.attributes.verify.value,
      verifyFrom: line(c.attributes.verify.from),
      ca: c.attributes.caFile?.value,
      urls: c.attributes.urls.map((u) => u.url),
    };
  throw new Error(c.type);
}

const cfg = (...lines: string[]) => ({ 'lb/haproxy.cfg': lines.join('\n') + '\n' });

const TOMCAT = `<Server><Service name="Catalina">
  <Connector port="8443" protocol="org.apache.coyote.http11.Http11NioProtocol" SSLEnabled="true">
    <SSLHostConfig><Certificate certificateKeystoreFile="conf/ks.p12" /></SSLHostConfig>
  </Connector>
</Service></Server>
`;

describe('HAProxy servers linked to the servers of the tree', () => {
  it('links a server line to the TLS server on its host directory and port; a plain line and another port to none', () => {
    const root = writeTree({
      'lb/haproxy.cfg':
        'backend app\n  server a1 tomcat:8443 ssl verify none\n  server a2 tomcat:8080 ssl verify none\n  server a3 tomcat:8443 check\n',
      'tomcat/conf/server.xml': TOMCAT,
    });
    try {
      const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
      const deployment = result.deployments[0];
      expect(deployment.links.map((l) => `${l.client} -> ${l.server}`)).toEqual([
        'haproxy.server:lb/haproxy.cfg:backend app:a1 -> tomcat.connector:tomcat/conf/server.xml:8443',
      ]);
      const a1 = deployment.components.find((c) => c.id === 'haproxy.server:lb/haproxy.cfg:backend app:a1');
      expect(a1?.tls?.trust?.verifiesPeer?.value).toBe(false);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('HAProxy binds as the servers of URL clients', () => {
  it('links a Java client to the ssl bind on its host directory and port (its DNS name too), not to a plain bind', () => {
    const root = writeTree({
      'app/application.yml':
        'orders:\n  api: https://lb:8443/orders\n  web: https://lb:8080/\n  edge: https://edge.example.internal:9443/\n',
      'lb/haproxy.cfg':
        'frontend f\n  bind *:8443 ssl crt /etc/ssl/lb.pem\n  bind *:8080\n  bind edge.example.internal:9443 ssl crt /etc/ssl/lb.pem\n',
    });
    try {
      const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
      const deployment = result.deployments[0];
      expect(deployment.links.map((l) => `${l.client} -> ${l.server}`).sort()).toEqual([
        'java.app:app -> haproxy.bind:lb/haproxy.cfg:frontend f:*:8443:2',
        'java.app:app -> haproxy.bind:lb/haproxy.cfg:frontend f:edge.example.internal:9443:4',
      ]);
      // The client's JDK is not in the tree: the link's outcome is unknown and says so.
      const toBind = deployment.derived.predictions.find((p) => p.link.server.endsWith(':*:8443:2'));
      expect(toBind?.outcome).toMatchObject({
        kind: 'unknown',
        missing: [expect.stringContaining('the JDK that runs')],
      });
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('HAProxy binds and servers as TLS ends', () => {
  it.each<[string, Tree, Partial<ReturnType<typeof summary>>[]]>([
    [
      'a bind without versions: TLSv1.2+ (2.2+) with the pre-2.2 list as the alternative; OpenSSL DEFAULT; server order',
      cfg('frontend web', '  bind *:443,:8443 ssl crt /etc/ssl/site.pem', '  bind *:80'),
      [
        {
          type: 'haproxy.bind',
          ports: [443, 8443],
          protocols: 'TLSv1.2 TLSv1.3',
          protocolsFrom: 'default',
          alternative: 'TLSv1 TLSv1.1 TLSv1.2 TLSv1.3',
          suitesFrom: 'default',
          serverOrder: true,
          certificate: '/etc/ssl/site.pem',
        },
      ],
    ],
    [
      'global ssl-default-bind-options no-sslv3 and the haproxy:2.8 image: the floor applies, no alternative',
      {
        ...cfg('global', '  ssl-default-bind-options no-sslv3', 'frontend web', '  bind :443 ssl crt site.pem'),
        'lb/Dockerfile': 'FROM haproxy:2.8\nCOPY haproxy.cfg /usr/local/etc/haproxy/\n',
      },
      [{ protocols: 'TLSv1.2 TLSv1.3', protocolsFrom: 'default', alternative: undefined }],
    ],
    [
      'haproxy:2.0 with no-tlsv10: before the floor, the flags decide (from the file)',
      {
        ...cfg(
          'global',
          '  ssl-default-bind-options no-sslv3 no-tlsv10',
          'frontend web',
          '  bind :443 ssl crt site.pem',
        ),
        'lb/Dockerfile': 'FROM haproxy:2.0\n',
      },
      [{ protocols: 'TLSv1.1 TLSv1.2 TLSv1.3', protocolsFrom: 'line 2', alternative: undefined }],
    ],
    [
      'the bind ssl-min-ver wins over the global one; the flags are then ignored; crt-base joins; verify; prefer-client-ciphers',
      cfg(
        'global',
        '  crt-base /etc/haproxy/certs',
        '  ssl-default-bind-options ssl-min-ver TLSv1.2 no-tlsv13',
        '  ssl-default-bind-ciphers ECDHE-RSA-AES128-GCM-SHA256:AES128-SHA',
        'listen https',
        '  bind :443 ssl crt site.pem ssl-min-ver TLSv1.0 verify required ca-file ca.pem prefer-client-ciphers',
      ),
      [
        {
          protocols: 'TLSv1 TLSv1.1 TLSv1.2 TLSv1.3',
          protocolsFrom: 'line 6',
          alternative: undefined,
          suites: 2,
          suitesFrom: 'line 4',
          serverOrder: false,
          auth: 'required',
          certificate: '/etc/haproxy/certs/site.pem',
        },
      ],
    ],
    [
      'a placeholder version or cipher string is unknown, never guessed',
      cfg('frontend web', '  bind :443 ssl crt site.pem ssl-min-ver "${MIN_TLS}" ciphers "${CIPHERS}"'),
      [
        {
          protocols: undefined,
          suites: undefined,
          unknown: ['the protocol versions (ssl-min-ver/ssl-max-ver)', 'the cipher suites (ciphers, ciphersuites)'],
        },
      ],
    ],
    [
      'servers: default-server ssl of defaults and backend, no-ssl undoes it, verify required by default, global ssl-server-verify none',
      cfg(
        'defaults',
        '  default-server ssl',
        'backend app',
        '  default-server ca-file /etc/ssl/ca.pem',
        '  server app1 tomcat:8443 check',
        '  server app2 10.0.0.2:8080 no-ssl',
        '  server app3 tomcat:8443 verify none ssl-min-ver TLSv1.2 ciphers AES128-SHA',
      ),
      [
        {
          type: 'haproxy.server',
          verify: 'required',
          verifyFrom: 'default',
          ca: '/etc/ssl/ca.pem',
          urls: ['https://tomcat:8443'],
          protocols: undefined,
          suitesFrom: 'default',
        },
        {
          verify: 'none',
          verifyFrom: 'line 7',
          protocols: 'TLSv1.2 TLSv1.3',
          protocolsFrom: 'line 7',
          suites: 1,
        },
      ],
    ],
    [
      'global ssl-server-verify none applies to servers without their own verify',
      cfg(
        'global',
        '  ssl-server-verify none',
        'backend app',
        '  server app1 [::1]:8443 ssl',
        '  server app2 ${HOST}:443 ssl',
      ),
      [
        { verify: 'none', verifyFrom: 'line 2', urls: ['https://[::1]:8443'] },
        { verify: 'none', urls: [] },
      ],
    ],
    [
      "PROFILE=SYSTEM (Fedora/RHEL crypto policy) is unknown, never 'no cipher match'",
      cfg('global', '  ssl-default-bind-ciphers PROFILE=SYSTEM', 'frontend web', '  bind :443 ssl crt site.pem'),
      [{ suites: undefined, unknown: ['the cipher suites (ciphers, ciphersuites)'] }],
    ],
    [
      'ciphersuites: the TLS 1.3 suites first, from the line or the global default; a placeholder or a TLS 1.2 name is unknown',
      cfg(
        'global',
        '  ssl-default-server-ciphersuites TLS_AES_256_GCM_SHA384',
        'frontend web',
        '  bind :443 ssl crt site.pem ciphers ECDHE-RSA-AES128-GCM-SHA256 ciphersuites TLS_AES_128_CCM_SHA256',
        '  bind :8443 ssl crt site.pem ciphersuites "${SUITES}"',
        '  bind :9443 ssl crt site.pem ciphersuites ECDHE-RSA-AES128-GCM-SHA256',
        'backend app',
        '  server app1 app:8443 ssl verify none ciphers ECDHE-RSA-AES128-GCM-SHA256',
      ),
      [
        { suites: 2, suitesFrom: 'line 4', unknown: undefined },
        { suites: undefined, unknown: ['the cipher suites (ciphers, ciphersuites)'] },
        { suites: undefined, unknown: ['the cipher suites (ciphers, ciphersuites)'] },
        { suites: 2, suitesFrom: 'line 8', unknown: undefined },
      ],
    ],
  ])('%s', (_name, files, expected) => {
    const seen = components(files).map(summary);
    expect(seen).toHaveLength(expected.length);
    expected.forEach((e, i) => expect(seen[i]).toMatchObject(e));
  });
});

/** A bind of lb/haproxy.cfg, with a Compose file beside the lb directory. */
const BIND = cfg('frontend web', '  bind :443 ssl crt /usr/local/etc/haproxy/site.pem');
const composed = (compose: string) => ({ ...BIND, 'docker-compose.yml': compose });

describe('the OpenSSL of an HAProxy configuration', () => {
  it.each<[string, Record<string, string>, object]>([
    [
      'the Compose image of the service that bind-mounts the file (haproxy:2.5 → bullseye → OpenSSL 1.1.1)',
      composed(
        'services:\n  lb:\n    image: haproxy:2.5\n    volumes:\n      - ./lb/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro\n',
      ),
      { openssl: '1.1.1 from docker-compose.yml', protocols: 'TLSv1.2 TLSv1.3' },
    ],
    [
      'the service mounts the directory above the file (haproxy:2.1-alpine → Alpine 3.10-3.13 → OpenSSL 1.1.1)',
      composed('services:\n  lb:\n    image: haproxy:2.1-alpine\n    volumes:\n      - ./lb:/usr/local/etc/haproxy\n'),
      { openssl: '1.1.1 from docker-compose.yml' },
    ],
    [
      'a Compose version 1 file (services at the root, as remiq/nginx-ssl-client): the same',
      composed('lb:\n  image: haproxy:2.5\n  ports:\n    - "443:443"\n  volumes:\n    - ./lb:/usr/local/etc/haproxy\n'),
      { openssl: '1.1.1 from docker-compose.yml' },
    ],
    [
      'a service that builds its image names the built image, not its base: assumed',
      composed(
        'services:\n  lb:\n    build: ./lb\n    image: haproxy:2.5\n    volumes:\n      - ./lb:/usr/local/etc/haproxy\n',
      ),
      { openssl: '3 assumed' },
    ],
    [
      'an haproxy image that mounts another file: assumed',
      composed(
        'services:\n  lb:\n    image: haproxy:2.5\n    volumes:\n      - ./other.cfg:/usr/local/etc/haproxy/haproxy.cfg\n',
      ),
      { openssl: '3 assumed' },
    ],
    [
      'a tag rebuilt across OpenSSL series (haproxy:2.8: bullseye 1.1.1, then bookworm and trixie 3.x): assumed',
      composed('services:\n  lb:\n    image: haproxy:2.8\n    volumes:\n      - ./lb:/usr/local/etc/haproxy\n'),
      { openssl: '3 assumed' },
    ],
    [
      'two services mount it with different images: which runs it is not known, assumed',
      composed(
        'services:\n  a:\n    image: haproxy:2.5\n    volumes:\n      - ./lb:/usr/local/etc/haproxy\n  b:\n    image: haproxy:3.2\n    volumes:\n      - ./lb:/usr/local/etc/haproxy\n',
      ),
      { openssl: '3 assumed' },
    ],
  ])('%s', (_name, files, expected) => {
    const seen = components(files).map(summary);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject(expected);
  });
});
