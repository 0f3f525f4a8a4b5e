/**
 * ihs/global-setting-not-applied: SSLCipherSpec / SSLProtocolDisable / SSLProtocolEnable at the main server do not
 * reach SSLEnable virtual hosts (IBM HTTP Server 9.0, SSL directives: data/ihs.json `notInherited`). The layout is
 * cws-khuntly/WebSphere@3daf161 (CC0-1.0) IHS/IHSConfig: conf/httpd.conf includes conf.modules.d/16-ibmssl.conf (its
 * protocol and cipher lines inside <IfModule ibm_ssl_module>, at the main server) and, under <IfDefine admin>,
 * conf.d/admin/wserver.conf with the SSLEnable virtual host :8008.
 */
import rule from '../../../src/rules/ihs/global-setting-not-applied';
import { ruleTester } from '../../helpers/rule-tester';

const IBMSSL = `LoadModule                              ibm_ssl_module modules/mod_ibm_ssl.so

<IfModule ibm_ssl_module>
    SSLCheckCertificateExpiration       30
    SSLCipherSpec                       ALL NONE
    SSLCipherSpec                       ALL +TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384
    SSLCipherSpec                       ALL +TLS_AES_256_GCM_SHA384
    SSLProtocolDisable                  SSLv2 SSLv3 TLSv10 TLSv11
</IfModule>
`;
const wserver = (own = '') => `Listen                      8008
<VirtualHost :8008>
    ServerName              admin-server.fedora-webserver

    SSLEnable
    SSLServerCert           admin-server
    Keyfile                 conf.ssl.d/admin/keystore.kdb
${own}
</VirtualHost>
`;
const main = (define: string) => `ServerRoot                  "/opt/IBM/HTTPServer"
Include                     conf.modules.d/16-ibmssl.conf
${define}
<IfDefine admin>
    Include                 conf.d/admin/wserver.conf
</IfDefine>
`;
const tree = (define: string, own?: string) => ({
  'IHSConfig/conf/httpd.conf': main(define),
  'IHSConfig/conf.modules.d/16-ibmssl.conf': IBMSSL,
  'IHSConfig/conf.d/admin/wserver.conf': wserver(own),
});

ruleTester(rule, {
  valid: [
    {
      // As the repository has it: httpd runs without -Dadmin unless its start says so, which the tree does not.
      name: 'the virtual host is read only with -Dadmin: not judged',
      files: tree(''),
    },
    {
      name: 'the virtual host writes its own lines',
      files: tree(
        'Define admin',
        '    SSLCipherSpec ALL NONE\n    SSLCipherSpec ALL +TLS_AES_256_GCM_SHA384\n    SSLProtocolDisable SSLv2 SSLv3 TLSv10 TLSv11',
      ),
    },
    {
      name: 'no SSLEnable virtual host: the main server keeps its own lines',
      files: {
        'IHSConfig/conf/httpd.conf': `${main('')}Listen 443\nSSLEnable\nKeyfile conf/key.kdb\n`,
        'IHSConfig/conf.modules.d/16-ibmssl.conf': IBMSSL,
      },
    },
    {
      name: 'a file no main configuration includes: what the including server writes is unknown',
      files: { 'conf.d/admin/wserver.conf': `SSLProtocolDisable SSLv2 SSLv3\n${wserver()}` },
    },
  ],
  invalid: [
    {
      name: 'Define admin reads the virtual host: the main-server lines do not reach it',
      files: tree('Define admin'),
      errors: [
        {
          messageId: 'notApplied',
          file: 'IHSConfig/conf.modules.d/16-ibmssl.conf',
          line: 5,
          severity: 'warning',
          messageIncludes: ['SSLCipherSpec (3 lines)', 'admin-server.fedora-webserver:8008', 'these lines'],
        },
        {
          messageId: 'notApplied',
          file: 'IHSConfig/conf.modules.d/16-ibmssl.conf',
          line: 8,
          messageIncludes: ['SSLProtocolDisable is written at the main server', 'this line'],
        },
      ],
    },
    {
      name: 'the virtual host sets its ciphers but not its protocols',
      files: tree('Define admin', '    SSLCipherSpec ALL +TLS_AES_256_GCM_SHA384'),
      errors: [{ messageId: 'notApplied', file: 'IHSConfig/conf.modules.d/16-ibmssl.conf', line: 8 }],
    },
  ],
});
