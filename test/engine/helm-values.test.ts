import * as fs from 'node:fs';
import * as path from 'node:path';
import { debugResolution } from '../../src/cli/debug-resolution';
import { defaultConfig } from '../../src/core/config';
import type { Finding } from '../../src/core/types';
import { lint } from '../../src/engine/lint';
import { writeTree } from '../helpers/rule-tester';
import { lintTree } from './lint-helper';

const CHART = 'apiVersion: v2\nname: web\nversion: 0.1.0\n';
const builtIn = ['tls/server-allows-legacy-protocols', 'tls/weak-cipher-enabled'];

/** A chart whose ConfigMap holds an nginx.conf with the given `server` lines. */
const chart = (serverLines: string[], values: string, chartYaml = CHART) => ({
  'chart/Chart.yaml': chartYaml,
  'chart/values.yaml': values,
  'chart/templates/cm.yaml': [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: {{ .Release.Name }}-nginx',
    'data:',
    '  nginx.conf: |',
    '    http {',
    '      server {',
    '        listen 443 ssl;',
    ...serverLines.map((l) => `        ${l}`),
    '        ssl_certificate /etc/tls/tls.crt;',
    '        ssl_certificate_key /etc/tls/tls.key;',
    '      }',
    '    }',
    '',
  ].join('\n'),
});

/** `file:line:column severity ruleId` (one-based), then each related location the same way. */
function shown(findings: Finding[], root: string): string[] {
  const at = (l: { file: string; range?: Finding['location']['range'] }) =>
    `${path.relative(root, l.file).split(path.sep).join('/')}:${(l.range?.start.line ?? -1) + 1}:${(l.range?.start.character ?? -1) + 1}`;
  return findings.flatMap((f) => [
    `${at(f.location)} ${f.severity} ${f.ruleId}`,
    ...(f.related ?? []).map((r) => `  ↳ ${at(r)} ${r.message}`),
  ]);
}

describe('Helm chart: values.yaml defaults in templates/*.yaml', () => {
  it('a finding on a put-in value points at its {{ … }} (after a value of another length on the line) and names the values.yaml line', () => {
    const { findings, root } = lintTree(
      chart(
        ['server_name {{ .Values.name }}; ssl_protocols TLSv1.2 {{ .Values.tls.old }};'],
        'name: a-rather-long-server-name\ntls:\n  old: TLSv1\n',
      ),
      { builtIn },
    );
    // `{{ .Values.name }}` (18 characters) renders to 26 (TLSv1.2 at column 63 of the rendered line): the range
    // runs from TLSv1.2 to the end of `{{ .Values.tls.old }}`, in the template's columns.
    expect(shown(findings, root)).toEqual([
      'chart/templates/cm.yaml:10:55 warning tls/server-allows-legacy-protocols',
      "  ↳ chart/values.yaml:3:8 .Values.tls.old: the chart's default (an install-time --set or -f overrides it)",
    ]);
    expect(findings[0].message).toContain('nginx server a-rather-long-server-name:443');
    expect(findings[0].message).toContain("(with the chart's default .Values.tls.old from values.yaml)");
    const range = findings[0].location.range;
    expect([range?.start.character, range?.end.character]).toEqual([54, 83]);
  });

  it('a quoted value with a trim marker, inside an {{ if }} branch: both said', () => {
    const { findings, root } = lintTree(
      chart(
        ['{{- if .Values.tls.legacy }}', 'ssl_protocols TLSv1.2 {{ .Values.tls.old | quote -}}', ';', '{{- end }}'],
        'tls:\n  legacy: false\n  old: TLSv1.1\n',
      ),
      { builtIn },
    );
    expect(shown(findings, root)).toEqual([
      'chart/templates/cm.yaml:11:23 warning tls/server-allows-legacy-protocols',
      "  ↳ chart/values.yaml:3:8 .Values.tls.old: the chart's default (an install-time --set or -f overrides it)",
      '  ↳ chart/templates/cm.yaml:10:37 template branch {{- if .Values.tls.legacy }}',
    ]);
    expect(findings[0].message).toContain('(when the template takes the branch {{- if .Values.tls.legacy }})');
  });

  it('a key values.yaml does not give stays unknown (an info naming it), never empty', () => {
    const { findings } = lintTree(chart(['ssl_protocols TLSv1 {{ .Values.tls.extra }};'], 'tls: {}\n'), { builtIn });
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['tls/server-allows-legacy-protocols', 'info']]);
    expect(findings[0].message).toContain(
      'depends on template value {{ .Values.tls.extra }}, unknown until the template is rendered (the chart values.yaml has no default for it)',
    );
  });

  it('a values.yaml that does not parse: a parse finding on it, and the values unknown', () => {
    const { findings, root } = lintTree(
      chart(['ssl_protocols TLSv1 {{ .Values.tls.old }};'], 'tls:\n  old: [TLSv1\n'),
      {
        builtIn,
      },
    );
    expect(shown(findings, root).filter((l) => !l.startsWith('  '))).toEqual([
      'chart/templates/cm.yaml:10:23 info tls/server-allows-legacy-protocols',
      'chart/values.yaml:3:1 error parse/invalid-yaml',
    ]);
    const legacy = findings.find((f) => f.ruleId === 'tls/server-allows-legacy-protocols');
    expect(legacy?.message).toContain('(the chart values.yaml does not parse)');
  });

  it('outside a chart (no Chart.yaml) nothing is put in', () => {
    const files: Record<string, string> = chart(['ssl_protocols TLSv1 {{ .Values.tls.old }};'], 'tls:\n  old: TLSv1\n');
    delete files['chart/Chart.yaml'];
    const { findings } = lintTree(files, { builtIn });
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['tls/server-allows-legacy-protocols', 'info']]);
  });

  it('a templates/*.tpl manifest (not a _partial) is read as the YAML it renders to', () => {
    const files: Record<string, string> = chart(['ssl_protocols {{ .Values.tls.old }};'], 'tls:\n  old: TLSv1\n');
    files['chart/templates/configmap.tpl'] = files['chart/templates/cm.yaml'];
    files['chart/templates/_helpers.tpl'] = files['chart/templates/cm.yaml'];
    delete files['chart/templates/cm.yaml'];
    const { findings, root } = lintTree(files, { builtIn });
    expect(shown(findings, root).filter((l) => !l.startsWith('  '))).toEqual([
      'chart/templates/configmap.tpl:10:23 warning tls/server-allows-legacy-protocols',
    ]);
  });

  it('a parse problem after a put-in value is on its line and column in the template', () => {
    const { findings, root } = lintTree(
      chart(['server_name {{ .Values.name }} {{ .Values.alias }};;'], 'name: a-long-server-name\nalias: b\n'),
      { builtIn },
    );
    expect(shown(findings, root).filter((l) => l.includes('parse/'))).toEqual([
      'chart/templates/cm.yaml:10:60 error parse/unexpected-token',
    ]);
  });
});

describe('Helm chart: MQSC in a ConfigMap, and --debug', () => {
  const files = {
    'qm/Chart.yaml': CHART,
    'qm/values.yaml':
      'channel:\n  name: APP.SVRCONN\n  cipherSpec: TLS_RSA_WITH_AES_128_CBC_SHA256\n  keyRepositoryPassword: s3cret\n',
    'qm/templates/cm.yaml': [
      'kind: ConfigMap',
      'data:',
      '  qm.mqsc: |',
      "    DEFINE CHANNEL('{{ .Values.channel.name }}') CHLTYPE(SVRCONN) SSLCIPH({{ .Values.channel.cipherSpec }}) SSLCAUTH(REQUIRED) MCAUSER('app')",
      '',
    ].join('\n'),
  };

  it('the channel and CipherSpec come from values.yaml, with positions in the template', () => {
    const { findings, root } = lintTree(files, { builtIn: ['tls/weak-cipher-enabled'] });
    expect(shown(findings, root)).toEqual([
      'qm/templates/cm.yaml:4:75 info tls/weak-cipher-enabled',
      "  ↳ qm/values.yaml:3:15 .Values.channel.cipherSpec: the chart's default (an install-time --set or -f overrides it)",
    ]);
    expect(findings[0].message).toContain('SVRCONN channel APP.SVRCONN enables 1 static-RSA suite');
  });

  it('--debug names each value put in and its values.yaml line', () => {
    const root = writeTree(files);
    try {
      const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
      expect(debugResolution(result.deployments, root).filter((l) => l.startsWith('helm'))).toEqual([
        'helm value qm/templates/cm.yaml:4 {{ .Values.channel.name }} = APP.SVRCONN (from qm/values.yaml:2)',
        'helm value qm/templates/cm.yaml:4 {{ .Values.channel.cipherSpec }} = TLS_RSA_WITH_AES_128_CBC_SHA256 (from qm/values.yaml:3)',
      ]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('Liberty server.xml in a ConfigMap', () => {
  it('includes the ConfigMap keys mounted beside it, shown in --debug', () => {
    const files = {
      'chart/templates/cm-server.yaml':
        'kind: ConfigMap\ndata:\n  server.xml: |\n    <server>\n      <include location="adc_conf/server_tls.xml"/>\n    </server>\n',
      'chart/templates/cm-tls.yaml':
        'kind: ConfigMap\ndata:\n  server_tls.xml: |\n    <server>\n      <ssl id="defaultSSLConfig" sslProtocol="TLSv1.2"/>\n    </server>\n',
    };
    const root = writeTree(files);
    try {
      const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
      expect(debugResolution(result.deployments, root).filter((l) => l.startsWith('liberty'))).toEqual([
        'liberty chart/templates/cm-server.yaml key server.xml: chart/templates/cm-server.yaml key server.xml + chart/templates/cm-tls.yaml key server_tls.xml',
      ]);
      expect(result.findings.filter((f) => f.ruleId === 'liberty/include-missing')).toEqual([]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
