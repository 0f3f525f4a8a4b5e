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
