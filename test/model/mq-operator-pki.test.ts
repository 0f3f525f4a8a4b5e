/**
 * The IBM MQ Operator builds a queue manager's key repository from the Secrets its QueueManager resource names in
 * `spec.pki.keys` (label: the entry's name) and `spec.pki.trust` (src/model/mq-operator-pki.ts): the certificate rules
 * then reach the queue manager's certificate, and a Secret the tree does not hold is said (cert/volume-store-unknown).
 * Shapes after ibm-cloudintegration/mqoncp4i's nativeha-crr/deploy/recovery.yaml (ConfigMap, Secret and QueueManager in
 * one file) and ibm-messaging/cp4i-mq-samples' deploy-qm1-qmgr.sh (`oc create secret tls`, then the manifests in
 * heredocs).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { writeTree, type Tree } from '../helpers/rule-tester';
import { ca, daysFromNow, leaf } from '../helpers/pki';

const b64 = (text: string) => Buffer.from(text).toString('base64');

const MQSC_CONFIGMAP = [
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  '  name: qm1-mqsc',
  'data:',
  '  qm1.mqsc: |',
  "    DEFINE CHANNEL(QM1CHL) CHLTYPE(SVRCONN) TRPTYPE(TCP) SSLCAUTH(OPTIONAL) SSLCIPH('ANY_TLS12_OR_HIGHER')",
].join('\n');

function secret(name: string, keys: Record<string, string>, namespace?: string): string {
  return [
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    `  name: ${name}`,
    ...(namespace ? [`  namespace: ${namespace}`] : []),
    'type: kubernetes.io/tls',
    'data:',
    ...Object.entries(keys).map(([k, v]) => `  ${k}: ${b64(v)}`),
  ].join('\n');
}

/** A QueueManager applying qm1-mqsc, its key from `keySecret` (items tls.key, tls.crt), its trust from `trustSecret`. */
function queueManager(keySecret: string, trustSecret?: string, namespace?: string): string {
  return [
    'apiVersion: mq.ibm.com/v1beta1',
    'kind: QueueManager',
    'metadata:',
    '  name: qm1',
    ...(namespace ? [`  namespace: ${namespace}`] : []),
    'spec:',
    '  version: 9.4.0.0-r1',
    '  queueManager:',
    '    name: QM1',
    '    mqsc:',
    '    - configMap:',
    '        name: qm1-mqsc',
    '        items:',
    '        - qm1.mqsc',
    '  pki:',
    '    keys:',
    '    - name: default',
    '      secret:',
    `        secretName: ${keySecret}`,
    '        items:',
    '        - tls.key',
    '        - tls.crt',
    ...(trustSecret
      ? [
          '    trust:',
          '    - name: ca',
          '      secret:',
          `        secretName: ${trustSecret}`,
          '        items:',
          '        - ca.crt',
        ]
      : []),
  ].join('\n');
}

const manifests = (...docs: string[]) => `${docs.join('\n---\n')}\n`;

/**
 * A Helm chart: the MQSC ConfigMap and the QueueManager in templates/qm1.yaml, the QueueManager's key Secret named
 * `named` (a template value), the expired key's Secret in templates/secret.yaml named `secretName`.
 */
const chart = (named: string, secretName: string): Tree => ({
  'Chart.yaml': 'apiVersion: v2\nname: qm\nversion: 0.1.0\n',
  'templates/qm1.yaml': manifests(MQSC_CONFIGMAP, queueManager(named)),
  'templates/secret.yaml': `${secret(secretName, { 'tls.crt': expired.pem, 'tls.key': expired.keyPem })}\n`,
});

/** The certificate findings of a tree: rule, severity, file:line and the message's start. */
function certVerdicts(files: Tree): string[] {
  const root = writeTree(files);
  try {
    const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
    return result.findings
      .filter((f) => f.ruleId.startsWith('cert/'))
      .map(
        (f) =>
          `${f.ruleId} ${f.severity} ${path.relative(root, f.location.file)}:${(f.location.range?.start.line ?? -1) + 1}: ${f.message}`,
      )
      .sort();
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

const root = ca('MQ Test CA');
const expired = leaf('qm1', root, { notBefore: daysFromNow(-400), notAfter: daysFromNow(-10) });
const current = leaf('qm1', root);
const keySecret = (issued: typeof current, namespace?: string) =>
  secret('qm1-tls', { 'tls.crt': issued.pem, 'tls.key': issued.keyPem }, namespace);

describe("IBM MQ Operator: the queue manager's key repository from spec.pki Secrets", () => {
  it.each<[string, Tree, RegExp[]]>([
    [
      "the key Secret is in the QueueManager's file, its certificate expired: the queue manager presents it (an error)",
      { 'qm1.yaml': manifests(MQSC_CONFIGMAP, keySecret(expired), queueManager('qm1-tls')) },
      [/^cert\/expired error qm1\.yaml:\d+: Certificate CN=qm1 expired on .*: peers reject it/],
    ],
    [
      'an envsubst template (`.yaml_template`, `$TARGET_NAMESPACE`) read as MQSC: its Secret is read too',
      {
        'qm1.yaml_template': manifests(
          MQSC_CONFIGMAP,
          keySecret(expired, '$TARGET_NAMESPACE'),
          queueManager('qm1-tls', undefined, '$TARGET_NAMESPACE'),
        ),
      },
      [/^cert\/expired error qm1\.yaml_template:\d+: Certificate CN=qm1 expired on .*: peers reject it/],
    ],
    [
      'the key Secret is not in the tree: an info naming the Secret and the keys to declare, once for the queue manager',
      { 'qm1.yaml': manifests(MQSC_CONFIGMAP, queueManager('qm1-tls')) },
      [
        /^cert\/volume-store-unknown info qm1\.yaml:26: SVRCONN channel QM1CHL reads its key store \/etc\/mqm\/pki\/keys\/default .*but the Secret qm1-tls \(keys tls\.key, tls\.crt\) is not in the tree/,
      ],
    ],
    [
      "the key Secret is in another namespace than the QueueManager's: not the one it mounts, so unknown",
      { 'qm1.yaml': manifests(MQSC_CONFIGMAP, keySecret(expired, 'other'), queueManager('qm1-tls', undefined, 'mq')) },
      [
        /^cert\/expired info qm1\.yaml:\d+: Certificate CN=qm1 expired .* but no server, client or store setting/,
        /^cert\/volume-store-unknown info qm1\.yaml:\d+: .*the Secret qm1-tls \(keys tls\.key, tls\.crt\) is not in the tree/,
      ],
    ],
    [
      'a cert-manager Certificate beside the QueueManager issues the Secret in the cluster: the info says so',
      {
        'qm1.yaml': manifests(MQSC_CONFIGMAP, queueManager('qm1-tls')),
        'qm-cert.yaml': [
          'apiVersion: cert-manager.io/v1',
          'kind: Certificate',
          'metadata:',
          '  name: qm1',
          'spec:',
          '  secretName: qm1-tls',
          '  commonName: qm1',
          '  issuerRef:',
          '    name: ca-issuer',
          '',
        ].join('\n'),
      },
      [
        /^cert\/volume-store-unknown info qm1\.yaml:26: .*the Secret qm1-tls \(keys tls\.key, tls\.crt\) is issued in the cluster by the cert-manager Certificate of qm-cert\.yaml/,
      ],
    ],
    [
      'a deploy script creates the Secret with `oc create secret tls` from files it makes: the info says so',
      {
        'deploy-qm1.sh': [
          '#!/bin/bash',
          'openssl req -newkey rsa:2048 -nodes -keyout qm1.key -subj "/CN=qm1" -x509 -days 3650 -out qm1.crt',
          'oc create secret tls qm1-tls -n mq --key="qm1.key" --cert="qm1.crt"',
          'cat > qm1-configmap.yaml << EOF',
          MQSC_CONFIGMAP,
          'EOF',
          'cat > qm1-qmgr.yaml << EOF',
          queueManager('qm1-tls'),
          'EOF',
          'oc apply -f qm1-configmap.yaml -f qm1-qmgr.yaml',
          '',
        ].join('\n'),
      },
      [
        /^cert\/volume-store-unknown info deploy-qm1\.sh:\d+: .*the Secret qm1-tls key tls\.key is made by `oc create secret tls qm1-tls …` in deploy-qm1\.sh:3 from qm1\.key, no file lint-deploy reads beside the script \(one it makes when it runs/,
      ],
    ],
    [
      "a Helm chart's QueueManager naming its key Secret as the Secret's template writes it: that Secret",
      chart('"{{ .Release.Name }}-tls"', '"{{ .Release.Name }}-tls"'),
      // An info: the Secret's name is a template value (what the tree shows may differ once rendered).
      [
        /^cert\/expired info templates\/secret\.yaml:\d+: Certificate CN=qm1 expired on .*: peers reject it .*depends on template value \{\{ \.Release\.Name \}\}/,
      ],
    ],
    [
      "a Helm chart's QueueManager naming its key Secret otherwise than the Secret's template: unknown, a template value",
      chart('"{{ .Release.Name }}-tls"', '"{{ include "qm.fullname" . }}-tls"'),
      [
        /^cert\/expired info templates\/secret\.yaml:\d+: Certificate CN=qm1 expired .* but no server, client or store setting/,
        /^cert\/volume-store-unknown info templates\/qm1\.yaml:\d+: .*the Secret \{\{ \.Release\.Name \}\}-tls is named by a template value, decided when it is rendered; declare it with keys tls\.key, tls\.crt/,
      ],
    ],
  ])('%s', (_name, files, expected) => {
    const verdicts = certVerdicts(files);
    expect(verdicts).toHaveLength(expected.length);
    expected.forEach((pattern, i) => expect(verdicts[i]).toMatch(pattern));
  });
});

describe("IBM MQ Operator: the queue manager channel's key and trust stores", () => {
  it("a current certificate, its CA in the trust Secret: the key is the key Secret's tls.crt, the anchors both", () => {
    const dir = writeTree({
      'qm1.yaml': manifests(
        MQSC_CONFIGMAP,
        keySecret(current),
        secret('qm1-ca', { 'ca.crt': root.pem }),
        queueManager('qm1-tls', 'qm1-ca'),
      ),
    });
    try {
      const result = lint({ paths: [dir], cwd: dir, config: defaultConfig(dir) });
      const channel = result.deployments.flatMap((d) => d.components).find((c) => c.type === 'mq.svrconn');
      const trust = channel?.tls?.trust;
      expect(trust?.keyStore?.path.value).toBe('/etc/mqm/pki/keys/default/tls.crt');
      expect(trust?.keyStore?.embeddedAt).toHaveLength(1);
      expect(trust?.trustStore?.path.value).toBe('/etc/mqm/pki/trust');
      expect(trust?.trustStore?.embeddedAt).toHaveLength(2);
      expect(result.findings.filter((f) => f.ruleId.startsWith('cert/'))).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
