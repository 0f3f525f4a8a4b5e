/**
 * Whether an IBM MQ queue manager of a given release refuses a deprecated CipherSpec by default (mq.json
 * `cipherSpecs[].defaultDisabled`). IBM deprecated CipherSpecs in fix packs and continuous-delivery releases, not at
 * once: an SSL 3.0 spec is refused from 8.0.0.2, TLS_RSA_WITH_AES_128_CBC_SHA only from 9.0.5 (CD) and the 9.1 LTS,
 * so a channel with it is fine on an 8.0 or 9.0.0.x queue manager. The comparison lives here, the releases in data.
 */
import { findCipherSpec } from './mq';
import { compare, parts } from './mq-releases';
import type { MqDefaultDisabled } from './types';

/** The default state of a deprecated CipherSpec on one release, with the data behind it. */
export interface MqDefaultState {
  /** `yes`: refused unless re-enabled; `no`: accepted by default; `unknown`: no release, or one the data does not cover. */
  disabled: 'yes' | 'no' | 'unknown';
  /** For `yes`: the release point that decides it (the first of the release's line, or of an earlier line). */
  since?: string;
  /** Every release point the data lists, for saying which releases refuse it. */
  from: string[];
  reenabledBy: string[];
  source: string;
  confidence: 'verified' | 'inferred';
}

/** V.R of a release, for comparing release families (9.0 before 9.1). */
const family = (p: number[]) => p[0]! * 1000 + p[1]!;
/** Long-term-support fix packs are V.R.0.F; continuous-delivery releases V.R.M with M > 0. */
const isLts = (p: number[]) => p[2] === 0;

/**
 * Whether `point` (a release that disabled the spec) rules over `release`'s line: same V.R and the same line (LTS fix
 * packs or CD releases), or a V.R.0.0 general-availability release, which starts both lines.
 */
function sameLine(point: number[], release: number[]): boolean {
  if (family(point) !== family(release)) return false;
  return isLts(point) === isLts(release) || (isLts(point) && point[3] === 0);
}

function inEnabledLine(line: string, release: number[]): boolean {
  const l = line.split('.').map(Number);
  return l.every((n, i) => n === release[i]);
}

function stateOf(data: MqDefaultDisabled, release: string | undefined): Pick<MqDefaultState, 'disabled' | 'since'> {
  if (!release || !/^\d+\.\d+\.\d+(\.\d+)?$/.test(release)) return { disabled: 'unknown' };
  const r = parts(release);
  const points = data.since.map((s) => ({ text: s, p: parts(s) }));
  const own = points.filter((x) => sameLine(x.p, r)).sort((a, b) => compare(a.p, b.p))[0];
  if (own) return compare(r, own.p) >= 0 ? { disabled: 'yes', since: own.text } : { disabled: 'no' };
  if ((data.enabledIn ?? []).some((line) => inEnabledLine(line, r))) return { disabled: 'no' };
  // A release family after every one the data names took the deprecation over (IBM's later tables list it).
  const latest = points.sort((a, b) => compare(a.p, b.p)).at(-1);
  if (latest && family(r) > family(latest.p)) return { disabled: 'yes', since: latest.text };
  return { disabled: 'unknown' };
}

/**
 * The default state of CipherSpec `name` on a queue manager of `release` (V.R.M.F; undefined when the tree does not
 * say). Undefined for a spec the data gives no deprecation history (a current spec, an alias, an unknown name).
 */
export function mqCipherSpecDefaultState(name: string, release: string | undefined): MqDefaultState | undefined {
  const data = findCipherSpec(name)?.defaultDisabled;
  if (!data) return undefined;
  return {
    ...stateOf(data, release),
    from: [...data.since],
    reenabledBy: [...data.reenabledBy],
    source: data.source,
    confidence: data.confidence,
  };
}
