import { renderPhrase } from '../../src/core/phrase';
import { tomcatDeployment } from '../helpers/tomcat-connector';
import { PLUGIN_CFG, httpsTransport, pluginCfg } from '../helpers/plugin-cfg';

const plugin = (properties: string) => {
  const deployment = tomcatDeployment({ [PLUGIN_CFG]: pluginCfg([httpsTransport(properties)]) });
  const found = deployment.components.find((c) => c.type === 'was.plugin');
  if (!found) throw new Error('no plug-in transport');
  return found;
};

describe('the WebSphere plug-in transport as a TLS client', () => {
  it('trusts the signers of the key database its keyring names, and presents its certLabel', () => {
    const trust = plugin(
      '<Property Name="keyring" Value="C:\\IBM\\Plugins\\config\\webserver1\\plugin-key.kdb"/><Property Name="certLabel" Value="client"/>',
    ).tls?.trust;
    expect({
      store: trust?.trustStore?.path.value,
      type: trust?.trustStore?.type?.value,
      same: trust?.keyStore === trust?.trustStore,
      alias: trust?.keyAlias?.value,
      defaultTrust: trust?.defaultTrust,
    }).toEqual({
      store: 'C:\\IBM\\Plugins\\config\\webserver1\\plugin-key.kdb',
      type: 'CMS',
      same: true,
      alias: 'client',
      defaultTrust: 'none',
    });
  });

  it('without a keyring, what it trusts is unknown (never nothing, never a default store)', () => {
    const trust = plugin('<Property Name="stashfile" Value="/opt/p.sth"/>').tls?.trust;
    expect(trust?.trustStore).toBeUndefined();
    expect(trust?.unknown && renderPhrase(trust.unknown.why, (t) => t)).toContain('names no keyring');
  });
});
