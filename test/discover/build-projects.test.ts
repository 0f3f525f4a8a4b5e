import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { detectEnvironments, fileSetName } from '../../src/discover/environments';
import { walk } from '../../src/discover/walk';
import { temporaryTrees } from '../helpers/rule-tester';
import { chart, gradle, pom, sample } from './build-project-trees';
import { cert } from '../rules/cert/cert-rules.trees';

// Heuristic "separate build projects": a repository of samples, one Gradle or Maven project each, is not one
// deployment; projects whose files say they run together stay together.
const cli = path.resolve(__dirname, '../../dist/cli.js');
const { tree } = temporaryTrees();

/** The deployments detected under a tree, as relative roots or file set names (`.` when the tree is one). */
function environmentsOf(files: Record<string, string>): string[] {
  const root = fs.realpathSync(tree(files));
  const found = detectEnvironments(root, walk(root, () => false).files).environments;
  const name = (e: (typeof found)[number]) => (e.members ? fileSetName(e.root, e.members) : e.root);
  return found.length ? found.map((e) => path.relative(root, name(e)).split(path.sep).join('/')) : ['.'];
}

describe('build projects (heuristic "separate build projects")', () => {
  it.each<[string, Record<string, string>, string[]]>([
    [
      'samples, one Gradle or Maven project each, with nothing tying them',
      {
        'build.gradle': gradle,
        ...sample('servlet/x509', 'build.gradle', 'server.port=8443\n'),
        ...sample('servlet/saml2/login', 'build.gradle'),
        ...sample('reactive/x509', 'pom.xml', 'server.port=8443\n'),
      },
      ['reactive/x509', 'servlet/saml2/login', 'servlet/x509'],
    ],
    [
      'the same directories without build files (one application in several directories)',
      {
        'servlet/x509/application.properties': 'server.ssl.enabled=true\n',
        'servlet/saml2/application.properties': 'server.ssl.enabled=true\n',
      },
      ['.'],
    ],
    [
      'a client calling a local port the other project serves (Hakky54/mutual-tls-ssl shape)',
      {
        ...sample('server', 'pom.xml', 'server.port=8443\n'),
        ...sample('client', 'pom.xml', 'client.url=https://localhost:8443/api/hello\nserver.port=8080\n'),
      },
      ['.'],
    ],
    [
      "a client calling the other project's port, which its own test stubs (GeorgeLvov/spring-boot-mtls shape)",
      {
        ...sample('mtls-server', 'build.gradle', 'server.port=8443\n'),
        ...sample('mtls-client', 'build.gradle', 'mtls-server.url=https://localhost:8443/ping-server\n'),
        'mtls-client/src/test/java/it/WiremockHttpsTest.java':
          '/** Runs on HTTPS port 8443 */\nclass WiremockHttpsTest { Object o = options().httpsPort(8443); }\n',
        'mtls-client/src/test/resources/application-integration-test.yaml':
          'mtls-server:\n  url: https://localhost:8443/ping-server\n',
      },
      ['.'],
    ],
    [
      // eugenp/tutorials@2430217: samples calling their own local PostgreSQL, one of them publishing it with Compose.
      'a database URL ties no project to the one that publishes its port',
      {
        ...sample('jdbc', 'pom.xml', 'spring.datasource.url=jdbc:postgresql://localhost:5432/testdb\n'),
        ...sample('reactive', 'pom.xml', 'spring.r2dbc.url=r2dbc:postgresql://localhost:5432/test\n'),
        ...sample('flyway', 'pom.xml'),
        'flyway/docker-compose.yml': 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n',
      },
      ['flyway', 'jdbc', 'reactive'],
    ],
    [
      'a port only tests declare serves no other project: samples whose tests stub the same port stay apart',
      {
        ...sample('a', 'build.gradle', 'remote.url=https://localhost:9443/x\n'),
        'a/src/test/java/ATest.java': 'class ATest { String u = "https://localhost:8443/x"; }\n',
        ...sample('b', 'build.gradle'),
        'b/src/test/resources/application.properties': 'server.port=8443\n',
      },
      ['a', 'b'],
    ],
    [
      'a client naming the other project as its URL host (microservices)',
      {
        ...sample('greet-svc', 'pom.xml'),
        ...sample('gateway-svc', 'pom.xml', 'greet.url=https://greet-svc:8443/greet\n'),
      },
      ['.'],
    ],
    [
      'a Compose file at the top that builds the projects',
      {
        'docker-compose.yml': 'services:\n  greet:\n    build: ./greet-svc\n  gateway:\n    build: ./gateway-svc\n',
        ...sample('greet-svc', 'pom.xml'),
        ...sample('gateway-svc', 'pom.xml'),
      },
      ['.'],
    ],
    [
      'a Compose file of its own (a CAS server) that names no project does not tie them; it stays with the files outside',
      {
        'docker/cas/docker-compose.yml':
          'services:\n  cas:\n    image: apereo/cas:6.6.6\n    ports:\n      - "8090:8080"\n',
        ...sample('cas/login', 'build.gradle', 'cas.base.url=http://localhost.example:8090/cas\n'),
        ...sample('x509', 'build.gradle'),
      },
      ['cas/login', 'x509'],
    ],
    [
      'samples that call each other below the top are one deployment, from their common directory',
      {
        ...sample('oauth2/authorization-server', 'build.gradle', 'server.port=9000\n'),
        ...sample('oauth2/login', 'build.gradle', 'issuer-uri=http://localhost:9000\n'),
        ...sample('x509', 'build.gradle'),
      },
      ['oauth2', 'x509'],
    ],
    [
      'samples that call each other across the top are a deployment of their own files, named by them',
      {
        ...sample('servlet/oauth2/authorization-server', 'build.gradle', 'server.port=9000\n'),
        ...sample('reactive/oauth2/login', 'build.gradle', 'issuer-uri=http://localhost:9000\n'),
        ...sample('servlet/x509', 'build.gradle'),
      },
      ['{reactive/oauth2/login,servlet/oauth2/authorization-server}', 'servlet/x509'],
    ],
    [
      'a port two projects declare ties the caller to the nearer one only',
      {
        ...sample('a/resource-server', 'build.gradle', 'server.port=8090\n'),
        ...sample('a/client', 'build.gradle', 'base-url=http://localhost:8090\n'),
        ...sample('b/other-server', 'build.gradle', 'server.port=8090\n'),
        ...sample('c/x509', 'build.gradle'),
      },
      ['a', 'b/other-server', 'c/x509'],
    ],
    [
      // eugenp/tutorials@2430217: feign calls localhost:8081, which 66 other tutorials declare.
      'a port several samples declare, none nearer than the top, ties the caller to none of them',
      {
        ...sample('feign', 'pom.xml', 'books.url=http://localhost:8081/books\n'),
        ...sample('spring-boot-a', 'pom.xml', 'server.port=8081\n'),
        ...sample('spring-boot-b', 'pom.xml', 'server.port=8081\n'),
      },
      ['feign', 'spring-boot-a', 'spring-boot-b'],
    ],
    [
      // eugenp/tutorials@2430217: apache-seata's Compose file names its own order-service, not reactive-systems'.
      'a name several projects bear ties the nearest of them; equally near across the top, none',
      {
        ...sample('seata/order-service', 'pom.xml'),
        ...sample('seata/shop', 'pom.xml', 'orders.url=https://order-service:8443/orders\n'),
        ...sample('reactive/order-service', 'pom.xml'),
        ...sample('gateway', 'pom.xml', 'orders.url=https://order-service:8443/orders\n'),
        ...sample('quarkus/order-service', 'pom.xml'),
      },
      ['gateway', 'quarkus/order-service', 'reactive/order-service', 'seata'],
    ],
    [
      "a sample's own default port and its README tie nothing",
      {
        ...sample('login', 'build.gradle', 'server.port=8080\n'),
        ...sample('magic-link', 'build.gradle', 'app.url=http://localhost:8080/login\n'),
        'magic-link/README.md': 'Open http://localhost:8090 of the login sample\n',
        ...sample('other', 'build.gradle', 'server.port=8090\n'),
      },
      ['login', 'magic-link', 'other'],
    ],
    [
      'a sample configured in code (certificates only) is a project of its own too',
      {
        ...sample('saml2/login', 'build.gradle'),
        'xml/saml2/login-logout/build.gradle': gradle,
        'xml/saml2/login-logout/src/main/resources/credentials/rp-certificate.crt': cert('qmprod1.crt'),
      },
      ['saml2/login', 'xml/saml2/login-logout'],
    ],
    [
      "a Maven parent's modules are projects too (teiniker's lecture samples under one aggregator pom)",
      {
        ...sample('web/attacks', 'pom.xml'),
        ...sample('web/attacks/csrf', 'pom.xml'),
        ...sample('web/attacks/xss', 'pom.xml'),
        ...sample('blog', 'pom.xml'),
      },
      ['blog', 'web/attacks', 'web/attacks/csrf', 'web/attacks/xss'],
    ],
    [
      'modules that run together merge up to their parent',
      {
        'shop/pom.xml': pom,
        ...sample('shop/orders', 'pom.xml', 'payments.url=https://payments:8443/pay\n'),
        ...sample('shop/payments', 'pom.xml', 'server.port=8443\n'),
        ...sample('blog', 'pom.xml'),
      },
      ['blog', 'shop'],
    ],
    [
      'a module tied across the top is in a file set with its peer; its parent stays a deployment of its own',
      {
        ...sample('shop', 'pom.xml'),
        ...sample('shop/orders', 'pom.xml', 'auth.url=https://localhost:9000/token\n'),
        ...sample('auth', 'pom.xml', 'server.port=9000\n'),
        ...sample('blog', 'pom.xml'),
      },
      ['{auth,shop/orders}', 'blog', 'shop'],
    ],
    [
      'two modules that run together merge up to their parent; a module tied to neither stays apart',
      {
        'shop/pom.xml': pom,
        ...sample('shop/orders', 'pom.xml', 'payments.url=https://payments:8443/pay\n'),
        ...sample('shop/payments', 'pom.xml', 'server.port=8443\n'),
        ...sample('shop/catalog', 'pom.xml'),
        ...sample('blog', 'pom.xml'),
      },
      ['blog', 'shop', 'shop/catalog'],
    ],
    [
      'an option line of a start script names its peer (`--` starts no comment there)',
      {
        ...sample('orders', 'pom.xml'),
        'orders/run.sh': 'java -jar orders.jar \\\n  --payments.url=https://payments:8443/pay\n',
        ...sample('payments', 'pom.xml', 'server.port=8443\n'),
        ...sample('blog', 'pom.xml'),
      },
      ['{orders,payments}', 'blog'],
    ],
    [
      "a Helm charts repository: each chart apart, a vendor's link in a comment or a two-label domain names no chart",
      {
        ...chart('bitnami/kafka', '## ref: https://vault.example.com/docs\nlink: https://cert-manager.io/docs/\n'),
        ...chart('bitnami/cert-manager'),
        ...chart('bitnami/vault'),
      },
      ['bitnami/cert-manager', 'bitnami/kafka', 'bitnami/vault'],
    ],
    [
      'a chart that names another chart as a host runs with it; the third chart stays apart',
      {
        ...chart('bitnami/cert-manager', 'issuer: https://vault.vault.svc:8200/v1/pki\n'),
        ...chart('bitnami/vault'),
        ...chart('bitnami/kafka'),
      },
      ['bitnami', 'bitnami/kafka'],
    ],
    [
      "a chart's localhost is its own pod: calling a port another chart serves ties nothing",
      {
        ...chart('charts/exporter', 'scrape: https://localhost:9443/metrics\n'),
        ...chart('charts/server', 'port: 9443\n'),
      },
      ['charts/exporter', 'charts/server'],
    ],
    [
      "a subchart under its parent's charts/ and a chart inside a Maven project are no charts of their own",
      {
        ...chart('platform'),
        ...chart('platform/charts/postgresql'),
        ...sample('app', 'pom.xml'),
        ...chart('app/helm'),
        ...chart('other'),
      },
      ['app', 'other', 'platform'],
    ],
    [
      // bohdandovhan/spring-boot-ssl-mutual-authentication@cdd4b8e (no licence; layout only): the server's runFlow.bat
      // imports its certificate into ../../../../secure-client/src/main/resources/client-truststore.jks.
      'a script naming another project through an even number of ../ (../../../../secure-client/…)',
      {
        ...sample('secure-server', 'pom.xml', 'server.port=8443\n'),
        'secure-server/src/main/resources/runFlow.bat':
          'keytool -importcert -keystore ../../../../secure-client/src/main/resources/client-truststore.jks -alias server -file server.cer\n',
        ...sample('secure-client', 'pom.xml', 'server.port=8080\n'),
      },
      ['.'],
    ],
    [
      // oktadev/java-microservices-examples@d971f66 (Apache-2.0): each example's docker-compose/ starts its own apps
      // and says `jhipster` (a Keycloak realm, an image's namespace), the name of the jhipster/ example's directory.
      'a word deep in one example that is the name of a project of another example ties them not',
      {
        'jhipster/pom.xml': pom,
        ...sample('jhipster/blog', 'pom.xml'),
        'jhipster/docker-compose/docker-compose.yml': 'services:\n  blog:\n    build: ../blog\n',
        ...sample('reactive-jhipster/blog', 'pom.xml'),
        'reactive-jhipster/docker-compose/docker-compose.yml':
          'services:\n  blog:\n    build: ../blog\n  jhipster-registry:\n    image: jhipster/jhipster-registry:v7.1.0\n    environment:\n      - ISSUER_URI=http://keycloak:9080/auth/realms/jhipster\n',
      },
      ['jhipster', 'reactive-jhipster'],
    ],
  ])('%s', (_, files, expected) => {
    expect(environmentsOf(files)).toEqual(expected);
  });

  it('lints each sample apart: a key pair every sample copies is no key copied between machines', () => {
    // Two certificates of one key pair (not two copies of one certificate file, which show no key: cert/shared-private-key).
    const files = {
      ...sample('servlet/x509', 'build.gradle'),
      ...sample('reactive/x509', 'build.gradle'),
      'reactive/x509/src/main/resources/certs/server.crt': cert('qmprod2-shared.crt'),
    };
    const withBuilds = tree(files);
    const withoutBuilds = tree(
      Object.fromEntries(Object.entries(files).filter(([name]) => !name.endsWith('build.gradle'))),
    );
    const shared = (dir: string) => {
      const result = spawnSync(process.execPath, [cli, '--format', 'json', '--debug', dir], {
        cwd: os.tmpdir(),
        encoding: 'utf8',
      });
      const report = JSON.parse(result.stdout) as { findings: { ruleId: string }[] };
      return { shared: report.findings.filter((f) => f.ruleId === 'cert/shared-private-key').length, result };
    };
    const split = shared(withBuilds);
    expect(split.shared).toBe(0);
    expect(split.result.stderr).toMatch(
      /deployment .*servlet\/x509 \(\d+ files\): content: .*servlet\/x509 is a build project of its own \(build\.gradle\) and no other project's files name it; heuristic "separate build projects"/,
    );
    expect(shared(withoutBuilds).shared).toBe(1);
  });
});
