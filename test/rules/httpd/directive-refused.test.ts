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
  ],
});
