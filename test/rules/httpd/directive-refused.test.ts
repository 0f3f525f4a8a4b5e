import rule from '../../../src/rules/httpd/directive-refused';
import { ruleTester } from '../../helpers/rule-tester';

const conf = (...lines: string[]) => ({
  'conf/httpd.conf': ['ServerRoot "/usr/local/apache2"', 'Listen 443', ...lines, ''].join('\n'),
});

ruleTester(rule, {
  valid: [
    {
      name: 'the words mod_ssl takes',
      files: conf(
        // Compared without case (strcEQ is strcasecmp in ssl_private.h): ALL, tlsv1.2 are taken.
        'SSLProtocol -ALL +tlsv1.2 +TLSv1.3 -SSLv2',
        'SSLProxyEngine ON',
        'SSLHonorCipherOrder off',
        'SSLProxyVerify optional_no_ca',
        // `on` is require and `off` none to ssl_cmd_verify_parse.
        'SSLVerifyClient On',
        'SSLCipherSuite TLSv1.3 TLS_AES_256_GCM_SHA384',
        'SSLCipherSuite SSL HIGH:!aNULL',
      ),
    },
    {
      name: 'a placeholder: set when the file is rendered or httpd starts',
      files: conf('SSLProtocol ${TLS_PROTOCOLS}', 'SSLProxyVerify @VERIFY@'),
    },
    {
      name: 'inside <IfModule !mod_ssl.c> and an <IfDefine> nothing defines: httpd does not read them',
      files: conf(
        '<IfModule !mod_ssl.c>',
        'SSLProtocol TLSv1.4',
        '</IfModule>',
        '<IfDefine SSL>',
        'SSLProxyVerify on',
        '</IfDefine>',
      ),
    },
    {
      name: 'secret= on a ProxyPass and a BalancerMember of httpd 2.4.42, the first release that takes it',
      files: {
        'httpd/Dockerfile': 'FROM httpd:2.4.42\nCOPY httpd.conf /usr/local/apache2/conf/httpd.conf\n',
        'httpd/httpd.conf': [
          'Listen 80',
          'ProxyPass "/a" "ajp://tomcat:8009/a" secret=s3cret',
          '<Proxy "balancer://cluster">',
          '  BalancerMember "ajp://tomcat:8009" secret=s3cret',
          '</Proxy>',
          '',
        ].join('\n'),
      },
    },
    {
      name: 'secret= on a worker when no image names the release, or a floating tag: not known to be refused',
      files: {
        'a/Dockerfile': 'FROM httpd:2.4\nCOPY httpd.conf /usr/local/apache2/conf/httpd.conf\n',
        'a/httpd.conf': 'Listen 80\nProxyPass "/a" "ajp://tomcat:8009/a" secret=s3cret\n',
        'b/httpd.conf': 'Listen 80\nProxyPass "/a" "ajp://tomcat:8009/a" secret=s3cret\n',
      },
    },
    {
      name: 'secret= on httpd 2.4.41 inside <IfVersion >= 2.4.42>: httpd does not read it',
      files: {
        'httpd/Dockerfile': 'FROM httpd:2.4.41\nCOPY httpd.conf /usr/local/apache2/conf/httpd.conf\n',
        'httpd/httpd.conf':
          'Listen 80\n<IfVersion >= 2.4.42>\nProxyPass "/a" "ajp://tomcat:8009/a" secret=s3cret\n</IfVersion>\n',
      },
    },
    {
      name: 'a template: its values are set when it is rendered',
      files: {
        'templates/httpd.conf.j2': '{% if x %}\nSSLProxyEngine {{ engine }}\n{% endif %}\nSSLProtocol TLSv1.4\n',
      },
    },
  ],
  invalid: [
    {
      name: 'an unknown protocol, a flag that is not On or Off, an unknown verify mode, a cipher protocol mod_ssl lacks',
      files: conf(
        '<VirtualHost *:443>',
        'SSLProtocol -all +TLSv1.2 +TLSv1.4',
        'SSLProxyEngine yes',
        'SSLProxyVerify required',
        'SSLCipherSuite TLSv1.2 HIGH',
        '</VirtualHost>',
      ),
      errors: [
        {
          messageId: 'refused',
          file: 'conf/httpd.conf',
          line: 4,
          messageIncludes: ["SSLProtocol: Illegal protocol 'TLSv1.4'"],
        },
        {
          messageId: 'refused',
          file: 'conf/httpd.conf',
          line: 5,
          messageIncludes: ['SSLProxyEngine must be On or Off'],
        },
        {
          messageId: 'refused',
          file: 'conf/httpd.conf',
          line: 6,
          messageIncludes: ["SSLProxyVerify: Invalid argument 'required'"],
        },
        {
          messageId: 'refused',
          file: 'conf/httpd.conf',
          line: 7,
          messageIncludes: ["protocol 'TLSv1.2' not supported"],
        },
      ],
    },
    {
      name: 'secret= given to a balancer, by ProxyPass and by ProxySet: refused in every release, the secret not printed',
      files: conf(
        '<Proxy "balancer://cluster">',
        '  BalancerMember "ajp://tomcat:8009"',
        '  ProxySet lbmethod=byrequests secret=s3cret-value',
        '</Proxy>',
        'ProxyPass "/app" "balancer://cluster/app" secret=s3cret-value',
      ),
      errors: [
        {
          messageId: 'secretOnBalancer',
          file: 'conf/httpd.conf',
          line: 5,
          messageIncludes: [
            'ProxySet: unknown Balancer parameter secret=\u2026; balancer://cluster',
            'on each BalancerMember',
          ],
          messageExcludes: ['s3cret-value'],
        },
        {
          messageId: 'secretOnBalancer',
          file: 'conf/httpd.conf',
          line: 7,
          messageIncludes: ['ProxyPass unknown Balancer parameter'],
          messageExcludes: ['s3cret-value'],
        },
      ],
    },
    {
      name: 'secret= on a worker of httpd 2.4.41 (its image tag): ProxyPass, BalancerMember and ProxySet of a worker refused',
      files: {
        'httpd/Dockerfile': 'FROM httpd:2.4.41-alpine\nCOPY httpd.conf /usr/local/apache2/conf/httpd.conf\n',
        'httpd/httpd.conf': [
          'Listen 80',
          'ProxyPass "/a" "ajp://tomcat:8009/a" secret=s3cret',
          '<Proxy "balancer://cluster">',
          '  BalancerMember "ajp://tomcat:8009" route=n1 secret=s3cret',
          '</Proxy>',
          '<Proxy "ajp://other:8009">',
          '  ProxySet secret=s3cret',
          '</Proxy>',
          '',
        ].join('\n'),
      },
      errors: [
        {
          messageId: 'secretBeforeRelease',
          file: 'httpd/httpd.conf',
          line: 2,
          messageIncludes: [
            'httpd 2.4.41 refuses',
            'ProxyPass unknown Worker parameter", or "ProxyPass unknown Worker hcheck parameter" with mod_proxy_hcheck',
            'from httpd 2.4.42 only',
          ],
          related: [{ file: 'httpd/Dockerfile', line: 1 }],
        },
        {
          messageId: 'secretBeforeRelease',
          file: 'httpd/httpd.conf',
          line: 4,
          messageIncludes: ['BalancerMember unknown Worker parameter'],
        },
        {
          messageId: 'secretBeforeRelease',
          file: 'httpd/httpd.conf',
          line: 7,
          messageIncludes: ['ProxySet: unknown Worker parameter secret=\u2026; ajp://other:8009'],
          messageExcludes: ['s3cret'],
        },
      ],
    },
  ],
});
