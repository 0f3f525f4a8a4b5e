import rule from '../../../src/rules/tls/cipher-string-unknown-to-openssl';
import { ruleTester } from '../../helpers/rule-tester';
import { nginx } from './trees';

ruleTester(rule, {
  valid: [
    {
      name: 'names OpenSSL 3 has',
      files: { 'api/nginx.conf': nginx('ssl_ciphers ECDHE-RSA-AES128-GCM-SHA256:HIGH:!aNULL;') },
    },
    { name: 'the nginx default cipher string', files: { 'api/nginx.conf': nginx('ssl_protocols TLSv1.2;') } },
    {
      name: 'an exclusion of 3DES is no request for it',
      files: { 'api/nginx.conf': nginx("ssl_ciphers 'HIGH:!3DES:!RC4';") },
    },
  ],
  invalid: [
    {
      name: 'a 2016 policy naming DES-CBC3-SHA: dropped by OpenSSL 3, enabled by 1.0.2/1.1.1',
      files: {
        'api/nginx.conf': nginx("ssl_ciphers 'ECDHE-RSA-AES128-GCM-SHA256:EDH-RSA-DES-CBC3-SHA:DES-CBC3-SHA';"),
      },
      errors: [
        {
          messageId: 'olderOnly',
          file: 'api/nginx.conf',
          line: 5,
          messageIncludes: [
            "'EDH-RSA-DES-CBC3-SHA', 'DES-CBC3-SHA' are no cipher of OpenSSL 3.x",
            'OpenSSL 1.0.2, 1.1.0 and 1.1.1',
            'TLS_RSA_WITH_3DES_EDE_CBC_SHA',
            'Sweet32',
          ],
        },
      ],
    },
    {
      name: 'a string made only of names OpenSSL 3 lacks: nginx does not start',
      files: { 'api/nginx.conf': nginx("ssl_ciphers 'DES-CBC3-SHA:RC4-SHA';") },
      errors: [
        { messageId: 'noMatch', file: 'api/nginx.conf', line: 5, messageIncludes: ['no cipher match', 'assumed'] },
      ],
    },
  ],
});
