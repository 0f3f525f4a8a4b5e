import * as fs from 'node:fs';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import type { Component } from '../../src/model/types';
import { writeTree, type Tree } from '../helpers/rule-tester';

interface Seen {
  proxies: Component[];
  links: string[];
}

function model(files: Tree, links: { client: string; server: string }[] = []): Seen {
  const root = writeTree(files);
  try {
    const config = { ...defaultConfig(root), links };
    const result = lint({ paths: [root], cwd: root, config });
    const deployment = result.deployments[0];
    return {
      proxies: deployment.components.filter((c) => c.type === 'nginx.proxy'),
      links: deployment.links.map((l) => `${l.client} -> ${l.server}`).sort(),
    };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** What a test compares of a proxy: its id, where its lists come from, and its targets. */
function summary(c: Component) {
  if (c.type !== 'nginx.proxy') throw new Error(c.type);
  const line = (from: { kind: string; location?: { range?: { start: { line: number } } } } | undefined) =>
    from?.kind === 'file' ? `line ${(from.location?.range?.start.line ?? -1) + 1}` : from?.kind;
  return {
    id: c.id,
    protocols: c.tls?.protocols?.value.join(' '),
    protocolsFrom: line(c.tls?.protocols?.from),
    alternative: c.tls?.protocolsAlternative?.value.join(' '),
    firstSuite: c.tls?.cipherSuites?.value[0],
    suitesFrom: line(c.tls?.cipherSuites?.from),
    verify: c.attributes.verify.value,
    sni: c.attributes.serverName.value,
    urls: c.attributes.urls.map((u) => u.url),
    unresolved: c.attributes.unresolvedTarget?.written,
    certificate: c.tls?.certificate?.file,
    trusted: c.tls?.trust?.trustStore?.path.value,
    verifiesPeer: c.tls?.trust?.verifiesPeer?.value,
  };
}

const TOMCAT = `<Server><Service name="Catalina">
  <Connector port="8443" protocol="org.apache.coyote.http11.Http11NioProtocol" SSLEnabled="true">
    <SSLHostConfig><Certificate certificateKeystoreFile="conf/ks.p12" /></SSLHostConfig>
  </Connector>
</Service></Server>
`;

describe('nginx.proxy: proxy_pass https as a TLS client', () => {
  it.each<[string, Tree, Partial<ReturnType<typeof summary>>[]]>([
    [
      'defaults: newest nginx protocols with the oldest as the alternative, DEFAULT ciphers, verify and SNI off',
      {
        'gw/nginx.conf':
          'http {\n  server {\n    listen 80;\n    location / {\n      proxy_pass https://app:8443/api/;\n    }\n  }\n}\n',
      },
      [
        {
          id: 'nginx.proxy:gw/nginx.conf:5',
          protocols: 'TLSv1.2 TLSv1.3',
          protocolsFrom: 'default',
          alternative: 'TLSv1 TLSv1.1 TLSv1.2',
          suitesFrom: 'default',
          verify: false,
          sni: false,
          urls: ['https://app:8443'],
          verifiesPeer: false,
        },
      ],
    ],
    [
      'the image names nginx 1.20 (before 1.23.4): its default, settled',
      {
        'gw/nginx.conf':
          'http {\n  server {\n    listen 80;\n    location / { proxy_pass https://app:8443; }\n  }\n}\n',
        'gw/Dockerfile': 'FROM nginx:1.20\n',
      },
      [{ protocols: 'TLSv1 TLSv1.1 TLSv1.2', protocolsFrom: 'default', alternative: undefined }],
    ],
    [
      'the image names nginx 1.27 without its patch release: 1.27.0-1.27.2 and 1.27.3+ differ',
      {
        'gw/nginx.conf':
          'http {\n  server {\n    listen 80;\n    location / { proxy_pass https://app:8443; }\n  }\n}\n',
        'gw/Dockerfile': 'FROM nginx:1.27-alpine\n',
      },
      [{ protocols: 'TLSv1.2 TLSv1.3', alternative: 'TLSv1 TLSv1.1 TLSv1.2 TLSv1.3' }],
    ],
    [
      'inherited http → server → location, the innermost level wins',
      {
        'gw/nginx.conf':
          'http {\n  proxy_ssl_protocols TLSv1.2;\n  proxy_ssl_ciphers ECDHE-RSA-AES128-GCM-SHA256;\n  server {\n    listen 443 ssl;\n    proxy_ssl_protocols TLSv1.3;\n    location /a { proxy_pass https://a.example.internal; }\n    location /b {\n      proxy_ssl_protocols TLSv1.1 TLSv1.2;\n      proxy_ssl_verify on;\n      proxy_ssl_trusted_certificate ca.pem;\n      proxy_ssl_server_name on;\n      proxy_pass https://b:9443;\n    }\n  }\n}\n',
      },
      [
        {
          id: 'nginx.proxy:gw/nginx.conf:7',
          protocols: 'TLSv1.3',
          protocolsFrom: 'line 6',
          alternative: undefined,
          firstSuite: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
          suitesFrom: 'line 3',
          verify: false,
          urls: ['https://a.example.internal:443'],
        },
        {
          id: 'nginx.proxy:gw/nginx.conf:13',
          protocols: 'TLSv1.1 TLSv1.2',
          protocolsFrom: 'line 9',
          verify: true,
          sni: true,
          urls: ['https://b:9443'],
          trusted: 'ca.pem',
          verifiesPeer: true,
        },
      ],
    ],
    [
      'an upstream block: each server entry (80 by default, `down` left out); a variable target is unresolved',
      {
        'gw/nginx.conf':
          'http {\n  upstream backend {\n    server app1:8443;\n    server app2 backup;\n    server app3:8443 down;\n  }\n  server {\n    listen 80;\n    location / { proxy_pass https://backend; }\n    location /x { proxy_pass https://$target; }\n    location /y { proxy_pass http://plain:8080; }\n  }\n}\n',
      },
      [
        { id: 'nginx.proxy:gw/nginx.conf:9', urls: ['https://app1:8443', 'https://app2:80'] },
        { id: 'nginx.proxy:gw/nginx.conf:10', urls: [], unresolved: 'https://$target' },
      ],
    ],
    [
      'grpc_pass grpcs and a stream proxy with proxy_ssl on; a client certificate',
      {
        'gw/nginx.conf':
          'http {\n  server {\n    listen 443 ssl http2;\n    location / {\n      grpc_ssl_certificate client.pem;\n      grpc_pass grpcs://grpc:50051;\n    }\n  }\n}\nstream {\n  server {\n    listen 9000;\n    proxy_ssl on;\n    proxy_ssl_protocols TLSv1.2;\n    proxy_pass mq:1414;\n  }\n  server {\n    listen 9001;\n    proxy_pass plain:1414;\n  }\n}\n',
      },
      [
        { id: 'nginx.proxy:gw/nginx.conf:6', urls: ['https://grpc:50051'], certificate: 'client.pem' },
        { id: 'nginx.proxy:gw/nginx.conf:15', urls: ['https://mq:1414'], protocols: 'TLSv1.2' },
      ],
    ],
  ])('%s', (_name, files, expected) => {
    const { proxies } = model(files);
    const seen = proxies.map(summary).sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
    expect(seen).toHaveLength(expected.length);
    expected.forEach((want, i) => expect(seen[i]).toMatchObject(want));
  });

  it('never links a proxy to the server block it is in (wso2/docker-apim@2d7eb98 pattern-4/nginx-lan2: server_name gateway-worker-2 proxies to the host of that name)', () => {
    const conf =
      'http {\n  upstream ssl.gateway-worker-2 {\n    server gateway-worker-2:8243;\n  }\n  server {\n    listen 8243;\n    server_name gateway-worker-2;\n    ssl on;\n    location / { proxy_pass https://ssl.gateway-worker-2; }\n  }\n  server {\n    listen 8243 ssl;\n    server_name other;\n  }\n}\n';
    expect(model({ 'lan2/nginx.conf': conf }).links).toEqual([]);
    // Another server block of the same nginx that answers to the name and port is reached.
    const named = conf.replace('server_name other', 'server_name gateway-worker-2');
    expect(model({ 'lan2/nginx.conf': named }).links).toEqual([
      'nginx.proxy:lan2/nginx.conf:9 -> nginx.server:lan2/nginx.conf:gateway-worker-2:8243#2',
    ]);
  });

  it('builds no TLS client and no link for a plain pass, whatever proxy_ssl_* apply to it and whatever the port serves', () => {
    // Measured with nginx 1.22.1: proxy_pass http://… with proxy_ssl_* sends plain HTTP, to an upstream{} too.
    const found = model({
      'gw/nginx.conf':
        'http {\n  upstream javaapp { server app:8443; }\n  server {\n    listen 80;\n    proxy_ssl_verify on;\n    proxy_ssl_trusted_certificate ca.pem;\n    location /a/ { proxy_pass http://app:8443; }\n    location /b/ { proxy_pass http://javaapp; }\n    location /c/ { grpc_pass app:8443; }\n  }\n}\n',
      'app/conf/server.xml': TOMCAT,
    });
    expect(found).toEqual({ proxies: [], links: [] });
  });

  it('links a proxy to the server that listens on the target host directory and port, and config links name the rest', () => {
    const files: Tree = {
      'gw/nginx.conf':
        'http {\n  server {\n    listen 80;\n    location / { proxy_pass https://app:8443; }\n    location /v { proxy_pass https://$backend; }\n  }\n}\n',
      'app/conf/server.xml': TOMCAT,
      'other/conf/server.xml': TOMCAT,
    };
    const found = model(files);
    expect(found.links).toEqual(['nginx.proxy:gw/nginx.conf:4 -> tomcat.connector:app/conf/server.xml:8443']);
    const declared = model(files, [
      { client: 'nginx.proxy:gw/nginx.conf:5', server: 'tomcat.connector:other/conf/server.xml:8443' },
    ]);
    expect(declared.links).toEqual([
      'nginx.proxy:gw/nginx.conf:4 -> tomcat.connector:app/conf/server.xml:8443',
      'nginx.proxy:gw/nginx.conf:5 -> tomcat.connector:other/conf/server.xml:8443',
    ]);
  });
});
