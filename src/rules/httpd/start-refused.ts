import { defineRule } from '../types';
import { said } from '../../core/phrase';

/**
 * mod_ssl lines httpd takes when it reads its configuration (`apachectl configtest` says Syntax OK) and refuses when
 * it starts, in src/model/httpd-start.ts: an SSLProtocol / SSLProxyProtocol line that leaves no protocol (AH02231),
 * an SSLCipherSuite / SSLProxyCipherSuite string that selects no cipher (AH01898). Apart from httpd/directive-refused,
 * whose lines configtest already rejects: these pass every check before the restart that takes the server down.
 */
export default defineRule({
  meta: {
    id: 'httpd/start-refused',
    description:
      'Report mod_ssl lines apachectl configtest passes and httpd refuses at start (a protocol line that leaves no protocol, a cipher string that selects no cipher): httpd does not start',
    severity: 'error',
    appliesTo: { documents: ['httpd.conf'] },
    messages: {
      refused:
        '{{directive}} {{written}} in {{server}}: {{why}}. apachectl configtest says Syntax OK, but httpd stops when mod_ssl sets up this SSL context ("{{code}}: {{httpdSays}}", then "AH02312: Fatal error initialising mod_ssl, exiting"), so none of the sites of this configuration runs',
    },
    options: {},
    symptoms: [
      'AH02231',
      'No SSL protocols available',
      'AH01898',
      'Unable to configure permitted SSL ciphers',
      'no cipher match',
    ],
  },
  check(ctx) {
    for (const refused of ctx.deployment.httpdStartRefusals ?? [])
      ctx.report({
        messageId: 'refused',
        data: {
          directive: refused.directive,
          written: refused.written,
          server: refused.server,
          why: refused.why,
          code: refused.code,
          httpdSays: refused.httpdSays,
        },
        location: refused.at,
        ...(refused.openssl
          ? {
              related: [
                {
                  ...refused.openssl.at,
                  message: said`${refused.openssl.via} runs OpenSSL ${refused.openssl.release}`,
                },
              ],
            }
          : {}),
        fingerprint: [refused.server, refused.directive, refused.code],
      });
  },
});
