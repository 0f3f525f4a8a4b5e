/**
 * The key and trust files the IBM MQ Operator gives the queue manager of a QueueManager resource (`mq.ibm.com/v1beta1`)
 * from its `spec.pki`: each `keys[]` entry's Secret (`secret.secretName`, its `secret.items` keys, else all) in the key
 * directory under the entry's `name` (the certificate's label), each `trust[]` entry's in the trust directory under its
 * index — the directories IBM MQ's container image builds the key repository from (./mq-container-pki.ts; mq.json
 * queueManagerKeyRepository operatorPki). The Secrets are the tree's manifests (./kubernetes-sources.ts); one the tree
 * does not hold, or that a script creates with `oc create secret` from files it does not hold, leaves the files unknown,
 * saying which Secret and key to declare.
 */
import { listedFilesOf } from './listed-files';
import * as path from 'node:path';
import { escapeRegExp } from '../core/regex';
import type { Location } from '../core/types';
import { mqQueueManagerKeyRepository } from '../knowledge';
import { splitLines } from '../parse/text';
import type { ModelContext } from './contributor';
import { sourceFiles, sourceNamedBy, type MountedDirectoryFile } from './kubernetes-sources';
import { field, manifestsIn, type ApplyingQueueManager } from './mq-resources';

/** The files the operator mounts for the queue manager, or undefined when no resource gives a `spec.pki.keys` entry. */
export interface OperatorPkiFiles {
  keys: MountedDirectoryFile[];
  trusted: MountedDirectoryFile[];
}

/** `oc|kubectl create secret tls|generic NAME …` in a script: a Secret made from files at apply time. */
const CREATE_SECRET = /\b(?:oc|kubectl)\s+create\s+secret\s+(tls|generic)\s+(["']?)([\w.${}-]+)\2/;

/**
 * The key and trust files of the QueueManager resources that apply an MQSC (several that give different `spec.pki`
 * leave them unknown: they are not chosen between).
 */
export function operatorPkiFiles(
  ctx: ModelContext,
  applying: readonly ApplyingQueueManager[],
): OperatorPkiFiles | undefined {
  const withKeys = applying.filter((qm) => {
    const keys = field(qm.resource, 'spec', 'pki', 'keys');
    return Array.isArray(keys) && keys.length > 0;
  });
  const [qm] = withKeys;
  if (!qm) return undefined;
  const pki = JSON.stringify(field(qm.resource, 'spec', 'pki'));
  if (withKeys.some((other) => JSON.stringify(field(other.resource, 'spec', 'pki')) !== pki)) {
    const range = qm.rangeOf(['spec', 'pki']);
    const unknown = 'the QueueManager resources that apply its MQSC give different spec.pki keys';
    return range && { keys: [{ path: keysDirectory(), mountedAt: { file: qm.file, range }, unknown }], trusted: [] };
  }
  const { containerKeyDirectory, containerTrustDirectory } = mqQueueManagerKeyRepository();
  return {
    keys: entryFiles(ctx, qm, 'keys', (entry) => {
      const name = field(entry, 'name');
      return typeof name === 'string' && /^[\w.-]+$/.test(name) ? `${containerKeyDirectory.value}/${name}` : undefined;
    }),
    trusted: entryFiles(ctx, qm, 'trust', (_entry, i) => `${containerTrustDirectory.value}/${i}`),
  };
}

const keysDirectory = () => mqQueueManagerKeyRepository().containerKeyDirectory.value;

/** The files of each `spec.pki.<list>` entry, in the directory `directoryOf` gives it (undefined: the entry is skipped). */
function entryFiles(
  ctx: ModelContext,
  qm: ApplyingQueueManager,
  list: 'keys' | 'trust',
  directoryOf: (entry: unknown, index: number) => string | undefined,
): MountedDirectoryFile[] {
  const entries = field(qm.resource, 'spec', 'pki', list);
  if (!Array.isArray(entries)) return [];
  const namespace = field(qm.resource, 'metadata', 'namespace');
  return entries.flatMap((entry, i) => {
    const directory = directoryOf(entry, i);
    const secretName = field(entry, 'secret', 'secretName');
    if (!directory || typeof secretName !== 'string') return [];
    const keys = ['spec', 'pki', list, String(i)];
    const nameRange = qm.rangeOf([...keys, 'secret', 'secretName']);
    const range = nameRange ?? qm.rangeOf(keys);
    if (!range) return [];
    const mountedAt: Location = { file: qm.file, range };
    const written = field(entry, 'secret', 'items');
    const items = Array.isArray(written)
      ? written.filter((k): k is string => typeof k === 'string').map((k) => ({ key: k, path: k }))
      : undefined;
    const held = sourceNamedBy(
      ctx,
      qm.file,
      typeof namespace === 'string' ? namespace : undefined,
      'secret',
      secretName,
      nameRange,
    );
    const files = sourceFiles(ctx, held, 'secret', secretName, directory, mountedAt, items);
    // Held, or named so that the tree cannot say which (a template value, several manifests): said as for a volume.
    if (typeof held !== 'string' || !held.endsWith(' is not in the tree')) return files;
    // Not in the tree: a script may create it from files; say so, and which keys the queue manager reads.
    const named = items ? ` (keys ${items.map((i) => i.key).join(', ')})` : '';
    const created = createdByScript(ctx, secretName);
    const issuer = created ? undefined : issuedByCertManager(ctx, qm.file, secretName);
    const why = created
      ? `Secret ${secretName}${named} is created by \`${created.command}\` in ${created.at}${created.from}, when the script runs: no manifest of the tree holds its content`
      : issuer
        ? `Secret ${secretName}${named} is issued in the cluster by the cert-manager Certificate of ${issuer}: no manifest of the tree holds its content`
        : `Secret ${secretName}${named} is not in the tree`;
    return [{ path: directory, mountedAt, unknown: `the ${why}` }];
  });
}

/**
 * The YAML file beside `file` holding a cert-manager `Certificate` whose `spec.secretName` is `name` (it writes that
 * Secret in the cluster: https://cert-manager.io/docs/usage/certificate/), by its base name.
 */
function issuedByCertManager(ctx: ModelContext, file: string, name: string): string | undefined {
  const secretName = new RegExp(`^\\s+secretName:\\s*["']?${escapeRegExp(name)}["']?\\s*$`, 'm');
  const issuing = manifestsIn(listedFilesOf(ctx), path.dirname(file), /\.ya?ml$/i).find(
    ({ text }) =>
      /^apiVersion:\s*["']?cert-manager\.io\//m.test(text) &&
      /^kind:\s*Certificate\s*$/m.test(text) &&
      secretName.test(text),
  );
  return issuing && path.basename(issuing.file);
}

/** A file option of `create secret`: `--cert="qm1.crt"`, `--from-file=app1.crt=app1.crt` (the file is the last part). */
const FILE_OPTION = /--(?:cert|key|from-file)[= ](["']?)(?:[\w.-]+=)?([^\s"']+)\1/g;

/**
 * The script line of the deployment that creates Secret `name` (`oc create secret tls example-qm1-secret …`), and the
 * files it reads (` from qm1.key, qm1.crt`).
 */
function createdByScript(ctx: ModelContext, name: string): { command: string; at: string; from: string } | undefined {
  const seen = new Set<string>();
  for (const doc of ctx.deployment.documents) {
    const file = doc.file.path;
    if (seen.has(file) || !/\.(sh|bash|ksh|zsh)$/i.test(file) || !doc.file.text.includes('create secret')) continue;
    seen.add(file);
    for (const [i, line] of splitLines(doc.file.text).entries()) {
      const created = CREATE_SECRET.exec(line);
      if (!created || created[3] !== name || line.trimStart().startsWith('#')) continue;
      const files = [...line.matchAll(FILE_OPTION)].map((m) => m[2]!);
      return {
        command: `${created[0].trim()} …`,
        at: `${path.basename(file)}:${i + 1}`,
        from: files.length > 0 ? ` from ${files.join(', ')}` : '',
      };
    }
  }
  return undefined;
}
