import * as path from 'node:path';
import type { MqIniData } from '../../parse/mq-ini';
import type { ParsedDocument } from '../../parse/types';
import { defineRule } from '../types';
import { ours } from '../../core/phrase';
import { relativePosix } from '../../core/posix-path';

const TLS_KEYS = ['keyrepository', 'cipherspec', 'certificatelabel'];

export default defineRule({
  meta: {
    id: 'mq/replication-without-tls',
    description:
      'Report Native HA replication (qm.ini NativeHAInstance stanzas) without a key repository in NativeHALocalInstance: the queue manager log is replicated in plain text',
    severity: 'warning',
    appliesTo: { documents: ['mq.qm-ini'] },
    messages: {
      plaintext:
        'Native HA replication to {{instances}} is configured but no NativeHALocalInstance in {{dir}} names a KeyRepository: IBM MQ then exchanges the log replication data — the content of every persistent message — between instances in plain text. Add KeyRepository (and CertificateLabel, CipherSpec) to the NativeHALocalInstance stanza on every instance',
      nullCipher:
        'NativeHALocalInstance CipherSpec=NULL turns TLS off for Native HA replication to {{instances}}: the log replication data — the content of every persistent message — crosses the network in plain text (a GroupCipherSpec protects only cross-region replication). Set CipherSpec=ANY_TLS12_OR_HIGHER with KeyRepository and CertificateLabel',
    },
    defaultOptions: {},
    symptoms: [],
  },
  check(ctx) {
    const byDir = new Map<string, ParsedDocument<MqIniData>[]>();
    for (const doc of ctx.deployment.documents) {
      if (doc.kind !== 'mq.qm-ini') continue;
      const dir = path.dirname(doc.file.path);
      byDir.set(dir, [...(byDir.get(dir) ?? []), doc as ParsedDocument<MqIniData>]);
    }
    for (const [dir, docs] of byDir) {
      // Templates (Go/Helm/shell) decide the stanza at deploy time: unknown, not reported.
      if (docs.some((d) => /\{\{|\$\{?[A-Za-z_]/.test(d.file.text))) continue;
      const stanzas = docs.flatMap((d) => d.data.stanzas.map((s) => ({ doc: d, stanza: s })));
      const instances = stanzas.filter(({ stanza }) => stanza.name.toLowerCase() === 'nativehainstance');
      if (instances.length === 0) continue;
      const locals = stanzas.filter(({ stanza }) => stanza.name.toLowerCase() === 'nativehalocalinstance');
      const entries = locals.flatMap(({ doc, stanza }) =>
        stanza.entries.map((entry) => ({ doc, entry, key: entry.key.toLowerCase(), value: entry.value.trim() })),
      );
      const nullCipher = entries.find((e) => e.key === 'cipherspec' && e.value.toUpperCase() === 'NULL');
      const realCipher = entries.some(
        (e) => e.key === 'cipherspec' && e.value !== '' && e.value.toUpperCase() !== 'NULL',
      );
      const tls =
        realCipher || entries.some((e) => TLS_KEYS.includes(e.key) && e.key !== 'cipherspec' && e.value !== '');
      if (tls && !(nullCipher && !realCipher)) continue;
      const primary = locals[0] ?? instances[0];
      if (!primary) continue;
      const names = instances.map(
        ({ stanza }) =>
          stanza.entries.find((e) => e.key.toLowerCase() === 'replicationaddress')?.value ??
          stanza.entries.find((e) => e.key.toLowerCase() === 'name')?.value ??
          '?',
      );
      ctx.report({
        messageId: nullCipher ? 'nullCipher' : 'plaintext',
        data: { instances: names.join(', '), dir: relativePosix(ctx.cwd, dir) || '.' },
        location: nullCipher
          ? { file: nullCipher.doc.file.path, range: nullCipher.entry.valueRange }
          : { file: primary.doc.file.path, range: primary.stanza.range },
        related: instances
          .filter((i) => i !== primary)
          .slice(0, 3)
          .map(({ doc, stanza }) => ({
            file: doc.file.path,
            range: stanza.range,
            message: ours('replication partner'),
          })),
        fingerprint: [dir, 'nativeha-plaintext'],
      });
    }
  },
});
