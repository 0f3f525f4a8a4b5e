/**
 * The server side's own choices of an httpd virtual host (main server, virtual host; outermost first): whose cipher
 * order decides (SSLHonorCipherOrder) and whether it asks for client certificates (SSLVerifyClient).
 */
import { HTTPD_FACTS } from '../knowledge/openssl';
import { tracedAt } from './nginx-placed';
import { inEffect, type HttpdPlaced } from './httpd-tls';
import type { ClientAuthMode, Traced } from './types';

/** `SSLHonorCipherOrder` (server side): whether the server's order decides. */
export function serverOrder(levels: readonly HttpdPlaced[][]): Traced<boolean> {
  const line = inEffect(levels, 'sslhonorcipherorder');
  return line
    ? tracedAt(line, line.directive.args[0]?.value.toLowerCase() === 'on')
    : {
        value: HTTPD_FACTS.honorCipherOrderDefault.value,
        from: {
          kind: 'default',
          origin: `httpd default SSLHonorCipherOrder off (${HTTPD_FACTS.honorCipherOrderDefault.source.split(' ')[0]})`,
          confidence: 'verified',
        },
      };
}

const CLIENT_AUTH: Record<string, ClientAuthMode> = {
  require: 'required',
  optional: 'optional',
  optional_no_ca: 'optional',
  none: 'none',
};

/** `SSLVerifyClient` at the server level (per-directory values renegotiate and are not modelled). */
export function clientAuthOf(levels: readonly HttpdPlaced[][]): Traced<ClientAuthMode> | undefined {
  const line = inEffect(levels, 'sslverifyclient');
  const mode = line && CLIENT_AUTH[line.directive.args[0]?.value.toLowerCase() ?? ''];
  return line && mode ? tracedAt(line, mode) : undefined;
}
