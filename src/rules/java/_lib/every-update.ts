import { disabledInEveryUpdate, formatJdk, javaVersionText } from '../../../knowledge';
import type { JavaRuntime } from '../../../model/types';

/** The jdk.tls.disabledAlgorithms entries every update of a feature release holds by default, and whose they are. */
export interface EveryUpdateDisabled {
  disabled: readonly string[];
  /** `every Eclipse Temurin 17 update`, `every Eclipse Temurin 8 update from 8u302 on (the first the name carried)`. */
  jdk: string;
  source: string;
  confidence: 'verified' | 'inferred';
}

/**
 * For a JDK named without its update by a name that runs general-availability updates only (`FROM
 * eclipse-temurin:17`, knowledge jdk-locations.json featureNamesGaUpdates), the entries every update of its feature
 * (from the first the name carried) disables by default: TLSv1 whichever 17 update was pulled. Undefined for any
 * other runtime, or when the data has no row for some update (knowledge disabledInEveryUpdate).
 */
export function everyUpdateDisabled(runtime: JavaRuntime): EveryUpdateDisabled | undefined {
  const feature = Number(runtime.attachment?.feature);
  const first = runtime.attachment?.firstUpdate;
  const every =
    runtime.attachment?.gaUpdates && feature ? disabledInEveryUpdate(runtime.vendor.value, feature, first) : undefined;
  if (!every) return undefined;
  // A name whose images start after the GA (eclipse-temurin:8 at 8u302) says so: other builds of 8 may differ.
  const since = first ? ` from ${javaVersionText(feature, first)} on (the first the name carried)` : '';
  const jdk = `every ${formatJdk(runtime.vendor.value, { raw: String(feature), feature, update: 0 })} update${since}`;
  return { disabled: every.value, jdk, source: every.source, confidence: every.confidence };
}
