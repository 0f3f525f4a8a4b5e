/**
 * Spring files of an app's environment directories (src/model/spring-environment-dirs.ts): `k8s/overlays/dev/` and
 * `k8s/overlays/prod/` each hold the configuration of one environment (generated into its overlay's ConfigMap), so the
 * app's HTTPS server is made of its own files and what the environments set apart is unknown; the directories Spring
 * Boot reads beside the app (its own, `config/`, `config/*`) stay the app's.
 */
import { modelOf, type Tree } from '../helpers/rule-tester';

/** Each Spring HTTPS server as `port protocols`, with ` unknown: <dirs>` when the environments leave it open. */
function springServers(files: Tree): string[] {
  return modelOf(files)
    .components.filter((c) => c.type === 'spring.server')
    .map((c) => {
      const environment = c.tls?.unknownValues?.find((v) => v.startsWith('the environment the app runs in'));
      const dirs = environment && /: (.*) each hold/.exec(environment)?.[1];
      const ports = (c.attributes as { tlsPorts: number[] }).tlsPorts.join(',');
      return `${ports} ${c.tls?.protocols?.value.join(',') ?? 'default'}${dirs ? ` unknown: ${dirs}` : ''}`;
    })
    .sort();
}

const POM = '<project><modelVersion>4.0.0</modelVersion><artifactId>orders</artifactId></project>\n';
const tls = (port: number, protocols: string) =>
  `server:\n  port: ${port}\n  ssl:\n    enabled: true\n    key-store: /certs/ks.p12\n    enabled-protocols: ${protocols}\n`;
const PACKAGED = { 'pom.xml': POM, 'src/main/resources/application.yml': tls(8443, 'TLSv1.3') };

describe('Spring files of environment directories', () => {
  it.each<[string, Tree, string[]]>([
    [
      // Before: one server of port 8080 (the packaged file) with the last overlay's TLSv1.3 (prod after dev).
      'two overlays that set TLS apart: the packaged server, what the environments set unknown',
      {
        'pom.xml': POM,
        'src/main/resources/application.yml': 'server:\n  port: 8080\n',
        'src/main/resources/ks.p12': '',
        'k8s/overlays/dev/application.yml': tls(8443, 'TLSv1.2'),
        'k8s/overlays/prod/application.yml': tls(8443, 'TLSv1.3'),
      },
      [],
    ],
    [
      'the packaged server, and overlays that change its protocols: unknown',
      {
        ...PACKAGED,
        'k8s/overlays/dev/application.yml': 'server:\n  ssl:\n    enabled-protocols: TLSv1.2\n',
        'k8s/overlays/prod/application.yml': 'server:\n  ssl:\n    enabled-protocols: TLSv1.3\n',
      },
      ['8443 TLSv1.3 unknown: k8s/overlays/dev, k8s/overlays/prod'],
    ],
    [
      'overlays that set only what the app already sets alike: nothing unknown',
      {
        ...PACKAGED,
        'k8s/overlays/dev/application.yml': 'server:\n  port: 8443\nlogging:\n  level:\n    root: DEBUG\n',
        'k8s/overlays/prod/application.yml': 'server:\n  port: 8443\nlogging:\n  level:\n    root: WARN\n',
      },
      ['8443 TLSv1.3'],
    ],
    [
      'config/ beside the app is read by Spring Boot: the app’s own, over the packaged file, not an environment',
      {
        ...PACKAGED,
        'config/application.yml': 'server:\n  ssl:\n    enabled-protocols: TLSv1.2\n',
        'config/dev/application.yml': 'logging:\n  level:\n    root: DEBUG\n',
      },
      ['8443 TLSv1.2'],
    ],
    [
      'one directory outside the app: no alternative; it overrides the packaged file (Spring ranks file: over classpath:)',
      { ...PACKAGED, 'deploy/application.yml': 'server:\n  ssl:\n    enabled-protocols: TLSv1.2\n' },
      ['8443 TLSv1.2'],
    ],
  ])('%s', (_name, files, expected) => expect(springServers(files)).toEqual(expected));
});
