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

/** `base` changed by `patch`, keyed from the two (the patch serialised once per patch object). */
export function patchedSide(base: HandshakeSide, patch: Partial<HandshakeSide>, memo: RunMemo): HandshakeSide {
  if (Object.keys(patch).length === 0) return base;
  const key = `${sideKey(base, memo)}+${memo.keyOf(patch)}`;
  return memo.keyAs({ ...base, ...patch }, key);
}

/** The key of a question about two sides. */
export const pairKey = (client: HandshakeSide, server: HandshakeSide, memo: RunMemo): string =>
  `${sideKey(client, memo)} ${sideKey(server, memo)}`;
