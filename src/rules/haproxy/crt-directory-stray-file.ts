import * as path from 'node:path';
import { HAPROXY_FACTS } from '../../knowledge/openssl';
import { defineRule } from '../types';
import { said } from '../../core/phrase';

const { keyFilesSince: keySince, hiddenFilesSince: hiddenSince } = HAPROXY_FACTS.crtDirectorySkips;

/**
 * A file of a `crt <directory>` that holds no certificate: HAProxy loads every regular file of the directory except
 * hidden ones and its .key/.issuer/.ocsp/.sctl companions, so a README, a DER certificate, a CSR or a serial file
 * there makes it refuse the configuration ("unable to load certificate from file '<file>'", then "Fatal errors found
 * in configuration"; measured with Debian 12's HAProxy 2.6.12, `haproxy -c`). A release the tree names before the
 * ones that skip .key files (2.2) or dotfiles (2.6) loads those too (knowledge haproxy.crtDirectorySkips). The model judges a directory only where
 * the tree puts it whole at that path (src/model/haproxy-crt-directory.ts).
 */
export default defineRule({
  meta: {
    id: 'haproxy/crt-directory-stray-file',
    description:
      'Check that every file HAProxy loads from a crt directory holds a certificate: a README, a DER file or a CSR there stops HAProxy from starting',
    severity: 'error',
    appliesTo: { components: ['haproxy.bind'] },
    messages: {
      stray:
        "{{bind}} loads every file of its crt directory {{directory}}, and {{file}} holds no PEM certificate: HAProxy refuses to start (\"unable to load certificate from file '{{directory}}/{{file}}'\", then 'Fatal errors found in configuration'). Move {{file}} out of the directory (HAProxy skips only names ending in .issuer, .ocsp or .sctl, and from {{keySince}} on .key, from {{hiddenSince}} on hidden files), or name the certificate files with crt or a crt-list instead of the directory",
      strayByRelease:
        "{{bind}} loads every file of its crt directory {{directory}}, and HAProxy {{release}}, which the tree runs it with, loads {{file}} too ({{why}}); it holds no PEM certificate, so HAProxy refuses to start (\"unable to load certificate from file '{{directory}}/{{file}}'\" or 'unable to load SSL certificate from PEM file', then 'Fatal errors found in configuration'). Move {{file}} out of the directory, or run HAProxy {{since}} or later",
    },
    options: {},
    symptoms: ['unable to load certificate from file'],
  },
  check(ctx) {
    for (const component of ctx.deployment.components) {
      if (component.type !== 'haproxy.bind' || component.attributes.conditional) continue;
      for (const stray of component.attributes.crtDirectoryStrays ?? []) {
        const name = path.basename(stray.file);
        const data = { bind: component.name, directory: stray.directory, file: name };
        const related = [{ ...stray.crt, message: said`${component.name} loads the directory here` }, stray.via];
        const fingerprint = [component.id, name];
        const { release } = stray;
        if (!release) {
          ctx.report({
            messageId: 'stray',
            data: { ...data, keySince, hiddenSince },
            location: { file: stray.file },
            related,
            fingerprint,
          });
          continue;
        }
        // A .key file before keySince, a dotfile before hiddenSince: later releases leave it out.
        const key = name.endsWith('.key') && !name.startsWith('.');
        ctx.report({
          messageId: 'strayByRelease',
          data: {
            ...data,
            release: release.value,
            since: key ? keySince : hiddenSince,
            why: key
              ? said`a release before ${keySince} reads a certificate's key from the certificate file only and takes a .key file for a certificate`
              : said`a release before ${hiddenSince} loads hidden files as well`,
          },
          location: { file: stray.file },
          related: [...related, { ...release.at, message: said`HAProxy ${release.value} runs the configuration` }],
          fingerprint,
        });
      }
    }
  },
});
