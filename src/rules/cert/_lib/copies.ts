/**
 * One finding per certificate, not per copy: a CA a cluster's every key and trust store holds (serhiibudyak/
 * confluent-kafka-vagrant-ansible@b12cdd1: one 1024-bit CA in 17 store entries) is one key to re-issue. The copy said is
 * the most used one; the others are its related places, each with the settings that name its file, so no store a user
 * must replace the certificate in, and no server or client that uses one, goes unsaid.
 */
import * as path from 'node:path';
import type { TreeCertificate } from '../../../model/mq-certs';
import type { ReportDescriptor, RuleRelated } from '../../types';
import { Phrase, ours, said } from '../../../core/phrase';
import { certLocation, storePlace } from './shared';

/** A copy of a certificate a rule would report, with what it would say of it. */
export interface CertificateCopy<MessageId extends string> {
  c: TreeCertificate;
  messageId: MessageId;
  related: RuleRelated[];
  info: boolean;
}

/**
 * The copies grouped by certificate (SHA-256 fingerprint), in the order their first copies come; in each group first
 * the copy whose message `rank` puts first (the earliest of those), then the rest in their order.
 */
export function groupCopies<MessageId extends string, Copy extends CertificateCopy<MessageId>>(
  copies: readonly Copy[],
  rank: readonly MessageId[],
): Copy[][] {
  const groups = new Map<string, Copy[]>();
  for (const copy of copies) {
    const key = copy.c.cert.fingerprintSha256;
    groups.set(key, [...(groups.get(key) ?? []), copy]);
  }
  const order = (copy: Copy) => rank.indexOf(copy.messageId);
  return [...groups.values()].map((group) => {
    const first = group.reduce((best, copy) => (order(copy) < order(best) ? copy : best));
    return [first, ...group.filter((copy) => copy !== first)];
  });
}

const placeKey = (r: RuleRelated) => `${r.file}:${r.range?.start.line ?? -1}:${r.range?.start.character ?? -1}`;

/**
 * The related places of the copy said first, then each other copy's place and the places that name its file (each
 * once: one setting names both copies a store holds). Those of the other copies are context (RelatedLocation.role): a
 * template value there (a broker's store named `kafka.broker{{ id }}.keystore.jks`) decides nothing of the copy said.
 */
export function copiesRelated(
  first: CertificateCopy<string>,
  others: readonly CertificateCopy<string>[],
): RuleRelated[] {
  const related = [...first.related];
  const seen = new Set(related.map(placeKey));
  // A copy's place that is the copy said (another copy's 'a file of this name a setting names') says nothing more.
  const place = certLocation(first.c);
  const isSaid = (r: RuleRelated) =>
    r.file === place.file && (r.range === undefined || placeKey(r) === placeKey({ ...place, message: '' }));
  for (const copy of others) {
    related.push({
      ...certLocation(copy.c),
      message: said`the same certificate, also ${storePlace(copy.c)}`,
      role: 'context',
    });
    for (const r of copy.related) {
      if (seen.has(placeKey(r)) || isSaid(r)) continue;
      seen.add(placeKey(r));
      related.push({ ...r, role: 'context' });
    }
  }
  return related;
}

const NAMES_SAID = 3;

/** How many leading directories every one of `paths` shares (`/t/etc/a` and `/t/demo/etc/a` share 1: `t`). */
function sharedDirectories(paths: readonly string[][]): number {
  const [head, ...rest] = paths;
  if (!head) return 0;
  let shared = 0;
  while (shared < head.length - 1 && rest.every((p) => shared < p.length - 1 && p[shared] === head[shared])) shared++;
  return shared;
}

/**
 * The files' names as a reader tells them apart: the base name, or where two files share it (`server.crt` in two
 * directories) the fewest last path segments that differ (`node1/server.crt`, `node2/server.crt`). Never a directory
 * every file lies in: `etc/keystore` beside `demo-base/etc/keystore` is named so, not by the tree's own directory
 * above it (themaddali/homeford@9737909), which is no part of the deployment and a path of the user's machine.
 */
function distinctNames(files: readonly string[]): Map<string, string> {
  const segments = new Map(files.map((f) => [f, f.split(/[\\/]/).filter(Boolean)]));
  const shared = sharedDirectories([...segments.values()]);
  const names = new Map<string, string>();
  for (const [file, parts] of segments) {
    const clashes = [...segments].filter(([other, o]) => other !== file && o.at(-1) === parts.at(-1));
    const last = (p: string[], n: number) => p.slice(-n).join('/');
    let count = 1;
    while (count < parts.length - shared && clashes.some(([, o]) => last(o, count) === last(parts, count))) count++;
    names.set(file, last(parts, count));
  }
  return names;
}

/**
 * `, and 16 more copies in a.jks, b.jks, c.jks and 5 more files,` after the certificate's name; nothing for one copy.
 * Files sharing a base name with each other or with the copy said (`first`) are told apart by their directories.
 */
export function copiesText(
  first: CertificateCopy<string>,
  others: readonly CertificateCopy<string>[],
): Phrase | string {
  if (others.length === 0) return '';
  const otherFiles = [...new Set(others.map((o) => o.c.doc.file.path))];
  const shown = distinctNames([first.c.doc.file.path, ...otherFiles]);
  const files = [...new Set(otherFiles.map((f) => shown.get(f) ?? path.basename(f)))].sort();
  const named = files.slice(0, NAMES_SAID);
  const rest = files.length - named.length;
  const words = ['', ...named.slice(1).map((_, i) => (i === named.length - 2 && rest === 0 ? ' and ' : ', ')), ''];
  const list = new Phrase(words, named);
  const copies = ours(others.length === 1 ? 'copy' : 'copies');
  return rest > 0
    ? said`, and ${others.length} more ${copies} in ${list} and ${rest} more files,`
    : said`, and ${others.length} more ${copies} in ${list},`;
}

/** A copy with the finding a rule would make of it alone. */
export interface ReportedCopy<MessageId extends string> extends CertificateCopy<MessageId> {
  descriptor: ReportDescriptor<MessageId>;
}

export function reportedCopy<MessageId extends string>(
  c: TreeCertificate,
  descriptor: ReportDescriptor<MessageId>,
): ReportedCopy<MessageId> {
  return {
    c,
    messageId: descriptor.messageId,
    related: descriptor.related ?? [],
    info: descriptor.severity === 'info',
    descriptor,
  };
}

/**
 * One finding per certificate (groupCopies): the finding of the copy said first, its message's `{{copies}}` naming the
 * others, whose places and the settings naming their files are its related places (copiesRelated).
 */
export function reportGrouped<MessageId extends string>(
  report: (descriptor: ReportDescriptor<MessageId>) => void,
  copies: readonly ReportedCopy<MessageId>[],
  rank: readonly MessageId[],
): void {
  for (const [first, ...others] of groupCopies(copies, rank)) {
    if (!first) continue;
    const related = copiesRelated(first, others);
    const { related: _own, ...descriptor } = first.descriptor;
    report({
      ...descriptor,
      data: { ...descriptor.data, copies: copiesText(first, others) },
      ...(related.length > 0 ? { related } : {}),
    });
  }
}
