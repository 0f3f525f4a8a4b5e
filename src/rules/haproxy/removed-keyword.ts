import * as path from 'node:path';
import { defineRule } from '../types';
import { ours, said } from '../../core/phrase';

/**
 * A keyword HAProxy removed (knowledge openssl-servers.json haproxy.removedKeywords: the req and rsp header rewriting
 * family, block, redispatch and the old timeouts from 2.1, global debug from 2.3). From that release on the line is a
 * fatal configuration error: HAProxy does not start, so every frontend of the file is down, TLS or not. An error when
 * the image that runs the file names such a release; a warning when it names an earlier one (it starts today, and the
 * next upgrade stops it) or none (`image: haproxy` pulls a current release), or when the file is a template or the line
 * conditional. Real case: otgrkiss/vagrant-docker-haproxy-tls@0525c5c haproxy-tls1_2.cfg (`debug` with `image: haproxy`).
 */
export default defineRule({
  meta: {
    id: 'haproxy/removed-keyword',
    description:
      'Report HAProxy configuration keywords a release removed (reqadd, rspdel, block, clitimeout, global debug…): from that release on HAProxy refuses the file and does not start',
    severity: 'error',
    appliesTo: { documents: ['haproxy.'] },
    messages: {
      refused:
        "'{{keyword}}' is not supported anymore since HAProxy {{since}}, and the image runs HAProxy {{release}}: the line is a fatal configuration error (haproxy -c fails), so HAProxy does not start and none of this file's frontends runs. {{replacement}}",
      older:
        "'{{keyword}}' was removed in HAProxy {{since}}: HAProxy {{release}}, which the image runs, still takes it, but {{since}} and later refuse the file and do not start, so the next upgrade of the image takes every frontend of this file down. {{replacement}}",
      releaseUnknown:
        "'{{keyword}}' was removed in HAProxy {{since}}: {{since}} and later refuse the file with a fatal error and do not start. {{which}} {{replacement}}",
    },
    options: {},
    symptoms: [
      'is not supported anymore since HAProxy',
      "unknown keyword 'debug' in 'global' section",
      'Fatal errors found in configuration',
    ],
  },
  check(ctx) {
    for (const removed of ctx.deployment.haproxyRemovedKeywords ?? []) {
      const { keyword, since, release, refuses } = removed;
      const messageId = refuses === true ? 'refused' : refuses === false ? 'older' : 'releaseUnknown';
      ctx.report({
        messageId,
        // A template may render otherwise, a .if block may be skipped: what it says stays a warning.
        severity: refuses === true && !removed.uncertain ? 'error' : 'warning',
        data: {
          keyword,
          since,
          release: release?.value ?? '',
          replacement: removed.replacement,
          which: release
            ? said`The image's tag ${release.value} spans releases on both sides.`
            : ours(
                'The tree names no HAProxy release for this file (an image tag without one, such as haproxy or haproxy:lts, pulls a current release).',
              ),
        },
        location: removed.at,
        ...(release ? { related: [{ ...release.at, message: said`the image runs HAProxy ${release.value}` }] } : {}),
        fingerprint: [path.basename(removed.at.file), removed.section, keyword, release?.value ?? ''],
      });
    }
  },
});
