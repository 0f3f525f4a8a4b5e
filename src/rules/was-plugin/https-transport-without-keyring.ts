import { defineRule } from '../types';
import { ours, said, type Phrase } from '../../core/phrase';
import type { WasPluginAttributes } from '../../model/attributes-plugin';
import type { WasPluginComponent } from '../../model/types';
import { transportWithoutKeyring } from '../_lib/plugin-keyring';

/**
 * An https `<Transport>` of plugin-cfg.xml with no `keyring` property: the plug-in has no GSKit key database for it,
 * and that database is where the application server's signer must be for the handshake to succeed (IBM technote
 * swg21621481: the plug-in's key database must hold the signer of every application server it routes to). From
 * plug-in 8.5.5.0, an HTTPS request the plug-in cannot send over an HTTPS transport gets no connection (unless
 * `UseInsecure="true"` lets it fall back to the server's http transport). A warning: IBM does not document the log
 * line of this exact case. Not said when a `Keyring`/`Keyfile` property under `<Config>` may stand for it, or when a
 * template writes the transport's properties.
 */
/** What becomes of the HTTPS requests routed to the transport's server (IBM docs cwsv_plugin_connections). */
function consequence(a: WasPluginAttributes): Phrase {
  const server = a.server ?? a.target;
  if (!a.httpTransport) return said`HTTPS requests routed to ${server} get no connection`;
  const http = a.httpTransport.target;
  if (a.useInsecure)
    return said`with ${a.useInsecure.name}="${a.useInsecure.value}" on <Config>, HTTPS requests routed to ${server} go unencrypted over its http transport ${http}`;
  return said`HTTPS requests routed to ${server} get no connection (plug-in 8.5.5.0 and later; before it, they go unencrypted over its http transport ${http})`;
}

export default defineRule({
  meta: {
    id: 'was-plugin/https-transport-without-keyring',
    description:
      "Check that every https Transport of a WebSphere plug-in configuration names the key database (keyring) that holds the application server's signer",
    severity: 'warning',
    appliesTo: { components: ['was.plugin'] },
    messages: {
      noKeyring:
        '{{transport}} names no keyring property: the plug-in has no key database for this transport, so nothing holds {{target}}\'s signer and the server\'s certificate cannot be verified; {{consequence}}. Add <Property Name="keyring" Value=".../plugin-key.kdb"/> and <Property Name="stashfile" Value=".../plugin-key.sth"/> to the transport{{others}}',
    },
    options: {},
    symptoms: ['HTTPS Transport is skipped', 'GSK_ERROR_BAD_CERT', 'gsk rc = 414'],
  },
  check(ctx) {
    const plugins = ctx.deployment.components.filter((c): c is WasPluginComponent => c.type === 'was.plugin');
    // The transports of each file that name a keyring, counted once.
    const withKeyringIn = new Map<string, number>();
    for (const c of plugins)
      if (c.attributes.keyring) withKeyringIn.set(c.location.file, (withKeyringIn.get(c.location.file) ?? 0) + 1);
    for (const component of plugins) {
      if (!transportWithoutKeyring(component)) continue;
      const a = component.attributes;
      const withKeyring = withKeyringIn.get(component.location.file) ?? 0;
      ctx.report({
        messageId: 'noKeyring',
        data: {
          transport: said`The https transport ${a.target} of ${a.server ?? 'its server'}`,
          target: said`${a.target}`,
          server: said`${a.server ?? a.target}`,
          consequence: consequence(a),
          others: withKeyring > 0 ? said`, as ${withKeyring} other https transports of the file do` : said``,
        },
        location: a.transport,
        related: [
          ...(a.stashfile
            ? [{ ...a.stashfile.location, message: ours('the stash file it names without a keyring') }]
            : []),
          ...(a.httpTransport ? [{ ...a.httpTransport.location, message: "the same server's http transport" }] : []),
        ],
        fingerprint: [component.id],
      });
    }
  },
});
