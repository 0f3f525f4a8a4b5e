/** How a client URL's host names a server of the tree (./java-links.ts links, ./plain-calls.ts plain calls). */

/** Whether the host is one of the names a server answers to: the name itself, or under one of its `*.` wildcards. */
export function answersToName(hostnames: readonly string[], host: string): boolean {
  return hostnames.some((name) => name === host || (name.startsWith('*.') && host.endsWith(name.slice(1))));
}

/**
 * Whether the host names the directory the server lies in (its component host, `api/…`): the host itself, or its first
 * label (`api` of `api.example.internal`). The tree does not prove such a tie; callers say it is by directory.
 */
export function namesHostDirectory(serverHost: string, host: string): boolean {
  const dir = serverHost.split('/').find(Boolean)?.toLowerCase();
  return dir !== undefined && (dir === host || dir === host.split('.')[0]);
}
