import * as path from 'node:path';
import { defineRule } from '../types';
import type { KeystoreData } from '../../parse/keystore/format';
import { testResourcesDir } from '../../core/test-fixture-dirs';
import { said, type Phrase } from '../../core/phrase';
import { copiesRelated, copiesText, groupCopies, type CertificateCopy } from './_lib/copies';
import {
  certificateUse,
  certLocation,
  certificatesOf,
  certName,
  notServedWhy,
  unusedOrVendors,
  storeFingerprint,
  storeRelated,
} from './_lib/shared';
import { relativePosix } from '../../core/posix-path';

type WeakMessage = 'weak' | 'weakUnnamed' | 'weakNamedUnread' | 'weakNamedByTests' | 'weakOtherAlias' | 'weakNotServed';

/** A copy of a weak certificate and what would be said of it alone. */
interface WeakCopy extends CertificateCopy<WeakMessage> {
  data: Record<string, string | number | Phrase>;
}

/** Which copy of a certificate is said: one a peer is sent or trusts, then one some setting names, then the rest. */
const MOST_USED_FIRST: readonly WeakMessage[] = [
  'weak',
  'weakNotServed',
  'weakNamedUnread',
  'weakNamedByTests',
  'weakOtherAlias',
  'weakUnnamed',
];

export default defineRule({
  meta: {
    id: 'cert/weak-key',
    description:
      'Report certificates whose public key is too small (RSA/DSA below the minimum bits, EC below 256 bits)',
    severity: 'warning',
    messages: {
      weak: "Certificate {{dn}}{{copies}} has a {{bits}}-bit {{type}} key (minimum {{min}}). OpenSSL at security level 2 (Debian's and Ubuntu's builds) refuses RSA keys under 2048 bits ('ee key too small'), MQ refuses keys under qm.ini MinimumRSAKeySize, and NIST SP 800-131A has disallowed them since 2014; JDKs refuse only RSA and DSA keys under 1024 bits and EC keys under 224 (jdk.certpath.disabledAlgorithms). Re-issue it with a stronger key",
      weakUnnamed:
        'Certificate {{dn}}{{copies}} has a {{bits}}-bit {{type}} key (minimum {{min}}), but no server, client or store setting lint-deploy models in this deployment names {{file}} (one it does not model may: an environment variable an image reads, a template). Re-issue it with a stronger key before anything presents or trusts it, or remove it if nothing does (test data, a copy left behind)',
      weakNamedUnread:
        "Certificate {{dn}}{{copies}} has a {{bits}}-bit {{type}} key (minimum {{min}}). The setting {{setting}} names {{file}}, but no server or client lint-deploy reads takes that setting (a library's or the app's own TLS settings), so whether a peer is ever sent this certificate the tree does not show. Re-issue it with a stronger key, or remove it if nothing uses it",
      weakNamedByTests:
        "Certificate {{dn}}{{copies}} has a {{bits}}-bit {{type}} key (minimum {{min}}). Only the tests' configuration names {{file}}: {{setting}} in {{config}}, in the resources of a test source set ({{dir}}), which are on the tests' classpath only and never packaged with the app, so no deployed server or client presents it from there. Re-issue it with a stronger key if the tests need one that peers accept, or remove it if nothing uses it",
      weakOtherAlias:
        'Certificate {{dn}}{{copies}} has a {{bits}}-bit {{type}} key (minimum {{min}}), but every setting that names {{file}} selects another key entry ({{aliases}}): no peer is sent it. Re-issue it with a stronger key before a setting selects it, or remove it from the store',
      weakNotServed:
        'Certificate {{dn}}{{copies}} has a {{bits}}-bit {{type}} key (minimum {{min}}), but no handshake the tree shows uses it: {{why}}. Re-issue it with a stronger key before TLS is turned on there, or remove it',
    },
    options: {
      minRsaBits: { type: 'integer', default: 2048, description: 'Smallest accepted RSA or DSA key, in bits' },
      minEcBits: { type: 'integer', default: 256, description: 'Smallest accepted EC key, in bits' },
    },
    symptoms: ['ee key too small', 'AMQ9637', 'Algorithm constraints check failed'],
  },
  check(ctx) {
    const copies: WeakCopy[] = [];
    for (const c of certificatesOf(ctx.deployment)) {
      const { keyType, keyBits } = c.cert;
      // The JDK's own root CAs are the vendor's to retire (each update does); a bag Java ignores is not used.
      if (!keyBits || unusedOrVendors(c)) continue;
      const min =
        keyType === 'EC'
          ? ctx.options.minEcBits
          : keyType === 'RSA' || keyType === 'DSA'
            ? ctx.options.minRsaBits
            : undefined;
      if (min === undefined || keyBits >= min) continue;
      // nginx refuses to load it at its security level: nginx/security-level-refuses-certificate's error says more.
      if (
        ctx.deployment.derived.levelRefusals.load.some(
          (r) => r.accepting.length === 0 && r.cert.cert.fingerprintSha256 === c.cert.fingerprintSha256,
        )
      )
        continue;
      // Named by no component, by servers that serve no TLS, or a key entry every naming setting passes over: no peer
      // is known to see it (an info).
      const usage = certificateUse(ctx.deployment, c);
      const notServed = usage.use === 'not-served' ? notServedWhy(c, usage.by) : undefined;
      const data = { dn: certName(c), bits: keyBits, type: keyType, min, file: path.basename(c.doc.file.path) };
      // Named by a setting no modelled component reads (an app's own, or a test source set's): said, not 'no setting'.
      const namedBy =
        usage.use === 'unnamed' && c.store
          ? (c.doc.data as Pick<KeystoreData, 'namedBySetting'>).namedBySetting
          : undefined;
      const tests = namedBy?.tests ? testResourcesDir(relativePosix(ctx.deployment.root, namedBy.file)) : undefined;
      const related = [
        ...(namedBy
          ? [{ file: namedBy.file, range: namedBy.range, message: said`${namedBy.key} names ${data.file} here` }]
          : []),
        ...(storeRelated(c).related ?? []),
        ...(usage.use === 'named' || usage.use === 'other-alias' ? usage.by : []),
        ...(notServed?.related ?? []),
      ];
      copies.push({
        c,
        messageId:
          usage.use === 'other-alias'
            ? 'weakOtherAlias'
            : usage.use === 'unnamed'
              ? tests !== undefined
                ? 'weakNamedByTests'
                : namedBy
                  ? 'weakNamedUnread'
                  : 'weakUnnamed'
              : notServed
                ? 'weakNotServed'
                : 'weak',
        data: {
          ...data,
          aliases: usage.use === 'other-alias' ? usage.selected.map((a) => `'${a}'`).join(', ') : '',
          why: notServed?.why ?? '',
          ...(namedBy
            ? {
                setting: namedBy.key,
                config: path.basename(namedBy.file),
                ...(tests !== undefined ? { dir: tests } : {}),
              }
            : {}),
        },
        related,
        info: usage.use === 'other-alias' || usage.use === 'unnamed' || notServed !== undefined,
      });
    }
    // One finding per certificate: its copies (the CA in every store of a cluster, a chain's copy in each key entry) are
    // related places of the copy said first, the most used one (./_lib/copies.ts).
    for (const [first, ...others] of groupCopies(copies, MOST_USED_FIRST)) {
      if (!first) continue;
      const related = copiesRelated(first, others);
      ctx.report({
        messageId: first.messageId,
        data: { ...first.data, copies: copiesText(first, others) },
        location: certLocation(first.c),
        ...(related.length > 0 ? { related } : {}),
        fingerprint: [first.c.cert.fingerprintSha256, 'weak-key', ...storeFingerprint(first.c)],
        ...(first.info ? { severity: 'info' as const } : {}),
      });
    }
  },
});
