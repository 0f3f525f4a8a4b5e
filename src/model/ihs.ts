/**
 * IBM HTTP Server's own TLS module, mod_ibm_ssl (GSKit), as a TLS server: one `ihs.server` per virtual host (or main
 * server) where `SSLEnable` is in effect. mod_ssl's model (./httpd.ts) does not see these: `SSLEnable` is not
 * `SSLEngine on`, and none of mod_ssl's defaults apply to GSKit.
 *
 * What a virtual host inherits from the main server is IBM's list (data/ihs.json `inherited`): `SSLEnable`/`SSLDisable`,
 * `KeyFile` and `SSLServerCert` are; `SSLCipherSpec`, `SSLProtocolDisable` and the rest are not. The protocols and
 * suites GSKit offers depend on the IHS release and are not modelled here: the end's implementation is unknown.
 */
import type { Location } from '../core/types';
import { argsRange } from './nginx-placed';
import { inEffect, portOf, serverNamesOf, type HttpdContext, type HttpdPlaced } from './httpd-tls';
import type { IhsServerComponent } from './types';
import { IHS_INHERITED, IHS_NOT_INHERITED } from '../knowledge/ihs';
import { shownRelative } from '../core/posix-path';

/** The directive in effect: from the main server too when IHS copies it into virtual hosts, else the own level's. */
function ihsInEffect(levels: readonly HttpdPlaced[][], key: string): HttpdPlaced | undefined {
  return inEffect(IHS_INHERITED.has(key) ? levels : levels.slice(-1), key);
}

/** `SSLEnable` or `SSLDisable` (both inherited): the innermost level that writes either wins. */
function enabledAt(levels: readonly HttpdPlaced[][]): HttpdPlaced | undefined {
  for (let i = levels.length - 1; i >= 0; i--) {
    const found = (levels[i] ?? [])
      .filter((p) => !p.block && (p.directive.key === 'sslenable' || p.directive.key === 'ssldisable'))
      .at(-1);
    if (found) return found.directive.key === 'sslenable' ? found : undefined;
  }
  return undefined;
}

const at = (p: HttpdPlaced): Location => ({ file: p.file, range: argsRange(p) });

/** `KeyFile [/prompt] path` or `KeyFile /saf ring` (z/OS): the path, or why it is no file. */
function keyFileOf(
  line: HttpdPlaced | undefined,
): Pick<IhsServerComponent['attributes'], 'keyFile' | 'keyFileUnknown'> {
  if (!line) return {};
  const words = line.directive.args.map((a) => a.value);
  if (words[0]?.toLowerCase() === '/saf')
    return { keyFileUnknown: `KeyFile /saf ${words[1] ?? ''} names a z/OS SAF key ring, not a file of the tree` };
  const value = words[0]?.toLowerCase() === '/prompt' ? words[1] : words[0];
  return value ? { keyFile: { value, location: at(line) } } : {};
}

/** The `ihs.server` of a virtual host (or the main server) when SSLEnable is in effect there; else undefined. */
export function ihsServerComponent(
  levels: HttpdPlaced[][],
  vhost: HttpdPlaced | undefined,
  listenPorts: number[],
  context: HttpdContext,
): IhsServerComponent | undefined {
  const enable = enabledAt(levels);
  if (!enable) return undefined;
  // A level that also turns mod_ssl on is mod_ssl's to model (./httpd.ts); IHS does not load mod_ssl.
  if (inEffect(levels, 'sslengine')?.directive.args[0]?.value.toLowerCase() === 'on') return undefined;
  const addresses = (vhost?.directive.args ?? []).map((a) => a.value);
  const ports = [...new Set(addresses.length > 0 ? addresses.flatMap(portOf) : listenPorts)];
  const names = serverNamesOf(levels.at(-1) ?? []);
  const certLine = ihsInEffect(levels, 'sslservercert');
  const location: Location = vhost
    ? { file: vhost.file, range: vhost.directive.nameRange }
    : { file: enable.file, range: enable.directive.nameRange };
  const relative = shownRelative(context.root, location.file);
  const written = addresses.find((a) => !/[$[{<%]/.test(a))?.replace(/:\d+$/, '');
  const label = `${names[0] ?? (written || '_')}:${ports[0] ?? '?'}`;
  const enabledLocation = { file: enable.file, range: enable.directive.nameRange };
  // What the main server writes that IHS does not copy into a virtual host (data/ihs.json `notInherited`).
  const notApplied =
    vhost && context.mainHeld
      ? (levels[0] ?? [])
          .filter((p) => !p.block && IHS_NOT_INHERITED.has(p.directive.key))
          .map((p) => ({
            directive: p.directive.name,
            location: { file: p.file, range: p.directive.range },
            ...(inEffect(levels.slice(-1), p.directive.key) ? { ownToo: true as const } : {}),
          }))
      : [];
  return {
    id: `ihs.server:${relative}:${label}:${location.range?.start.line ?? 0}`,
    type: 'ihs.server',
    // Outside any <VirtualHost> of a file no main configuration of the tree includes: whatever includes it owns them.
    name: vhost
      ? `IBM HTTP Server virtual host ${label} (${relative})`
      : context.mainHeld
        ? `IBM HTTP Server main server${ports.length > 0 ? ` :${ports.join(', :')}` : ''} (${relative})`
        : `IBM HTTP Server TLS settings (${relative})`,
    role: 'server',
    location,
    host: context.host,
    // GSKit's protocols and suites for the IHS release are not modelled: unknown, never mod_ssl's or OpenSSL's.
    tls: { implementation: 'unknown', enabled: { value: true, from: { kind: 'file', location: enabledLocation } } },
    documents: [context.doc],
    attributes: {
      tlsPorts: ports,
      hostnames: names,
      addresses,
      enabledAt: enabledLocation,
      ...keyFileOf(ihsInEffect(levels, 'keyfile')),
      ...(certLine
        ? { serverCert: { labels: certLine.directive.args.map((a) => a.value), location: at(certLine) } }
        : {}),
      ...(context.serverRoot ? { serverRoot: context.serverRoot } : {}),
      ...((vhost ?? enable).via ? { includedBy: (vhost ?? enable).via } : {}),
      ...(notApplied.length > 0 ? { globalNotApplied: notApplied } : {}),
    },
  };
}
