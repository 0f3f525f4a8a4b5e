import type { RunMemo } from '../../../core/run-memo';
import { formatJdk, javaVersionText, updateSpans } from '../../../knowledge';
import { updatesPointedTo } from '../../../model/runtime-named';
import type { JavaRuntime } from '../../../model/types';
import { judgedList, type JudgedList } from './judged-list';

/** The disabled list on a span of updates with the same defaults, of the updates a floating tag has pointed to. */
export interface UpdateSpanJudged {
  /** The span's first update, as Java spells it (`8u291`; `11 GA`). */
  since: string;
  judged: JudgedList;
}

/** The updates a floating tag has run, judged span by span, with the JDK and the range in words. */
export interface RangeJudged {
  spans: UpdateSpanJudged[];
  /** `OpenJDK 8`. */
  jdk: string;
  /** `any 8u release the tag has pointed to (8u20 to 8u342)`. */
  updates: string;
  /** The tag also ran early-access builds, whose defaults are unknown: a verdict the same on every span is not sure. */
  earlyAccess: boolean;
}

/**
 * For a JDK named by a tag that gives its feature release only and has stopped moving (`FROM openjdk:8`: 8u20 to 8u342,
 * knowledge jdk-locations.json featureNamesUpdateRanges), the jdk.tls.disabledAlgorithms default on each span of those
 * updates with the same defaults (knowledge updateSpans): a verdict may hold on some and not on others. Undefined for
 * any other runtime, or when some span's default is unknown.
 */
export function judgedAcrossRange(runtime: JavaRuntime, memo: RunMemo): RangeJudged | undefined {
  const feature = Number(runtime.attachment?.feature);
  const range = runtime.attachment?.updateRange;
  if (runtime.version.value || !range || range.last === undefined || !Number.isInteger(feature)) return undefined;
  const last = range.last;
  const spans = updateSpans(runtime.vendor.value, feature, range.first);
  if (!spans) return undefined;
  const judged: UpdateSpanJudged[] = [];
  for (const span of spans.filter((s) => s.from <= last)) {
    const version = javaVersionText(feature, span.from);
    const list = judgedList({ ...runtime, version: { ...runtime.version, value: version } }, memo);
    if (!list) return undefined;
    const ga = span.from === 0; // not a version fact: update 0 is any feature's GA build
    judged.push({ since: ga ? `${feature} GA` : version, judged: list });
  }
  return {
    spans: judged,
    jdk: formatJdk(runtime.vendor.value, { raw: String(feature), feature, update: 0 }),
    updates: updatesPointedTo(feature, range),
    earlyAccess: range.earlyAccess === true,
  };
}
