import { composeFormat } from '../../src/parse/compose';
import { dockerfileFormat } from '../../src/parse/dockerfile';
import { catalinaBase, ImageFiles } from '../../src/parse/image-files';
import type { ParsedDocument } from '../../src/parse/types';

const parse = (text: string, file = '/t/Dockerfile') =>
  dockerfileFormat.parse({ path: file, text, hadBom: false }, 'dockerfile');
const copies = (text: string) =>
  parse(text).data.copies.map((c) => ({
    sources: c.sources,
    destination: c.destination,
    ...(c.from !== undefined && { from: c.from }),
    ...(c.unknown !== undefined && { unknown: c.unknown }),
  }));

describe('Dockerfile COPY and ADD', () => {
  it('reads a lowercase dockerfile (docker build falls back to it) but no other casing', () => {
    expect(dockerfileFormat.classify('/t/dockerfile', '')).toBe('dockerfile');
    expect(dockerfileFormat.classify('/t/DockerFile', '')).toBeUndefined();
  });

  it.each([
    ['Dockerfile_Java21_Tomcat', 'dockerfile'],
    ['Dockerfile-prod', 'dockerfile'],
    ['Containerfile.alpine', 'dockerfile'],
    ['Dockerfile.j2', 'dockerfile'],
    // A REUSE licence file beside its Containerfile (wenjiuzhanruzhu/ansible-docker-nginx-tomcat-from-scratch): a
    // parse/dockerfile-instruction warning before.
    ['Containerfile.license', undefined],
    ['Dockerfile.md', undefined],
    ['Dockerfile.sh', undefined],
    // BuildKit's ignore file of one Dockerfile: read as a .dockerignore (src/parse/dockerignore.ts), not as a Dockerfile.
    ['Dockerfile.dev.dockerignore', undefined],
  ])('classifies %s as %s', (name, kind) => {
    expect(dockerfileFormat.classify(`/t/${name}`, '')).toBe(kind);
  });

  it.each([
    ['COPY a.jks /opt/app/', { sources: ['a.jks'], destination: '/opt/app/' }],
    [
      'COPY --chown=tomcat:tomcat --chmod=600 --link a.jks /opt/app/a.jks',
      { sources: ['a.jks'], destination: '/opt/app/a.jks' },
    ],
    [
      'COPY ["certs/a b.crt", "certs/c.crt", "/etc/nginx/certs/"]',
      { sources: ['certs/a b.crt', 'certs/c.crt'], destination: '/etc/nginx/certs/' },
    ],
    [
      'COPY --from=build /src/target/app.jar /app/',
      { sources: ['/src/target/app.jar'], destination: '/app/', from: 'build' },
    ],
    [
      'ADD https://example.org/ca.crt /etc/ssl/',
      {
        sources: ['https://example.org/ca.crt'],
        destination: undefined,
        unknown: 'ADD fetches a URL or extracts an archive',
      },
    ],
    [
      'ADD certs.tar.gz /etc/ssl/',
      { sources: ['certs.tar.gz'], destination: undefined, unknown: 'ADD fetches a URL or extracts an archive' },
    ],
    [
      'COPY ${CERT_DIR}/a.jks /opt/',
      {
        sources: [],
        destination: undefined,
        unknown: 'a path uses a build argument or variable the Dockerfile gives no value',
      },
    ],
    [
      'COPY a.jks conf/',
      {
        sources: ['a.jks'],
        destination: undefined,
        unknown: "its destination is relative to the base image's working directory",
      },
    ],
    [
      // wwerner/boot-vue-docker@913fdbe: Docker's lexer removes the quotes of the shell form's words.
      'COPY --from=packager "/opt/jre" "/opt/jre"',
      { sources: ['/opt/jre'], destination: '/opt/jre', from: 'packager' },
    ],
    [
      'COPY <<EOF /etc/app.conf',
      { sources: [], destination: undefined, unknown: 'its content is written in the Dockerfile' },
    ],
  ])('FROM x / %s', (line, expected) => {
    const got = copies(`FROM x\n${line}\n`)[0]!;
    expect({ ...got, destination: got.destination }).toEqual({ ...expected, destination: expected.destination });
  });

  it('resolves destinations against WORKDIR (relative to the one before, inherited by a stage built on a stage) and known variables', () => {
    const text = [
      'ARG HOME_DIR=/usr/local/tomcat',
      'FROM tomcat:9 AS base',
      'ARG HOME_DIR',
      'ENV CONF=${HOME_DIR}/conf',
      'WORKDIR /opt',
      'WORKDIR app',
      'COPY a.jks .',
      'COPY server.xml $CONF/',
      'FROM base',
      'COPY b.jks ./',
      '',
    ].join('\n');
    expect(copies(text).map((c) => c.destination)).toEqual(['/opt/app/', '/usr/local/tomcat/conf/', '/opt/app/']);
    expect(parse(text).data.copies.map((c) => c.line)).toEqual([7, 8, 10]);
  });
});

function documents(files: Record<string, string>): ParsedDocument[] {
  return Object.entries(files).map(([file, text]) => {
    if (file.endsWith('Dockerfile')) return parse(text, file);
    if (file.endsWith('compose.yaml'))
      return composeFormat.parse({ path: file, text, hadBom: false }, 'compose') as ParsedDocument;
    return {
      file: { path: file, text, hadBom: false },
      kind: 'text',
      entries: [],
      comments: [],
      problems: [],
      data: {},
    };
  });
}

describe('files in images', () => {
  const tomcat = {
    '/t/api/Dockerfile':
      'FROM tomcat:9\nCOPY files/server.xml /usr/local/tomcat/conf/\nCOPY cert/ /usr/local/tomcat/ssl/\n',
    '/t/api/files/server.xml': '<Server/>',
    '/t/api/cert/api.p12': '',
    '/t/api/cert/old/api.p12': '',
  };

  it.each([
    ['a path relative to the catalina base of the copied server.xml', 'ssl/api.p12', '/t/api/cert/api.p12'],
    ['a file of a copied directory', '/usr/local/tomcat/ssl/old/api.p12', '/t/api/cert/old/api.p12'],
    ['a path nothing copies', 'conf/api.p12', undefined],
    ['a placeholder', '${catalina.base}/ssl/api.p12', undefined],
  ])('%s', (_, written, file) => {
    const images = new ImageFiles(documents(tomcat));
    expect(images.resolve('/t/api/files/server.xml', written, catalinaBase)?.file).toBe(file);
  });

  it('names the COPY that puts the file there', () => {
    const found = new ImageFiles(documents(tomcat)).resolve('/t/api/files/server.xml', 'ssl/api.p12', catalinaBase);
    expect(found?.by).toEqual({
      file: '/t/api/Dockerfile',
      range: expect.objectContaining({ start: { line: 2, character: 0 } }),
    });
  });

  it('a file COPY --from an earlier stage takes from the build context; a later COPY to the same path wins', () => {
    const files = {
      '/t/Dockerfile': [
        'FROM maven AS build',
        'WORKDIR /src',
        'COPY . .',
        'FROM eclipse-temurin:17',
        'COPY --from=build /src/certs/*.p12 /app/certs/',
        'COPY --from=0 /src/application.properties /app/config/application.properties',
        'COPY other/app.p12 /app/certs/app.p12',
        '',
      ].join('\n'),
      '/t/application.properties': 'server.ssl.key-store=/app/certs/app.p12',
      '/t/certs/app.p12': '',
      '/t/other/app.p12': '',
    };
    const images = new ImageFiles(documents(files));
    expect(images.resolve('/t/application.properties', '/app/certs/app.p12')?.file).toBe('/t/other/app.p12');
    expect(images.resolve('/t/application.properties', 'certs/app.p12')).toBeUndefined();
  });

  it('a configuration the image does not hold: an absolute path is read in the images built from a context holding it', () => {
    const files = {
      '/t/Dockerfile':
        'FROM eclipse-temurin:17\nCOPY target/app.jar /app/app.jar\nCOPY src/main/resources/keystore.p12 /app/keystore.p12\n',
      '/t/src/main/resources/application.properties': 'server.ssl.key-store=/app/keystore.p12',
      '/t/src/main/resources/keystore.p12': '',
    };
    const images = new ImageFiles(documents(files));
    expect(images.resolve('/t/src/main/resources/application.properties', 'file:/app/keystore.p12')?.file).toBe(
      '/t/src/main/resources/keystore.p12',
    );
  });

  it('Compose sets the build context and Dockerfile; a bind mount over the path decides instead of the copy', () => {
    const files = {
      '/t/compose.yaml':
        'services:\n  api:\n    build:\n      context: ./api\n      dockerfile: ../docker/api.Dockerfile\n    volumes:\n      - ./live:/app/certs\n  web:\n    build: ./api\n',
      '/t/docker/api.Dockerfile': 'FROM eclipse-temurin:17\nCOPY conf/app.properties certs/app.p12 /app/certs/\n',
      '/t/api/conf/app.properties': 'ks=/app/certs/app.p12',
      '/t/api/certs/app.p12': '',
    };
    const docs = documents(files);
    docs[1] = parse(files['/t/docker/api.Dockerfile'], '/t/docker/api.Dockerfile');
    expect(new ImageFiles(docs).resolve('/t/api/conf/app.properties', '/app/certs/app.p12')).toBeUndefined();
    const unmounted = files['/t/compose.yaml'].replace('    volumes:\n      - ./live:/app/certs\n', '');
    docs[0] = composeFormat.parse({ path: '/t/compose.yaml', text: unmounted, hadBom: false }, 'compose');
    expect(new ImageFiles(docs).resolve('/t/api/conf/app.properties', '/app/certs/app.p12')?.file).toBe(
      '/t/api/certs/app.p12',
    );
  });

  it.each([
    // Docker substitutes earlier ARGs in an ARG's default (global before FROM, and inside a stage).
    [
      'ARG JAVA_VERSION=8u202\nARG BASE=openjdk:${JAVA_VERSION}-jre\nFROM ${BASE}\n',
      { image: 'openjdk:8u202-jre', unresolvedArgs: [] },
    ],
    // A default naming an ARG without one: the image is given at build time, not the text as written.
    ['ARG TAG\nARG BASE=openjdk:${TAG}\nFROM $BASE\n', { image: undefined, unresolvedArgs: ['BASE'] }],
  ])('an ARG default that names an earlier ARG: %j', (text, expected) => {
    const [stage] = parse(text).data.stages;
    expect({ image: stage?.image, unresolvedArgs: stage?.unresolvedArgs }).toEqual(expected);
  });

  it("a stage's ARG default names its stage's earlier ARG, as a RUN sees it", () => {
    const run = parse(
      'FROM alpine\nARG V=9.0.1\nARG URL=https://x/apache-tomcat-${V}.tar.gz\nRUN curl $URL\n',
    ).data.commands.find((c) => c.instruction === 'RUN');
    expect(run?.variables?.URL).toBe('https://x/apache-tomcat-9.0.1.tar.gz');
  });
});
