import { kubernetesFormat } from '../../src/parse/kubernetes';
import { imageBuildFormat } from '../../src/parse/image-build';
import { keysFromTemplate } from '../../src/parse/kubernetes-env-sources';

const parse = (text: string) =>
  kubernetesFormat.parse({ path: '/t/deploy.yaml', text, hadBom: false }, 'kubernetes').data;

const CRONJOB = [
  'apiVersion: batch/v1',
  'kind: CronJob',
  'metadata:',
  '  name: nightly',
  'spec:',
  '  jobTemplate:',
  '    spec:',
  '      template:',
  '        spec:',
  '          initContainers:',
  '          - name: wait',
  '            image: busybox',
  '            env:',
  '            - name: SPRING_PROFILES_ACTIVE',
  '              value: init',
  '          containers:',
  '          - name: app',
  '            image: "registry:5000/team/app:1.2"',
  '            imagePullPolicy: Always',
  '            env:',
  '            - name: SPRING_PROFILES_ACTIVE',
  "              value: 'prod'",
  '            - name: SERVER_SSL_KEY_STORE_PASSWORD',
  '              valueFrom:',
  '                secretKeyRef:',
  '                  name: app-tls',
  '                  key: password',
  '            - name: LOG_LEVEL',
  '              value: debug',
  '            envFrom:',
  '            - configMapRef:',
  '                name: app-env',
  '            - secretRef:',
  '                name: app-secrets',
  '            args: ["--server.port=8443", "--spring.config.location=file:/config/"]',
  '---',
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  '  name: app-env',
  'data:',
  '  SERVER_SSL_CLIENT_AUTH: need',
  '  application.yml: |',
  '    server:',
  '      port: 8443',
  '',
].join('\n');

describe('Kubernetes manifests as container starts', () => {
  it.each([
    ['a Deployment', 'deploy.yaml', 'apiVersion: apps/v1\nkind: Deployment\n', 'kubernetes'],
    [
      'a Helm template of a StatefulSet',
      'templates/sts.yaml',
      '{{- if .Values.x }}\napiVersion: apps/v1\nkind: StatefulSet\n',
      'kubernetes',
    ],
    [
      'a ConfigMap setting a Spring variable',
      'cm.yaml',
      'apiVersion: v1\nkind: ConfigMap\ndata:\n  SPRING_PROFILES_ACTIVE: ssl\n',
      'kubernetes',
    ],
    [
      'a ConfigMap of files only',
      'cm.yaml',
      'apiVersion: v1\nkind: ConfigMap\ndata:\n  application.yml: |\n    a: b\n',
      undefined,
    ],
    [
      'a Secret holding a certificate file (for the volume that mounts it)',
      'secret.yaml',
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: tls\nstringData:\n  tls.crt: |\n',
      'kubernetes',
    ],
    [
      'a ConfigMap setting a KC_ variable (for the envFrom: that names it)',
      'cm.yaml',
      'apiVersion: v1\nkind: ConfigMap\ndata:\n  KC_HTTPS_PROTOCOLS: TLSv1.3\n',
      'kubernetes',
    ],
    [
      'a Secret setting a Spring variable (for the envFrom: that names it)',
      'secret.yaml',
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: app-env\ndata:\n  SERVER_SSL_ENABLED_PROTOCOLS: VExTdjE=\n',
      'kubernetes',
    ],
    ['a Secret of passwords only', 'secret.yaml', 'apiVersion: v1\nkind: Secret\ndata:\n  password: eA==\n', undefined],
    // Read for the route to a container only (src/parse/kubernetes-routing.ts); it neither makes nor splits a deployment.
    ['a Service', 'svc.yaml', 'apiVersion: v1\nkind: Service\n', 'kubernetes.routing'],
    ['an Ingress', 'ingress.yaml', 'apiVersion: networking.k8s.io/v1\nkind: Ingress\n', 'kubernetes.routing'],
    ['an Ingress in Markdown', 'README.md', 'apiVersion: networking.k8s.io/v1\nkind: Ingress\n', undefined],
    ['a Deployment in Markdown', 'README.md', 'apiVersion: apps/v1\nkind: Deployment\n', undefined],
  ])('%s is %s', (_name, file, head, kind) => {
    expect(kubernetesFormat.classify(`/t/${file}`, head)).toBe(kind);
  });

  it("reads each container's image, env (valueFrom: run time), envFrom and Spring arguments; not init containers", () => {
    const data = parse(CRONJOB);
    expect(data.containers.map((c) => c.label)).toEqual(['CronJob nightly, container app']);
    const [app] = data.containers;
    expect(app?.image?.value).toBe('"registry:5000/team/app:1.2"'.replace(/"/g, ''));
    expect(
      app?.springEnvironment.map((e) => [e.via, e.name, e.value, e.unresolved, e.secret, e.valueRange.start.line + 1]),
    ).toEqual([
      ['SPRING_PROFILES_ACTIVE', 'spring.profiles.active', 'prod', false, false, 22],
      ['SERVER_SSL_KEY_STORE_PASSWORD', 'server.ssl.key-store-password', '', true, true, 23],
    ]);
    expect(app?.envFrom.map((f) => [f.source, f.name])).toEqual([
      ['configMap', 'app-env'],
      ['secret', 'app-secrets'],
    ]);
    expect(app?.springArguments.map((a) => [a.name, a.value])).toEqual([
      ['server.port', '8443'],
      ['spring.config.location', 'file:/config/'],
    ]);
    expect(data.envSources.map((c) => [c.name, c.springEnvironment.map((e) => [e.name, e.value])])).toEqual([
      ['app-env', [['server.ssl.client-auth', 'need']]],
    ]);
  });
});

describe("an envFrom: Secret's variables", () => {
  const secret = (...lines: string[]) =>
    ['apiVersion: v1', 'kind: Secret', 'metadata:', '  name: app-env', ...lines, ''].join('\n');
  const variables = (text: string) =>
    parse(text).envSources.map((s) => [
      s.source,
      s.name,
      s.springEnvironment.map((e) => [e.via, e.value, e.unresolved, e.valueRange.start.line + 1]),
      s.jvm.jvmProperties.map((p) => `${p.name}=${p.value}@${p.valueRange.start.line + 1}`),
    ]);

  test.each<[string, string, unknown[]]>([
    [
      "base64 data: decoded, placed at the key's encoded value",
      // TLSv1 / -Djdk.tls.client.protocols=TLSv1.2
      secret(
        'data:',
        '  SERVER_SSL_ENABLED_PROTOCOLS: VExTdjE=',
        '  JAVA_TOOL_OPTIONS: LURqZGsudGxzLmNsaWVudC5wcm90b2NvbHM9VExTdjEuMg==',
      ),
      [
        [
          'secret',
          'app-env',
          [['SERVER_SSL_ENABLED_PROTOCOLS', 'TLSv1', false, 6]],
          ['jdk.tls.client.protocols=TLSv1.2@7'],
        ],
      ],
    ],
    [
      'stringData as written, over the same key of data',
      secret(
        'data:',
        '  SERVER_SSL_ENABLED_PROTOCOLS: VExTdjE=',
        'stringData:',
        '  SERVER_SSL_ENABLED_PROTOCOLS: TLSv1.3',
      ),
      [['secret', 'app-env', [['SERVER_SSL_ENABLED_PROTOCOLS', 'TLSv1.3', false, 8]], []]],
    ],
    [
      'base64 data that is no text: the cluster has the value',
      secret('data:', '  SERVER_SSL_ENABLED_PROTOCOLS: //79/A=='),
      [['secret', 'app-env', [['SERVER_SSL_ENABLED_PROTOCOLS', '', true, 6]], []]],
    ],
    ['keys lint-deploy reads none of', secret('data:', '  DB_PASSWORD: eA=='), []],
  ])('%s', (_name, text, expected) => {
    expect(variables(text)).toEqual(expected);
  });

  test.each<[string, string[], boolean]>([
    ['literal keys, a template only in a value the reader kept', ['stringData:', '  A: "{{ .Values.a }}"'], false],
    [
      'a range over values',
      ['data:', '  {{- range $k, $v := .Values.env }}', '  {{ $k }}: {{ $v | b64enc }}', '  {{- end }}'],
      true,
    ],
    ['a value the reader drops with its key', ['data:', '  A: {{ .Values.a | b64enc }}', '  B: eQ=='], true],
    ['a toYaml block under stringData', ['stringData:', '{{ toYaml .Values.extra | indent 2 }}'], true],
    [
      'a template in the labels only',
      ['  labels:', '    {{- include "app.labels" . | nindent 4 }}', 'data:', '  B: eQ=='],
      false,
    ],
  ])('keys written by a template: %s', (_name, lines, expected) => {
    const text = secret(...lines);
    const [source] = parse(text).sources;
    expect(keysFromTemplate(text, source!)).toBe(expected);
  });

  it('an envFrom prefix is read with its source, before or after it', () => {
    const data = parse(
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: app',
        'spec:',
        '  template:',
        '    spec:',
        '      containers:',
        '      - name: app',
        '        image: app',
        '        envFrom:',
        '        - prefix: APP_',
        '          secretRef:',
        '            name: a',
        '        - configMapRef:',
        '            name: b',
        '          prefix: B_',
        '        - secretRef:',
        '            name: c',
        '',
      ].join('\n'),
    );
    expect(data.containers[0]?.envFrom.map((f) => [f.source, f.name, f.prefix])).toEqual([
      ['secret', 'a', 'APP_'],
      ['configMap', 'b', 'B_'],
      ['secret', 'c', undefined],
    ]);
  });
});

describe('image builds', () => {
  const built = (path: string, text: string) => {
    const kind = imageBuildFormat.classify(path, text);
    return kind ? imageBuildFormat.parse({ path, text, hadBom: false }, kind).data : undefined;
  };

  it('Skaffold artifacts built from a context; a custom build command names no directory', () => {
    const data = built(
      '/t/skaffold.yaml',
      'apiVersion: skaffold/v4beta5\nkind: Config\nbuild:\n  artifacts:\n    - image: api\n      context: services/api\n    - image: web\n    - image: books-server\n      custom:\n        buildCommand: ./gradlew :books-server:bootBuildImage\n',
    );
    expect(data?.images.map((i) => [i.written, i.dir])).toEqual([
      ['api', 'services/api'],
      ['web', '.'],
    ]);
  });

  it('Gradle bootBuildImage imageName and Jib to.image, with the version the build file sets', () => {
    const data = built(
      '/t/books-server/build.gradle',
      'version = \'0.0.1-SNAPSHOT\'\ntasks.named("bootBuildImage") {\n  imageName = "localhost:5001/${project.name}:${project.version}"\n}\njib {\n  to {\n    image = \'ghcr.io/x/books\'\n  }\n}\n',
    );
    expect(data?.images.map((i) => [i.written, i.by])).toEqual([
      ['localhost:5001/${project.name}:${project.version}', 'Gradle bootBuildImage imageName'],
      ['ghcr.io/x/books', 'Gradle jib to.image'],
    ]);
    expect(data?.values['project.version']).toBe('0.0.1-SNAPSHOT');
  });

  it('Maven spring-boot-maven-plugin image name with the project’s artifactId (not its parent’s)', () => {
    const data = built(
      '/t/app/pom.xml',
      '<project><parent><artifactId>spring-boot-starter-parent</artifactId></parent><artifactId>orders</artifactId><build><plugins><plugin><artifactId>spring-boot-maven-plugin</artifactId><configuration><image><name>acme/${project.artifactId}</name></image></configuration></plugin></plugins></build></project>',
    );
    expect(data?.images.map((i) => i.written)).toEqual(['acme/${project.artifactId}']);
    expect(data?.values['project.artifactId']).toBe('orders');
  });

  it('an <image> of another plugin is not spring-boot-maven-plugin’s', () => {
    const data = built(
      '/t/app/pom.xml',
      '<project><artifactId>orders</artifactId><build><plugins><plugin><artifactId>spring-boot-maven-plugin</artifactId></plugin><plugin><artifactId>other-plugin</artifactId><configuration><image><name>acme/other</name></image></configuration></plugin></plugins></build></project>',
    );
    expect(data?.images).toEqual([]);
  });

  it('a build file that names no image is not read', () => {
    expect(imageBuildFormat.classify('/t/build.gradle', "plugins { id 'java' }\n")).toBeUndefined();
  });
});

// Shaped like the ECK operator's install.yaml (elastic/cloud-on-k8s@7b93383 hack/upgrade-test-harness/testdata; Elastic
// License 2.0, so written anew here, not copied).
describe('a secret-named variable set to the name of a Secret the pod mounts', () => {
  const operator = (webhookSecret: string, apiToken: string) =>
    kubernetesFormat.parse(
      {
        path: '/t/install.yaml',
        text: [
          'apiVersion: apps/v1',
          'kind: StatefulSet',
          'metadata:',
          '  name: elastic-operator',
          'spec:',
          '  template:',
          '    spec:',
          '      containers:',
          '        - image: "docker.elastic.co/eck/eck-operator:2.16.1"',
          '          name: manager',
          '          env:',
          '            - name: WEBHOOK_SECRET',
          `              value: ${webhookSecret}`,
          '            - name: API_TOKEN',
          `              value: ${apiToken}`,
          '          volumeMounts:',
          '            - mountPath: /tmp/k8s-webhook-server/serving-certs',
          '              name: cert',
          '      volumes:',
          '        - name: cert',
          '          secret:',
          '            defaultMode: 420',
          '            secretName: elastic-webhook-server-cert',
          '        - name: tokens',
          '          projected:',
          '            sources:',
          '              - secret:',
          '                  name: api-token',
          '',
        ].join('\n'),
        hadBom: false,
      },
      'kubernetes',
    );
  const secrets = (webhookSecret: string, apiToken: string) =>
    operator(webhookSecret, apiToken)
      .entries.filter((e) => e.secret)
      .map((e) => `${e.key}=${e.value}`);

  it('names where the secret is, not the secret (a secret volume, a projected one)', () => {
    expect(secrets('elastic-webhook-server-cert', 'api-token')).toEqual([]);
  });

  it('any other value is the secret', () => {
    expect(secrets('whsec-5f2b9c', 's3cr3t-token')).toEqual([
      'spec.template.spec.containers[0].env.WEBHOOK_SECRET=whsec-5f2b9c',
      'spec.template.spec.containers[0].env.API_TOKEN=s3cr3t-token',
    ]);
  });

  it("reads each container's volume mounts, the Pod's ConfigMap and Secret volumes, and each source's keys and namespace", () => {
    const data = parse(
      [
        'apiVersion: apps/v1',
        'kind: StatefulSet',
        'metadata:',
        '  name: kc',
        '  namespace: iam',
        'spec:',
        '  template:',
        '    spec:',
        '      containers:',
        '        - name: kc',
        '          image: kc',
        '          volumeMounts:',
        '            - name: tls',
        '              mountPath: /etc/certs/tls.pem',
        '              subPath: server.pem',
        '            - { name: data, mountPath: /data }',
        '      volumes:',
        '        - name: tls',
        '          secret:',
        '            secretName: kc-tls',
        '            items:',
        '              - key: tls.crt',
        '                path: server.pem',
        '        - name: data',
        '          emptyDir: {}',
        '---',
        'apiVersion: v1',
        'kind: Secret',
        'metadata:',
        '  name: kc-tls',
        '  namespace: iam',
        'data:',
        '  tls.crt: LS0t',
        'stringData:',
        '  tls.crt: plain',
        '  ca.crt: ca',
        '',
      ].join('\n'),
    );
    const [kc] = data.containers;
    expect(kc?.namespace).toBe('iam');
    expect(kc?.mounts.map((m) => [m.volume, m.mountPath, m.subPath, m.range.start.line + 1])).toEqual([
      ['tls', '/etc/certs/tls.pem', 'server.pem', 14],
      ['data', '/data', undefined, 16],
    ]);
    expect(kc?.volumes).toEqual([
      expect.objectContaining({
        name: 'tls',
        source: 'secret',
        sourceName: 'kc-tls',
        items: [{ key: 'tls.crt', path: 'server.pem' }],
      }),
    ]);
    expect(
      data.sources.map((s) => [s.source, s.name, s.namespace, s.keys.map((k) => [k.key, k.value, k.encoded])]),
    ).toEqual([
      [
        'secret',
        'kc-tls',
        'iam',
        [
          ['tls.crt', 'plain', false],
          ['ca.crt', 'ca', false],
        ],
      ],
    ]);
  });
});

describe('routes to a container: Ingress, Service, Pod template', () => {
  it('reads v1 and v1beta1 backends, the default backend, the Service ports and selector, the Pod labels and ports', () => {
    const doc = parse(
      [
        'apiVersion: networking.k8s.io/v1',
        'kind: Ingress',
        'metadata:',
        '  name: web',
        '  namespace: shop',
        '  annotations:',
        '    nginx.ingress.kubernetes.io/backend-protocol: "HTTPS"',
        'spec:',
        '  ingressClassName: nginx',
        '  defaultBackend:',
        '    service:',
        '      name: fallback',
        '      port:',
        '        name: http',
        '  rules:',
        '    - host: shop.example.org',
        '      http:',
        '        paths:',
        '          - path: /api',
        '            backend:',
        '              service:',
        '                name: api',
        '                port:',
        '                  number: 8443',
        '---',
        'apiVersion: extensions/v1beta1',
        'kind: Ingress',
        'metadata:',
        '  name: old',
        'spec:',
        '  rules:',
        '    - http:',
        '        paths:',
        '          - backend:',
        '              serviceName: api',
        '              servicePort: https',
        '---',
        'apiVersion: v1',
        'kind: Service',
        'metadata:',
        '  name: api',
        'spec:',
        '  selector:',
        '    app.kubernetes.io/name: api',
        '  ports:',
        '    - name: https',
        '      port: 8443',
        '      targetPort: tls',
        '---',
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: api',
        '  labels:',
        '    team: shop',
        'spec:',
        '  template:',
        '    metadata:',
        '      labels:',
        '        app.kubernetes.io/name: api',
        '    spec:',
        '      containers:',
        '        - name: api',
        '          image: registry.example.com/api:1',
        '          ports:',
        '            - name: tls',
        '              containerPort: 8443',
        '',
      ].join('\n'),
    );
    const [web, old] = doc.ingresses ?? [];
    expect(web?.namespace).toBe('shop');
    expect(web?.className?.value).toBe('nginx');
    expect(web?.annotations.get('nginx.ingress.kubernetes.io/backend-protocol')?.value).toBe('HTTPS');
    expect(
      web?.backends.map((b) => [b.service.value, b.port?.value, b.port?.named, b.host ?? '', b.path ?? '']),
    ).toEqual([
      ['fallback', 'http', true, '', ''],
      ['api', '8443', false, 'shop.example.org', '/api'],
    ]);
    // Zero-based inside: the service name of the v1 path is on line 22 (one-based).
    expect(web?.backends[1]?.service.range.start.line).toBe(21);
    expect(old?.backends.map((b) => [b.service.value, b.port?.value, b.port?.named])).toEqual([['api', 'https', true]]);
    const [api] = doc.services ?? [];
    expect([...(api?.selector ?? [])]).toEqual([['app.kubernetes.io/name', 'api']]);
    expect(api?.ports.map((p) => [p.name, p.port?.value, p.targetPort?.value])).toEqual([['https', '8443', 'tls']]);
    const [pod] = doc.pods ?? [];
    // The Deployment's own labels are not the Pod's.
    expect([...(pod?.labels ?? [])]).toEqual([['app.kubernetes.io/name', 'api']]);
    expect(pod?.ports.map((p) => [p.container, p.containerPort.value, p.name])).toEqual([[0, '8443', 'tls']]);
    expect(doc.containers[0]?.pod).toBe(pod?.pod);
  });
});
