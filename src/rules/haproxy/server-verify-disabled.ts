import type { Location } from '../../core/types';
import type { HaproxyServerComponent } from '../../model/types';
import type { HaproxyLocalhost } from '../../model/attributes-edge';
import { defineRule } from '../types';
import { ours, said } from '../../core/phrase';
import { endsAgreement, firstNames, groupedByPlace } from '../_lib/by-place';

/**
 * A `server … ssl` that does not verify the server's certificate: `verify none` on its line or its `default-server`,
 * or global `ssl-server-verify none`. HAProxy then accepts any certificate (doc/configuration.txt, server `verify`:
 * "otherwise the communication is prone to trivial man-in-the-middle attacks rendering SSL totally useless"). One
 * finding per place that turns it off. A line that writes `verify required` and later `verify none` (often after
 * `check-ssl`, meant for health checks) gets its own message: a server has one verify (src/cfgparse-ssl.c
 * srv_parse_verify), and "all SSL settings are common to health checks and traffic" (`check-ssl`). A server at a loopback
 * address of the host or Pod HAProxy runs in (not a Compose container's own `localhost`, see model/haproxy-loopback.ts)
 * has no network path to attack: only a local process that binds the port first could answer, so info.
 */
export default defineRule({
  meta: {
    id: 'haproxy/server-verify-disabled',
    description:
      "Warn about HAProxy server lines that use ssl without verifying the server's certificate (verify none, ssl-server-verify none)",
    severity: 'warning',
    appliesTo: { components: ['haproxy.server'] },
    messages: {
      disabled:
        '{{servers}} {{do}} not verify the certificate of the server {{they}} connect{{s}} to (verify none): anyone on the path to {{targets}} can present any certificate and read or change what HAProxy forwards. Set verify required with ca-file naming the CA certificates that issued {{its}} certificate, and sni or verifyhost with the name in it',
      loopback:
        '{{servers}} {{do}} not verify the certificate of the server {{they}} connect{{s}} to (verify none), but {{targets}} {{is}} loopback in {{where}}: no one on a network can answer in {{its}} place, only a local process that binds the port first. Set verify required with ca-file naming the CA certificates that issued {{its}} certificate to rule that out too',
      overridden:
        "{{server}}: this verify none overrides the verify required written before it on the line: a server has one verify, and check-ssl uses the server's TLS settings (\"All SSL settings are common to health checks and traffic\"), so {{address}}'s certificate is not verified at all, for traffic or checks. Remove verify none (the checks then verify too), or check over plain HTTP on the server's management port",
    },
    options: {},
    symptoms: [],
  },
  check(ctx) {
    const found: { at: Location; item: HaproxyServerComponent }[] = [];
    const local: typeof found = [];
    for (const component of ctx.deployment.components) {
      if (component.type !== 'haproxy.server') continue;
      const { verify, verifyOverrides, address } = component.attributes;
      if (verify.value !== 'none' || verify.from.kind !== 'file') continue;
      if (verifyOverrides) {
        ctx.report({
          messageId: 'overridden',
          data: { server: component.name, address },
          location: verify.from.location,
          related: [{ ...verifyOverrides, message: ours('verify required, overridden by the later verify none') }],
          fingerprint: [component.id, 'overridden'],
        });
        continue;
      }
      const { loopback } = component.attributes;
      (loopback === undefined || loopback.in === 'container' ? found : local).push({
        at: verify.from.location,
        item: component,
      });
    }
    for (const [places, loopback] of [
      [groupedByPlace(found), false],
      [groupedByPlace(local), true],
    ] as const)
      for (const { at, items: servers } of places) {
        const one = servers.length === 1;
        const names = servers.map((s) => `server ${s.attributes.serverName}`);
        const targets = [...new Set(servers.map((s) => s.attributes.address))];
        ctx.report({
          messageId: loopback ? 'loopback' : 'disabled',
          data: {
            servers: one ? servers[0]!.name : said`HAProxy ${firstNames(names)}`, // one: checked
            targets: firstNames(targets),
            ...endsAgreement(servers.length, targets.length),
            ...(loopback && {
              is: targets.length === 1 ? ours('is') : ours('are'),
              where: namespaceOf(servers[0]!.attributes.loopback!), // local: set
            }),
          },
          ...(loopback && { severity: 'info' as const }),
          ...related(servers[0]!.attributes.loopback), // groups are not empty
          location: at,
          fingerprint: ['haproxy-verify-none', ...servers.map((s) => s.id)],
        });
      }
  },
});

/** The network namespace HAProxy's `localhost` is, in words. */
function namespaceOf(localhost: HaproxyLocalhost) {
  switch (localhost.in) {
    case 'host':
      return ours('the host that runs HAProxy (no container of this tree runs it)');
    case 'pod':
      return said`the Pod of ${localhost.service}, whose containers share it`;
    case 'host-network':
      return said`the host, whose network Compose service ${localhost.service} shares`;
    case 'joined':
      return said`the container of Compose service ${localhost.joined}, whose network ${localhost.service} joins`;
    case 'container':
      return said`the container of Compose service ${localhost.service}`;
  }
}

/** The Compose or Pod lines that say where HAProxy's `localhost` is: they decide between warning and info. */
function related(localhost: HaproxyLocalhost | undefined) {
  return localhost && localhost.in !== 'host' ? { related: localhost.evidence } : {};
}
