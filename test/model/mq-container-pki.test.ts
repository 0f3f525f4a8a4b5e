/**
 * IBM MQ's container image builds its queue manager's key repository from the Secrets a Kubernetes container mounts
 * at /etc/mqm/pki/keys/<label> and /etc/mqm/pki/trust/<n> (src/model/mq-container-pki.ts): the sender's key and the
 * receiver's trusted certificates then answer whether the receiver accepts the sender (SSLCAUTH(REQUIRED)) and the
 * sender the receiver. Shapes after bpaskin/CloudPak4Integration MQonK8S/deployQM2.yaml (plain Deployments, the
 * MQSC in a ConfigMap mounted with subPath, `kubectl create secret tls` Secrets with base64 data). The image is the
 * developer image, whose own 10-dev.mqsc and, with a key mounted, 20-dev-tls.mqsc join the MQSC: its DEV.ADMIN.SVRCONN
 * is the first channel to read the key repository.
 */
import * as fs from 'node:fs';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { writeTree, type Tree } from '../helpers/rule-tester';
import { ca, leaf, type Issued } from '../helpers/pki';

const b64 = (text: string) => Buffer.from(text).toString('base64');

/** A Secret of `kubectl create secret tls` (base64 data), or with the values as written. */
function secret(name: string, keys: Record<string, string>, encode = true): string {
  return [
    '---',
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    `  name: ${name}`,
    'type: Opaque',
    'data:',
    ...Object.entries(keys).map(([k, v]) => `  ${k}: ${encode ? b64(v) : v}`),
    '',
  ].join('\n');
}

/** A queue manager Deployment of IBM MQ's image, its MQSC in a ConfigMap, its key and trust Secrets mounted. */
function queueManager(
  qm: string,
  mqsc: string,
  mounts: { keys?: string; trust?: string },
  image = 'icr.io/ibm-messaging/mq:9.4.3.1-r1',
): string {
  const name = qm.toLowerCase();
  return [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    `  name: mqsc-${name}`,
    'data:',
    '  20-config.mqsc: |',
    ...mqsc.split('\n').map((l) => `    ${l}`),
    '---',
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: qmgr-${name}`,
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '      - name: ibmmq',
    `        image: ${image}`,
    '        env:',
    '        - name: MQ_QMGR_NAME',
    `          value: ${qm}`,
    '        volumeMounts:',
    '        - mountPath: /etc/mqm/20-config.mqsc',
    '          subPath: 20-config.mqsc',
    '          name: mqsc',
    ...(mounts.keys ? ['        - mountPath: /etc/mqm/pki/keys/mykey', '          name: keys'] : []),
    ...(mounts.trust ? ['        - mountPath: /etc/mqm/pki/trust/0', '          name: trust'] : []),
    '      volumes:',
    '      - name: mqsc',
    '        configMap:',
    `          name: mqsc-${name}`,
    ...(mounts.keys ? ['      - name: keys', '        secret:', `          secretName: ${mounts.keys}`] : []),
    ...(mounts.trust ? ['      - name: trust', '        secret:', `          secretName: ${mounts.trust}`] : []),
    '',
  ].join('\n');
}

const SENDER =
  "DEFINE CHANNEL(QM2.TO.QM1) CHLTYPE(SDR) TRPTYPE(TCP) CONNAME('qmgr-qm1(1414)') XMITQ(QM1) SSLCIPH('ANY_TLS12_OR_HIGHER')";
const RECEIVER =
  "DEFINE CHANNEL(QM2.TO.QM1) CHLTYPE(RCVR) TRPTYPE(TCP) SSLCAUTH(REQUIRED) SSLCIPH('ANY_TLS12_OR_HIGHER')";

/** The two queue managers, each with its key Secret and trust Secret in its own file. */
function pair(
  qm1: { key: Issued; trust: string },
  qm2: { key: Issued; trust: string; keySecret?: string | false },
  mqsc1 = RECEIVER,
): Tree {
  return {
    'deployQM1.yaml':
      queueManager('QM1', mqsc1, { keys: 'tls-qm1', trust: 'trust-qm1' }) +
      secret('tls-qm1', { 'tls.crt': qm1.key.pem, 'tls.key': qm1.key.keyPem }) +
      secret('trust-qm1', { 'tls.crt': qm1.trust }),
    'deployQM2.yaml':
      queueManager('QM2', `DEFINE QLOCAL(QM1) USAGE(XMITQ)\n${SENDER}`, { keys: 'tls-qm2', trust: 'trust-qm2' }) +
      (qm2.keySecret === false
        ? ''
        : (qm2.keySecret ?? secret('tls-qm2', { 'tls.crt': qm2.key.pem, 'tls.key': qm2.key.keyPem }))) +
      secret('trust-qm2', { 'tls.crt': qm2.trust }),
  };
}

/**
 * The tree with each queue manager's MQSC ConfigMap in a file of its own (read as MQSC whole), as charts write it: the
 * Deployment mounts it from there. With `chart`, the files are a Helm chart's templates and each ConfigMap's name is
 * written `{{ .Release.Name }}-mqsc-qmN` in both places (templated names written alike are one).
 */
function ownConfigMapFiles(files: Tree, chart = false): Tree {
  const out: Tree = chart ? { 'Chart.yaml': 'apiVersion: v2\nname: qms\nversion: 0.1.0\n' } : {};
  const dir = chart ? 'templates/' : '';
  const templated = (text: string) => (chart ? text.replace(/\bmqsc-(qm\d)\b/g, '{{ .Release.Name }}-mqsc-$1') : text);
  for (const [name, text] of Object.entries(files)) {
    const split = typeof text === 'string' && /^deployQM\d\.yaml$/.test(name) ? text.indexOf('---\n') : -1;
    if (typeof text !== 'string' || split < 0) {
      out[`${dir}${name}`] = text;
      continue;
    }
    out[`${dir}mqsc-${name}`] = templated(text.slice(0, split));
    out[`${dir}${name}`] = templated(text.slice(split));
  }
  return out;
}

/** The trust findings of a tree: rule, severity and message. */
function trustVerdicts(files: Tree): string[] {
  const root = writeTree(files);
  try {
    const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
    return result.findings
      .filter((f) => /^(tls|cert)\//.test(f.ruleId) && /trust|certificate|key repository/i.test(f.message))
      .map((f) => `${f.ruleId} ${f.severity}: ${f.message}`)
      .sort();
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

const root = ca('MQ Test CA');
const qm1Leaf = leaf('qmgr-qm1', root);
const qm2Leaf = leaf('qmgr-qm2', root);
const shared = leaf('qmgr');
const otherRoot = ca('Other CA');

describe("IBM MQ's container image: the key repository from mounted Secrets", () => {
  it.each<[string, Tree, string[]]>([
    [
      'both queue managers share one self-signed certificate, each trusts it (the sweep57 repro): trusted both ways; the shared key is said',
      pair({ key: shared, trust: shared.pem }, { key: shared, trust: shared.pem }),
      [
        'cert/shared-private-key warning: deployQM2.yaml uses the same key pair as deployQM1.yaml (CN=qmgr): one private key serves both, so a leak from either exposes both, and a peer that authorises by certificate (MQ SSLPEER, a client-certificate check) cannot tell the two apart. Issue each its own certificate and key',
      ],
    ],
    [
      'CA-issued keys, each trust Secret holds the CA: trusted both ways',
      pair({ key: qm1Leaf, trust: root.pem }, { key: qm2Leaf, trust: root.pem }),
      [],
    ],
    [
      "the receiver trusts another CA: GSKit's refusal is not modelled, so unknown (never an error)",
      pair({ key: qm1Leaf, trust: otherRoot.pem }, { key: qm2Leaf, trust: root.pem }),
      [
        "tls/certificate-trust-unknown info: SDR channel QM2.TO.QM1 → RCVR channel QM2.TO.QM1: whether RCVR channel QM2.TO.QM1 accepts SDR channel QM2.TO.QM1's client certificate is unknown: how RCVR channel QM2.TO.QM1 (gskit) validates certificates is not modelled",
      ],
    ],
    [
      "the sender's key Secret is not in the tree: unknown, naming the Secret",
      pair({ key: qm1Leaf, trust: root.pem }, { key: qm2Leaf, trust: root.pem, keySecret: false }),
      [
        'cert/volume-store-unknown info: SVRCONN channel DEV.ADMIN.SVRCONN reads its key store /etc/mqm/pki/keys/mykey from a Kubernetes volume mounted at that path, but the Secret tls-qm2 is not in the tree: its certificates are unknown, and no other file of that name is taken for it. To have them checked, include the manifest of the ConfigMap or Secret with its content',
        "tls/certificate-trust-unknown info: SDR channel QM2.TO.QM1 → RCVR channel QM2.TO.QM1: whether RCVR channel QM2.TO.QM1 accepts SDR channel QM2.TO.QM1's client certificate is unknown: SDR channel QM2.TO.QM1's key repository /etc/mqm/pki/keys/mykey is a Kubernetes volume mounted there, but the Secret tls-qm2 is not in the tree",
        "tls/certificate-trust-unknown info: SDR channel QM2.TO.QM1 → RCVR channel QM2.TO.QM1: whether SDR channel QM2.TO.QM1 trusts RCVR channel QM2.TO.QM1's certificate (qmgr-qm1) is unknown: SDR channel QM2.TO.QM1's key repository /etc/mqm/pki/keys/mykey is a Kubernetes volume mounted there, but the Secret tls-qm2 is not in the tree",
      ],
    ],
    [
      "the sender's key Secret holds placeholders (`<base64 of tls.crt>`): unknown, saying so",
      pair(
        { key: qm1Leaf, trust: root.pem },
        {
          key: qm2Leaf,
          trust: root.pem,
          keySecret: secret('tls-qm2', { 'tls.crt': '<base64 of tls.crt>', 'tls.key': '<base64 of tls.key>' }, false),
        },
      ),
      [
        'cert/volume-store-unknown info: SVRCONN channel DEV.ADMIN.SVRCONN reads its key store /etc/mqm/pki/keys/mykey/tls.crt from a Kubernetes volume mounted at that path, but the Secret tls-qm2 key tls.crt is a placeholder, filled when it is applied: its certificates are unknown, and no other file of that name is taken for it. To have them checked, include the manifest of the ConfigMap or Secret with its content',
        "tls/certificate-trust-unknown info: SDR channel QM2.TO.QM1 → RCVR channel QM2.TO.QM1: whether RCVR channel QM2.TO.QM1 accepts SDR channel QM2.TO.QM1's client certificate is unknown: SDR channel QM2.TO.QM1's key repository /etc/mqm/pki/keys/mykey/tls.crt is a Kubernetes volume mounted there, but the Secret tls-qm2 key tls.crt is a placeholder, filled when it is applied",
        "tls/certificate-trust-unknown info: SDR channel QM2.TO.QM1 → RCVR channel QM2.TO.QM1: whether SDR channel QM2.TO.QM1 trusts RCVR channel QM2.TO.QM1's certificate (qmgr-qm1) is unknown: SDR channel QM2.TO.QM1's key repository /etc/mqm/pki/keys/mykey/tls.crt is a Kubernetes volume mounted there, but the Secret tls-qm2 key tls.crt is a placeholder, filled when it is applied",
      ],
    ],
    [
      "the sender's key Secret is a kustomization's secretGenerator of tree files, its trust another file: the files are read, not joined (unknown)",
      {
        ...pair({ key: qm1Leaf, trust: root.pem }, { key: qm2Leaf, trust: root.pem, keySecret: false }),
        'kustomization.yaml': [
          'resources: [deployQM1.yaml, deployQM2.yaml]',
          'secretGenerator:',
          '  - name: tls-qm2',
          '    files: [tls.crt=qm2/qm2.crt, tls.key=qm2/qm2.key]',
          '',
        ].join('\n'),
        'qm2/qm2.crt': qm2Leaf.pem,
        'qm2/qm2.key': qm2Leaf.keyPem,
      },
      [
        'cert/volume-store-unknown info: SVRCONN channel DEV.ADMIN.SVRCONN reads its key store /etc/mqm/pki/keys/mykey from a Kubernetes volume mounted at that path, but its key and trusted certificates come from several files (qm2.crt, deployQM2.yaml), which lint-deploy does not join into one key repository: its certificates are unknown, and no other file of that name is taken for it. To have them checked, include the manifest of the ConfigMap or Secret with its content',
        "tls/certificate-trust-unknown info: SDR channel QM2.TO.QM1 → RCVR channel QM2.TO.QM1: whether RCVR channel QM2.TO.QM1 accepts SDR channel QM2.TO.QM1's client certificate is unknown: SDR channel QM2.TO.QM1's key repository /etc/mqm/pki/keys/mykey is a Kubernetes volume mounted there, but its key and trusted certificates come from several files (qm2.crt, deployQM2.yaml), which lint-deploy does not join into one key repository",
        "tls/certificate-trust-unknown info: SDR channel QM2.TO.QM1 → RCVR channel QM2.TO.QM1: whether SDR channel QM2.TO.QM1 trusts RCVR channel QM2.TO.QM1's certificate (qmgr-qm1) is unknown: SDR channel QM2.TO.QM1's key repository /etc/mqm/pki/keys/mykey is a Kubernetes volume mounted there, but its key and trusted certificates come from several files (qm2.crt, deployQM2.yaml), which lint-deploy does not join into one key repository",
      ],
    ],
  ])('%s', (_name, files, expected) => {
    expect(trustVerdicts(files)).toEqual(expected);
  });

  // The MQSC's ConfigMap in a file of its own (read as MQSC, not as a manifest) is still the one the Deployment mounts.
  const missingKey = pair({ key: qm1Leaf, trust: root.pem }, { key: qm2Leaf, trust: root.pem, keySecret: false });
  it.each<[string, Tree]>([
    ['plain manifests', ownConfigMapFiles(missingKey)],
    ['a Helm chart naming each ConfigMap {{ .Release.Name }}-mqsc-qmN', ownConfigMapFiles(missingKey, true)],
  ])("the MQSC ConfigMap in a file of its own, %s: placed as in the Deployment's file", (_name, files) => {
    const said = trustVerdicts(missingKey);
    expect(said).toHaveLength(3);
    expect(trustVerdicts(files)).toEqual(said);
  });
});
