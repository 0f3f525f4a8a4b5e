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
      'kubectl create secret is no ConfigMap (a Secret: below)',
      '/t/deploy.sh',
      '#!/bin/sh\nkubectl create secret generic s --from-file=tls.crt\n',
      [[undefined, ['tls.crt'], undefined, undefined, 1]],
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

const secretsOf = (path: string, text: string) =>
  (
    filePlacements({ path, text, hadBom: false }) ?? yamlFilePlacements({ path, text, hadBom: false })
  )?.data.placements.map((p) => [p.sources, p.secret, p.configMap?.name]);

describe('Secrets made of files', () => {
  it.each([
    [
      'kubectl create secret generic: keys, literals, the namespace, an env file',
      '/t/deploy.sh',
      '#!/bin/sh\nkubectl create secret generic db -n data --from-file=ca.crt=certs/ca.pem --from-file server.p12 --from-literal=password=x --type=Opaque\n' +
        'oc create secret generic app --namespace=web --from-file=a.jks --from-env-file=app.env\n',
      [
        [
          ['certs/ca.pem', 'server.p12'],
          { name: 'db', keys: ['ca.crt', undefined], namespace: 'data', literalKeys: ['password'] },
          undefined,
        ],
        [
          ['a.jks'],
          {
            name: 'app',
            keys: [undefined],
            namespace: 'web',
            moreKeys: 'it also takes the keys of the env file app.env',
          },
          undefined,
        ],
      ],
    ],
    [
      'kubectl create secret tls: --cert at tls.crt, --key at tls.key (either form)',
      '/t/deploy.sh',
      '#!/bin/sh\nkubectl create secret tls web-tls --cert=web.crt --key web.key\n',
      [[['web.crt', 'web.key'], { name: 'web-tls', keys: ['tls.crt', 'tls.key'] }, undefined]],
    ],
    [
      'kubectl create secret docker-registry makes no Secret of files',
      '/t/deploy.sh',
      '#!/bin/sh\nkubectl create secret docker-registry pull --from-file=.dockerconfigjson=config.json\n',
      undefined,
    ],
    [
      "a kustomization's secretGenerator: its namespace, literals, and a behavior that merges",
      '/t/k8s/kustomization.yaml',
      'secretGenerator:\n  - name: tls\n    namespace: web\n    files:\n      - tls.crt=certs/a.crt\n    literals:\n      - password=x\n  - name: more\n    behavior: merge\n    files:\n      - b.crt\n',
      [
        [
          ['certs/a.crt'],
          { name: 'tls', keys: ['tls.crt'], base: '/t/k8s', namespace: 'web', literalKeys: ['password'] },
          undefined,
        ],
        [
          ['b.crt'],
          {
            name: 'more',
            keys: [undefined],
            base: '/t/k8s',
            moreKeys: "its generator's behavior merge changes another generator's keys",
          },
          undefined,
        ],
      ],
    ],
  ])('%s', (_name, path, text, expected) => {
    expect(secretsOf(path, text)).toEqual(expected);
  });
});
