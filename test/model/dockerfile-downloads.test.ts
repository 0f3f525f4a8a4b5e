/**
 * The release archives a Dockerfile's running image downloads (src/model/dockerfile-downloads.ts) and the nginx release
 * a Dockerfile's image runs through them (src/model/nginx-package-release.ts), in the forms public Dockerfiles write.
 */
import { downloadedRelease } from '../../src/model/dockerfile-downloads';
import { nginxReleaseOfDockerfile } from '../../src/model/nginx-package-release';
import { composeFormat } from '../../src/parse/compose';
import { dockerfileFormat, type DockerfileData } from '../../src/parse/dockerfile';
import type { ParsedDocument } from '../../src/parse/types';

const dockerfile = (file: string, text: string) =>
  dockerfileFormat.parse({ path: `/t/${file}`, text, hadBom: false }, 'dockerfile') as ParsedDocument<DockerfileData>;

/** maxlambrecht/spiffe-nginx-tomcat@73c50e5 spire/Dockerfile: ARG defaults that name other ARGs, then curl | tar. */
const SPIRE = [
  'FROM ubuntu:xenial',
  'ARG NGINX_VERSION=1.13.9spiffe5',
  'ARG NGINX_RELEASE="https://github.com/spiffe/spiffe-nginx/releases/download/${NGINX_VERSION}/nginx-${NGINX_VERSION}.tgz"',
  'ARG TOMCAT_VERSION=8.5.32',
  'ARG TOMCAT_RELEASE="http://apache.dattatec.com/tomcat/tomcat-8/v${TOMCAT_VERSION}/bin/apache-tomcat-${TOMCAT_VERSION}.tar.gz"',
  'RUN curl --silent --location ${NGINX_RELEASE} | tar -xzf -',
  'RUN curl --silent --location $TOMCAT_RELEASE | tar -xzf -',
  '',
].join('\n');

describe('the release archive a RUN downloads', () => {
  test.each<
    [
      string,
      string,
      'nginx' | 'tomcat',
      { release: string; archive: string; label?: string; line: number; how?: string } | undefined,
    ]
  >([
    [
      'nginx from ARG defaults naming ARGs, a build label',
      SPIRE,
      'nginx',
      { release: '1.13.9', archive: 'nginx-1.13.9spiffe5', label: 'spiffe5', line: 6 },
    ],
    ['Tomcat from $NAME', SPIRE, 'tomcat', { release: '8.5.32', archive: 'apache-tomcat-8.5.32', line: 7 }],
    [
      'nginx.org source, ENV then a literal directory',
      'FROM debian:bookworm\nENV NGINX_VERSION 1.24.0\nRUN wget http://nginx.org/download/nginx-$NGINX_VERSION.tar.gz && tar xf nginx-1.24.0.tar.gz\n',
      'nginx',
      { release: '1.24.0', archive: 'nginx-1.24.0', line: 3 },
    ],
    [
      "Tomcat's other artifacts (the deployer) name no Tomcat that runs",
      'FROM eclipse-temurin:17\nRUN wget https://archive.apache.org/dist/tomcat/tomcat-9/v9.0.80/bin/apache-tomcat-9.0.80-deployer.tar.gz\n',
      'tomcat',
      undefined,
    ],
    [
      'a build argument without a default: no release',
      'FROM debian:bookworm\nARG NGINX_VERSION\nRUN curl -O https://nginx.org/download/nginx-${NGINX_VERSION}.tar.gz\n',
      'nginx',
      undefined,
    ],
    [
      'a module archive is no nginx release',
      'FROM debian:bookworm\nRUN curl -LO https://example.org/ngx-nginx-1.2.3.tar.gz && curl -LO https://example.org/nginx-module-vts-0.2.2.tar.gz\n',
      'nginx',
      undefined,
    ],
    [
      'a number that goes on (1.13.9.1) is no label',
      'FROM debian:bookworm\nRUN curl -LO https://example.org/nginx-1.13.9.1.tar.gz\n',
      'nginx',
      undefined,
    ],
    [
      'a builder stage the running image does not hold',
      'FROM debian:bookworm AS build\nRUN curl -LO https://nginx.org/download/nginx-1.24.0.tar.gz\nFROM debian:bookworm\n',
      'nginx',
      undefined,
    ],
    // Docker unpacks a local tar archive it ADDs (As9530272755/k8s-nginx-tomcat@1df3090 tomcat-base/Dockerfile).
    [
      'a local Tomcat archive an ADD unpacks',
      'FROM centos:7\nADD apache-tomcat-8.5.43.tar.gz /apps\nADD server.xml /apps/apache-tomcat-8.5.43/conf/server.xml\n',
      'tomcat',
      { release: '8.5.43', archive: 'apache-tomcat-8.5.43', line: 2, how: 'ADD, which unpacks' },
    ],
    [
      'a Tomcat archive an ADD fetches from a URL, before the RUN that unpacks it',
      'FROM centos:7\nADD https://archive.apache.org/dist/tomcat/tomcat-9/v9.0.80/bin/apache-tomcat-9.0.80.tar.gz /tmp/\nRUN tar xzf /tmp/apache-tomcat-9.0.80.tar.gz -C /opt\n',
      'tomcat',
      { release: '9.0.80', archive: 'apache-tomcat-9.0.80', line: 2, how: 'ADD, which downloads' },
    ],
  ])('%s', (_name, text, product, expected) => {
    const found = downloadedRelease(dockerfile('Dockerfile', text), product);
    if (expected === undefined) expect(found).toBeUndefined();
    else expect({ ...found, at: undefined }).toEqual({ how: 'RUN, which downloads', ...expected, at: undefined });
  });
});

describe('the nginx release a Dockerfile FROM an image the tree builds runs', () => {
  const base = dockerfile('spire/Dockerfile', SPIRE);
  const app = dockerfile('app/Dockerfile', 'FROM spire\nCOPY nginx.conf /usr/local/nginx/conf/nginx.conf\n');
  const compose = (text: string) =>
    composeFormat.parse({ path: '/t/docker-compose.yml', text, hadBom: false }, 'compose');

  it('follows FROM spire to the Dockerfile Compose builds as image: spire, and says how', () => {
    const composeFiles = [
      compose('services:\n  spire-server:\n    build: ./spire\n    image: spire\n  app:\n    build: ./app\n'),
    ];
    const found = nginxReleaseOfDockerfile(app, { dockerfiles: [base, app], composeFiles, root: '/t' });
    expect(found?.release).toBe('1.13.9');
    expect(found?.at.file).toBe('/t/spire/Dockerfile');
    expect(found?.how).toBe(
      'app/Dockerfile:1 FROM spire, which docker-compose.yml:4 builds from spire/Dockerfile: spire/Dockerfile:6 RUN, which downloads nginx-1.13.9spiffe5 (nginx 1.13.9; spiffe5 is a build label)',
    );
  });

  it.each([
    ['no service names the image', 'services:\n  spire-server:\n    build: ./spire\n'],
    [
      'two services build different Dockerfiles as image: spire',
      'services:\n  a:\n    build: ./spire\n    image: spire\n  b:\n    build: ./app\n    image: spire\n',
    ],
    ['a service names the image and builds nothing', 'services:\n  a:\n    image: spire\n'],
    // Another service builds image: spire from a Dockerfile the run names, or one written inline: which build makes
    // the image is unknown, not settled by the one Dockerfile the tree resolves.
    ...[
      ['a Dockerfile the run names', '      context: ./spire\n      dockerfile: Dockerfile.${FLAVOUR}\n'],
      ['a context the run names', '      context: ${SPIRE_DIR}\n'],
      ['a Dockerfile written inline', '      dockerfile_inline: |\n        FROM nginx:1.25\n'],
    ].map(([what, build]) => [
      `another service builds it from ${what}`,
      `services:\n  a:\n    build: ./spire\n    image: spire\n  b:\n    image: spire\n    build:\n${build}`,
    ]),
  ])('%s: unknown', (_name, text) => {
    expect(
      nginxReleaseOfDockerfile(app, { dockerfiles: [base, app], composeFiles: [compose(text)], root: '/t' }),
    ).toBeUndefined();
  });
});
