/**
 * Kubernetes manifests for tests: a Deployment running Keycloak's image (`args: ["start"]`) with `env:` and `envFrom:`
 * lines and one volume, `certs`, mounted at /etc/certs unless `mount` says otherwise.
 */
export function keycloakDeployment(options: {
  env?: string[];
  envFrom?: string[];
  mount?: string[];
  volume: string[];
  namespace?: string;
}) {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: keycloak',
    ...(options.namespace ? [`  namespace: ${options.namespace}`] : []),
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: keycloak',
    '          image: quay.io/keycloak/keycloak:22.0.1',
    '          args: ["start"]',
    ...(options.env ? ['          env:', ...options.env] : []),
    ...(options.envFrom ? ['          envFrom:', ...options.envFrom] : []),
    '          volumeMounts:',
    '            - name: certs',
    ...(options.mount ?? ['              mountPath: /etc/certs']),
    '      volumes:',
    '        - name: certs',
    ...options.volume,
    '',
  ].join('\n');
}

/**
 * A Deployment `orders` with one container running `image`: `container` lines at the container's indent (`env:`,
 * `command:`, `volumeMounts:`…), then, when given, `volumes` lines under the pod's `volumes:`.
 */
export function ordersContainerDeployment(image: string, container: string[] = [], volumes?: string[]): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: orders',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '      - name: orders',
    `        image: ${image}`,
    ...container.map((l) => `        ${l}`),
    ...(volumes ? ['      volumes:', ...volumes.map((l) => `      ${l}`)] : []),
    '',
  ].join('\n');
}

/** The Deployment `orders` (image registry.example.com/orders), its mount at /etc/tls, and the volume (lines after `volumes:`); `container`: more of its lines. */
export const ordersDeployment = (volume: string[], container: string[] = []) =>
  ordersContainerDeployment(
    'registry.example.com/orders:1.0',
    [...container, 'volumeMounts:', '- name: tls', '  mountPath: /etc/tls'],
    ['- name: tls', ...volume.map((l) => `  ${l}`)],
  );

/** An `env:` variable from a Secret's key (`valueFrom.secretKeyRef`). */
export const fromSecret = (variable: string, name: string, key: string) => [
  'env:',
  `- name: ${variable}`,
  '  valueFrom:',
  '    secretKeyRef:',
  `      name: ${name}`,
  `      key: ${key}`,
];

export const secretManifest = (name: string, keys: Record<string, string>) =>
  ['apiVersion: v1', 'kind: Secret', 'metadata:', `  name: ${name}`, 'data:']
    .concat(Object.entries(keys).map(([k, v]) => `  ${k}: ${v}`))
    .join('\n') + '\n';

/** A Pod named proxy whose one container, nginx, has the given lines (indented under `- name: nginx`). */
export const nginxPod = (...container: string[]) =>
  [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: proxy',
    'spec:',
    '  containers:',
    '    - name: nginx',
    '      image: nginx:1.27',
    ...container,
    '',
  ].join('\n');
