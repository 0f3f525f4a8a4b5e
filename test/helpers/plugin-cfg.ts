/**
 * Small WebSphere plug-in configurations (plugin-cfg.xml) for tests: one cluster of one server with the given
 * transports, laid out as WAS generates them (line 1 the declaration, line 2 `<Config>`, then the `<Config>`
 * properties, the cluster and server lines, then the transports).
 */
export const PLUGIN_CFG = 'plugins/config/webserver1/plugin-cfg.xml';
export const KDB = '/opt/IBM/WebSphere/Plugins/config/webserver1/plugin-key';
export const keyring = (name = 'keyring') => `<Property Name="${name}" Value="${KDB}.kdb"/>`;
export const stash = `<Property Name="stashfile" Value="${KDB}.sth"/>`;
export const httpTransport = '      <Transport Hostname="was1" Port="9080" Protocol="http"/>';

/** The https transport to was1:9443 with these `<Property>` lines (none: an empty element). */
export const httpsTransport = (...properties: string[]) =>
  properties.length === 0
    ? '      <Transport Hostname="was1" Port="9443" Protocol="https"/>'
    : ['      <Transport Hostname="was1" Port="9443" Protocol="https">', ...properties, '      </Transport>'].join(
        '\n',
      );

export function pluginCfg(
  transports: string[],
  { config = 'FIPSEnable="false"', properties = [] }: { config?: string; properties?: string[] } = {},
): string {
  return (
    [
      '<?xml version="1.0"?>',
      `<Config ${config}>`,
      ...properties,
      '  <ServerCluster Name="server1_Cluster">',
      '    <Server Name="node01_server1">',
      ...transports,
      '    </Server>',
      '  </ServerCluster>',
      '</Config>',
    ].join('\n') + '\n'
  );
}
