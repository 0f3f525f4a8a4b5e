/**
 * IBM HTTP Server's mod_ibm_ssl virtual hosts (src/model/ihs.ts): an `SSLEnable` virtual host is an `ihs.server`, not
 * a plain or mod_ssl one; KeyFile and SSLServerCert are inherited from the main server (IBM's list, data/ihs.json);
 * without SSLServerCert the certificate it sends is unknown (derive/ihs-default-certificate.ts), never "the database's
 * only certificate". Shapes from StrangeGodfather/studyproject@48dbfce httpd.conf (IHS on Windows: `SSLEnable` in a
 * `<VirtualHost *:8443>`, a global `SSLDisable`) and IBM's example configuration.
 */
import { renderPhrase } from '../../src/core/phrase';
import * as fs from 'node:fs';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { ownChain } from '../../src/derive/trust-ends';
import { writeTree, type Tree } from '../helpers/rule-tester';
import { cmsKeyDatabase } from '../helpers/cms-kdb';
import { ca, leaf } from '../helpers/pki';

const root = ca('IHS Root');
const www = leaf('www.example.com', root);
const kdb = cmsKeyDatabase([
  { label: 'IHS Root', kind: 'signer', certificate: root.der },
  { label: 'www', kind: 'personal', certificate: www.der },
]);

function deploymentOf(files: Tree) {
  const dir = writeTree(files);
  try {
    return lint({ paths: [dir], cwd: dir, config: defaultConfig(dir) }).deployments[0]!;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const conf = (vhost: string, global = '') => `LoadModule ibm_ssl_module modules/mod_ibm_ssl.so
Listen 80
Listen 8443
<VirtualHost *:8443>
    ServerName www.example.com
${vhost}
</VirtualHost>
SSLDisable
KeyFile conf/key.kdb
${global}
`;

describe('an IBM HTTP Server SSLEnable virtual host', () => {
  it('is an ihs.server on its port with the KeyFile the main server sets, and no mod_ssl end', () => {
    const d = deploymentOf({ 'conf/httpd.conf': conf('    SSLEnable\n    SSLServerCert www'), 'conf/key.kdb': kdb });
    const servers = d.components.filter((c) => c.type === 'ihs.server' || c.type === 'httpd.server');
    expect(servers.map((c) => c.type)).toEqual(['ihs.server']);
    const [ihs] = servers;
    expect(ihs?.type === 'ihs.server' && ihs.attributes.tlsPorts).toEqual([8443]);
    expect(ihs?.tls?.implementation).toBe('unknown');
    expect(ihs?.tls?.trust?.keyStore?.file).toMatch(/conf\/key\.kdb$/);
    const chain = ownChain(d.derived.certificates, d.derived.presented, ihs!, new Set());
    expect(chain.chains.map((c) => c[0]?.cert.subjectText)).toEqual([expect.stringContaining('www.example.com')]);
  });

  it('takes SSLServerCert from the main server too', () => {
    const d = deploymentOf({ 'conf/httpd.conf': conf('    SSLEnable', 'SSLServerCert www'), 'conf/key.kdb': kdb });
    const ihs = d.components.find((c) => c.type === 'ihs.server');
    expect(ihs?.tls?.trust?.keyAlias?.value).toBe('www');
  });

  it('without SSLServerCert, the certificate it sends is unknown', () => {
    const d = deploymentOf({ 'conf/httpd.conf': conf('    SSLEnable'), 'conf/key.kdb': kdb });
    const ihs = d.components.find((c) => c.type === 'ihs.server')!;
    const chain = ownChain(d.derived.certificates, d.derived.presented, ihs, new Set());
    expect(chain.chains).toEqual([]);
    expect(chain.missing && renderPhrase(chain.missing, (t) => t)).toContain('sets no SSLServerCert');
  });

  it('a virtual host without SSLEnable (the global SSLDisable) is no TLS server', () => {
    const d = deploymentOf({ 'conf/httpd.conf': conf('    DocumentRoot htdocs'), 'conf/key.kdb': kdb });
    expect(d.components.filter((c) => c.type === 'ihs.server')).toEqual([]);
  });
});
