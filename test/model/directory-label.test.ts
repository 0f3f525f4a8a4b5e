import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { directoryLabel, directoryWords } from '../../src/model/paths';
import { writeTree, type Tree } from '../helpers/rule-tester';

const HTTPS = 'server.port=8443\nserver.ssl.enabled=true\nserver.ssl.key-store=classpath:ks.p12\n';

describe("a component's directory in its name: the tree's root as `top directory`, never the checkout's own name", () => {
  it.each<[string, string, string]>([
    ['the root itself', '', 'top directory'],
    ['a directory below the root', 'services/orders', 'services/orders'],
  ])('%s', (_name, relative, shown) => {
    expect(directoryLabel(relative)).toBe(shown);
  });

  // The same root in a sentence (the cert rules' owner directory): words, not `.`, from the one name of the root.
  it.each<[string, string, string]>([
    ['the root as a path from it', '', "the deployment's top directory"],
    ['the root as `.`', '.', "the deployment's top directory"],
    ['a directory below the root', 'certs/web', 'certs/web'],
  ])('in a sentence: %s', (_name, relative, shown) => {
    expect(directoryWords(relative)).toBe(shown);
  });

  it.each<[string, Tree, () => string[]]>([
    [
      'a Spring Boot app at the root',
      { 'application.properties': HTTPS },
      () => ['Java application (top directory)', 'Spring Boot HTTPS server (top directory, port 8443)'],
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
    expect(names.sort()).toEqual(expected().sort());
  });
});
