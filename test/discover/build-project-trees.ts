import * as path from 'node:path';
import { cert } from '../rules/cert/cert-rules.trees';

/** Trees of build projects for the heuristic "separate build projects" (docs/deployments.md). */
export const pom = '<project><modelVersion>4.0.0</modelVersion></project>\n';
export const gradle = "plugins { id 'org.springframework.boot' }\n";
/** A Spring Boot sample serving HTTPS with the key store every sample copies (spring-security-samples' shape). */
export const sample = (dir: string, buildFile: 'pom.xml' | 'build.gradle', properties = '') => ({
  [`${dir}/${buildFile}`]: buildFile === 'pom.xml' ? pom : gradle,
  [`${dir}/src/main/resources/application.properties`]: `server.ssl.enabled=true\n${properties}`,
  [`${dir}/src/main/resources/certs/server.crt`]: cert('qmprod1.crt'),
});

/** A Helm chart whose Deployment template runs an HTTPS app, its values saying `values`. */
export const chart = (dir: string, values = '') => ({
  [`${dir}/Chart.yaml`]: `apiVersion: v2\nname: ${path.basename(dir)}\nversion: 1.0.0\n`,
  [`${dir}/values.yaml`]: `image: nginx\n${values}`,
  [`${dir}/templates/deployment.yaml`]: [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: {{ .Release.Name }}-app',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: app',
    '          image: {{ .Values.image }}',
    '          env:',
    '            - name: SERVER_SSL_ENABLED',
    '              value: "true"',
    '',
  ].join('\n'),
});
