/** Shared plumbing for the tls/* rules: endpoints and predictions for each deployment link. */
import type { Location, RelatedLocation } from '../core/types';
import type { Component, Deployment, Link, Provenance } from '../model/types';
import { endpointFor, Endpoint } from './endpoint';
import { predictHandshake } from './predict';
import type { HandshakePrediction } from './types';

export interface LinkPrediction {
  link: Link;
  client: Endpoint;
  server: Endpoint;
  prediction: HandshakePrediction;
}

export function linkPredictions(deployment: Deployment): LinkPrediction[] {
  const byId = new Map(deployment.components.map((c) => [c.id, c]));
  const out: LinkPrediction[] = [];
  for (const link of deployment.links) {
    const c = byId.get(link.client);
    const s = byId.get(link.server);
    if (!c || !s) continue;
    const client = endpointFor(c, 'client', deployment);
    const server = endpointFor(s, 'server', deployment);
    if (!client || !server) continue;
    out.push({ link, client, server, prediction: predictHandshake(client.side, server.side) });
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
