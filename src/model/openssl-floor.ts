/**
 * The signature floor of an OpenSSL end (nginx server or proxy): OpenSSL 3 above security level 0 signs no TLS 1.0/1.1
 * handshake as a server and accepts no signed TLS 1.0/1.1 key exchange as a client; OpenSSL 1.1.1 and older do both.
 * The series comes from the tree's image; when the tree names none (3.x assumed), the other series' floor is the
 * alternative the outcome checks, so a link only that decides is unknown, never a guessed failure or pass.
 */
import { signatureFloor, signatureFloorElsewhere, type OpensslSeriesFacts } from '../knowledge/openssl';
import { tracedAt, type Placed } from './nginx-placed';
import type { TlsSettings, Traced } from './types';

export interface FloorInput {
  openssl: OpensslSeriesFacts;
  /** The series is assumed, not named by the tree. */
  assumed: boolean;
  /** The cipher string's `@SECLEVEL=n`, when it sets one. */
  level: number | undefined;
  /** The cipher directive (where an explicit level is written). */
  ciphers: Placed | undefined;
  /** `ssl_ciphers`, `proxy_ssl_ciphers`, `grpc_ssl_ciphers`: what to set `@SECLEVEL=0` in. */
  directive: string;
  role: 'client' | 'server';
  /** The product that runs the OpenSSL, as messages name it (default nginx). */
  product?: string;
  /** Other products' cipher settings: the floor traced to where the explicit level is written (instead of `ciphers`). */
  writtenAt?: (floor: string) => Traced<string>;
}

export function signatureFloorSettings(
  input: FloorInput,
): Pick<TlsSettings, 'signatureFloor' | 'signatureFloorAlternative'> {
  const { openssl, assumed, level, ciphers, directive, role, product = 'nginx', writtenAt } = input;
  const out: Pick<TlsSettings, 'signatureFloor' | 'signatureFloorAlternative'> = {};
  const floor = signatureFloor(openssl, level ?? openssl.defaultSecurityLevel);
  const what =
    role === 'server' ? 'signs no TLS 1.0/1.1 handshake' : 'accepts no signed TLS 1.0/1.1 key exchange (ECDHE, DHE)';
  const explicit = (value: string) =>
    level === undefined ? undefined : ciphers ? tracedAt(ciphers, value) : writtenAt?.(value);
  if (floor)
    out.signatureFloor = explicit(floor) ?? {
      value: floor,
      from: {
        kind: 'default',
        origin: `OpenSSL ${openssl.series} at security level ${openssl.defaultSecurityLevel} or above ${what} (${openssl.source.split(' ')[0]})`,
        confidence: 'verified',
      },
    };
  const elsewhere = assumed ? signatureFloorElsewhere(openssl, level) : undefined;
  if (elsewhere)
    out.signatureFloorAlternative = {
      what: `the OpenSSL release ${product} runs (OpenSSL ${openssl.series} assumed, which at security level 1 and above ${what}; OpenSSL ${elsewhere.series.join(', ')} ${elsewhere.series.length > 1 ? 'do' : 'does'}${floor ? '' : ' not'}): name ${product}'s image in a Dockerfile FROM beside the configuration, or set ${directive} with @SECLEVEL=0 if TLS 1.0/1.1 must work`,
      ...(elsewhere.floor ? { value: elsewhere.floor } : {}),
    };
  return out;
}
