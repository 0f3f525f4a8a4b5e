/**
 * Whether an nginx server takes a finite-field group (ffdhe2048…) in a TLS 1.3 key share (TlsSettings.finiteFieldGroups),
 * which is all a Java runtime without the EC provider offers: the groups `ssl_ecdh_curve` names (nginx passes them to
 * SSL_CTX_set1_curves_list; `auto` keeps OpenSSL's defaults, https://nginx.org/en/docs/http/ngx_http_ssl_module.html#ssl_ecdh_curve)
 * or `ssl_conf_command Groups|Curves` names, else OpenSSL's default groups, which have finite-field groups from 3.0
 * (knowledge openssl-servers.json tls13FiniteFieldGroups).
 */
import { opensslTls13FiniteFieldGroups, type OpensslSeriesFacts } from '../knowledge/openssl';
import { innermostDirectives, last, tracedAt, type Placed } from './nginx-placed';
import type { TlsSettings } from './types';

const FINITE_FIELD = /(^|[^a-z0-9])ffdhe\d+/i;

export function nginxFiniteFieldGroups(
  levels: Placed[][],
  openssl: OpensslSeriesFacts,
  assumed: boolean,
): NonNullable<TlsSettings['finiteFieldGroups']> {
  const command = innermostDirectives(levels, 'ssl_conf_command')
    .filter((p) => /^(groups|curves)$/i.test(p.directive.args[0]?.value ?? ''))
    .at(-1);
  if (command) return tracedAt(command, FINITE_FIELD.test(command.directive.args[1]?.value ?? ''));
  const curve = last(levels.flat(), 'ssl_ecdh_curve');
  const written = curve?.directive.args[0]?.value;
  if (curve && written && written !== 'auto') return tracedAt(curve, FINITE_FIELD.test(written));
  const fact = opensslTls13FiniteFieldGroups(openssl.series);
  const has = (value: boolean) => (value ? 'include finite-field groups' : 'have none');
  return {
    value: fact.value,
    from: {
      kind: 'default',
      origin: `OpenSSL ${openssl.series}'s default TLS 1.3 groups ${has(fact.value)} (from OpenSSL ${fact.since}; ${fact.source.split(' ')[0]})`,
      confidence: 'verified',
    },
    ...(assumed
      ? {
          unknownWhat: `the OpenSSL release nginx runs (OpenSSL ${openssl.series} assumed, whose default TLS 1.3 groups ${has(fact.value)}; releases before OpenSSL ${fact.since} have none): name nginx's image in a Dockerfile FROM beside the configuration, or set ssl_ecdh_curve`,
        }
      : {}),
  };
}
