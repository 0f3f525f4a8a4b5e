import * as path from 'node:path';
import type { PemData } from '../../parse/pem';
import type { ParsedDocument } from '../../parse/types';
import { defineRule } from '../types';

/**
 * A PEM file a `bind … ssl` loads as a certificate (its `crt`, a file of its crt directory, a line of its crt-list)
 * that holds a certificate and no private key, with no key file beside it: HAProxy looks for the key in
 * `<file>.key` (`ssl-load-extra-files`, default all; `<file without extension>.key` with `ssl-load-extra-del-ext`)
 * and refuses the configuration — "No Private Key found in '<file>.key'", then "Fatal errors found in
 * configuration" (src/ssl_ckch.c ssl_sock_load_files_into_ckch; measured with Debian 12's HAProxy 2.6.12, `haproxy
 * -c`: test/interop/haproxy-crt-directory.test.ts). A CA certificate left in a crt directory does the same. Only what
 * the tree holds decides: a file outside it, an encrypted key (a key, even if HAProxy cannot open it without its
 * passphrase), a line read under `.if` or with placeholders are not judged; either key file name beside it is enough.
 */
export default defineRule({
  meta: {
    id: 'haproxy/certificate-without-key',
    description:
      'Check that every PEM file an HAProxy bind loads as a certificate holds its private key or has a .key file beside it: without one HAProxy refuses to start',
    severity: 'error',
    appliesTo: { components: ['haproxy.bind'] },
    messages: {
      noKey:
        "{{file}} holds a certificate ({{subject}}) and no private key, and no {{keyFile}} is beside it: {{bind}} loads it as a certificate, so HAProxy refuses to start (\"No Private Key found in '{{keyFile}}'\", then 'Fatal errors found in configuration'). Append the certificate's private key to {{file}}, or put it in {{keyFile}}; a CA certificate belongs in ca-file, not among the bind's certificates",
    },
    options: {},
    symptoms: ['No Private Key found in', 'unable to load SSL private key'],
  },
  check(ctx) {
    const { deployment } = ctx;
    const pemByPath = new Map(
      deployment.documents
        .filter((d): d is ParsedDocument<PemData> => d.kind.startsWith('pem.'))
        .map((d) => [d.file.path, d]),
    );
    const hasKey = (file: string) => (pemByPath.get(file)?.data.privateKeys.length ?? 0) > 0;
    for (const component of deployment.components) {
      if (component.type !== 'haproxy.bind') continue;
      if (component.attributes.conditional || component.attributes.certificatesUnknown) continue;
      for (const { ref, certificates } of deployment.derived.presented.get(component.id) ?? []) {
        // The tree's PEM file the reference resolves to (the reference itself is the path as written).
        const first = certificates[0];
        if (!first || first.store) continue;
        const file = first.doc.file.path;
        if (hasKey(file) || !pemByPath.has(file)) continue;
        const keyFile = `${file}.key`;
        const withoutExtension = `${file.slice(0, file.length - path.extname(file).length)}.key`;
        if (pemByPath.has(keyFile) || pemByPath.has(withoutExtension)) continue;
        ctx.report({
          messageId: 'noKey',
          data: {
            file: path.basename(file),
            keyFile: `${path.basename(file)}.key`,
            subject: first.cert.subjectText,
            bind: component.name,
          },
          location: { file, range: first.cert.range },
          related: [
            ...(ref.reference ? [{ ...ref.reference, message: `${component.name} loads it here` }] : []),
            // A crt-list line: the bind that reads the list decides too.
            ...(ref.reference?.file !== component.location.file
              ? [{ ...component.location, message: `${component.name}, whose crt-list names it` }]
              : []),
          ],
          fingerprint: [component.id, path.basename(file)],
        });
      }
    }
  },
});
