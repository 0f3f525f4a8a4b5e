import { lintTree } from './lint-helper';

/** Spring Boot stops at start on a YAML key set twice in one mapping; a template's branches each set it once. */
describe('Spring YAML duplicate keys', () => {
  const parseFindings = (files: Record<string, string>) =>
    lintTree(files).findings.map(
      (f) =>
        `${f.location.file.split('/').slice(-1)[0]}:${(f.location.range?.start.line ?? -1) + 1} ${f.severity} ${f.ruleId}`,
    );

  it('a key set twice in application.yml: an error, the app does not start', () => {
    expect(
      parseFindings({
        'app/src/main/resources/application.yml': 'server:\n  port: 8443\nserver:\n  ssl:\n    enabled: true\n',
      }),
    ).toEqual(['application.yml:3 error parse/duplicate-key']);
  });

  // jgnoonan/registration-service@b7d35e3 (micronaut-parent 4.6.3) src/test/resources/application-test.yml: Micronaut's
  // loader allows duplicate keys (SnakeYAML's default LoaderOptions), the later mapping replacing the earlier one.
  it.each([
    [
      "a Micronaut app's file (micronaut.*) that sets micronaut twice: it loads, the first mapping is lost (a warning)",
      'micronaut:\n  application:\n    name: registration\nmicronaut:\n  metrics:\n    enabled: false\n',
      ['application.yml:4 warning parse/duplicate-key'],
    ],
    [
      "a Micronaut app's file that sets another key twice: a warning too",
      'micronaut:\n  server:\n    port: 8443\nrate-limits:\n  a: 1\nrate-limits:\n  b: 2\n',
      ['application.yml:6 warning parse/duplicate-key'],
    ],
    [
      "a Spring Boot app's file without micronaut.* keys: Spring Boot refuses it (an error)",
      'rate-limits:\n  a: 1\nrate-limits:\n  b: 2\n',
      ['application.yml:3 error parse/duplicate-key'],
    ],
  ])('%s', (_name, yaml, expected) => {
    expect(parseFindings({ 'app/src/main/resources/application.yml': yaml })).toEqual(expected);
  });

  it('a template that sets the key in two conditional branches: each rendering sets it once', () => {
    expect(
      parseFindings({
        'app/config/application.yml.j2':
          '{% if tls %}\nserver:\n  port: 8443\n{% endif %}\n{% if not tls %}\nserver:\n  port: 8080\n{% endif %}\n',
      }),
    ).toEqual([]);
  });
  it('an application.yml in a Helm ConfigMap whose `if`/`else` each set the key: each rendering sets it once', () => {
    expect(
      parseFindings({
        'chart/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 1.0.0\n',
        'chart/values.yaml': 'tls: true\n',
        'chart/templates/cm.yaml':
          'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  application.yml: |\n    server:\n    {{- if .Values.tls }}\n      port: 8443\n    {{- else }}\n      port: 8080\n    {{- end }}\n',
      }),
    ).toEqual([]);
  });
});
