/** Shared plumbing for the tls/* rules: endpoints and predictions for each deployment link. */
import type { Location, RelatedLocation } from '../core/types';
import { effectiveJdkTls, normaliseProtocol } from '../knowledge';
import type { Component, Deployment, Link, Provenance } from '../model/types';
import { endpointFor, Endpoint } from './endpoint';
import { predictHandshake } from './predict';
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

/**
 * The last deployment's predictions: rules run one deployment at a time and four of them walk the same
 * predictions. One slot, not a WeakMap, so at most one deployment's model is held after its rules ran.
 */
let lastPredictions: { deployment: Deployment; links: Link[]; linkCount: number; components: Component[]; componentCount: number; predictions: LinkPrediction[] } | undefined;

/**
 * Each link of the deployment with both ends' endpoints and the predicted handshake. Memoised for the
 * last deployment asked about (computed again when its links or components were changed); treat the
 * result as read-only.
 */
export function linkPredictions(deployment: Deployment): LinkPrediction[] {
  const { links, components } = deployment;
  const memo = lastPredictions;
  if (memo && memo.deployment === deployment && memo.links === links && memo.linkCount === links.length && memo.components === components && memo.componentCount === components.length) return memo.predictions;
  const predictions = computeLinkPredictions(deployment);
  lastPredictions = { deployment, links, linkCount: links.length, components, componentCount: components.length, predictions };
  return predictions;
}

function computeLinkPredictions(deployment: Deployment): LinkPrediction[] {
  const byId = new Map(deployment.components.map((c) => [c.id, c]));
  const out: LinkPrediction[] = [];
  for (const link of deployment.links) {
    const c = byId.get(link.client);
    const s = byId.get(link.server);
    if (!c || !s) continue;
    const client = endpointFor(c, 'client', deployment);
    const server = endpointFor(s, 'server', deployment);
    if (!client || !server) continue;
    const lp = { link, client, server, prediction: predictHandshake(client.side, server.side) };
    const owner = LINK_OWNERS.find((o) => o.owns(lp));
    out.push(owner ? { ...lp, ownedBy: owner.ruleId } : lp);
  }
  return out;
}

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
