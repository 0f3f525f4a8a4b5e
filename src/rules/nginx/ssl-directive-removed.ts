import { NGINX_FACTS } from '../../knowledge/openssl';
import { nginxRefusesSslDirective, nginxWarnsOfSslDirective } from '../../knowledge/server-releases';
import { defineRule } from '../types';
import { reportRemovedSyntax } from './_lib/removed-syntax';

const { since: REMOVED, deprecatedSince: DEPRECATED } = NGINX_FACTS.sslDirectiveRemoved;

/**
 * The `ssl` directive (`ssl on;`), which nginx deprecated for `listen … ssl` and later removed (nginx/nginx@d32f66f;
 * the releases are knowledge: openssl-servers.json nginx.sslDirectiveRemoved): from the removal nginx stops at start
 * with `[emerg] unknown directive "ssl"`, so every server of the file is down, TLS or not. An error when the image that
 * runs the file names a release without it; a warning when it names an earlier one (it starts, with a deprecation
 * warning from 1.15.0 and silently before, and stops starting at the next upgrade) or none, or when the file is a
 * template. The official image under a tag that names no release (`FROM nginx`) runs a current one, which refuses it:
 * an error, a warning when Compose builds it under an image name an older build may hold (./_lib/removed-syntax.ts).
 * Real case: amitbansal26/nexus-nginx-ssl (`FROM nginx`, `ssl on;`).
 */
export default defineRule({
  meta: {
    id: 'nginx/ssl-directive-removed',
    description:
      'Report the ssl directive (ssl on;), which nginx deprecated for listen … ssl and then removed: the releases without it refuse it and do not start',
    severity: 'error',
    appliesTo: { documents: ['nginx.'] },
    messages: {
      refused:
        "'ssl {{value}}' is a directive nginx removed in {{removed}}, and the image runs nginx {{release}}: nginx stops at start with [emerg] unknown directive \"ssl\" (nginx -t fails too), so none of this configuration's servers runs. Delete it and put 'ssl' on each listen that serves TLS ('listen 443 ssl;')",
      deprecated:
        "'ssl {{value}}' is deprecated since nginx {{deprecated}} and removed in {{removed}}: nginx {{release}} still takes it, with a warning, but nginx {{removed}} and later stop at start with [emerg] unknown directive \"ssl\", so the next upgrade of the image takes every server of this configuration down. Delete it and put 'ssl' on each listen that serves TLS ('listen 443 ssl;')",
      silent:
        "'ssl {{value}}' is taken without a warning by nginx {{release}}, which the image runs, but nginx {{deprecated}} deprecated it and {{removed}} removed it: nginx {{removed}} and later stop at start with [emerg] unknown directive \"ssl\", so an upgrade of the image to a current release takes every server of this configuration down. Delete it and put 'ssl' on each listen that serves TLS ('listen 443 ssl;'), which nginx {{release}} takes too",
      floating:
        "'ssl {{value}}' is a directive nginx removed in {{removed}}, and the image '{{image}}' names no release: built or pulled now it runs the newest release of its line, nginx {{atLeast}} or later (true of every such tag since {{since}}), which stops at start with [emerg] unknown directive \"ssl\" (nginx -t fails too), so none of this configuration's servers runs. {{prebuilt}}Delete it and put 'ssl' on each listen that serves TLS ('listen 443 ssl;')",
      unloaded:
        "'ssl {{value}}' would stop nginx at start if enabled: nginx {{removed}} and later refuse the ssl directive ([emerg] unknown directive \"ssl\"), but this file lies in {{directory}}, which no include of the configuration nginx runs reaches, so nginx does not read it as the tree stands. Before enabling it, delete it and put 'ssl' on each listen that serves TLS ('listen 443 ssl;')",
      releaseUnknown:
        "'ssl {{value}}' is deprecated since nginx {{deprecated}} and removed in {{removed}}: nginx {{removed}} and later (every release since June 2023, and the nginx image's current tags) stop at start with [emerg] unknown directive \"ssl\", earlier ones take it (with a warning from {{deprecated}} on). {{which}} Delete it and put 'ssl' on each listen that serves TLS ('listen 443 ssl;')",
    },
    options: {},
    symptoms: [
      '[emerg] unknown directive "ssl"',
      'the "ssl" directive is deprecated, use the "listen ... ssl" directive instead',
    ],
  },
  check(ctx) {
    for (const directive of ctx.deployment.nginxSslDirectives ?? []) {
      const release = directive.nginx?.release;
      // Before the deprecation (nginx:1.13.3, marianar97/VaicoSnakeWP) it starts without a word of warning.
      const taken = nginxWarnsOfSslDirective(release) === false ? 'silent' : 'deprecated';
      reportRemovedSyntax(
        ctx,
        directive,
        nginxRefusesSslDirective(release),
        taken,
        { removed: REMOVED, deprecated: DEPRECATED },
        nginxRefusesSslDirective,
      );
    }
  },
});
