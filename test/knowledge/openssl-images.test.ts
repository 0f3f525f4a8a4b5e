/** The OpenSSL a server image runs (src/knowledge/data/openssl-servers.json `images`), and the nginx model using it. */
import * as fs from 'node:fs';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { opensslFromImage, opensslSeriesOf } from '../../src/knowledge/openssl';
import { isNginx } from '../../src/model/types';
import { writeTree } from '../helpers/rule-tester';

describe('opensslFromImage', () => {
  it.each([
    ['nginx:1.14', '1.1.0', '1.1.0l'],
    ['nginx:1.14.2-alpine', '1.1.1', '1.1.1'],
    ['nginx:1.10.3', '1.0.2', '1.0.1t'],
    // The 2014 images were FROM debian:wheezy (nginxinc/docker-nginx@66d3b5a), not OpenSSL 3 (RnbWd/nginx-ssl-proxy).
    ['nginx:1.7.7', '1.0.2', '1.0.1e'],
    ['nginx:1.18-perl', '1.1.1', '1.1.1n'],
    ['nginx:1.25.3', '3', '3.0'],
    ['docker.io/library/nginx:1.21-alpine', '1.1.1', '1.1.1'],
    ['debian:stretch-slim', '1.1.0', '1.1.0l'],
    ['debian:12', '3', '3.0'],
    ['ubuntu:16.04', '1.0.2', '1.0.2g'],
    ['ubuntu:22.04', '3', '3.0.2'],
    ['alpine:3.9.6', '1.1.1', '1.1.1'],
    ['centos:7', '1.0.2', '1.0.2k'],
    ['haproxy:2.5', '1.1.1', '1.1.1w'],
    ['haproxy:2.3-alpine', '1.1.1', '1.1.1'],
    ['haproxy:3.2', '3', '3.0 or 3.5'],
    ['haproxy:3.4.1', '3', '3.5'],
    // docker-library/httpd: a release's tag was built on the base of its time (2.4.62: bookworm; 2.4.66: trixie).
    ['httpd:2.4.62', '3', '3.0'],
    ['httpd:2.4.66', '3', '3.5'],
    ['httpd:2.4.48', '1.1.1', '1.1.1n'],
    ['httpd:2.4-bookworm', '3', '3.0'],
    ['httpd:2.4.55-alpine', '3', '3.0'],
  ])('%s runs OpenSSL %s (%s)', (image, series, release) => {
    const found = opensslFromImage(image);
    expect(found?.facts.series).toBe(series);
    expect(found?.release).toBe(release);
    expect(found?.source).toMatch(/https:\/\//);
  });
  it.each([
    'haproxy:2.8',
    'haproxy:2.6',
    'haproxy:3.0-alpine',
    'haproxy:lts',
    'haproxy:9.9',
    // Built on bullseye, then bookworm (1.1.1, then 3.0); every release since jessie; a release not in the data.
    'httpd:2.4.57',
    'httpd:2.4',
    'httpd:latest',
    'httpd',
    'httpd:2.4.99',
  ])(
    '%s: rebuilt across OpenSSL series (bullseye 1.1.1, then bookworm 3.0), a base outside the data, or no version: undefined',
    (image) => {
      expect(opensslFromImage(image)).toBeUndefined();
    },
  );
  it.each(['nginx:latest', 'nginx:stable', 'nginx:mainline-alpine', 'nginx', 'nginx:1.99', 'nginx:1.7-alpine'])(
    '%s: no version, undefined',
    (image) => {
      expect(opensslFromImage(image)).toBeUndefined();
    },
  );
  it('version strings: 1.1.0 is its own series (no TLS 1.3), 1.1.1 and 3 speak TLS 1.3', () => {
    expect(opensslSeriesOf('1.1.0l')?.series).toBe('1.1.0');
    expect(opensslSeriesOf('1.1.0l')?.tls13).toBe(false);
    expect(opensslSeriesOf('1.0.2u')?.tls13).toBe(false);
    expect(opensslSeriesOf('1.1.1w')?.tls13).toBe(true);
    expect(opensslSeriesOf('3.0.13')?.tls13).toBe(true);
  });
});

describe('HAProxy OpenSSL from the Dockerfile beside it', () => {
  const cfg =
    'frontend web\n  bind :443 ssl crt /usr/local/etc/haproxy/site.pem ciphers DES-CBC3-SHA:ECDHE-RSA-AES128-GCM-SHA256\n';
  function bind(files: Record<string, string>) {
    const root = writeTree(files);
    try {
      const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
      const component = result.deployments[0]?.components.find((c) => c.type === 'haproxy.bind');
      return { component, findings: result.findings.map((f) => f.ruleId) };
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  }
  it('FROM haproxy:2.5: Debian bullseye OpenSSL 1.1.1, which knows DES-CBC3-SHA', () => {
    const { component, findings } = bind({ 'lb/Dockerfile': 'FROM haproxy:2.5\n', 'lb/haproxy.cfg': cfg });
    expect(component?.type === 'haproxy.bind' && component.attributes.openssl).toMatchObject({
      series: '1.1.1',
      assumed: false,
    });
    expect(component?.tls?.cipherSuites?.value).toContain('TLS_RSA_WITH_3DES_EDE_CBC_SHA');
    expect(findings).not.toContain('tls/cipher-string-unknown-to-openssl');
  });
  it('FROM haproxy:2.8 (rebuilt from 1.1.1 to 3.x): OpenSSL 3 assumed, said so', () => {
    const { component } = bind({ 'lb/Dockerfile': 'FROM haproxy:2.8\n', 'lb/haproxy.cfg': cfg });
    expect(component?.type === 'haproxy.bind' && component.attributes.openssl).toMatchObject({ assumed: true });
  });
});

describe('nginx server OpenSSL from the Dockerfile beside it', () => {
  const conf =
    'events {}\nhttp {\n  server {\n    listen 443 ssl;\n    ssl_protocols TLSv1.2 TLSv1.3;\n    ssl_ciphers DES-CBC3-SHA:ECDHE-RSA-AES128-GCM-SHA256;\n    ssl_certificate /etc/nginx/a.crt;\n  }\n}\n';
  function server(files: Record<string, string>) {
    const root = writeTree(files);
    try {
      const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
      const component = result.deployments[0].components.filter(isNginx).find((c) => c.type === 'nginx.server');
      return { component, findings: result.findings.map((f) => f.ruleId) };
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  }
  it('FROM nginx:1.14: OpenSSL 1.1.0 (stretch) knows DES-CBC3-SHA and has no TLS 1.3', () => {
    const { component, findings } = server({
      'web/Dockerfile': 'FROM nginx:1.14\nCOPY nginx.conf /etc/nginx/nginx.conf\n',
      'web/nginx.conf': conf,
    });
    expect(component?.attributes.openssl).toMatchObject({
      series: '1.1.0',
      assumed: false,
      source: expect.stringContaining('nginx:1.14 → debian:stretch'),
    });
    expect(component?.tls?.cipherSuites?.value).toEqual([
      'TLS_RSA_WITH_3DES_EDE_CBC_SHA',
      'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
    ]);
    expect(component?.tls?.protocols?.value).toEqual(['TLSv1.2']);
    expect(findings).not.toContain('tls/cipher-string-unknown-to-openssl');
  });
  it('no Dockerfile: OpenSSL 3 assumed, said so; the 3DES name is dropped with a warning', () => {
    const { component, findings } = server({ 'web/nginx.conf': conf });
    expect(component?.attributes.openssl).toMatchObject({ series: '3', assumed: true });
    expect(component?.tls?.cipherSuites?.value).toEqual(['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256']);
    expect(findings).toContain('tls/cipher-string-unknown-to-openssl');
  });
  it('FROM nginx:1.12 without ssl_protocols: the nginx default of its time, TLSv1 to TLSv1.2', () => {
    const { component } = server({
      'web/Dockerfile': 'FROM nginx:1.12\n',
      'web/conf/nginx.conf': conf.replace('    ssl_protocols TLSv1.2 TLSv1.3;\n', ''),
    });
    expect(component?.tls?.protocols?.value).toEqual(['TLSv1', 'TLSv1.1', 'TLSv1.2']);
  });
});
