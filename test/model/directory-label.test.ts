import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { directoryLabel } from '../../src/model/paths';
import { writeTree, type Tree } from '../helpers/rule-tester';

const HTTPS = 'server.port=8443\nserver.ssl.enabled=true\nserver.ssl.key-store=classpath:ks.p12\n';

describe("a component's directory in its name: the tree's root by the root directory's own name", () => {
  it.each<[string, string, string, string]>([
    ['the root itself', '/work/trees/shop-api', '', 'shop-api'],
    ['a directory below the root', '/work/trees/shop-api', 'services/orders', 'services/orders'],
    ['the file system root, which has no name', '/', '', '.'],
  ])('%s', (_name, root, relative, shown) => {
    expect(directoryLabel(root, relative)).toBe(shown);
  });

  it.each<[string, Tree, (root: string) => string[]]>([
    [
      'a Spring Boot app at the root',
      { 'application.properties': HTTPS },
      (root) => [
        `Java application (${path.basename(root)})`,
        `Spring Boot HTTPS server (${path.basename(root)}, port 8443)`,
      ],
    ],
    [
      'a Spring Boot app in a directory of its own',
      { 'orders/application.properties': HTTPS },
      () => ['Java application (orders)', 'Spring Boot HTTPS server (orders, port 8443)'],
    ],
  ])('%s', (_name, files, expected) => {
    const root = writeTree(files);
    const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
    const names = result.deployments.flatMap((d) => d.components.map((c) => c.name));
    expect(names.sort()).toEqual(expected(root).sort());
  });
});
