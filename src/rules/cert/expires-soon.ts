import * as path from 'node:path';
import { defineRule } from '../types';
import {
  certLocation,
  certificatesOf,
  certName,
  datesMatter,
  DAY_MS,
  certificateUse,
  notServedWhy,
  referenceNow,
  storeFingerprint,
  storeRelated,
} from './_lib/shared';
import { ours, said } from '../../core/phrase';

export default defineRule({
  meta: {
    id: 'cert/expires-soon',
    description: 'Warn about certificates that expire within the configured number of days',
    severity: 'warning',
    messages: {
      soon: 'Certificate {{dn}} expires on {{date}} ({{left}}, threshold {{threshold}} days): renew it before handshakes start failing with certificate_expired / AMQ9633',
      soonUnnamed:
        'Certificate {{dn}} expires on {{date}} ({{left}}, threshold {{threshold}} days), but no server, client or store setting lint-deploy models in this deployment names {{file}} (one it does not model may: an environment variable an image reads, a template): if something presents it, renew it before handshakes start failing with certificate_expired / AMQ9633',
      soonNotServed:
        'Certificate {{dn}} expires on {{date}} ({{left}}, threshold {{threshold}} days), but no handshake the tree shows uses it: {{why}}. Renew it before TLS is turned on there',
    },
    options: {
      days: {
        type: 'integer',
        minimum: 1,
        default: 30,
        description: 'Warn when a certificate expires within this many days',
      },
      referenceDate: {
        type: 'string',
        description: 'Date (ISO 8601, e.g. 2026-01-31) to judge validity at instead of today: for reproducible CI runs',
      },
    },
    symptoms: ['certificate_expired', 'AMQ9633'],
  },
  check(ctx) {
    const now = referenceNow(ctx.options.referenceDate);
    const threshold = ctx.options.days;
    for (const c of certificatesOf(ctx.deployment)) {
      if (!datesMatter(c)) continue;
      const left = (c.cert.notAfter.getTime() - now.getTime()) / DAY_MS;
      if (left < 0 || left > threshold || c.cert.notBefore > now) continue;
      // Named by no component (test data, a copy left behind), or only by servers that serve no TLS: an info.
      const found = certificateUse(ctx.deployment, c);
      // A key entry no setting selects is still in a store in use: warned about as before.
      const use = found.use === 'other-alias' ? { use: 'named' as const, by: found.by } : found;
      const notServed = use.use === 'not-served' ? notServedWhy(c, use.by) : undefined;
      const related = [
        ...(storeRelated(c).related ?? []),
        ...(use.use === 'named' ? use.by : []),
        ...(notServed?.related ?? []),
      ];
      ctx.report({
        messageId: use.use === 'named' ? 'soon' : notServed ? 'soonNotServed' : 'soonUnnamed',
        data: {
          dn: certName(c),
          date: c.cert.notAfter.toISOString().slice(0, 10),
          left:
            left < 1
              ? ours('in less than a day')
              : said`in ${Math.floor(left)} day${Math.floor(left) === 1 ? '' : ours('s')}`,
          threshold,
          file: path.basename(c.doc.file.path),
          why: notServed?.why ?? '',
        },
        location: certLocation(c),
        ...(related.length > 0 ? { related } : {}),
        ...(use.use === 'named' ? {} : { severity: 'info' as const }),
        fingerprint: [c.cert.fingerprintSha256, 'expires-soon', ...storeFingerprint(c)],
      });
    }
  },
});
