import { HelmValues, renderHelmValues, type HelmValuesChain } from '../../src/parse/helm-values';
import { scanTemplate } from '../../src/parse/template';

const VALUES = [
  'name: web',
  'tls:',
  '  protocols: TLSv1.2 TLSv1.3',
  '  port: 8443',
  '  enabled: true',
  '  cipher: ANY_TLS12_OR_HIGHER',
  '  list: [a, b]',
  '  empty:',
  '  yes11: yes',
  '  big: 1000000',
  '  lines: |',
  '    one',
  '    two',
  'quoted: "say \\"hi\\""',
  '',
].join('\n');

const chain = (text = VALUES): HelmValuesChain => ({ values: new HelmValues('/c/values.yaml', text) });

/** Renders a template and returns the rendered text and, per `{{ .Values }}`, what was put in or why not. */
function render(template: string, values = chain()) {
  const info = scanTemplate(template);
  if (!info) throw new Error('no template');
  const rendering = renderHelmValues(template, info, values);
  return {
    text: rendering?.masked.text,
    spans: info.spans
      .filter((s) => s.substituted || s.unknownBecause)
      .map((s) => (s.substituted ? `${s.substituted.key}=${s.substituted.value}` : `unknown: ${s.unknownBecause}`)),
    rendering,
  };
}

describe('Helm values.yaml defaults put into plain {{ .Values.x }}', () => {
  // [name, template, rendered text (undefined: nothing put in), what each .Values became]
  const cases: Array<[string, string, string | undefined, string[]]> = [
    ['plain value', 'server_name {{ .Values.name }};', 'server_name web;', ['.Values.name=web']],
    [
      'nested value',
      'ssl_protocols {{ .Values.tls.protocols }};',
      'ssl_protocols TLSv1.2 TLSv1.3;',
      ['.Values.tls.protocols=TLSv1.2 TLSv1.3'],
    ],
    ['integer', 'listen {{ .Values.tls.port }} ssl;', 'listen 8443 ssl;', ['.Values.tls.port=8443']],
    ['boolean', 'x={{ .Values.tls.enabled }}', 'x=true', ['.Values.tls.enabled=true']],
    [
      'quoted',
      'ssl_ciphers {{ .Values.tls.cipher | quote }};',
      'ssl_ciphers "ANY_TLS12_OR_HIGHER";',
      ['.Values.tls.cipher="ANY_TLS12_OR_HIGHER"'],
    ],
    [
      'quote escapes like Go %q',
      'a {{ .Values.quoted | quote }};',
      'a "say \\"hi\\"";',
      ['.Values.quoted="say \\"hi\\""'],
    ],
    ['trim markers eat the whitespace around', 'a = \n  {{- .Values.name -}}  \n;', 'a =web;', ['.Values.name=web']],
    ['$ is the root anywhere', 'a {{ $.Values.name }};', 'a web;', ['.Values.name=web']],
    [
      'missing key stays unknown, not empty',
      'a {{ .Values.tls.nothing }};',
      undefined,
      ['unknown: the chart values.yaml has no default for it'],
    ],
    [
      'missing parent key',
      'a {{ .Values.absent.deeper }};',
      undefined,
      ['unknown: the chart values.yaml has no default for it'],
    ],
    [
      'non-scalar stays unknown',
      'a {{ .Values.tls.list }};',
      undefined,
      ['unknown: its default in values.yaml is not a single value'],
    ],
    [
      'map stays unknown',
      'a {{ .Values.tls }};',
      undefined,
      ['unknown: its default in values.yaml is not a single value'],
    ],
    [
      'null stays unknown',
      'a {{ .Values.tls.empty }};',
      undefined,
      ['unknown: its default in values.yaml is empty (null)'],
    ],
    [
      'YAML 1.1 boolean spelling stays unknown',
      'a {{ .Values.tls.yes11 }};',
      undefined,
      ['unknown: how Helm prints its default yes is not predicted'],
    ],
    [
      'a million prints as 1e+06 in Helm: unknown',
      'a {{ .Values.tls.big }};',
      undefined,
      ['unknown: how Helm prints its default 1000000 is not predicted'],
    ],
    [
      'multi-line string stays unknown',
      'a {{ .Values.tls.lines }};',
      undefined,
      ['unknown: its default is several lines (their indentation once rendered is not predicted)'],
    ],
    [
      'default, include and Release stay unknown',
      'a {{ default "x" .Values.name }} {{ .Release.Name }};',
      undefined,
      [],
    ],
    [
      'value used inside an {{ if }} branch is put in; the condition is not evaluated',
      '{{ if .Values.tls.enabled }}\nssl_protocols {{ .Values.tls.protocols }};\n{{ end }}',
      `${' '.repeat(28)}\nssl_protocols TLSv1.2 TLSv1.3;\n${' '.repeat(9)}`,
      ['.Values.tls.protocols=TLSv1.2 TLSv1.3'],
    ],
    [
      '. is rebound inside with/range: unknown; $ still the root',
      '{{ with .Values.tls }}\na {{ .Values.name }} {{ $.Values.name }};\n{{ end }}',
      `${' '.repeat(22)}\na \${_Values_name___} web;\n${' '.repeat(9)}`,
      ['unknown: `.` is not the chart root inside with/range', '.Values.name=web'],
    ],
    ['inside a define: nothing put in', '{{ define "x" }}a {{ .Values.name }};{{ end }}', undefined, []],
  ];
  it.each(cases)('%s', (_, template, rendered, spans) => {
    const result = render(template);
    expect(result.text).toBe(rendered);
    expect(result.spans).toEqual(spans);
  });

  it('a values.yaml that does not parse: every value unknown, and a parse problem with its position', () => {
    const values = chain('tls:\n  port: [8443\nname: web\n');
    expect(values.values.problems.map((p) => [p.code, p.severity, p.range.start.line])).toEqual([
      ['invalid-yaml', 'error', expect.any(Number)],
    ]);
    expect(render('a {{ .Values.name }};', values).spans).toEqual(['unknown: the chart values.yaml does not parse']);
  });

  it.each([
    // UmfintechWtc/kubernetes charts/*/charts/values.yaml: Ansible fills the values file before Helm reads it.
    ['replicaCount: {{ es_replicas }}\nimage:\n  repository: {{ harbor_url }}/es/es\n', 2, '{{ harbor_url }}'],
    ['name: web\nimage: {{ registry }}/app:{{ tag }}\n', 1, '{{ registry }}'],
  ])('a values.yaml that is itself a template (%j): an info at the tag, every value unknown', (text, line, tag) => {
    const values = chain(text);
    expect(values.values.problems.map((p) => [p.code, p.severity, p.range.start.line])).toEqual([
      ['invalid-yaml', 'info', line],
    ]);
    expect(values.values.problems[0]?.message).toContain(`depend on template value ${tag}`);
    expect(render('a {{ .Values.name }};', values).spans).toEqual(['unknown: the chart values.yaml does not parse']);
  });

  // Helm reads the first YAML document only (chartutil.ReadValues): CDCgov/NEDSS-Helm's charts/dibbs/values.yaml ends
  // with `---`, which was a false "not valid YAML" error leaving every value of the chart unknown.
  it.each<[string, string, string[]]>([
    ['a trailing ---: nothing to say', 'name: web\ningress:\n  port: 443\n---\n', []],
    ['a trailing --- and a comment: nothing to say', 'name: web\n---\n# end\n', []],
    [
      'a second document: an info at it, the first read',
      'name: web\n---\nname: other\n',
      ['helm-values-later-documents@1'],
    ],
  ])('a values.yaml with more than one document (%s)', (_name, text, problems) => {
    const values = chain(text);
    expect(values.values.problems.map((p) => `${p.code}@${p.range.start.line}`)).toEqual(problems);
    expect(render('a {{ .Values.name }};', values).text).toBe('a web;');
  });

  it('a values.yaml whose first document does not parse is still unread', () => {
    const values = chain('tls:\n  port: [8443\n---\nname: web\n');
    expect(values.values.problems.map((p) => [p.code, p.severity])).toEqual([['invalid-yaml', 'error']]);
  });

  it('a values.yaml with a map keyed by flow sequences parses (the yaml library IMPOSSIBLE check is no YAML error)', () => {
    const values = chain('saml:\n  [urn:a]: x\n  [urn:b]: y\nname: web\n');
    expect(values.values.problems).toEqual([]);
    expect(render('a {{ .Values.name }};', values).text).toBe('a web;');
  });

  it('a subchart takes its parent values under its name first, then its own', () => {
    const sub: HelmValuesChain = {
      values: new HelmValues('/p/charts/web/values.yaml', 'name: own\nport: 80\n'),
      parent: {
        name: 'web',
        values: new HelmValues('/p/values.yaml', 'web:\n  name: fromParent\nglobal:\n  env: prod\n'),
      },
    };
    expect(render('a {{ .Values.name }} {{ .Values.port }} {{ .Values.global.env }};', sub).text).toBe(
      'a fromParent 80 prod;',
    );
  });

  it('maps positions on the rendered text back to the template, values to their {{ … }}', () => {
    const template = 'x\nssl_protocols {{ .Values.tls.protocols }} {{ .Values.name }};\n';
    const { rendering } = render(template);
    const map = rendering?.masked;
    expect(map?.text).toBe('x\nssl_protocols TLSv1.2 TLSv1.3 web;\n');
    const tag1 = template.indexOf('{{');
    const tag2 = template.lastIndexOf('{{');
    const line = (offset: number) => offset - template.indexOf('\n') - 1;
    // "TLSv1.3" (inside the first value) → the whole first tag; "web" → the second tag; ";" → the ";".
    expect(map?.toSource({ line: 1, character: 22 }, 'start')).toEqual({ line: 1, character: line(tag1) });
    expect(map?.toSource({ line: 1, character: 29 }, 'end')).toEqual({
      line: 1,
      character: line(template.indexOf('}}', tag1) + 2),
    });
    expect(map?.toSource({ line: 1, character: 30 }, 'start')).toEqual({ line: 1, character: line(tag2) });
    expect(map?.toSource({ line: 1, character: 33 }, 'start')).toEqual({
      line: 1,
      character: line(template.indexOf(';')),
    });
    expect(map?.toSource({ line: 2, character: 0 }, 'start')).toEqual({ line: 2, character: 0 });
  });
});
