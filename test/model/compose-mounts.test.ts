import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { composeFormat } from '../../src/parse/compose';
import type { ParsedDocument } from '../../src/parse/types';
import type { TreeLink } from '../../src/core/types';
import { walk } from '../../src/discover/walk';
import { composeMountsOf, treeFileInContainer, usedApartBy } from '../../src/model/compose-mounts';

const compose = (file: string, text: string): ParsedDocument =>
  composeFormat.parse({ path: file, text, hadBom: false }, 'compose');
const other = (file: string): ParsedDocument => ({ ...compose(file, ''), kind: 'pem.certificate' });
const service = (name: string, volumes: string[]) =>
  `  ${name}:\n    image: nginx\n    volumes:\n${volumes.map((v) => `      - ${v}\n`).join('')}`;

describe('what a container reads through its Compose mounts', () => {
  const docs = [
    compose(
      '/t/compose.yaml',
      `services:\n${service('web', ['./nginx.conf:/etc/nginx/nginx.conf', './certs:/etc/nginx/certs', './live/web.crt:/etc/nginx/certs/web.crt'])}`,
    ),
    other('/t/certs/a.crt'),
    other('/t/live/web.crt'),
  ];
  const mounts = composeMountsOf(docs, '/t');

  it('the mount with the longest target holding the path', () => {
    expect(treeFileInContainer(mounts, '/t/nginx.conf', '/etc/nginx/certs/web.crt')?.file).toBe('/t/live/web.crt');
    expect(treeFileInContainer(mounts, '/t/nginx.conf', '/etc/nginx/certs/a.crt')?.file).toBe('/t/certs/a.crt');
  });

  it('unknown when nothing is mounted there, or the configuration is in no container', () => {
    expect(treeFileInContainer(mounts, '/t/nginx.conf', '/etc/ssl/a.crt')).toBeUndefined();
    expect(treeFileInContainer(mounts, '/t/other.conf', '/etc/nginx/certs/a.crt')).toBeUndefined();
    expect(treeFileInContainer(mounts, '/t/nginx.conf', 'certs/a.crt')).toBeUndefined();
  });

  it('unknown when two services that mount the configuration put different files there', () => {
    const two = [
      compose(
        '/t/compose.yaml',
        `services:\n${service('a', ['./nginx.conf:/etc/nginx/nginx.conf', './a:/etc/nginx/certs'])}${service('b', ['./nginx.conf:/etc/nginx/nginx.conf', './b:/etc/nginx/certs'])}`,
      ),
      other('/t/a/x.crt'),
      other('/t/b/x.crt'),
    ];
    expect(treeFileInContainer(composeMountsOf(two, '/t'), '/t/nginx.conf', '/etc/nginx/certs/x.crt')).toBeUndefined();
  });

  it("the containers that run the program, when another also gets the configuration (mailcow's php-fpm)", () => {
    const php = `  php:\n    image: php:8-fpm\n    volumes:\n      - ./conf:/etc/nginx/conf.d\n`;
    const docs = [
      compose(
        '/t/compose.yaml',
        `services:\n${php}${service('web', ['./conf:/etc/nginx/conf.d', './ssl:/etc/ssl/mail'])}`,
      ),
      other('/t/conf/site.conf'),
    ];
    const mounts = composeMountsOf(docs, '/t');
    expect(treeFileInContainer(mounts, '/t/conf/site.conf', '/etc/ssl/mail/cert.pem')).toBeUndefined();
    expect(treeFileInContainer(mounts, '/t/conf/site.conf', '/etc/ssl/mail/cert.pem', 'nginx')?.file).toBe(
      '/t/ssl/cert.pem',
    );
  });
});

describe('files used apart', () => {
  it('a variable before a path is the nearest directory up to the root that holds it', () => {
    const docs = [
      compose('/t/m/data/a.yml', `services:\n${service('p', ['${MODULE}/certs:/etc/nginx/certs'])}`),
      compose('/t/m/data/b.yml', `services:\n${service('p', ['${MODULE}/data/b.certs:/etc/nginx/certs'])}`),
      other('/t/m/certs/x.crt'),
      other('/t/certs/x.crt'),
      other('/t/m/data/b.certs/x.crt'),
    ];
    const mounts = composeMountsOf(docs, '/t');
    expect(mounts.map((m) => m.hostPath)).toEqual(['/t/m/certs', '/t/m/data/b.certs']);
    const apart = usedApartBy(mounts);
    expect(apart('/t/m/certs/x.crt', '/t/m/data/b.certs/x.crt')).toBe(true);
    expect(apart('/t/certs/x.crt', '/t/m/data/b.certs/x.crt')).toBe(false);
  });
});

describe('a mount through a symbolic link', () => {
  // Lightstreamer/Lightstreamer-kafka-connector@c6cf311 examples/quickstart-ssl: `secrets -> ../compose-templates/secrets/`
  // and `./secrets/broker:/etc/kafka/secrets`; the walk keeps the store at its target's path.
  it("names the tree's file at the link's target", () => {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mounts-')));
    try {
      fs.mkdirSync(path.join(root, 'templates/secrets/broker'), { recursive: true });
      fs.mkdirSync(path.join(root, 'quickstart'));
      fs.symlinkSync('../templates/secrets', path.join(root, 'quickstart/secrets'));
      const docs = [
        compose(
          path.join(root, 'quickstart/compose.yaml'),
          `services:\n${service('broker', ['./server.properties:/opt/kafka/config/server.properties', './secrets/broker:/etc/kafka/secrets'])}`,
        ),
        other(path.join(root, 'templates/secrets/broker/broker.keystore.jks')),
      ];
      const inContainer = (links: readonly TreeLink[]) =>
        treeFileInContainer(
          composeMountsOf(docs, root, links),
          path.join(root, 'quickstart/server.properties'),
          '/etc/kafka/secrets/broker.keystore.jks',
        )?.file;
      // The links the walk recorded, as the model is given them (Deployment.treeLinks).
      expect(inContainer(walk(root, () => false).links ?? [])).toBe(
        path.join(root, 'templates/secrets/broker/broker.keystore.jks'),
      );
      // The model never asks the disk: a link the walk did not record is not followed (the written path stays).
      expect(inContainer([])).toBe(path.join(root, 'quickstart/secrets/broker/broker.keystore.jks'));
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
