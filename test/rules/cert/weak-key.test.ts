import * as fs from 'node:fs';
import * as path from 'node:path';
import rule from '../../../src/rules/cert/weak-key';
import { ruleTester } from '../../helpers/rule-tester';
import { cert } from './cert-rules.trees';
import { certFile } from './cert-files';
import { cmsKeyDatabase } from '../../helpers/cms-kdb';

const STORES = path.resolve(__dirname, '../../fixtures/keystores');
const store = (name: string): Buffer => fs.readFileSync(path.join(STORES, name));
const pemDer = (pem: string | Buffer): Buffer => Buffer.from(String(pem).replace(/-----[^-]+-----|\s/g, ''), 'base64');

const NGINX =
  'http {\n  server {\n    listen 443 ssl;\n    ssl_certificate /etc/nginx/ssl/api.crt;\n    ssl_certificate_key /etc/nginx/ssl/api.key;\n  }\n}\n';

ruleTester(rule, {
  valid: [
    { name: 'RSA 2048', files: { 'qm/QM1.mqsc': 'ALTER QMGR CERTLABL(qm)\n', 'qm/qm.crt': cert('qmprod1.crt') } },
    {
      // One finding per fact: nginx/security-level-refuses-certificate's error (nginx does not start) says it.
      name: 'RSA 1024 that nginx on Debian (security level 2) refuses to load',
      files: {
        'gw/nginx.conf': NGINX,
        'gw/ssl/api.crt': certFile('rsa1024-self.crt'),
        'gw/Dockerfile': 'FROM nginx:1.25\n',
      },
    },
    {
      // sweep44's anandjbangad/kafka_kerberose holds a machine's /etc/pki: 67 infos on the distribution's public roots.
      name: "a distribution's CA trust bundles (update-ca-trust, update-ca-certificates): the vendor's roots",
      files: {
        'vm/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem': cert('weak-rsa1024.crt'),
        'vm/etc/pki/tls/certs/ca-bundle.crt': cert('weak-rsa1024.crt'),
        'alpine/etc/ssl/certs/ca-certificates.crt': cert('weak-rsa1024.crt'),
      },
    },
  ],
  invalid: [
    {
      name: 'RSA 1024',
      files: { 'qm/QM1.mqsc': 'ALTER QMGR CERTLABL(qm)\n', 'qm/weak.pem': cert('weak-rsa1024.crt') },
      errors: [{ messageId: 'weak', file: 'qm/weak.pem', line: 1, messageIncludes: ['1024-bit RSA'] }],
    },
    {
      name: 'RSA 1024 of an nginx whose security level the tree does not settle (no image): still weak',
      files: { 'gw/nginx.conf': NGINX, 'gw/ssl/api.crt': certFile('rsa1024-self.crt') },
      errors: [{ messageId: 'weak', file: 'gw/ssl/api.crt', line: 1 }],
    },
    {
      // A signer the user added to the queue manager's CMS key database: GSKit's own signers are left out
      // (test/rules/cert/vendor-signers.test.ts), this one is the deployment's.
      name: "RSA 1024 signer in the key repository a queue manager's SSLKEYR names",
      files: {
        'qm/QM1.mqsc': "ALTER QMGR SSLKEYR('/var/mqm/qmgrs/QM1/ssl/key')\n",
        'qm/key.kdb': cmsKeyDatabase([
          { label: 'partner root', kind: 'signer', certificate: pemDer(cert('weak-rsa1024.crt')) },
        ]),
      },
      errors: [
        {
          messageId: 'weak',
          file: 'qm/key.kdb',
          line: 1,
          messageIncludes: ["(label 'partner root' in CMS store key.kdb)"],
        },
      ],
    },
    {
      // serhiibudyak/confluent-kafka-vagrant-ansible@b12cdd1 secrets/: one 1024-bit CA in every broker's and client's key
      // and trust store and a PEM file was 17 findings. One certificate, one finding: at the copy a component uses, the
      // other copies (and what names their files) its related places; its fingerprint is that copy's as before.
      name: 'one weak CA in a key database a queue manager names and two unnamed files: one finding, the copies related',
      files: {
        'qm/QM1.mqsc': "ALTER QMGR SSLKEYR('/var/mqm/qmgrs/QM1/ssl/key')\n",
        'qm/key.kdb': cmsKeyDatabase([
          { label: 'partner root', kind: 'signer', certificate: pemDer(cert('weak-rsa1024.crt')) },
        ]),
        'backup/partner-root.pem': cert('weak-rsa1024.crt'),
        'backup/old/partner-root.crt': cert('weak-rsa1024.crt'),
      },
      errors: [
        {
          messageId: 'weak',
          file: 'qm/key.kdb',
          line: 1,
          severity: 'warning',
          messageIncludes: [
            "(label 'partner root' in CMS store key.kdb), and 2 more copies in partner-root.crt and partner-root.pem, has a 1024-bit RSA key",
          ],
          related: [
            { file: 'qm/QM1.mqsc', line: 1 },
            { file: 'backup/old/partner-root.crt', line: 1 },
            { file: 'backup/partner-root.pem', line: 1 },
          ],
        },
      ],
    },
    {
      // fix48's grouping named base names only: two copies in two directories read "2 more copies in partner-root.crt",
      // as if one file held both. Files that share a base name are told apart by their directories.
      name: 'copies in files of one base name in two directories: each named with its directory',
      files: {
        'qm/QM1.mqsc': "ALTER QMGR SSLKEYR('/var/mqm/qmgrs/QM1/ssl/key')\n",
        'qm/key.kdb': cmsKeyDatabase([
          { label: 'partner root', kind: 'signer', certificate: pemDer(cert('weak-rsa1024.crt')) },
        ]),
        'node1/partner-root.crt': cert('weak-rsa1024.crt'),
        'node2/partner-root.crt': cert('weak-rsa1024.crt'),
      },
      errors: [
        {
          messageId: 'weak',
          file: 'qm/key.kdb',
          line: 1,
          severity: 'warning',
          messageIncludes: ['and 2 more copies in node1/partner-root.crt and node2/partner-root.crt, has'],
        },
      ],
    },
    {
      // themaddali/homeford@9737909 (Jetty's demo store in etc/ and demo-base/etc/): the copy at the root's etc/ was
      // named "themaddali+homeford/etc/keystore", the deployment's own directory taken as a third segment.
      name: 'copies in etc/ and demo-base/etc/: named below the deployment, never by the directory it lies in',
      files: {
        'demo-base/etc/partner-root.crt': cert('weak-rsa1024.crt'),
        'etc/partner-root.crt': cert('weak-rsa1024.crt'),
      },
      errors: [
        {
          messageId: 'weakUnnamed',
          file: 'demo-base/etc/partner-root.crt',
          line: 1,
          severity: 'info',
          messageIncludes: [', and 1 more copy in etc/partner-root.crt, has'],
        },
      ],
    },
    {
      name: 'the same store named by nothing: an info, no peer is known to see it',
      files: { 'app/weak.jks': store('generated/weak.jks') },
      errors: [
        {
          messageId: 'weakUnnamed',
          file: 'app/weak.jks',
          line: 1,
          severity: 'info',
          messageIncludes: ['names weak.jks'],
        },
      ],
    },
    {
      // spring-cloud/spring-cloud-gateway@5227205 (Apache-2.0)'s shape: only a test source set's Spring file names the
      // store (server.ssl.key-store); it said "no server, client or store setting names weak.jks".
      name: "the store only a test source set's configuration names: an info naming the tests' setting",
      files: {
        'gw/src/test/resources/weak.jks': store('generated/weak.jks'),
        'gw/src/test/resources/application-ssl.yml':
          'server:\n  ssl:\n    enabled: true\n    key-store: classpath:weak.jks\n',
      },
      errors: [
        {
          messageId: 'weakNamedByTests',
          file: 'gw/src/test/resources/weak.jks',
          line: 1,
          severity: 'info',
          messageIncludes: [
            "Only the tests' configuration names weak.jks: server.ssl.key-store in application-ssl.yml",
          ],
          related: [{ file: 'gw/src/test/resources/application-ssl.yml', line: 4 }],
        },
      ],
    },
    {
      // An app's own setting no modelled component reads (pco-afelio/camel-two-way-ssl's camel.ssl.config.* shape).
      name: "the store named by an app's own setting no modelled component reads: an info naming that setting",
      files: {
        'app/src/main/resources/weak.jks': store('generated/weak.jks'),
        'app/src/main/resources/application.properties':
          'camel.ssl.config.key-managers.key-store.resource=classpath:weak.jks\n',
      },
      errors: [
        {
          messageId: 'weakNamedUnread',
          file: 'app/src/main/resources/weak.jks',
          line: 1,
          severity: 'info',
          messageIncludes: ['The setting camel.ssl.config.key-managers.key-store.resource names weak.jks'],
        },
      ],
    },
    {
      // It said "no server, client or store setting names weak.jks" although server.ssl.key-store does.
      name: 'the store of an HTTPS server switched off by ${SSL_ENABLED:false}: an info naming the setting and the switch',
      files: {
        'app/weak.jks': store('generated/weak.jks'),
        'app/application.properties':
          'server.port=8443\nserver.ssl.enabled=${SSL_ENABLED:false}\nserver.ssl.key-store=weak.jks\n',
      },
      errors: [
        {
          messageId: 'weakNotServed',
          file: 'app/weak.jks',
          line: 1,
          severity: 'info',
          messageIncludes: [
            'names weak.jks (server.ssl.key-store), but serves HTTPS only when ${SSL_ENABLED:false} resolves to true',
          ],
          related: [
            { file: 'app/application.properties', line: 3 },
            { file: 'app/application.properties', line: 2 },
          ],
        },
      ],
    },
    {
      name: 'a key alias (a placeholder with a default) that selects another entry: an info',
      files: {
        'app/weak.jks': store('generated/weak.jks'),
        'app/application.properties':
          'server.port=8443\nserver.ssl.key-store=weak.jks\nserver.ssl.key-alias=${KEY_ALIAS:server}\n',
      },
      errors: [
        {
          messageId: 'weakOtherAlias',
          file: 'app/weak.jks',
          line: 1,
          severity: 'info',
          messageIncludes: ["another key entry ('server')"],
        },
      ],
    },
  ],
});
