import * as path from 'node:path';
import { defineRule } from '../types';
import { ours, said } from '../../core/phrase';
import type { IhsServerComponent, StoreRef } from '../../model/types';
import { certificatesInStore, keyEntries } from '../../derive/stores';
import { IHS_LABEL_NOT_FOUND } from '../../knowledge/ihs';

/**
 * An IBM HTTP Server virtual host whose `SSLServerCert` names a label its `KeyFile` key database does not hold as a
 * personal certificate. IHS documents the result as a handshake failure, `SSL0206E: Handshake Failed, Key-file label not
 * found` (data/ihs.json `labelNotFound`): every TLS connection to the virtual host fails. Said only when the tree
 * settles which file the key database is (a Compose mount or a Dockerfile copy puts it at the written path, or the
 * written path's every segment ends the file's path) and the file was read with at least one certificate; a label that
 * differs only in case is not judged.
 */

/** Whether the tree file is surely the one the written path names (not a same-named file somewhere else). */
function surelyTheFile(store: StoreRef, serverRoot: string | undefined): boolean {
  if (!store.file) return false;
  if (store.mountedAt || store.copiedBy) return true;
  const written = store.path.value.trim();
  if (serverRoot && !path.isAbsolute(written) && path.resolve(serverRoot, written) === store.file) return true;
  const want = written.split(/[\\/]+/).filter((s) => s && s !== '.');
  const have = store.file.split(path.sep);
  return want.length > 0 && want.every((s, i) => have[have.length - want.length + i] === s);
}

export default defineRule({
  meta: {
    id: 'ihs/server-cert-label-missing',
    description:
      "Check that the certificate label an IBM HTTP Server virtual host's SSLServerCert names is a personal certificate of its KeyFile key database",
    severity: 'error',
    appliesTo: { components: ['ihs.server'] },
    messages: {
      labelMissing:
        "{{server}} presents the certificate labelled '{{label}}' (SSLServerCert), but its key database {{kdb}} holds no personal certificate with that label{{others}}: every TLS handshake to it fails, and IHS logs '{{ihsSays}}'. Name one of its personal certificates in SSLServerCert, or add the certificate to {{kdb}} under that label",
    },
    options: {},
    symptoms: ['SSL0206E', 'Key-file label not found'],
  },
  check(ctx) {
    const all = ctx.deployment.derived.certificates;
    for (const component of ctx.deployment.components) {
      if (component.type !== 'ihs.server') continue;
      const server: IhsServerComponent = component;
      const store = server.tls?.trust?.keyStore;
      const label = server.tls?.trust?.keyAlias?.value;
      const at = server.attributes.serverCert?.location;
      if (!store?.file || !label || !at || !surelyTheFile(store, server.attributes.serverRoot)) continue;
      // A key database the reader did not read (or an empty one) says nothing about its labels.
      if (certificatesInStore(all, store.file).length === 0) continue;
      const personal = keyEntries(all, store.file).map((e) => e.alias);
      if (personal.some((a) => a.toLowerCase() === label.toLowerCase())) continue;
      ctx.report({
        messageId: 'labelMissing',
        data: {
          server: said`${server.name}`,
          label: said`${label}`,
          kdb: said`${store.path.value}`,
          others:
            personal.length > 0
              ? said` (its personal certificates: ${personal.map((a) => `'${a}'`).join(', ')})`
              : said` (it holds signer certificates only)`,
          ihsSays: said`${IHS_LABEL_NOT_FOUND.message}`,
        },
        location: at,
        related: [
          { file: store.file, message: ours('the key database KeyFile names') },
          ...(store.path.from.kind === 'file' ? [{ ...store.path.from.location, message: ours('KeyFile') }] : []),
          ...(store.mountedAt ? [{ ...store.mountedAt, message: ours('mounts it at the KeyFile path') }] : []),
        ],
        fingerprint: [server.id, label],
      });
    }
  },
});
