import rule from '../../../src/rules/tls/ingress-backend-protocol-mismatch';
import { ruleTester } from '../../helpers/rule-tester';

/** Skaffold builds the app in app/ into the image the Deployment runs (what binds the container to the app). */
const skaffold = {
  'skaffold.yaml':
    'apiVersion: skaffold/v4beta6\nkind: Config\nbuild:\n  artifacts:\n  - image: registry.example.com/orders\n    context: app\n',
};

const springTls = 'server:\n  port: 8443\n  ssl:\n    key-store: classpath:ks.p12\n    key-store-type: PKCS12\n';
const springPlain = 'spring:\n  application:\n    name: orders\nserver:\n  port: 8080\n';

/** The Deployment `orders` (pod label app: orders); its container's `ports` lines, then more container lines. */
const deployment = (ports: string[], more: string[] = [], image = 'registry.example.com/orders:1.4.2') =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: orders',
    'spec:',
    '  selector:',
    '    matchLabels:',
    '      app: orders',
    '  template:',
    '    metadata:',
    '      labels:',
    '        app: orders',
    '    spec:',
    '      containers:',
    '        - name: orders',
    `          image: ${image}`,
    ...(ports.length ? ['          ports:', ...ports.map((l) => `            ${l}`)] : []),
    ...more.map((l) => `          ${l}`),
    '',
  ].join('\n');

/** The Service `orders` forwarding its port 443 to `target` (line 9), in `namespace` when given. */
const service = (target: string, namespace?: string, selector = 'app: orders') =>
  [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: orders',
    ...(namespace ? [`  namespace: ${namespace}`] : []),
    'spec:',
    '  selector:',
    `    ${selector}`,
    '  ports:',
    '    - port: 443',
    `      targetPort: ${target}`,
    '',
  ].join('\n');

/**
 * The Ingress `orders` of class `className` with these annotation lines (the first on line 6), routing / to Service
 * orders port 443 (the service name on line 18 with one annotation, 17 without).
 */
const ingress = (annotations: string[], className = 'nginx') =>
  [
    'apiVersion: networking.k8s.io/v1',
    'kind: Ingress',
    'metadata:',
    '  name: orders',
    ...(annotations.length ? ['  annotations:', ...annotations.map((a) => `    ${a}`)] : []),
    'spec:',
    ...(className ? [`  ingressClassName: ${className}`] : []),
    '  rules:',
    '    - host: orders.example.org',
    '      http:',
    '        paths:',
    '          - path: /',
    '            pathType: Prefix',
    '            backend:',
    '              service:',
    '                name: orders',
    '                port:',
    '                  number: 443',
    '',
  ].join('\n');

const HTTPS = 'nginx.ingress.kubernetes.io/backend-protocol: "HTTPS"';

/** The app with these Spring settings, the Deployment, Service and Ingress in k8s/. */
const tree = (settings: string, k8s: { deployment?: string; service?: string; ingress?: string }) => ({
  ...skaffold,
  'app/src/main/resources/application.yml': settings,
  'k8s/deployment.yaml': k8s.deployment ?? deployment(['- containerPort: 8443', '  name: https']),
  'k8s/service.yaml': k8s.service ?? service('https'),
  'k8s/ingress.yaml': k8s.ingress ?? ingress([]),
});

const plainTree = (k8s: { deployment?: string; service?: string; ingress?: string } = {}, settings = springPlain) =>
  tree(settings, {
    deployment: deployment(['- containerPort: 8080']),
    service: service('8080'),
    ingress: ingress([HTTPS]),
    ...k8s,
  });

/** A Helm chart of the app's Deployment, Service and Ingress (with this annotation, this backend service name). */
const chart = (annotation: string, serviceName = 'orders') => ({
  ...skaffold,
  'app/src/main/resources/application.yml': springPlain,
  'chart/Chart.yaml': 'apiVersion: v2\nname: orders\nversion: 0.1.0\n',
  'chart/values.yaml': 'backendProtocol: HTTPS\n',
  'chart/templates/deployment.yaml': deployment(['- containerPort: 8080']),
  'chart/templates/service.yaml': service('8080'),
  'chart/templates/ingress.yaml': ingress([annotation]).replace(
    'name: orders\n                port',
    `name: ${serviceName}\n                port`,
  ),
});

/** Keycloak's image with a PEM certificate (its HTTPS port 8443), behind the Service and an Ingress without annotation. */
const keycloak = {
  'k8s/keycloak.yaml': deployment(
    ['- containerPort: 8443'],
    [
      'args: ["start"]',
      'env:',
      '  - name: KC_HTTPS_CERTIFICATE_FILE',
      '    value: /etc/certs/tls.crt',
      '  - name: KC_HTTPS_CERTIFICATE_KEY_FILE',
      '    value: /etc/certs/tls.key',
    ],
    'quay.io/keycloak/keycloak:24.0.5',
  ),
  'k8s/service.yaml': service('8443'),
  'k8s/ingress.yaml': ingress([]),
};

/**
 * Keycloak's HTTP listener on 8080, reduced from keycloak/keycloak-quickstarts@c93be99 kubernetes/keycloak.yaml
 * (https://github.com/keycloak/keycloak-quickstarts/blob/c93be9993a3029bae551d2daced1e6c386c56e27/kubernetes/keycloak.yaml:
 * `args: ["start"]`, KC_HTTP_ENABLED "true", container port `http` 8080, Service targetPort http) and its
 * keycloak-ingress.yaml, here with these annotations and class nginx.
 */
const keycloakHttp = (annotations: string[], env: string[] = []) => ({
  'k8s/keycloak.yaml': deployment(
    ['- name: http', '  containerPort: 8080'],
    ['args: ["start"]', 'env:', '  - name: KC_HTTP_ENABLED', '    value: "true"', ...env],
    'quay.io/keycloak/keycloak:26.6.4',
  ),
  'k8s/service.yaml': service('http'),
  'k8s/ingress.yaml': ingress(annotations),
});

/**
 * Reduced from 01Yura/spring-students@81ff866 (https://github.com/01Yura/spring-students/blob/81ff866c65290b8dfe229315272a064536775f04/k8s/ingress.yaml):
 * a Compose service builds the image 01yura/spring-students from the root, the Deployment (namespace default written)
 * runs it on containerPort 8081 named http, the Service forwards 8081, the Ingress (class nginx, ingress-nginx
 * annotations) has two rules to it; application.properties sets server.port=8081 and no server.ssl.*. As published it
 * has no backend-protocol (agreed); `annotations` are added to its own.
 */
const springStudents = (annotations: string[]) => ({
  'docker-compose.yml':
    'services:\n  app:\n    image: 01yura/spring-students:latest\n    build:\n      context: .\n      dockerfile: Dockerfile\n',
  Dockerfile: 'FROM eclipse-temurin:17-jre\nCOPY target/app.jar /app.jar\nENTRYPOINT ["java", "-jar", "/app.jar"]\n',
  'src/main/resources/application.properties': 'spring.application.name=spring-students\nserver.port=8081\n',
  'k8s/app-deployment.yaml': deployment(
    ['- containerPort: 8081', '  name: http'],
    [],
    '01yura/spring-students:latest',
  ).replace('name: orders\n', 'name: orders\n  namespace: default\n'),
  'k8s/app-service.yaml': service('8081', 'default').replace('- port: 443', '- port: 8081'),
  'k8s/ingress.yaml': ingress(['nginx.ingress.kubernetes.io/proxy-body-size: "10m"', ...annotations])
    .replace('name: orders\n  annotations', 'name: orders\n  namespace: default\n  annotations')
    .replaceAll('number: 443', 'number: 8081'),
});

ruleTester(rule, {
  valid: [
    { name: '01Yura/spring-students as published: HTTP to its plain port 8081', files: springStudents([]) },
    { name: "no annotation to Keycloak's HTTP listener: agreed", files: keycloakHttp([]) },
    {
      name: "Keycloak's https-port moved onto 8080: not its HTTP listener",
      files: keycloakHttp([HTTPS], ['  - name: KC_HTTPS_PORT', '    value: "8080"']),
    },
    {
      name: 'Keycloak without KC_HTTP_ENABLED: nothing listens in plain HTTP (not judged)',
      files: {
        ...keycloakHttp([HTTPS]),
        'k8s/keycloak.yaml': keycloakHttp([])['k8s/keycloak.yaml'].replace('KC_HTTP_ENABLED', 'KC_HEALTH_ENABLED'),
      },
    },
    { name: 'HTTPS to the TLS port: agreed', files: tree(springTls, { ingress: ingress([HTTPS]) }) },
    {
      // https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/annotations/#ssl-passthrough
      name: "ssl-passthrough: the client's own TLS reaches the TLS port (backend-protocol is not used)",
      files: tree(springTls, { ingress: ingress(['nginx.ingress.kubernetes.io/ssl-passthrough: "true"']) }),
    },
    {
      name: 'HTTP (no annotation) to the plain port: agreed',
      files: plainTree({ ingress: ingress(['nginx.ingress.kubernetes.io/proxy-body-size: 8m']) }),
    },
    {
      name: 'an image no build of the tree names: what the container serves is unknown',
      files: tree(springTls, { deployment: deployment(['- containerPort: 8443', '  name: https'], [], 'nginx:1.25') }),
    },
    {
      name: 'the Service in another namespace than the Ingress',
      files: tree(springTls, { service: service('https', 'payments') }),
    },
    {
      name: 'a Traefik Ingress: its backend protocol is not ingress-nginx annotation',
      files: tree(springTls, { ingress: ingress([], 'traefik') }),
    },
    {
      name: 'no class and no ingress-nginx annotation: the cluster default controller is unknown',
      files: tree(springTls, { ingress: ingress([], '') }),
    },
    {
      name: 'F5 NGINX Ingress Controller annotations (class nginx too): not ingress-nginx',
      files: tree(springTls, { ingress: ingress(['nginx.org/ssl-services: "orders"']) }),
    },
    {
      name: 'a selector that picks no Pod of the tree',
      files: tree(springTls, { service: service('https', undefined, 'app: payments') }),
    },
    {
      name: 'two containers and none declares the port: which one serves it is unknown',
      files: tree(springTls, {
        deployment: `${deployment([])}        - name: sidecar\n          image: envoyproxy/envoy:v1.30.1\n`,
        service: service('8443'),
      }),
    },
    {
      name: 'a profile the tree does not activate sets server.ssl.*: whether the port is plain is unknown',
      files: {
        ...plainTree(),
        'app/src/main/resources/application-tls.yml': 'server:\n  ssl:\n    key-store: classpath:ks.p12\n',
      },
    },
    {
      name: 'an envFrom Secret the tree does not hold may set SERVER_SSL_*: unknown',
      files: plainTree({
        deployment: deployment(['- containerPort: 8080'], ['envFrom:', '  - secretRef:', '      name: orders-env']),
      }),
    },
    {
      name: 'server.port set at run time: unknown',
      files: plainTree({
        deployment: deployment(['- containerPort: 8080'], ['env:', '  - name: SERVER_PORT', '    value: $(PORT)']),
      }),
    },
    {
      name: 'the annotation written by a Helm template (its chart default HTTPS): unknown',
      files: chart('nginx.ingress.kubernetes.io/backend-protocol: {{ .Values.backendProtocol | quote }}'),
    },
    {
      name: 'the Service name written by a Helm template: unknown',
      files: chart(HTTPS, '{{ include "orders.fullname" . }}'),
    },
  ],
  invalid: [
    {
      name: '01Yura/spring-students with backend-protocol HTTPS added: its app serves plain HTTP on 8081',
      files: springStudents([HTTPS]),
      errors: [
        {
          messageId: 'tlsToPlain',
          file: 'k8s/ingress.yaml',
          line: 8,
          messageIncludes: ['server.port=8081, and no server.ssl.* setting', 'Deployment orders, container orders'],
        },
      ],
    },
    {
      name: "backend-protocol HTTPS to Keycloak's HTTP listener (the quickstart's shape)",
      files: keycloakHttp([HTTPS]),
      errors: [
        {
          messageId: 'tlsToPlain',
          file: 'k8s/ingress.yaml',
          line: 6,
          messageIncludes: [
            "KC_HTTP_ENABLED=true: its HTTP listener on http-port's default 8080",
            'wrong version number',
          ],
          related: [
            { file: 'k8s/ingress.yaml', line: 17 },
            { file: 'k8s/service.yaml', line: 10 },
            { file: 'k8s/keycloak.yaml', line: 15 },
            { file: 'k8s/keycloak.yaml', line: 22 },
          ],
        },
      ],
    },
    {
      // The route of the Helm case above with the annotation written: the chart's manifests are read.
      name: 'a Helm chart whose annotation is written as it is',
      files: chart(HTTPS),
      errors: [{ messageId: 'tlsToPlain', file: 'chart/templates/ingress.yaml', line: 6 }],
    },
    {
      name: "Keycloak's HTTPS port behind an Ingress that speaks HTTP",
      files: keycloak,
      errors: [
        {
          messageId: 'plainToTls',
          file: 'k8s/ingress.yaml',
          line: 15,
          messageIncludes: ['Keycloak HTTPS server', 'https-port 8443', 'closes the connection'],
          related: [
            { file: 'k8s/service.yaml', line: 10 },
            { file: 'k8s/keycloak.yaml', line: 15 },
            { file: 'k8s/keycloak.yaml', line: 21 },
          ],
        },
      ],
    },
    {
      name: 'no backend-protocol: ingress-nginx speaks HTTP to the Spring Boot TLS port',
      files: tree(springTls, {}),
      errors: [
        {
          messageId: 'plainToTls',
          file: 'k8s/ingress.yaml',
          line: 15,
          messageIncludes: [
            'Ingress orders (k8s/ingress.yaml) routes to Service orders',
            'port 8443 is Deployment orders, container orders',
            'no nginx.ingress.kubernetes.io/backend-protocol annotation: HTTP',
            'server.ssl.key-store=classpath:ks.p12',
            'This combination of host and port requires TLS.',
            'backend-protocol: "HTTPS"',
          ],
          related: [
            { file: 'k8s/service.yaml', line: 10 },
            { file: 'k8s/deployment.yaml', line: 15 },
            { file: 'skaffold.yaml', line: 5 },
            { file: 'app/src/main/resources/application.yml', line: 4 },
          ],
        },
      ],
    },
    {
      name: 'backend-protocol HTTPS to a Spring Boot app without server.ssl.*: the handshake fails',
      files: plainTree(),
      errors: [
        {
          messageId: 'tlsToPlain',
          file: 'k8s/ingress.yaml',
          line: 6,
          messageIncludes: [
            'serves no TLS there (server.port=8080',
            '502 Bad Gateway',
            'SSL_do_handshake() failed (SSL: error:0A00010B:SSL routines::wrong version number) while SSL handshaking to upstream',
          ],
          related: [
            { file: 'k8s/ingress.yaml', line: 17 },
            { file: 'k8s/service.yaml', line: 10 },
            { file: 'k8s/deployment.yaml', line: 15 },
            { file: 'skaffold.yaml', line: 5 },
            { file: 'app/src/main/resources/application.yml', line: 5 },
          ],
        },
      ],
    },
    {
      name: "Spring Boot's default port 8080 (no server.port) behind backend-protocol HTTPS",
      files: plainTree({}, 'spring:\n  application:\n    name: orders\n'),
      errors: [{ messageId: 'tlsToPlain', file: 'k8s/ingress.yaml', line: 6 }],
    },
    {
      // The all-in-one manifest shape (one file, `---` between documents) with the older networking.k8s.io/v1beta1
      // backend `serviceName`/`servicePort` and the `kubernetes.io/ingress.class` annotation.
      name: 'one multi-document manifest, v1beta1 serviceName/servicePort, class annotation',
      files: {
        ...skaffold,
        'app/src/main/resources/application.yml': springTls,
        'k8s/all.yaml': [
          deployment(['- containerPort: 8443']),
          service('8443'),
          [
            'apiVersion: networking.k8s.io/v1beta1',
            'kind: Ingress',
            'metadata:',
            '  name: orders',
            '  annotations:',
            '    kubernetes.io/ingress.class: nginx',
            'spec:',
            '  backend:',
            '    serviceName: orders',
            '    servicePort: 443',
            '',
          ].join('\n'),
        ].join('---\n'),
      },
      errors: [{ messageId: 'plainToTls', file: 'k8s/all.yaml', line: 39 }],
    },
  ],
});
