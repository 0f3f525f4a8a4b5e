/** Shared plumbing for the tls/* rules: a link's prediction (computed by src/derive/derive.ts) and places. */
import type { Location, RelatedLocation } from '../core/types';
import type { Component, Link, Provenance } from '../model/types';
import type { Endpoint } from './endpoint';
import type { HandshakePrediction, LinkOutcome } from './types';

export interface LinkPrediction {
  link: Link;
  client: Endpoint;
  server: Endpoint;
  prediction: HandshakePrediction;
  /** Negotiates, fails, or unknown when the prediction rests on a missing input (src/derive/outcome.ts). */
  outcome: LinkOutcome;
}

/** The file place a value came from, else the component's own location. */
export function placeOf(component: Component, from?: Provenance): Location {
  return from?.kind === 'file' ? from.location : component.location;
}

export function relatedOf(component: Component, from: Provenance | undefined, message: string): RelatedLocation {
  return { ...placeOf(component, from), message };
}

/** The failure in one sentence; `stacks` names what each side runs (`JSSE · Oracle 1.8.0_202`, `OpenSSL 3.x…`). */
export function describeFailure(p: HandshakePrediction, stacks?: { client?: string; server?: string }): string {
  if (p.ok) return `negotiates ${p.protocol} ${p.cipherSuite}`;
  const who = (side: 'client' | 'server') =>
    `${side === 'client' ? 'Client' : 'server'}${stacks?.[side] ? ` (${stacks[side]})` : ''}`;
  const last = p.explanation[p.explanation.length - 1] ?? '';
  // A last step that already names the alert ("the server answers with a protocol_version alert") is not said twice.
  const aborts = last.includes(`${p.alert} alert`)
    ? ''
    : `; the ${p.failingSide} aborts${p.alert !== 'none' ? ` with ${p.alert}` : ''}`;
  return `${last}${aborts}. ${who('client')} logs "${p.messages.client}", ${who('server')} logs "${p.messages.server}"`;
}
