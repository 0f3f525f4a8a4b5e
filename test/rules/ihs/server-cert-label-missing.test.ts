/**
 * ihs/server-cert-label-missing: SSLServerCert names a label the KeyFile key database does not hold as a personal
 * certificate (IHS: SSL0206E at every handshake). The shapes are real IHS configurations:
 * - cws-khuntly/WebSphere@3daf161 (CC0-1.0) IHS/IHSConfig/conf.d/admin/wserver.conf: `<VirtualHost :8008>`, a relative
 *   `Keyfile conf.ssl.d/admin/keystore.kdb` and `SSLServerCert admin-server`;
 * - robert0714/vagrant_ihs_liberty_sticky-session@9164e7b (no licence: shape only, no file copied)
 *   docker-compose-ihs/{httpd.conf,docker-compose.yml}: `KeyFile "/opt/IBM/HTTPServer/conf/ihsserverkey.kdb"` that
 *   Compose mounts from ../ssl/ihsserverkey.kdb, `SSLServerCert localhost`;
 * - IBM's own example (KeyFile at the main server after `SSLDisable`, inherited by the virtual host).
 * The key databases are written in the layout src/parse/keystore/cms.ts reads (test/helpers/cms-kdb.ts).
 */
import rule from '../../../src/rules/ihs/server-cert-label-missing';
import { ruleTester } from '../../helpers/rule-tester';
import { cmsKeyDatabase } from '../../helpers/cms-kdb';
import { ca, leaf } from '../../helpers/pki';

const root = ca('IHS Test Root');
const admin = leaf('admin-server.fedora-webserver', root);
const kdb = (label: string) =>
  cmsKeyDatabase([
    { label: 'IHS Test Root', kind: 'signer', certificate: root.der },
    { label, kind: 'personal', certificate: admin.der },
  ]);
const signersOnly = cmsKeyDatabase([{ label: 'IHS Test Root', kind: 'signer', certificate: root.der }]);

/** cws-khuntly's admin virtual host, in a main configuration whose ServerRoot is the tree's IHSConfig. */
const wserver = (certLines: string, keyFile = 'conf.ssl.d/admin/keystore.kdb') => ({
  'IHSConfig/conf/httpd.conf': `ServerRoot "/opt/IBM/HTTPServer"
LoadModule ibm_ssl_module modules/mod_ibm_ssl.so
Listen 8008
<VirtualHost :8008>
    ServerName              admin-server.fedora-webserver

    SSLEnable
${certLines}
    Keyfile                 ${keyFile}
    SSLStashfile            conf.ssl.d/admin/keystore.sth
</VirtualHost>
`,
});

const compose = `services:
  ihs:
    image: ibmcom/ibm-http-server:9.0.5.0
    volumes:
    - ./httpd.conf:/opt/IBM/HTTPServer/conf/httpd.conf
    - ../ssl/ihsserverkey.kdb:/opt/IBM/HTTPServer/conf/ihsserverkey.kdb
    ports:
    - "443:443"
`;
const mountedConf = (label: string) => `Listen 0.0.0.0:80
LoadModule ibm_ssl_module modules/mod_ibm_ssl.so
Listen *:443
<VirtualHost *:443>
  SSLEnable
  SSLCipherSpec  ALL  NONE
  SSLServerCert  ${label}
  SSLCipherSpec  TLSv12  TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256
  KeyFile "/opt/IBM/HTTPServer/conf/ihsserverkey.kdb"
  SSLStashFile   "/opt/IBM/HTTPServer/conf/ihsserverkey.sth"
</VirtualHost>
`;

ruleTester(rule, {
  valid: [
    {
      name: 'the label is a personal certificate of the key database',
      files: {
        ...wserver('    SSLServerCert           admin-server'),
        'IHSConfig/conf.ssl.d/admin/keystore.kdb': kdb('admin-server'),
      },
    },
    {
      name: 'a label that differs only in case is not judged',
      files: {
        ...wserver('    SSLServerCert           Admin-Server'),
        'IHSConfig/conf.ssl.d/admin/keystore.kdb': kdb('admin-server'),
      },
    },
    {
      name: 'the key database is not in the tree: unknown',
      files: wserver('    SSLServerCert           admin-server'),
    },
    {
      name: 'no SSLServerCert: the default certificate, which a .kdb does not say (unknown)',
      files: { ...wserver(''), 'IHSConfig/conf.ssl.d/admin/keystore.kdb': kdb('something') },
    },
    {
      name: 'a crypto token label (token:label) is not in the key database',
      files: {
        ...wserver('    SSLServerCert           nCipher:admin'),
        'IHSConfig/conf.ssl.d/admin/keystore.kdb': kdb('x'),
      },
    },
    {
      name: 'a same-named key database elsewhere in the tree is not surely the one KeyFile names',
      files: {
        ...wserver('    SSLServerCert           admin-server', '/var/keys/admin/keystore.kdb'),
        'other/keystore.kdb': kdb('x'),
      },
    },
    {
      name: 'KeyFile /saf names a z/OS key ring, not a file',
      files: { ...wserver('    SSLServerCert           admin-server', '/saf WASKeyring'), 'IHSConfig/WASKeyring': 'x' },
    },
    {
      name: 'mounted by Compose, the label is there',
      files: {
        'ihs/httpd.conf': mountedConf('localhost'),
        'ihs/docker-compose.yml': compose,
        'ssl/ihsserverkey.kdb': kdb('localhost'),
      },
    },
    {
      name: 'SSLEnable is off in the virtual host (SSLDisable): no TLS, nothing presented',
      files: {
        ...wserver('    SSLServerCert           nothing\n    SSLDisable'),
        'IHSConfig/conf.ssl.d/admin/keystore.kdb': kdb('admin-server'),
      },
    },
  ],
  invalid: [
    {
      name: 'a relative KeyFile under the ServerRoot without that label',
      files: {
        ...wserver('    SSLServerCert           admin-server'),
        'IHSConfig/conf.ssl.d/admin/keystore.kdb': kdb('default'),
      },
      errors: [
        {
          messageId: 'labelMissing',
          file: 'IHSConfig/conf/httpd.conf',
          line: 8,
          severity: 'error',
          messageIncludes: [
            "'admin-server'",
            "its personal certificates: 'default'",
            'SSL0206E',
            'admin-server.fedora-webserver:8008',
          ],
        },
      ],
    },
    {
      name: 'the database Compose mounts at the KeyFile path holds another label',
      files: {
        'ihs/httpd.conf': mountedConf('ihsserver'),
        'ihs/docker-compose.yml': compose,
        'ssl/ihsserverkey.kdb': kdb('localhost'),
      },
      errors: [
        {
          messageId: 'labelMissing',
          file: 'ihs/httpd.conf',
          line: 7,
          messageIncludes: ["'ihsserver'", "'localhost'"],
          related: [
            { file: 'ssl/ihsserverkey.kdb', line: 1 },
            { file: 'ihs/httpd.conf', line: 9 },
            { file: 'ihs/docker-compose.yml', line: 6 },
          ],
        },
      ],
    },
    {
      name: "IBM's layout: SSLServerCert and KeyFile at the main server, inherited by the SSLEnable virtual host",
      files: {
        'conf/httpd.conf': `LoadModule ibm_ssl_module modules/mod_ibm_ssl.so
Listen 443
<VirtualHost *:443>
SSLEnable
</VirtualHost>
SSLDisable
SSLServerCert selfsigned
KeyFile conf/key.kdb
`,
        'conf/key.kdb': signersOnly,
      },
      errors: [
        { messageId: 'labelMissing', file: 'conf/httpd.conf', line: 7, messageIncludes: ['signer certificates only'] },
      ],
    },
  ],
});
