/**
 * Memo keys for handshake sides. A deployment of many environments asks the same handshake question once per link
 * (a client of every environment against each same-named server): keying each question by both sides' JSON cost
 * more than answering it. A side is serialised once (RunMemo.keyOf, by identity) and a side built from another by a
 * patch is keyed from the two keys, so a question's key is a few characters.
 */
import type { RunMemo } from '../core/run-memo';
import type { HandshakeSide } from '../handshake/types';

/**
 * The key of a side's contents, its name aside: the name (`label`, which holds the environment's path) appears only
 * in a prediction's texts. Whether the side has a name is kept: a nameless side's texts say otherwise.
 */
export function sideKey(side: HandshakeSide, memo: RunMemo): string {
  return memo.keyOf(side, () => JSON.stringify({ ...side, label: side.label === undefined ? undefined : '' }));
}

/** `base` changed by `patch`, keyed from the two. */
export function patchedSide(base: HandshakeSide, patch: Partial<HandshakeSide>, memo: RunMemo): HandshakeSide {
  if (Object.keys(patch).length === 0) return base;
  const key = `${sideKey(base, memo)}+${patchKey(patch, memo)}`;
  return memo.keyAs({ ...base, ...patch }, key);
}

/**
 * A patch's key from its values: a list or object by its key (serialised once per object), a plain value as JSON.
 * Patches are built afresh for every link (an end's candidate lists combined, an assumed ECDSA certificate) while
 * the lists in them are the end's own: keying the patch object itself serialised those lists once per link.
 */
function patchKey(patch: Partial<HandshakeSide>, memo: RunMemo): string {
  let key = '';
  for (const [name, value] of Object.entries(patch))
    key += `${name}=${value !== null && typeof value === 'object' ? `#${memo.keyOf(value)}` : JSON.stringify(value)};`;
  return key;
}

/** The key of a question about two sides. */
export const pairKey = (client: HandshakeSide, server: HandshakeSide, memo: RunMemo): string =>
  `${sideKey(client, memo)} ${sideKey(server, memo)}`;
