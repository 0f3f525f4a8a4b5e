import { filePlacements } from '../../src/parse/script-file-placements';
import { yamlFilePlacements } from '../../src/parse/yaml-file-placements';

const configMapsOf = (path: string, text: string) =>
  (
    filePlacements({ path, text, hadBom: false }) ?? yamlFilePlacements({ path, text, hadBom: false })
  )?.data.placements.map((p) => [
    p.configMap?.name,
    p.sources,
    p.configMap?.keys,
    p.configMap?.base,
    p.range.start.line,
  ]);

describe('ConfigMaps made of files', () => {
  it.each([
    [
      'kubectl: names, keys, a directory, options that take values',
      '/t/deploy.sh',
      '#!/bin/sh\nkubectl --context prod create cm sites -n web --from-file=a.conf=conf/x.conf --from-file conf/sites-available\n',
      [['sites', ['conf/x.conf', 'conf/sites-available'], ['a.conf', undefined], undefined, 1]],
    ],
    [
      'kubectl create secret is no ConfigMap',
      '/t/deploy.sh',
      '#!/bin/sh\nkubectl create secret generic s --from-file=tls.crt\n',
      undefined,
    ],
    [
      "a kustomization's configMapGenerator, relative to its directory",
      '/t/k8s/kustomization.yaml',
      'configMapGenerator:\n  - name: sites\n    files:\n      - ../nginx/sites-available/a.conf\n      - b=b.conf\n  - name: env\n    literals:\n      - A=1\n',
      [
        ['sites', ['../nginx/sites-available/a.conf'], [undefined], '/t/k8s', 3],
        ['sites', ['b.conf'], ['b'], '/t/k8s', 4],
      ],
    ],
    [
      'Helm: a Get under its key (same line, a block scalar above), a Glob as config or in a range',
      '/t/chart/templates/cm.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ include "web.fullname" . }}-sites\ndata:\n' +
        '  a.conf: {{ .Files.Get "sites-available/a.conf" | quote }}\n  b.conf: |-\n{{ .Files.Get "sites-available/b.conf" | indent 4 }}\n' +
        '{{ (.Files.Glob "conf/*").AsConfig | indent 2 }}\n{{- range $path, $_ := .Files.Glob "extra/*" }}\n  {{ base $path }}: |-\n{{ $.Files.Get $path | indent 4 }}\n{{- end }}\n',
      [
        ['{{ include "web.fullname" . }}-sites', ['sites-available/a.conf'], ['a.conf'], '/t/chart', 5],
        ['{{ include "web.fullname" . }}-sites', ['sites-available/b.conf'], ['b.conf'], '/t/chart', 7],
        ['{{ include "web.fullname" . }}-sites', ['conf/*'], [undefined], '/t/chart', 8],
        ['{{ include "web.fullname" . }}-sites', ['extra/*'], ['{{ .Files.Glob }}'], '/t/chart', 9],
      ],
    ],
    [
      'a Helm template of a Secret reads no ConfigMap',
      '/t/chart/templates/s.yaml',
      'kind: Secret\ndata:\n  a: {{ .Files.Get "a" | b64enc }}\n',
      undefined,
    ],
  ])('%s', (_name, path, text, expected) => {
    expect(configMapsOf(path, text)).toEqual(expected);
  });
});
