/** Shared plumbing for the tls/* rules: a link's prediction (computed by src/derive/derive.ts), its owners and places. */
import type { Location, RelatedLocation } from '../core/types';
import { effectiveJdkTls, normaliseProtocol } from '../knowledge';
import type { Component, Link, Provenance } from '../model/types';
import type { Endpoint } from './endpoint';
import type { HandshakePrediction } from './types';

export interface LinkPrediction {
  link: Link;
  client: Endpoint;
  server: Endpoint;
  prediction: HandshakePrediction;
  /**
   * Set when a more specific rule reports this link's failure with both ends (see LINK_OWNERS): the
   * generic tls/* link rules then stay silent on it, so one cause gives one finding.
   */
  ownedBy?: string;
}

interface LinkOwner {
  ruleId: string;
  /** The failures of this link that the rule reports. */
  owns(p: Omit<LinkPrediction, 'ownedBy'>): boolean;
}

const PROTOCOL_FAILURES = new Set(['no-common-protocol', 'protocol-rejected-by-client', 'no-protocol-enabled']);

/** IBM Java whose IBMJSSE2 SSLContext "TLS" default gives only TLSv1 (no overrideDefaultTLS, no explicit protocols). */
export function ibmDefaultTlsV1(endpoint: Endpoint): boolean {
  const { component } = endpoint;
  const runtime = component.runtime;
  if (endpoint.side.implementation !== 'ibmjsse2' || !runtime || component.tls?.protocols) return false;
  if (runtime.systemProperties['jdk.tls.client.protocols']) return false;
  const protocols = effectiveJdkTls(runtime).clientProtocols.value;
  return protocols.length === 1 && normaliseProtocol(protocols[0]) === 'TLSv1';
}

const cleartrustMode = (endpoint: Endpoint): unknown => (endpoint.component.type.startsWith('cleartrust.') ? endpoint.component.attributes.sslMode : undefined);

/** A ClearTrust link with an end in `anon` mode: ClearTrust's own rules name the JDK or the mode that breaks it. */
function cleartrustAnon(lp: Omit<LinkPrediction, 'ownedBy'>, bothEnds: boolean): boolean {
  const modes = [cleartrustMode(lp.client), cleartrustMode(lp.server)];
  if (modes.includes(undefined) || !modes.includes('anon')) return false;
  return bothEnds === (modes[0] === modes[1]);
}

/** More specific rules that own some link failures (explicit, in one place). */
export const LINK_OWNERS: readonly LinkOwner[] = [
  { ruleId: 'java/ibm-default-tls-v1', owns: (lp) => !lp.prediction.ok && PROTOCOL_FAILURES.has(lp.prediction.reason) && ibmDefaultTlsV1(lp.client) },
  { ruleId: 'cleartrust/anon-cipher-disabled', owns: (lp) => !lp.prediction.ok && cleartrustAnon(lp, true) },
  { ruleId: 'cleartrust/ssl-mode-mismatch', owns: (lp) => !lp.prediction.ok && cleartrustAnon(lp, false) },
];

/** The file place a value came from, else the component's own location. */
export function placeOf(component: Component, from?: Provenance): Location {
  return from?.kind === 'file' ? from.location : component.location;
}

export function relatedOf(component: Component, from: Provenance | undefined, message: string): RelatedLocation {
  return { ...placeOf(component, from), message };
}

export function describeFailure(p: HandshakePrediction): string {
  if (p.ok) return `negotiates ${p.protocol} ${p.cipherSuite}`;
  return `${p.explanation[p.explanation.length - 1]}; the ${p.failingSide} aborts${p.alert !== 'none' ? ` with ${p.alert}` : ''}. Client logs "${p.messages.client}", server logs "${p.messages.server}"`;
}
