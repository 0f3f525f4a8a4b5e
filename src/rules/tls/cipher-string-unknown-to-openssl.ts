import { placeOf } from '../../handshake/links';
import { seriesWithCipher, seriesWithCommand } from '../../knowledge/openssl';
import { expandCipherString } from '../../knowledge/openssl-cipher-string';
import type { Location } from '../../core/types';
import { isNginx, type Component } from '../../model/types';
import { defineRule, type ReportDescriptor } from '../types';
import { reportOnNginxFile } from '../nginx/_lib/unloaded';
import { ours, said } from '../../core/phrase';

/** `a, b and c`. */
const andList = (items: string[]) =>
  items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}` : items.join('');

const WEAK: Record<string, string> = { '3DES': ' (3DES: Sweet32)', RC4: ' (RC4: prohibited by RFC 7465)' };

export default defineRule({
  meta: {
    id: 'tls/cipher-string-unknown-to-openssl',
    description:
      'Catch cipher-string names the OpenSSL of an nginx or HAProxy end does not have: they are dropped silently, or the product does not start when nothing is left',
    severity: 'warning',
    messages: {
      olderOnly:
        '{{component}}: {{names}} {{isAre}} no cipher of OpenSSL {{series}}{{assumed}}, so {{product}} drops {{them}} without a word; with OpenSSL {{others}} {{they}} {{enable}} {{suites}}{{weak}}. Remove {{them}}, or declare the OpenSSL the server really has',
      invalidCommand:
        '{{component}}: {{directive}} \'{{string}}\' uses {{command}}, which OpenSSL {{series}}{{assumed}} does not know ({{why}}): it refuses the whole string and nginx does not start (SSL_CTX_set_cipher_list("{{string}}") failed … invalid command). Remove {{command}}{{fix}}',
      noMatch:
        "{{component}}: {{directive}} '{{string}}' selects no cipher of OpenSSL {{series}}{{assumed}}: {{product}} does not start ({{failure}})",
      unloaded:
        "{{component}}: {{directive}} '{{string}}' would stop nginx at start if enabled (OpenSSL {{series}}{{assumed}}: {{failure}}), but this file lies in {{directory}}, which no include of the configuration nginx runs reaches, so nginx does not read it as the tree stands. Before enabling it, write a cipher string this OpenSSL takes",
    },
    defaultOptions: {},
    symptoms: ['no cipher match', 'invalid command', 'SSL_CTX_set_cipher_list', 'unable to set SSL cipher list to'],
  },
  check(ctx) {
    for (const component of ctx.deployment.components) {
      // An nginx server's ssl_ciphers, or a proxy's proxy_ssl_ciphers (nginx stops alike when OpenSSL refuses it); an
      // HAProxy bind's or server's ciphers (HAProxy stops alike: src/ssl_sock.c "unable to set SSL cipher list").
      const haproxy = component.type === 'haproxy.bind' || component.type === 'haproxy.server';
      if (!isNginx(component) && component.type !== 'nginx.proxy' && !haproxy) continue;
      const attributes = component.attributes;
      const suites = component.tls?.cipherSuites;
      if (!attributes.openssl || !suites || suites.from.kind !== 'file') continue;
      const directive = haproxy
        ? haproxyCipherKeyword(component, suites.from.location)
        : component.type === 'nginx.proxy'
          ? component.attributes.directive.replace(/_pass$/, '_ssl_ciphers')
          : 'ssl_ciphers';
      const product = haproxy ? 'HAProxy' : 'nginx';
      const series = attributes.openssl.series === '3' ? '3.x' : attributes.openssl.series;
      const assumed = attributes.openssl.assumed ? ' (assumed: the tree names no OpenSSL version)' : '';
      const location = placeOf(component, suites.from);
      // A placeholder (`${VAR}`, a rendered template value) is unknown until deployment, not an empty list.
      const placeholder =
        attributes.ciphersAsWritten !== undefined && /\$\{?[A-Za-z_]/.test(attributes.ciphersAsWritten);
      const command = 'invalidCipherCommand' in attributes ? attributes.invalidCipherCommand : undefined;
      // A snippet nginx does not read stops nginx only once enabled (../nginx/_lib/unloaded.ts).
      const report = (descriptor: ReportDescriptor<'invalidCommand' | 'noMatch'>) =>
        reportOnNginxFile(ctx, 'loading' in attributes ? attributes.loading : undefined, descriptor);
      if (command && attributes.ciphersAsWritten !== undefined) {
        const knowing = seriesWithCommand(command).map((k) => (k.series === '3' ? '3.x' : k.series));
        report({
          messageId: 'invalidCommand',
          data: {
            component: component.name,
            directive,
            string: attributes.ciphersAsWritten,
            command,
            series,
            assumed,
            why:
              knowing.length > 0 ? said`only OpenSSL ${andList(knowing)} know it` : ours('no OpenSSL release knows it'),
            fix:
              knowing.length > 0
                ? said`, or run nginx on an image with OpenSSL ${andList(knowing).replace(/ and /, ' or ')}`
                : '',
            failure: said`SSL_CTX_set_cipher_list("${attributes.ciphersAsWritten}") failed \u2026 invalid command`,
          },
          location,
          ...(attributes.openssl.at
            ? {
                related: [
                  {
                    ...attributes.openssl.at,
                    message: said`${attributes.openssl.via ?? 'the image'} runs OpenSSL ${attributes.openssl.release ?? series}`,
                  },
                ],
              }
            : {}),
          fingerprint: [component.id, 'invalid-command', command],
        });
        continue;
      }
      if (suites.value.length === 0 && attributes.ciphersAsWritten !== undefined && !placeholder) {
        report({
          messageId: 'noMatch',
          data: {
            component: component.name,
            directive,
            string: attributes.ciphersAsWritten,
            series,
            assumed,
            product,
            failure: haproxy
              ? said`unable to set SSL cipher list to '${attributes.ciphersAsWritten}'`
              : said`SSL_CTX_set_cipher_list("${attributes.ciphersAsWritten}") failed \u2026 no cipher match`,
          },
          location,
          fingerprint: [component.id, 'no-match'],
        });
        continue;
      }
      const written = attributes.ciphersAsWritten;
      const older = (attributes.unknownCipherElements ?? []).flatMap((name) => {
        const row = seriesWithCipher(name)[0]?.extraCiphers.find((r) => r[2] === name);
        // The series whose cipher table has it and where the string still selects it: a later `!` term kills it for
        // good ("permanently deleted … can never reappear", openssl-ciphers(1)), so `…:ECDHE-RSA-RC4-SHA:…:!RC4`
        // (GoogleCloudPlatform/nginx-ssl-proxy@2037048 nginx/proxy_ssl.conf) enables it on no OpenSSL at all.
        const known = seriesWithCipher(name).filter(
          (k) =>
            written === undefined ||
            expandCipherString(written, { series: k }).selected.some((c) => c.openssl === name),
        );
        return row && known.length > 0
          ? [{ name, iana: row[1], enc: row[6], others: andList(known.map((k) => k.series)) }]
          : [];
      });
      if (older.length === 0) continue;
      const one = older.length === 1;
      ctx.report({
        messageId: 'olderOnly',
        data: {
          component: component.name,
          product,
          names: older.map((o) => `'${o.name}'`).join(', '),
          isAre: one ? ours('is') : ours('are'),
          them: one ? ours('it') : ours('them'),
          they: one ? ours('it') : ours('they'),
          enable: one ? ours('enables') : ours('enable'),
          series,
          assumed,
          others: [...new Set(older.map((o) => o.others))].join('; '),
          suites: older.map((o) => o.iana).join(', '),
          weak: [...new Set(older.map((o) => WEAK[o.enc] ?? ''))].join(''),
        },
        location,
        fingerprint: [component.id, ...older.map((o) => o.name)],
      });
    }
  },
});

/** The keyword that writes an HAProxy end's cipher string: its own line's `ciphers`, else the global default. */
function haproxyCipherKeyword(component: Component, at: Location): string {
  if (at.range?.start.line === component.location.range?.start.line && at.file === component.location.file)
    return 'ciphers';
  return component.type === 'haproxy.bind' ? 'ssl-default-bind-ciphers' : 'ssl-default-server-ciphers';
}
