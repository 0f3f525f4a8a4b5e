import type { RunMemo } from '../../../core/run-memo';
import { effectiveJdkTls, REFERENCE_JDK } from '../../../knowledge';
import type { JavaRuntime, Provenance } from '../../../model/types';
import { everyUpdateDisabled } from './every-update';

/** The disabled list a verdict rests on, the JDK it is said of, and where the list comes from. */
export interface JudgedList {
  disabled: readonly string[];
  jdk: string;
  from: Provenance;
}

/**
 * The runtime's jdk.tls.disabledAlgorithms (its version's default or the tree's java.security), or, for a JDK named
 * without its update by a name that runs general-availability updates only (`FROM eclipse-temurin:17`), the entries
 * every update of its feature disables by default: TLSv1 is disabled whichever 17 update was pulled. Undefined when
 * neither is known.
 */
export function judgedList(runtime: JavaRuntime, memo: RunMemo): JudgedList | undefined {
  if (runtime.version.value || runtime.securityProperties['jdk.tls.disabledAlgorithms']) {
    const tls = effectiveJdkTls(runtime, memo);
    return { disabled: tls.disabledAlgorithms.value, jdk: tls.label, from: tls.disabledAlgorithms.from };
  }
  const every = everyUpdateDisabled(runtime);
  return (
    every && {
      disabled: every.disabled,
      jdk: every.jdk,
      from: { kind: 'default', origin: `default of ${every.jdk} (${every.source})`, confidence: every.confidence },
    }
  );
}

/** The reference JDK (jdk-tls-defaults.json referenceJdk): what a current JDK disables, for an end whose JDK is unknown. */
export const REFERENCE_RUNTIME: JavaRuntime = {
  vendor: { value: REFERENCE_JDK.vendor, from: { kind: 'default', origin: REFERENCE_JDK.source } },
  version: { value: REFERENCE_JDK.version, from: { kind: 'default', origin: REFERENCE_JDK.source } },
  securityProperties: {},
  systemProperties: {},
};
