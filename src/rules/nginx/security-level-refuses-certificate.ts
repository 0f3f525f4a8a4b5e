import type { RuleRelated } from '../types';
import * as path from 'node:path';

import { certLocation, certName } from '../cert/_lib/shared';
import { defineRule } from '../types';
import type { LoadRefusal } from '../../derive/openssl-levels';
import { levelPlaces, reissueOf, reportLoadRefusal, reportVerifyRefusal } from '../_lib/security-level';
import { ours, said } from '../../core/phrase';
import { isNginx } from '../../model/types';
import { reportOnNginxFile } from './_lib/unloaded';

/**
 * nginx loads ssl_certificate / proxy_ssl_certificate into an SSL_CTX at its OpenSSL's security level; a key or
 * signature the level refuses makes it log [emerg] and not start (measured with openssl 3.0.19 s_server -cert,
 * sources in openssl-servers.json securityLevels). The level: @SECLEVEL of the cipher directive (nginx 1.21.2+ sets
 * it before loading certificates), else the image's default (Debian's and Ubuntu's builds 2, Alpine's upstream's).
 * An info for a file of a `*-available` directory nginx does not read (./_lib/unloaded.ts).
 */

/** What nginx calls on the certificate, as its [emerg] line names it. */
const CALL = { leaf: 'SSL_CTX_use_certificate', chain: 'SSL_CTX_set0_chain' } as const;

function fixOf(r: LoadRefusal): string {
  const [first] = r.refusing;
  const reissue = reissueOf(first?.refusal.reason, r.cert.cert.keyType);
  const lowest = Math.min(...r.refusing.map((x) => x.candidate.level)) - 1;
  const seclevel =
    r.level.cipherLevelReachesCertificates?.value === false
      ? ` (@SECLEVEL=${lowest} in ${r.level.directive} does not help: this nginx release loads certificates before its cipher string)`
      : `, or set @SECLEVEL=${lowest} in ${r.level.directive} to accept it`;
  return `Re-issue it with ${reissue}${seclevel}`;
}

export default defineRule({
  meta: {
    id: 'nginx/security-level-refuses-certificate',
    description:
      "Report certificates an nginx end loads (ssl_certificate, proxy_ssl_certificate) whose key or signature its OpenSSL's security level refuses: nginx does not start",
    severity: 'error',
    appliesTo: { components: ['nginx.server', 'nginx.proxy'] },
    messages: {
      refused:
        'nginx does not start: its OpenSSL refuses {{what}} {{dn}} of {{file}} at security level {{level}} ({{origin}}): {{detail}}. nginx logs \'[emerg] {{call}}("{{written}}") failed (SSL: error:…:SSL routines::{{reason}})\'. {{fix}}',
      verifyRefused:
        "{{client}} verifies the upstream certificate (proxy_ssl_verify on) at security level {{level}} ({{origin}}), which refuses {{dn}} ({{place}} of the path {{server}} presents): {{detail}}. nginx logs 'upstream SSL certificate verify error: ({{error}}) while SSL handshaking to upstream' and answers 502. Re-issue it with {{reissue}}, or set @SECLEVEL={{lower}} in {{directive}}",
      verifyLevelUnknown:
        "{{client}} verifies the upstream certificate (proxy_ssl_verify on), and {{dn}} ({{place}} of the path {{server}} presents; {{detail}}) is refused at security level {{refusing}} and accepted at {{accepting}}: whether the request fails with 'upstream SSL certificate verify error: ({{error}})' and a 502 depends on the level nginx's OpenSSL runs at, which the tree does not settle ({{why}}; {{origins}}). {{todo}}",
      unloaded:
        'nginx would not start if this file were enabled: its OpenSSL refuses {{what}} {{dn}} of {{file}} at security level {{level}} ({{origin}}): {{detail}} (\'[emerg] {{call}}("{{written}}") failed (SSL: error:…:SSL routines::{{reason}})\'), but this file lies in {{directory}}, which no include of the configuration nginx runs reaches, so nginx does not read it as the tree stands. Before enabling it: {{fix}}',
      levelUnknown:
        "{{what}} {{dn}} of {{file}} ({{detail}}) is refused at security level {{refusing}} and accepted at {{accepting}}: whether nginx starts ('{{reason}}') depends on the level its OpenSSL runs at, which the tree does not settle ({{why}}; {{origins}}). {{todo}}, or re-issue the certificate",
    },
    options: {},
    symptoms: [
      'ee key too small',
      'ca key too small',
      'ca md too weak',
      'EE certificate key too weak',
      'CA certificate key too weak',
      'CA signature digest algorithm too weak',
    ],
  },
  check(ctx) {
    // httpd's proxies: httpd/security-level-refuses-certificate.
    for (const v of ctx.deployment.derived.levelRefusals.verify)
      if (v.trust.verifier.type === 'nginx.proxy') reportVerifyRefusal(ctx, v, 'nginx');
    for (const r of ctx.deployment.derived.levelRefusals.load) {
      const [first] = r.refusing;
      // httpd's ends: httpd/security-level-refuses-certificate.
      if (!first || !r.component.type.startsWith('nginx.')) continue;
      const written = r.ref.file;
      const what = r.position === 'leaf' ? `the ${r.directive} certificate` : `the chain certificate`;
      const common = {
        what,
        dn: certName(r.cert),
        file: path.basename(r.cert.doc.file.path),
        reason: first.refusal.reason,
      };
      const reaches = r.level.cipherLevelReachesCertificates;
      const related: RuleRelated[] = [
        { ...certLocation(r.cert), message: said`${common.dn}: ${first.refusal.detail}` },
        ...levelPlaces(r.refusing, r.accepting),
        ...(reaches
          ? [
              {
                ...reaches.at,
                message: said`nginx ${reaches.release} ${reaches.value ? ours('sets') : ours('does not set')} ${r.level.directive} before loading certificates`,
              },
            ]
          : []),
      ];
      const loading =
        isNginx(r.component) || r.component.type === 'nginx.proxy' ? r.component.attributes.loading : undefined;
      reportLoadRefusal(
        ctx,
        r,
        {
          what,
          common,
          refused: { detail: first.refusal.detail, call: CALL[r.position], written, fix: fixOf(r) },
          related,
        },
        (descriptor) => reportOnNginxFile(ctx, loading, descriptor),
      );
    }
  },
});
