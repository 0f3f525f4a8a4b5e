import * as path from 'node:path';
import { defineRule } from '../types';

/**
 * A file of a `crt <directory>` that holds no certificate: HAProxy loads every regular file of the directory except
 * hidden ones and its .key/.issuer/.ocsp/.sctl companions, so a README, a DER certificate, a CSR or a serial file
 * there makes it refuse the configuration ("unable to load certificate from file '<file>'", then "Fatal errors found
 * in configuration"; measured with Debian 12's HAProxy 2.6.12, `haproxy -c`). The model judges a directory only where
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
        "{{bind}} loads every file of its crt directory {{directory}}, and {{file}} holds no PEM certificate: HAProxy refuses to start (\"unable to load certificate from file '{{directory}}/{{file}}'\", then 'Fatal errors found in configuration'). Move {{file}} out of the directory (HAProxy skips only hidden files and names ending in .key, .issuer, .ocsp or .sctl), or name the certificate files with crt or a crt-list instead of the directory",
    },
    options: {},
    symptoms: ['unable to load certificate from file'],
  },
  check(ctx) {
    for (const component of ctx.deployment.components) {
      if (component.type !== 'haproxy.bind' || component.attributes.conditional) continue;
      for (const stray of component.attributes.crtDirectoryStrays ?? []) {
        ctx.report({
          messageId: 'stray',
          data: { bind: component.name, directory: stray.directory, file: path.basename(stray.file) },
          location: { file: stray.file },
          related: [{ ...stray.crt, message: `${component.name} loads the directory here` }, stray.via],
          fingerprint: [component.id, path.basename(stray.file)],
        });
      }
    }
  },
});
