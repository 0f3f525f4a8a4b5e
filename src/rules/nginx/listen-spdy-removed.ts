import { NGINX_FACTS } from '../../knowledge/openssl';
import { nginxRefusesListenSpdy, nginxSupersedesListenSpdy } from '../../knowledge/server-releases';
import { defineRule } from '../types';
import { reportRemovedSyntax } from './_lib/removed-syntax';

const { since: REMOVED, supersededSince: SUPERSEDED } = NGINX_FACTS.listenSpdyRemoved;

/** What to write instead: HTTP/2 is `listen … http2` before the `http2 on;` directive, and that directive from it. */
const FIX = `Delete 'spdy' from the listen; for HTTP/2 write 'http2' in its place (or, from nginx ${NGINX_FACTS.http2DirectiveSince.since}, the directive 'http2 on;' in the server)`;

/**
 * The `spdy` parameter of an http server's `listen` (`listen 443 ssl spdy;`), which nginx/nginx@e829392 stopped
 * handling (the releases are knowledge: openssl-servers.json nginx.listenSpdyRemoved): from 1.19.7 nginx stops at start
 * with `[emerg] invalid parameter "spdy"`, so every server of the file is down. An error when the image that runs the
 * file names such a release; a warning when it names an earlier one (1.9.5 to 1.19.6 skip it with a warning and serve
 * HTTP/1.1; before, a build with ngx_http_spdy_module speaks SPDY) or none, or when the file is a template. Real case:
 * will-ob/routinating@53aaa75 reverse-proxy/sites-enabled/*.example.com (`listen 443 ssl spdy;`).
 */
export default defineRule({
  meta: {
    id: 'nginx/listen-spdy-removed',
    description:
      'Report the spdy parameter of listen, which nginx dropped for HTTP/2 and then removed: the releases without it refuse it and do not start',
    severity: 'error',
    appliesTo: { documents: ['nginx.'] },
    messages: {
      refused:
        "'listen {{value}} … spdy': nginx {{removed}} removed the spdy parameter, and the image runs nginx {{release}}: nginx stops at start with [emerg] invalid parameter \"spdy\" (nginx -t fails too), so none of this configuration's servers runs. {{fix}}",
      superseded:
        '\'listen {{value}} … spdy\': nginx {{release}}, which the image runs, skips spdy with a warning (ngx_http_spdy_module was superseded by ngx_http_v2_module in {{superseded}}) and serves this listen over HTTP/1.1, but nginx {{removed}} and later stop at start with [emerg] invalid parameter "spdy", so the next upgrade of the image takes every server of this configuration down. {{fix}}',
      spoken:
        '\'listen {{value}} … spdy\': nginx {{release}}, which the image runs, speaks SPDY on it when built with ngx_http_spdy_module (and refuses it otherwise), but nginx {{superseded}} replaced SPDY with HTTP/2 and {{removed}} and later stop at start with [emerg] invalid parameter "spdy", so an upgrade of the image to a current release takes every server of this configuration down. {{fix}}',
      floating:
        "'listen {{value}} … spdy': nginx {{removed}} removed the spdy parameter, and the image '{{image}}' names no release: built or pulled now it runs the newest release of its line, nginx {{atLeast}} or later (true of every such tag since {{since}}), which stops at start with [emerg] invalid parameter \"spdy\" (nginx -t fails too), so none of this configuration's servers runs. {{prebuilt}}{{fix}}",
      unloaded:
        '\'listen {{value}} … spdy\' would stop nginx at start if enabled: nginx {{removed}} and later refuse the spdy parameter ([emerg] invalid parameter "spdy"), but this file lies in {{directory}}, which no include of the configuration nginx runs reaches, so nginx does not read it as the tree stands. Before enabling it: {{fix}}',
      releaseUnknown:
        "'listen {{value}} … spdy': nginx {{removed}} and later (every release since February 2021, and the nginx image's current tags) stop at start with [emerg] invalid parameter \"spdy\"; the releases from {{superseded}} until then skip it with a warning, earlier builds with ngx_http_spdy_module speak SPDY. {{which}} {{fix}}",
    },
    options: {},
    symptoms: [
      '[emerg] invalid parameter "spdy"',
      'invalid parameter "spdy": ngx_http_spdy_module was superseded by ngx_http_v2_module',
    ],
  },
  check(ctx) {
    for (const listen of ctx.deployment.nginxSpdyListens ?? []) {
      const release = listen.nginx?.release;
      const taken = nginxSupersedesListenSpdy(release) === false ? 'spoken' : 'superseded';
      reportRemovedSyntax(
        ctx,
        listen,
        nginxRefusesListenSpdy(release),
        taken,
        { removed: REMOVED, superseded: SUPERSEDED, fix: FIX },
        nginxRefusesListenSpdy,
      );
    }
  },
});
