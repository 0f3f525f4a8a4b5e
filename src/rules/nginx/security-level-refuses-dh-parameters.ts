import type { RuleRelated } from '../types';
import * as path from 'node:path';

import { dhLevelRefusal } from '../../knowledge/openssl-security-level';
import { opensslSeriesOf } from '../../knowledge/openssl';
import type { PemData } from '../../parse/pem';
import type { ParsedDocument } from '../../parse/types';
import { defineRule } from '../types';
import { levelRefusedData, levelSpreadData } from '../_lib/security-level';
import { said } from '../../core/phrase';
import { reportOnNginxFile } from './_lib/unloaded';

/**
 * nginx sets ssl_dhparam with SSL_CTX_set_tmp_dh after its cipher string (every release), so at the level @SECLEVEL
 * sets, else the image's default; parameters whose prime is below the level's size make it log [emerg] and not start
 * (measured with openssl 3.0.19 s_server -dhparam: 1024 bits refused at level 2, 'dh key too small'). An info for a
 * file of a `*-available` directory nginx does not read (./_lib/unloaded.ts).
 */
const segments = (p: string) => p.split(/[\\/]+/).filter((s) => s && s !== '.');

/**
 * The tree's DH parameter file a written path names: of those with its file name, the one sharing the longest path
 * tail (`/etc/nginx/ssl/dhparam.pem` → `gw/ssl/dhparam.pem`), then the one nearest to the configuration.
 */
function named(files: ParsedDocument<PemData>[], written: string, from: string): ParsedDocument<PemData> | undefined {
  const want = segments(written);
  const near = segments(path.dirname(from));
  const score = (d: ParsedDocument) => {
    const have = segments(d.file.path);
    let tail = 0;
    while (tail < want.length && tail < have.length && want[want.length - 1 - tail] === have[have.length - 1 - tail])
      tail++;
    let head = 0;
    while (head < near.length && head < have.length && near[head] === have[head]) head++;
    return { tail, head };
  };
  let best: { doc: ParsedDocument<PemData>; tail: number; head: number } | undefined;
  for (const doc of files) {
    const { tail, head } = score(doc);
    if (tail > 0 && (!best || tail > best.tail || (tail === best.tail && head > best.head))) best = { doc, tail, head };
  }
  return best?.doc;
}

export default defineRule({
  meta: {
    id: 'nginx/security-level-refuses-dh-parameters',
    description:
      "Report ssl_dhparam files whose DH parameters the security level of nginx's OpenSSL refuses: nginx does not start",
    severity: 'error',
    appliesTo: { components: ['nginx.server'] },
    messages: {
      refused:
        'nginx does not start: its OpenSSL refuses the ssl_dhparam file {{file}} at security level {{level}} ({{origin}}): {{detail}}. nginx logs \'[emerg] SSL_CTX_set_tmp_dh("{{written}}") failed (SSL: error:0A00018A:SSL routines::dh key too small)\'. Generate 2048-bit parameters (openssl dhparam -out {{file}} 2048), or drop ssl_dhparam (nginx then negotiates no DHE suite; ECDHE ones remain)',
      unloaded:
        'nginx would not start if this file were enabled: its OpenSSL refuses the ssl_dhparam file {{file}} at security level {{level}} ({{origin}}): {{detail}} (\'[emerg] SSL_CTX_set_tmp_dh("{{written}}") failed … dh key too small\'), but this file lies in {{directory}}, which no include of the configuration nginx runs reaches, so nginx does not read it as the tree stands. Before enabling it, generate 2048-bit parameters (openssl dhparam -out {{file}} 2048), or drop ssl_dhparam',
      levelUnknown:
        "The ssl_dhparam file {{file}} ({{detail}}) is refused at security level {{refusing}} and accepted at {{accepting}}: whether nginx starts ('dh key too small') depends on the level its OpenSSL runs at, which the tree does not settle ({{why}}; {{origins}}). {{todo}}, or generate 2048-bit parameters",
    },
    options: {},
    symptoms: ['dh key too small'],
  },
  check(ctx) {
    const files = ctx.deployment.documents.filter((d): d is ParsedDocument<PemData> => d.kind === 'pem.dh-parameters');
    if (files.length === 0) return;
    const judged = new Set<string>();
    for (const c of ctx.deployment.components) {
      if (c.type !== 'nginx.server') continue;
      const { dhParameters, securityLevel, openssl } = c.attributes;
      const facts = openssl ? opensslSeriesOf(openssl.series) : undefined;
      if (!dhParameters || !securityLevel || !facts) continue;
      // Several server blocks inherit one http-level ssl_dhparam: judged once.
      const at = `${dhParameters.location.file}:${dhParameters.location.range?.start.line ?? 0}`;
      if (judged.has(at)) continue;
      judged.add(at);
      const doc = named(files, dhParameters.file, dhParameters.location.file);
      const block = doc?.data.dhParameters?.[0];
      if (!doc || block?.bits === undefined) continue;
      const bits = block.bits;
      const refusing = securityLevel.handshake.flatMap((candidate) => {
        const refusal = dhLevelRefusal(facts, candidate.level, bits);
        return refusal ? [{ candidate, refusal }] : [];
      });
      const [first] = refusing;
      if (!first) continue;
      const accepting = securityLevel.handshake.filter((x) => !refusing.some((r) => r.candidate === x));
      const related: RuleRelated[] = [
        { file: doc.file.path, range: block.range, message: first.refusal.detail },
        ...refusing.flatMap(({ candidate }) =>
          candidate.at
            ? [{ ...candidate.at, message: said`security level ${candidate.level}: ${candidate.origin}` }]
            : [],
        ),
      ];
      const common = { file: path.basename(doc.file.path), detail: first.refusal.detail };
      const fingerprint = [doc.file.path, String(bits), c.id];
      if (accepting.length === 0)
        reportOnNginxFile(ctx, c.attributes.loading, {
          messageId: 'refused',
          data: {
            ...common,
            ...levelRefusedData(refusing),
            written: dhParameters.file,
          },
          location: dhParameters.location,
          related,
          fingerprint,
        });
      else
        ctx.report({
          messageId: 'levelUnknown',
          severity: 'info',
          data: { ...common, ...levelSpreadData(refusing, accepting, securityLevel.unsettled) },
          location: dhParameters.location,
          related,
          fingerprint,
        });
    }
  },
});
