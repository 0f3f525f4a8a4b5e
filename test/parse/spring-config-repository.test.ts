import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { classifyFile } from '../../src/parse/registry';
import { writeTree, type Tree } from '../helpers/rule-tester';

/**
 * A Spring Cloud Config repository holds `{application}[-{profile}].yml|properties` files for apps that run elsewhere
 * (shapes of raoeshwar/hms-config-repo@24a17cf, lx921110/config-repo@2aa3e67, l00251692/paascloud-config-repo@b865dd7,
 * spring-cloud-samples/config-repo@9223983): lint-deploy said "no files to check" of the first.
 */
describe('a Spring Cloud Config repository', () => {
  it.each([
    [
      'orders-service.yml',
      'server:\n  port: 8083\n\nspring:\n  application:\n    name: orders\n',
      'spring.served.yaml',
    ],
    ['shop-server-st.yaml', '# st\nspring:\r\n  datasource:\r\n', 'spring.served.yaml'],
    [
      'gateway-dev.properties',
      'server.port=8080\nspring.datasource.url=jdbc:mysql://db/x\n',
      'spring.served.properties',
    ],
    ['config-repo/zipkin.yml', 'spring.application.name: zipkin\n', 'spring.served.yaml'],
    // Spring Boot's own names stay Spring Boot's.
    ['application-dev.yml', 'spring:\n  profiles: dev\n', 'spring.yaml'],
  ])('%s is read as Spring configuration', (file, head, kind) => {
    expect(classifyFile(`/repo/${file}`, head)?.kind).toBe(kind);
  });

  it.each([
    ['no spring property at a line start', 'orders-service.yml', 'server:\n  port: 8083\n  spring:\n    x: 1\n'],
    ['a key that only begins with spring', 'notes.yml', 'springfield:\n  town: true\n'],
    ["Gradle's properties", 'gradle.properties', 'spring.version=6.1.0\n'],
    ["a Helm chart's values", 'values-prod.yaml', 'spring:\n  datasource:\n    password: x\n'],
    ['a Helm helper', 'charts/app/templates/_application.yaml', 'spring:\n  main: {}\n'],
    ['a file beside Java sources', 'app/src/main/resources/extra.yml', 'spring:\n  main: {}\n'],
    ['a file of a template directory', 'roles/app/templates/orders.yml', 'spring:\n  main: {}\n'],
  ])('%s is not', (_, file, head) => {
    expect(classifyFile(`/repo/${file}`, head)).toBeUndefined();
  });

  function lintTree(files: Tree) {
    const root = writeTree(files);
    try {
      const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
      return {
        deployments: result.deployments.length,
        apps: result.deployments.flatMap((d) => d.components.filter((c) => c.type === 'java.app')).length,
        findings: result.findings.map(
          (f) =>
            `${f.ruleId} ${path.relative(root, f.location.file).split(path.sep).join('/')}:${(f.location.range?.start.line ?? -1) + 1}`,
        ),
      };
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  }

  it("is linted: its files' secrets are found, and no app is made of apps that are not in the tree", () => {
    expect(
      lintTree({
        'appointment-service.yml':
          'server:\n  port: 8083\n\nspring:\n  application:\n    name: appointment-service\n  datasource:\n    url: jdbc:postgresql://localhost:5432/hms\n    username: postgres\n    password: root\n',
        'billing-service.yml':
          'server:\n  port: 8084\n  ssl:\n    key-store: classpath:billing.p12\n    key-store-password: ${KEYSTORE_PASSWORD}\nspring:\n  application:\n    name: billing-service\n',
      }),
    ).toEqual({ deployments: 1, apps: 0, findings: ['security/plaintext-secret appointment-service.yml:10'] });
  });

  // lx921110/config-repo@2aa3e67's application.yml, l00251692/paascloud-config-repo@b865dd7's application-dev.yml.
  it.each<[string, number, Tree?]>([
    ['application.yml', 0],
    ['application-dev.properties', 0],
    // An app deployed with its files reads ./application.yml: a Dockerfile or JVM options beside it make it the app's.
    [
      'application.yml',
      1,
      { Dockerfile: 'FROM eclipse-temurin:17-jre\nCOPY app.jar /app.jar\nCMD ["java","-jar","/app.jar"]\n' },
    ],
    ['application.yml', 1, { 'jvm.options': '-Xmx1g\n' }],
  ])("%s beside a config repository's files makes %d apps", (shared, apps, beside = {}) => {
    const settings = shared.endsWith('.yml') ? 'spring:\n  rabbitmq:\n    host: mq\n' : 'spring.rabbitmq.host=mq\n';
    expect(
      lintTree({
        [shared]: settings,
        'orders-server-dev.yml': 'server:\n  port: 8083\nspring:\n  application:\n    name: orders\n',
        ...beside,
      }).apps,
    ).toBe(apps);
  });

  it('makes no build project a deployment of its own, nor ties two', () => {
    const pom = '<project><artifactId>x</artifactId></project>\n';
    const app = (port: number) => `server:\n  port: ${port}\n`;
    expect(
      lintTree({
        'modules/pom.xml': pom,
        'modules/orders/pom.xml': pom,
        'modules/orders/src/main/resources/application.yml': app(8081),
        'modules/billing/pom.xml': pom,
        'modules/billing/src/main/resources/application.yml': app(8082),
        'modules/config/orders.yml':
          'spring:\n  datasource:\n    password: orders-secret\nbilling:\n  url: http://localhost:8082/\n',
      }),
    ).toEqual({ deployments: 3, apps: 2, findings: ['security/plaintext-secret modules/config/orders.yml:3'] });
  });
});
