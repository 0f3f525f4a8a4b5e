import { composeFormat } from '../../src/parse/compose';
import { kubernetesFormat } from '../../src/parse/kubernetes';
import type { StartJvmOptions } from '../../src/parse/java/container-jvm';
import { ordersContainerDeployment } from '../helpers/kubernetes-manifests';

const compose = (text: string) =>
  composeFormat.parse({ path: '/t/compose.yaml', text, hadBom: false }, 'compose').data.services[0]!.jvm;
const kubernetes = (text: string) =>
  kubernetesFormat.parse({ path: '/t/deploy.yaml', text, hadBom: false }, 'kubernetes').data;

/** Each option as `name=value@line:character` (one-based, as users see them), with its variable and unknown mark. */
function shown(jvm: StartJvmOptions) {
  return {
    properties: jvm.jvmProperties.map(
      (p) =>
        `${p.via}: ${p.name}=${p.value}@${p.valueRange.start.line + 1}:${p.valueRange.start.character + 1}${p.unresolved ? ' (unknown)' : ''}`,
    ),
    variables: jvm.jvmVariables.map((v) => `${v.variable}${v.opaque ? ` (may add any: ${v.opaque})` : ''}`),
    ...(jvm.runsJava && { runsJava: true }),
    ...(jvm.expandsJavaOpts && { expandsJavaOpts: true }),
  };
}

describe('JVM options a container start gives', () => {
  it.each<[string, string[], ReturnType<typeof shown>]>([
    [
      'Compose environment map: JAVA_TOOL_OPTIONS with two TLS options, JDK_JAVA_OPTIONS, a variable that is not one',
      [
        'services:',
        '  orders:',
        '    build: ./orders',
        '    environment:',
        '      JAVA_TOOL_OPTIONS: "-Djdk.tls.client.protocols=TLSv1.2 -Djavax.net.ssl.trustStore=/certs/trust.jks"',
        '      JDK_JAVA_OPTIONS: -Dhttps.protocols=TLSv1.3',
        '      OTHER_OPTS: -Dx=y',
      ],
      {
        properties: [
          'JAVA_TOOL_OPTIONS: jdk.tls.client.protocols=TLSv1.2@5:54',
          'JAVA_TOOL_OPTIONS: javax.net.ssl.trustStore=/certs/trust.jks@5:89',
          'JDK_JAVA_OPTIONS: https.protocols=TLSv1.3@6:43',
        ],
        variables: ['JAVA_TOOL_OPTIONS', 'JDK_JAVA_OPTIONS'],
      },
    ],
    [
      'Compose environment list: JAVA_OPTS with a shell value, and one without -D options',
      [
        'services:',
        '  orders:',
        '    environment:',
        '      - JAVA_OPTS=-Djavax.net.ssl.trustStore=${TRUST}',
        '      - _JAVA_OPTIONS=-Xmx1g',
      ],
      {
        properties: ['JAVA_OPTS: javax.net.ssl.trustStore=${TRUST}@4:46 (unknown)'],
        variables: ['JAVA_OPTS', '_JAVA_OPTIONS'],
      },
    ],
    [
      'Compose: a variable whose whole word is an expansion may add any option',
      ['services:', '  orders:', '    environment:', '      JAVA_TOOL_OPTIONS: -Xmx1g $EXTRA_OPTS'],
      { properties: [], variables: ['JAVA_TOOL_OPTIONS (may add any: $EXTRA_OPTS)'] },
    ],
    [
      'Compose command list running java: options before -jar, not the application arguments after it',
      [
        'services:',
        '  orders:',
        '    command: ["java", "-Dhttps.protocols=TLSv1.2", "-jar", "app.jar", "-Dnot.a.jvm=option"]',
      ],
      { properties: ['command: https.protocols=TLSv1.2@3:42'], variables: [], runsJava: true },
    ],
    [
      'Compose entrypoint shell string expanding $JAVA_OPTS, then a main class',
      [
        'services:',
        '  orders:',
        '    entrypoint: sh -c "exec java $JAVA_OPTS -cp /app -Djdk.tls.client.protocols=TLSv1.3 com.example.Main -Dx=y"',
      ],
      {
        properties: ['command: jdk.tls.client.protocols=TLSv1.3@3:81'],
        variables: [],
        runsJava: true,
        expandsJavaOpts: true,
      },
    ],
    [
      'Compose command that does not run java gives no JVM option',
      ['services:', '  orders:', '    command: ./run.sh -Dhttps.protocols=TLSv1.2'],
      { properties: [], variables: [] },
    ],
  ])('%s', (_name, lines, expected) => {
    expect(shown(compose(lines.join('\n') + '\n'))).toEqual(expected);
  });

  it.each<[string, string[], ReturnType<typeof shown>]>([
    [
      'Kubernetes env: value, $(VAR) reference, a Helm tag, and valueFrom',
      [
        'env:',
        '  - name: JAVA_TOOL_OPTIONS',
        '    value: "-Djdk.tls.client.protocols=TLSv1.2 -Djavax.net.ssl.trustStore=$(TRUST_PATH)"',
        '  - name: JDK_JAVA_OPTIONS',
        '    value: "-Dhttps.protocols={{ .Values.protocols }}"',
        '  - name: JAVA_OPTS',
        '    valueFrom:',
        '      configMapKeyRef: { name: jvm, key: opts }',
      ],
      {
        properties: [
          'JAVA_TOOL_OPTIONS: jdk.tls.client.protocols=TLSv1.2@13:48',
          'JAVA_TOOL_OPTIONS: javax.net.ssl.trustStore=$(TRUST_PATH)@13:83 (unknown)',
          'JDK_JAVA_OPTIONS: https.protocols={{@15:39 (unknown)',
        ],
        variables: ['JAVA_TOOL_OPTIONS', 'JDK_JAVA_OPTIONS', 'JAVA_OPTS (may add any: valueFrom)'],
      },
    ],
    [
      'Kubernetes command and args: java with options in args',
      ['command: ["java"]', 'args:', '  - -Djavax.net.ssl.trustStore=/certs/t.p12', '  - -jar', '  - /app.jar'],
      { properties: ['command: javax.net.ssl.trustStore=/certs/t.p12@13:40'], variables: [], runsJava: true },
    ],
  ])('%s', (_name, lines, expected) => {
    expect(shown(kubernetes(ordersContainerDeployment('registry.example/orders:1', lines)).containers[0]!.jvm)).toEqual(
      expected,
    );
  });

  it('a ConfigMap that sets JAVA_TOOL_OPTIONS is read for the envFrom that names it', () => {
    const text = [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: jvm',
      'data:',
      '  JAVA_TOOL_OPTIONS: -Djdk.tls.client.protocols=TLSv1.3',
      '',
    ].join('\n');
    expect(kubernetesFormat.classify('/t/jvm.yaml', text)).toBe('kubernetes');
    expect(shown(kubernetes(text).envSources[0]!.jvm)).toEqual({
      properties: ['JAVA_TOOL_OPTIONS: jdk.tls.client.protocols=TLSv1.3@6:49'],
      variables: ['JAVA_TOOL_OPTIONS'],
    });
  });
});
