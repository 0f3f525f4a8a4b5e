import type { Component, Deployment, RefusedCall, UnservedTls } from '../../model/types';

/** A client URL calling a port where its server speaks no TLS (Deployment.refusedCalls), with what a message names. */
export interface CallWithoutTls<Why> {
  call: RefusedCall;
  why: Why;
  /** Whether the URL's host is one of the names the server answers to (else only the directory it lies in). */
  proven: boolean;
  data: { client: string; url: string; key: string; server: string; port: string; host: string };
  fingerprint: string[];
}

/** The calls to servers whose UnservedTls reason is of `kind` (liberty/https-port-closed, tomcat/ssl-not-enabled). */
export function callsWithoutTls<K extends UnservedTls['why']['kind']>(
  deployment: Pick<Deployment, 'components' | 'refusedCalls'>,
  kind: K,
): CallWithoutTls<Extract<UnservedTls['why'], { kind: K }>>[] {
  const byId = new Map<string, Component>(deployment.components.map((c) => [c.id, c]));
  return (deployment.refusedCalls ?? []).flatMap((call) => {
    const why = call.server.why;
    const client = byId.get(call.client);
    if (!client || !isKind(why, kind)) return [];
    const data = {
      client: client.name,
      url: call.url.url,
      key: call.url.key,
      server: call.server.server,
      port: String(call.port.port),
      host: call.url.host,
    };
    const fingerprint = [call.client, call.url.url, call.port.at.file];
    return [{ call, why, proven: call.matchedBy === 'hostname', data, fingerprint }];
  });
}

const isKind = <K extends UnservedTls['why']['kind']>(
  why: UnservedTls['why'],
  kind: K,
): why is Extract<UnservedTls['why'], { kind: K }> => why.kind === kind;
