/**
 * A Tomcat JSSE connector sets its own protocols, suites and suite order (src/knowledge/data/tomcat.json):
 * the JDK's default lists and jdk.tls.server.* do not apply to it; jdk.tls.disabledAlgorithms does.
 */
import { endpointFor } from '../../src/handshake/endpoint';
import type { Tree } from '../helpers/rule-tester';
import { tomcatConnector } from '../helpers/tomcat-connector';

const TEMURIN17 = 'JAVA_VERSION="17.0.15"\nIMPLEMENTOR="Eclipse Adoptium"\n';
const serverXml = (attributes: string) =>
  `<Server port="8005"><Service name="C"><Connector port="8443" SSLEnabled="true"><SSLHostConfig ${attributes}><Certificate certificateKeystoreFile="conf/ks.p12"/></SSLHostConfig></Connector></Service></Server>\n`;

const connector = tomcatConnector;

describe('Tomcat JSSE connector defaults', () => {
  const tree = (attributes: string, setenv = ''): Tree => ({
    'tc/jdk/release': TEMURIN17,
    'tc/conf/server.xml': serverXml(attributes),
    ...(setenv ? { 'tc/bin/setenv.sh': setenv } : {}),
  });

  it("without ciphers: Tomcat's default string expanded by its parser, TLS 1.3 first, not the JDK's list", () => {
    const c = connector(tree(''));
    expect(c.tls?.cipherSuites?.value.slice(0, 5)).toEqual([
      'TLS_AES_256_GCM_SHA384',
      'TLS_CHACHA20_POLY1305_SHA256',
      'TLS_AES_128_GCM_SHA256',
      'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
      'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
    ]);
    expect(c.tls?.cipherSuites?.from).toMatchObject({
      kind: 'default',
      origin: expect.stringContaining('assumed: the tree names no Tomcat version'),
    });
    expect(c.tls?.cipherSuites?.value).not.toContain('TLS_RSA_WITH_AES_128_GCM_SHA256');
  });

  it('jdk.tls.server.cipherSuites and jdk.tls.server.protocols have no effect on the connector', () => {
    const props =
      'CATALINA_OPTS="-Djdk.tls.server.cipherSuites=TLS_RSA_WITH_AES_128_CBC_SHA -Djdk.tls.server.protocols=TLSv1.2"\n';
    const plain = endpointFor(connector(tree('')), 'server')!;
    const withProps = endpointFor(connector(tree('', props)), 'server')!;
    expect(withProps.side.cipherSuites).toEqual(plain.side.cipherSuites);
    expect(withProps.side.protocols).toEqual(plain.side.protocols);
    expect(plain.side.protocols).toEqual(['SSLv2Hello', 'TLSv1.2', 'TLSv1.3']);
  });

  it('without honorCipherOrder: client order (Tomcat 9+ sets it), although JDK 17 defaults to server order', () => {
    expect(endpointFor(connector(tree('')), 'server')!.side.serverOrderWins).toBe(false);
    expect(endpointFor(connector(tree('honorCipherOrder="true"')), 'server')!.side.serverOrderWins).toBe(true);
  });

  it('protocols="all" on JDK 17: TLS 1.0/1.1 configured, then removed by jdk.tls.disabledAlgorithms', () => {
    const e = endpointFor(connector(tree('protocols="all"')), 'server')!;
    expect(e.side.protocols).toEqual(['SSLv2Hello', 'TLSv1.2', 'TLSv1.3']);
    expect(e.disabledProtocols.map((d) => d.name)).toEqual(['TLSv1', 'TLSv1.1']);
  });
});
