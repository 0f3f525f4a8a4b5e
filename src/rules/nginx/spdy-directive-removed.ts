import { NGINX_FACTS } from '../../knowledge/openssl';
import { nginxRefusesSpdyDirectives, nginxSupersedesSpdyDirectives } from '../../knowledge/server-releases';
import { defineRule } from '../types';
import { reportRemovedSyntax } from './_lib/removed-syntax';

const { since: REMOVED, supersededSince: SUPERSEDED } = NGINX_FACTS.spdyDirectivesRemoved;

/**
 * The directives of ngx_http_spdy_module (`spdy_headers_comp 6;`, `spdy_keepalive_timeout`…), which outlived the
 * `listen … spdy` they tuned: configurations moved to `listen … http2` and kept them. From 1.9.5 the HTTP/2 module
 * takes them with a warning and ignores them; nginx/nginx@e829392 (first in 1.19.7) removed them, so from 1.19.7 nginx
 * stops at start with `[emerg] unknown directive` and every server of the file is down (the releases are knowledge:
 * openssl-servers.json nginx.spdyDirectivesRemoved). Severity as nginx/listen-spdy-removed: an error when the image
 * that runs the file names such a release and the file is no template. Real shape: linode/docs's Buildbot guide
 * (`listen 443 ssl http2` with `spdy_headers_comp 5;`).
 */
export default defineRule({
  meta: {
    id: 'nginx/spdy-directive-removed',
    description:
      'Report spdy_* directives (spdy_headers_comp, spdy_keepalive_timeout…), which nginx ignored once HTTP/2 replaced SPDY and then removed: the releases without them refuse the file and do not start',
    severity: 'error',
    appliesTo: { documents: ['nginx.'] },
    messages: {
      refused:
        "'{{value}}': nginx {{removed}} removed the spdy_* directives, and the image runs nginx {{release}}: nginx stops at start with [emerg] unknown directive \"{{value}}\" (nginx -t fails too), so none of this configuration's servers runs. {{fix}}",
      superseded:
        '\'{{value}}\': nginx {{release}}, which the image runs, ignores it with a warning (ngx_http_spdy_module was superseded by ngx_http_v2_module in {{superseded}}), but nginx {{removed}} and later stop at start with [emerg] unknown directive "{{value}}", so the next upgrade of the image takes every server of this configuration down. {{fix}}',
      spoken:
        '\'{{value}}\': nginx {{release}}, which the image runs, takes it when built with ngx_http_spdy_module (and refuses it otherwise), but nginx {{superseded}} replaced SPDY with HTTP/2 and {{removed}} and later stop at start with [emerg] unknown directive "{{value}}", so an upgrade of the image to a current release takes every server of this configuration down. {{fix}}',
      floating:
        "'{{value}}': nginx {{removed}} removed the spdy_* directives, and the image '{{image}}' names no release: built or pulled now it runs the newest release of its line, nginx {{atLeast}} or later (true of every such tag since {{since}}), which stops at start with [emerg] unknown directive \"{{value}}\" (nginx -t fails too), so none of this configuration's servers runs. {{prebuilt}}{{fix}}",
      unloaded:
        "'{{value}}' would stop nginx at start if enabled: nginx {{removed}} and later refuse the spdy_* directives ([emerg] unknown directive), but this file lies in {{directory}}, which no include of the configuration nginx runs reaches, so nginx does not read it as the tree stands. Before enabling it: {{fix}}",
      releaseUnknown:
        "'{{value}}': nginx {{removed}} and later (every release since February 2021, and the nginx image's current tags) stop at start with [emerg] unknown directive \"{{value}}\"; the releases from {{superseded}} until then ignore it with a warning. {{which}} {{fix}}",
    },
    options: {},
    symptoms: ['[emerg] unknown directive "spdy_', 'ngx_http_spdy_module was superseded by ngx_http_v2_module'],
  },
  check(ctx) {
    for (const directive of ctx.deployment.nginxSpdyDirectives ?? []) {
      const release = directive.nginx?.release;
      const taken = nginxSupersedesSpdyDirectives(release) === false ? 'spoken' : 'superseded';
      reportRemovedSyntax(
        ctx,
        directive,
        nginxRefusesSpdyDirectives(release),
        taken,
        {
          removed: REMOVED,
          superseded: SUPERSEDED,
          fix: `Delete the line: it tunes SPDY, which nginx has not spoken since ${SUPERSEDED} (the HTTP/2 module's settings are http2_*)`,
        },
        nginxRefusesSpdyDirectives,
      );
    }
  },
});
