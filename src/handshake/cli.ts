/**
 * `lint-deploy handshake --client <file[#component]> --server <file[#component]>`: the predictor asked
 * directly. The lead wires argument parsing; this module turns two Components into text or JSON.
 */
import type { Component, Deployment } from '../model/types';
import { endpointFor } from './endpoint';
import { predictHandshake } from './predict';
import type { HandshakePrediction } from './types';

export interface HandshakeReport {
  client: { component: string; side: ReturnType<typeof endpointFor> extends infer E ? (E extends { side: infer S } ? S : never) : never; notes: string[] };
  server: { component: string; side: HandshakeReport['client']['side']; notes: string[] };
  prediction: HandshakePrediction;
}

/** Predicts the handshake between two components; throws when one has no usable TLS settings. */
export function handshakeReport(client: Component, server: Component, deployment?: Deployment): HandshakeReport {
  const c = endpointFor(client, 'client', deployment);
  const s = endpointFor(server, 'server', deployment);
  if (!c) throw new Error(`${client.name} has no TLS settings with a known implementation`);
  if (!s) throw new Error(`${server.name} has no TLS settings with a known implementation`);
  return { client: { component: client.id, side: c.side, notes: c.notes }, server: { component: server.id, side: s.side, notes: s.notes }, prediction: predictHandshake(c.side, s.side) };
}

export function formatHandshakeReport(r: HandshakeReport, format: 'text' | 'json'): string {
  if (format === 'json') return JSON.stringify(r, null, 2) + '\n';
  const p = r.prediction;
  const head = p.ok
    ? `OK: ${p.protocol} ${p.cipherSuite}`
    : `FAILS (${p.reason}): the ${p.failingSide} aborts${p.alert !== 'none' ? ` with alert ${p.alert}` : ''}\n  client logs: ${p.messages.client}\n  server logs: ${p.messages.server}`;
  const notes = [...r.client.notes.map((n) => `client: ${n}`), ...r.server.notes.map((n) => `server: ${n}`)];
  return [`${r.client.component} → ${r.server.component}: ${head}`, ...p.explanation.map((e) => `  - ${e}`), ...notes.map((n) => `  note: ${n}`)].join('\n') + '\n';
}
