/** The TLS 1.3 groups of a HAProxy bind, for clients without EC groups (src/model/openssl-groups.ts). */
import { isPlaceholder, lastOption, optionLocation, type HaproxyOption } from './haproxy-tls';
import type { ServerOpenssl } from './server-openssl';
import { opensslFiniteFieldGroups, type FiniteFieldGroups } from './openssl-groups';

/**
 * HAProxy bind: its `curves`, else the global `ssl-default-bind-curves`, else its `ecdhe` (one EC curve, which HAProxy
 * then sets as the only group: measured, src/model/openssl-groups.ts), else OpenSSL's defaults. A placeholder leaves it unknown.
 */
export function haproxyFiniteFieldGroups(
  own: readonly HaproxyOption[],
  globalCurves: HaproxyOption | undefined,
  openssl: ServerOpenssl,
): FiniteFieldGroups | undefined {
  const option = lastOption(own, 'curves') ?? globalCurves ?? lastOption(own, 'ecdhe');
  const value = option?.value?.value;
  if (option && (value === undefined || isPlaceholder(value))) return undefined;
  const written =
    option && value !== undefined
      ? { value, from: { kind: 'file' as const, location: optionLocation(option) } }
      : undefined;
  return opensslFiniteFieldGroups({
    written,
    openssl: openssl.facts,
    assumed: openssl.assumed,
    product: 'HAProxy',
    directive: 'curves on the bind line',
  });
}
