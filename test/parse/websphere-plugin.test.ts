import { classifyFile } from '../../src/parse/registry';
import { parsePluginCfg } from '../../src/parse/websphere-plugin';

// StrangeGodfather/studyproject@48dbfce plugin-cfg.xml (no licence: shortened, values changed), the shape WAS writes.
const GENERATED = `<?xml version="1.0"?>
<Config ASDisableNagle="false" FIPSEnable="false">
    <Log LogLevel="Error" Name="/opt/IBM/WebSphere/Plugins/logs/webserver1/http_plugin.log"/>
    <Property Name="PluginInstallRoot"  Value="/opt/IBM/WebSphere/Plugins"/>
    <VirtualHostGroup Name="default_host">
      <VirtualHost Name="*:443"/>
    </VirtualHostGroup>
    <ServerCluster Name="server1_node01_Cluster" LoadBalance="Round Robin">
      <Server Name="node01_server1" ConnectTimeout="0">
         <Transport Hostname="was1" Port="9080" Protocol="http"/>
         <Transport Hostname="was1" Port="9443" Protocol="https">
            <Property Name="keyring" Value="/opt/IBM/WebSphere/Plugins/config/webserver1/plugin-key.kdb"/>
            <Property Name="stashfile" Value="/opt/IBM/WebSphere/Plugins/config/webserver1/plugin-key.sth"/>
         </Transport>
      </Server>
      <PrimaryServers>
         <Server Name="node01_server1"/>
      </PrimaryServers>
   </ServerCluster>
</Config>
`;

describe('WebSphere plug-in configuration (plugin-cfg.xml)', () => {
  it.each([
    ['/t/plugins/config/webserver1/plugin-cfg.xml', GENERATED],
    ['/t/ihs/MERGED-plugin-cfg.xml', GENERATED],
    ['/t/ihs/plugin-cfg-web1.xml', GENERATED],
  ])('%s is a plug-in configuration', (file, text) => {
    expect(classifyFile(file, text)?.kind).toBe('was.plugin-cfg');
  });

  it.each([
    ['/t/app/config.xml', '<?xml version="1.0"?>\n<Config>\n  <Setting name="a" value="b"/>\n</Config>\n'],
    ['/t/plugin-cfg.xml', '<project>\n  <ServerCluster/>\n</project>\n'],
    ['/t/plugin-cfg.json', '{"ServerCluster": 1}\n'],
  ])('%s is not', (file, text) => {
    expect(classifyFile(file, text)?.kind).not.toBe('was.plugin-cfg');
  });

  it('keeps each cluster, server and transport with its properties and places (zero-based)', () => {
    const { data, problems } = parsePluginCfg({ path: '/t/plugin-cfg.xml', text: GENERATED, hadBom: false });
    expect(problems).toEqual([]);
    expect(data.properties.map((p) => [p.name.value, p.value?.value])).toEqual([
      ['PluginInstallRoot', '/opt/IBM/WebSphere/Plugins'],
    ]);
    expect(data.clusters).toHaveLength(1);
    const [server] = data.clusters[0]!.servers;
    // The `<PrimaryServers>` reference is not a second server.
    expect(data.clusters[0]!.servers).toHaveLength(1);
    expect(server!.name?.value).toBe('node01_server1');
    const [plain, tls] = server!.transports;
    expect([plain!.hostname?.value, plain!.port?.value, plain!.protocol?.value]).toEqual(['was1', '9080', 'http']);
    expect(tls!.properties.map((p) => p.name.value)).toEqual(['keyring', 'stashfile']);
    expect(tls!.element.range.start).toEqual({ line: 10, character: 9 });
    expect(tls!.port?.range.start).toEqual({ line: 10, character: 42 });
  });

  it('reads attribute names without case (hand-written files)', () => {
    const text =
      '<Config><ServerCluster name="c"><Server name="s"><Transport hostname="h" port="1" protocol="HTTPS">' +
      '<Property name="Keyring" value="k.kdb"/></Transport></Server></ServerCluster></Config>';
    const { data } = parsePluginCfg({ path: '/t/plugin-cfg.xml', text, hadBom: false });
    const transport = data.clusters[0]!.servers[0]!.transports[0]!;
    expect([transport.hostname?.value, transport.protocol?.value, transport.properties[0]?.value?.value]).toEqual([
      'h',
      'HTTPS',
      'k.kdb',
    ]);
  });
});

describe('a plugin-cfg.xml with blank space before its XML declaration', () => {
  // robert0714/vagrant_ihs_liberty_sticky-session@9164e7b docker-compose-ihs/plugin-cfg.xml starts with a blank line.
  const text = `\n${GENERATED}`;
  it('is an info, not an error, and the rest of the file is read (places unchanged)', () => {
    const { data, problems } = parsePluginCfg({ path: '/t/plugin-cfg.xml', text, hadBom: false });
    expect(problems.map((p) => [p.code, p.severity, p.range.start])).toEqual([
      ['invalid-xml', 'info', { line: 1, character: 0 }],
    ]);
    const tls = data.clusters[0]!.servers[0]!.transports[1]!;
    expect(tls.element.range.start).toEqual({ line: 11, character: 9 });
  });
});
