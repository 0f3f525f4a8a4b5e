import { defineRule } from '../types';
import { ours, said } from '../../core/phrase';
import type { SearchNodeRecord } from '../../model/types';
import type { SearchSetting } from '../../model/search-node-types';
import {
  searchProducts,
  transportTlsCheckOf,
  type TransportTlsCheck,
  type TransportTlsRequirement,
} from '../../knowledge/search-nodes';
import { settingBoolean } from '../../model/search-node-settings';
import { runBy } from '../_lib/search-node-layers';

/**
 * An Elasticsearch node that writes `xpack.security.enabled: true` and leaves transport TLS off
 * (`xpack.security.transport.ssl.enabled` false or unset) in production mode — its transport bound to a non-loopback
 * address (`network.host: 0.0.0.0`, the official image's own file) and `discovery.type` not `single-node`. From 8.0
 * the start-up check TransportTLSBootstrapCheck refuses to start it whatever the licence; in 7.x
 * TLSLicenseBootstrapCheck does once the node's cluster state holds a basic licence (not on a first start with an empty
 * data directory, not with `xpack.license.self_generated.type: trial`): a warning. Knowledge search-nodes.json transportTlsRequired holds both
 * checks, their messages and sources. Nothing is said where the tree does not show the node's start, where a value is
 * a placeholder, or before 7.x; an unknown release (an image tag naming none) is a warning saying so.
 */
export default defineRule({
  meta: {
    id: 'elastic/node-transport-tls-required',
    description:
      'Report an Elasticsearch node with security enabled and transport TLS off in production mode: its start-up check refuses to start it',
    severity: 'error',
    messages: {
      always:
        '{{security}} is true for {{node}}, but {{transport}}, and {{bound}}: Elasticsearch {{release}} refuses to start it with the bootstrap check failure "{{log}}". Turn transport TLS on (xpack.security.transport.ssl.enabled: true with a key and certificate), set discovery.type: single-node for a one-node cluster, or turn security off',
      licensed:
        '{{security}} is true for {{node}}, but {{transport}}, and {{bound}}: Elasticsearch {{release}} starts it once with an empty data directory, then refuses every later start with a basic licence, failing with "{{log}}". Turn transport TLS on (xpack.security.transport.ssl.enabled: true with a key and certificate), set discovery.type: single-node for a one-node cluster, or turn security off',
      releaseUnknown:
        '{{security}} is true for {{node}}, but {{transport}}, and {{bound}}; its release is unknown ({{image}}): from 8.0 Elasticsearch refuses to start it with "{{log}}" (7.x once it holds a basic licence). Turn transport TLS on, set discovery.type: single-node for a one-node cluster, or turn security off',
    },
    defaultOptions: {},
    appliesTo: { documents: ['elasticsearch.config', 'compose'] },
    symptoms: ['Transport SSL must be enabled if security is enabled'],
  },
  check(ctx) {
    const requirement = searchProducts().find((p) => p.product === 'Elasticsearch')?.transportTlsRequired;
    if (!requirement) return;
    for (const node of ctx.deployment.searchNodes ?? []) {
      if (node.product !== 'Elasticsearch' || node.settingsElsewhere || node.securityOff) continue;
      const security = node.settings.get(requirement.securitySetting);
      const transport = node.layers.transport;
      if (settingBoolean(security) !== true || transport.enabled !== false) continue;
      const discovery = node.settings.get('discovery.type');
      if (discovery && (discovery.placeholder || discovery.value === 'single-node')) continue;
      const bound = boundAddress(node, requirement);
      if (!bound) continue;
      const check = transportTlsCheckOf(requirement, node.service?.image);
      if (!check || (check !== 'unknown' && exempt(node, check))) continue;
      const release = node.service?.image?.trim() ?? '';
      const newest = requirement.byMajor[Math.max(...Object.keys(requirement.byMajor).map(Number))]!;
      const used = check === 'unknown' ? newest : check;
      ctx.report({
        messageId: check === 'unknown' ? 'releaseUnknown' : check.when,
        ...((check === 'unknown' || check.when === 'licensed') && { severity: 'warning' as const }),
        data: {
          security: security!.key,
          node: node.name,
          transport: transport.enabledBy
            ? `${transport.enabledBy.key} is false`
            : `${transport.prefix}enabled is not set (false)`,
          bound: bound.text,
          release: release ? `(${release})` : '',
          image: release ? `image ${release}` : 'no image tag names it',
          log: used.message,
        },
        location: security!.at,
        related: [
          ...runBy(node),
          ...(transport.enabledBy
            ? [{ ...transport.enabledBy.at, message: ours('transport TLS turned off here') }]
            : []),
          bound.setting
            ? { ...bound.setting.at, message: ours('binds the transport to a non-loopback address') }
            : {
                file: security!.at.file,
                message: said`The image's network.host: ${requirement.imageNetworkHostSource}`,
              },
          { file: security!.at.file, message: said`Elasticsearch's check: ${used.source}` },
          { file: security!.at.file, message: said`Production mode: ${requirement.productionModeSource}` },
        ],
        fingerprint: [node.name],
      });
    }
  },
});

/** The node's settings exempt it from the check (7.x: `xpack.license.self_generated.type: trial`). */
function exempt(node: SearchNodeRecord, check: TransportTlsCheck): boolean {
  const setting = check.notWith && node.settings.get(check.notWith.setting);
  return !!setting && (setting.placeholder || setting.value.toLowerCase() === check.notWith!.value);
}

/** Where the node binds its transport when not to loopback only (production mode); undefined when loopback or unknown. */
function boundAddress(
  node: SearchNodeRecord,
  requirement: TransportTlsRequirement,
): { text: string; setting?: SearchSetting } | undefined {
  const setting = requirement.bindSettings.map((key) => node.settings.get(key)).find((s) => s !== undefined);
  if (setting) {
    if (setting.placeholder || setting.items.every((item) => requirement.loopback.test(item.trim()))) return undefined;
    return { text: `${setting.key} is ${setting.value}, not loopback`, setting };
  }
  // The tree's own elasticsearch.yml replaces the image's, and the node then binds loopback (development mode).
  if (node.configFile || !node.service) return undefined;
  return {
    text: `its image's own elasticsearch.yml binds it to ${requirement.imageNetworkHost} (network.host)`,
  };
}
