import * as path from 'node:path';
import { defineRule } from '../types';
import { isKeystoreDocument, type KeystoreData, type RefusedSetting } from '../../parse/keystore/format';
import type { ParsedDocument } from '../../parse/types';
import { ours, said } from '../../core/phrase';
import type { Location, RelatedLocation } from '../../core/types';
import type { StoreRef } from '../../model/types';

/** What JDK 17's `KeyStore.load` throws when the password fails the store's check (a tiny Java program, 2026-12-04). */
const REFUSAL: Record<string, string> = {
  PKCS12: 'keystore password was incorrect',
  JKS: 'Keystore was tampered with, or password was incorrect',
  JCEKS: 'Keystore was tampered with, or password was incorrect',
};
/** A PKCS#12 whose certificates are not encrypted: only its MAC checks the password (same program, openssl -certpbe NONE). */
const MAC_REFUSAL = 'Integrity check failed: java.security.UnrecoverableKeyException: Failed PKCS12 integrity checking';

const START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export default defineRule({
  meta: {
    id: 'cert/store-password-wrong',
    description:
      "Warn when the password a key or trust store's own setting gives as written does not pass the store's password check (PKCS#12 MAC, JKS/JCEKS digest)",
    severity: 'warning',
    messages: {
      wrong:
        "{{key}} gives a password that does not open {{type}} store {{store}} (the store's password check fails): the JVM refuses to load it (java.io.IOException: {{refusal}}) and {{consequence}}. Check that {{store}} in the repository is the store deployed and that this is its store password (keytool -list -keystore {{store}} asks for it){{unchecked}}",
    },
    defaultOptions: {},
    symptoms: [
      'keystore password was incorrect',
      'Keystore was tampered with, or password was incorrect',
      'Failed PKCS12 integrity checking',
    ],
  },
  check(ctx) {
    const reported = new Set<string>();
    const report = (doc: ParsedDocument<KeystoreData>, wrong: NonNullable<KeystoreData['wrongPassword']>) => {
      const { key, macOnly, context, also, ...location } = wrong as typeof wrong & {
        context?: RelatedLocation[];
        also?: RefusedSetting[];
      };
      const place = `${doc.file.path}\0${location.file}:${location.range?.start.line}`;
      if (reported.has(place)) return;
      const first = ![...reported].some((r) => r.startsWith(`${doc.file.path}\0`));
      reported.add(place);
      // A store a manifest holds (a Secret's base64 key): named by its key, placed at its value.
      const store = doc.embedded?.name ?? path.basename(doc.file.path);
      ctx.report({
        messageId: 'wrong',
        data: {
          key,
          store,
          type: doc.data.storeType,
          refusal: ours(macOnly ? MAC_REFUSAL : (REFUSAL[doc.data.storeType] ?? REFUSAL.PKCS12!)),
          consequence: ours(
            named.has(doc.file.path)
              ? 'the component does not start what uses it (its TLS listener or client)'
              : // An application's own setting (`mbix.truststore.trustStorePassword`, 0xm8n/test-amq@bf73517): no
                // component of the model loads the store, so what fails is whatever code reads the setting.
                'whatever loads it with this setting fails (no component lint-deploy models names the store: the code that reads the setting decides what stops)',
          ),
          // Another password of the tree may open it here (then its certificates are checked); the runtime still fails.
          unchecked: ours(doc.data.readable ? '' : '; until then its certificates are not checked'),
        },
        location,
        related: [
          { file: doc.file.path, range: doc.embedded?.range ?? START, message: said`the store ${store}` },
          ...(context ?? []),
          // The store's other own settings whose password it refuses too: one finding per store, each setting a place.
          ...(also ?? []).map(({ key: other, ...at }) => ({
            ...at,
            message: said`${other} gives it a password it refuses too`,
          })),
        ],
        fingerprint: first
          ? [doc.file.path, 'store-password-wrong']
          : [doc.file.path, 'store-password-wrong', location.file, String(location.range?.start.line)],
      });
    };
    // The stores a component of the model loads, or an end of it that is in use (a Kafka or RabbitMQ client: its TLS
    // listener or client fails with them). Pushed, not spread from `map` (docs/performance.md, session 57).
    const refs: (StoreRef | undefined)[] = [];
    for (const c of ctx.deployment.components) refs.push(c.tls?.trust?.keyStore, c.tls?.trust?.trustStore);
    for (const e of ctx.deployment.unlinkedEnds ?? [])
      if (!e.useUnknown) refs.push(e.trust?.keyStore, e.trust?.trustStore);
    const named = new Set(refs.flatMap((ref) => (ref?.file ? [ref.file] : [])));
    // A store the run opens with another setting's password (a Quarkus start's variable over the file's setting).
    const opened = new Set(refs.flatMap((ref) => (ref?.passwordOpens && ref.file ? [ref.file] : [])));
    const stores = new Map<string, ParsedDocument<KeystoreData>>();
    for (const doc of ctx.deployment.documents) {
      if (!isKeystoreDocument(doc)) continue;
      stores.set(doc.file.path, doc);
      const wrong = doc.data.wrongPassword;
      if (wrong && !opened.has(doc.file.path) && !loadedWithOtherPassword(refs, doc.file.path, wrong))
        report(doc, wrong);
    }
    // Stores the model pairs with their own password setting where no setting name says so (Jetty, WildFly, a Quarkus
    // start's variable).
    for (const ref of refs) {
      const doc = ref?.file ? stores.get(ref.file) : undefined;
      if (doc && ref?.passwordRefused) report(doc, ref.passwordRefused);
    }
  },
});

/**
 * Whether every component that names the store loads it with a password set somewhere else than the store's own setting
 * (a Spring start's SERVER_SSL_KEY_STORE_PASSWORD over the file's server.ssl.key-store-password, also one set only at
 * run time): the file's setting is not the password the store is loaded with, so its refusal decides nothing.
 */
function loadedWithOtherPassword(refs: readonly (StoreRef | undefined)[], file: string, own: Location): boolean {
  const naming = refs.filter((ref): ref is StoreRef => ref?.file === file);
  return (
    naming.length > 0 &&
    naming.every(
      ({ passwordAt }) =>
        passwordAt !== undefined &&
        (passwordAt.file !== own.file || passwordAt.range?.start.line !== own.range?.start.line),
    )
  );
}
