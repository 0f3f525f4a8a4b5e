/**
 * Which network namespace an HAProxy configuration's `localhost` is: a server line towards a loopback address reaches
 * only a process of that namespace, never one across a network. A Compose service's container has its own `localhost`
 * (./loopback.ts), where the server the author meant (another service) is likely not: rules tell that case apart.
 */
import { LOOPBACK, sharedNetwork, type ServiceOf } from './loopback';
import type { HaproxyLocalhost } from './attributes-edge';

/** The host part of a `server` address as written (`127.0.0.1:8443`, `ipv4@localhost:443`, `[::1]:443`). */
function hostOf(address: string): string {
  const bare = address.replace(/^[a-z0-9]+@/i, '');
  const bracketed = /^\[([^\]]+)\]/.exec(bare);
  if (bracketed) return bracketed[1]!; // group 1 is not optional
  return bare.split(':').length === 2 ? bare.split(':')[0]! : bare;
}

/** Where `localhost` is for the HAProxy the services in `runners` run (none: the host that runs the file). */
export function haproxyLocalhost(runners: readonly ServiceOf[]): HaproxyLocalhost {
  const [first] = runners;
  if (!first) return { in: 'host' };
  const evidence = runners.flatMap((s) => sharedNetwork(s, s) ?? []); // one service: its own places
  const service = first.name;
  if (runners.every((s) => s.pod)) return { in: 'pod', service, evidence };
  if (runners.every((s) => s.networkMode === 'host')) return { in: 'host-network', service, evidence };
  const joined = first.networkMode?.startsWith('service:') ? first.networkMode.slice(8).trim() : undefined;
  if (joined && runners.every((s) => s.networkMode === first.networkMode))
    return { in: 'joined', service, joined, evidence };
  return { in: 'container', service, evidence };
}

/** The namespace a loopback `server` address reaches only into, or undefined when it is not loopback or not known. */
export function serverLoopback(address: string, localhost: HaproxyLocalhost | undefined): HaproxyLocalhost | undefined {
  return localhost !== undefined && LOOPBACK.test(hostOf(address).toLowerCase()) ? localhost : undefined;
}
