/**
 * A Connector's TLS attributes by the release the tree names (src/model/tomcat-legacy.ts): Tomcat 8.5 and 9 read the
 * APR-style SSLProtocol / SSLCipherSuite / SSLVerifyClient / SSLCertificateFile as the default SSLHostConfig's,
 * 10.0+ ignore every Connector TLS attribute (no SSLHostConfig: the connector does not start), unknown stays unknown.
 */
import * as fs from 'node:fs';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { writeTree, type Tree } from '../helpers/rule-tester';
import { tomcatConnector } from '../helpers/tomcat-connector';

const PEM_SERVER = `-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ2\n-----END CERTIFICATE-----\n`;
const connectorXml = (attributes: string, children = '') =>
  `<Server port="8005"><Service name="C"><Connector port="8443" SSLEnabled="true" ${attributes}>${children}</Connector></Service></Server>\n`;
const onTomcat = (tag: string | undefined, attributes: string, children = ''): Tree => ({
  ...(tag ? { 'tc/Dockerfile': `FROM tomcat:${tag}\nCOPY conf/ /usr/local/tomcat/conf/\n` } : {}),
  'tc/conf/server.xml': connectorXml(attributes, children),
  'tc/conf/cert.pem': PEM_SERVER,
});

describe('Connector TLS attributes by Tomcat release', () => {
  it('Tomcat 9.0 reads SSLProtocol, SSLCipherSuite and SSLVerifyClient as protocols, ciphers, certificateVerification', () => {
    const c = tomcatConnector(
      onTomcat(
        '9.0.85-jdk17',
        'SSLProtocol="+TLSv1.2 +TLSv1.3" SSLCipherSuite="ECDHE-RSA-AES128-GCM-SHA256" SSLVerifyClient="require" sslProtocol="TLS"',
      ),
    );
    expect(c.tls?.protocols?.value).toEqual(['TLSv1.2', 'TLSv1.3']);
    expect(c.tls?.protocols?.from.kind).toBe('file');
    expect(c.tls?.cipherSuites?.value).toContain('TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256');
    expect(c.tls?.cipherSuites?.value).not.toContain('TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384');
    expect(c.tls?.clientAuth?.value).toBe('required');
    expect(c.tls?.unknownValues).toBeUndefined();
    expect(c.type === 'tomcat.connector' && c.attributes.connectorTls).toBeUndefined();
  });

  it("Tomcat 8.5 serves the Connector's SSLCertificateFile", () => {
    const c = tomcatConnector(onTomcat('8.5.100', 'SSLCertificateFile="conf/cert.pem"'));
    expect(c.tls?.trust?.keyStore?.path.value).toBe('conf/cert.pem');
    expect(c.tls?.trust?.keyStore?.type?.value).toBe('PEM');
  });

  it('the release unknown: SSLProtocol is an unknown value, never read as 8.5/9 nor ignored as 10+', () => {
    const c = tomcatConnector(onTomcat(undefined, 'keystoreFile="conf/ks.p12" SSLProtocol="TLSv1.2"'));
    expect(c.tls?.unknownValues).toEqual([
      'SSLProtocol on the Connector (read by Tomcat 8.5 and 9 only; the tree names no Tomcat release)',
    ]);
    expect(c.tls?.protocols?.from.kind).toBe('default');
  });

  it('Tomcat 10.1 reads the SSLHostConfig alone: the Connector ciphers is ignored', () => {
    const c = tomcatConnector(
      onTomcat(
        '10.1.20',
        'ciphers="RC4-SHA"',
        '<SSLHostConfig><Certificate certificateFile="conf/cert.pem"/></SSLHostConfig>',
      ),
    );
    expect(c.tls?.cipherSuites?.from.kind).toBe('default');
    expect(c.type === 'tomcat.connector' && c.attributes.connectorTls).toMatchObject({
      ignored: true,
      attributes: [{ name: 'ciphers', hostConfigAttribute: 'ciphers' }],
    });
  });

  it("Tomcat 10.1 with an SSLHostConfig and no Certificate: the Connector's keystoreFile is not its key store", () => {
    const c = tomcatConnector(onTomcat('10.1.20', 'keystoreFile="conf/ks.p12" keyAlias="web"', '<SSLHostConfig/>'));
    expect(c.tls?.trust?.keyStore?.path.value).toBe('${user.home}/.keystore');
    expect(c.tls?.trust?.keyAlias).toBeUndefined();
  });

  it("Tomcat 9.0: the Connector's keystoreFile beside <SSLHostConfig/> is a second _default_ SSLHostConfig: no server", () => {
    // Measured with 9.0.70: "Multiple SSLHostConfig elements were provided for the host name [_default_]"; never merged.
    const root = writeTree(onTomcat('9.0.85', 'keystoreFile="conf/ks.p12" keyAlias="web"', '<SSLHostConfig/>'));
    try {
      const d = lint({ paths: [root], cwd: root, config: defaultConfig(root) }).deployments[0];
      expect(d.components.filter((c) => c.type === 'tomcat.connector')).toEqual([]);
      const why = d.unservedTls?.[0]?.why;
      expect(why?.kind === 'tomcat-connector-not-started' && why.clash?.attributes.map((a) => a.name)).toEqual([
        'keystoreFile',
        'keyAlias',
      ]);
      expect(d.unservedTls?.[0]?.stores.map((s) => s.setting)).toEqual(['keystoreFile']);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('release unknown: Connector attributes beside an <SSLHostConfig> for _default_ leave the outcome unknown', () => {
    const c = tomcatConnector(
      onTomcat(
        undefined,
        'keystoreFile="conf/ks.p12"',
        '<SSLHostConfig protocols="TLSv1.2"><Certificate certificateKeystoreFile="conf/www.p12"/></SSLHostConfig>',
      ),
    );
    expect(c.tls?.protocols?.value).toEqual(['TLSv1.2']);
    expect(c.tls?.trust?.keyStore?.path.value).toBe('conf/www.p12');
    expect(c.tls?.unknownValues).toEqual([
      'keystoreFile on the Connector beside this <SSLHostConfig> for _default_: Tomcat 8.5 and 9 refuse the server.xml (two SSLHostConfigs for _default_), Tomcat 10.0 and later ignore the attribute, and the tree names no Tomcat release',
    ]);
  });

  it('Tomcat 9.0: Connector attributes beside an <SSLHostConfig> for another host name make a default one of their own', () => {
    const tree = onTomcat(
      '9.0.85',
      'keystoreFile="conf/ks.p12" sslEnabledProtocols="TLSv1.2"',
      '<SSLHostConfig hostName="www.example.com" protocols="TLSv1.3"><Certificate certificateKeystoreFile="conf/www.p12"/></SSLHostConfig>',
    );
    const root = writeTree(tree);
    try {
      const d = lint({ paths: [root], cwd: root, config: defaultConfig(root) }).deployments[0];
      const connectors = d.components.filter((c) => c.type === 'tomcat.connector');
      expect(connectors.map((c) => [c.name, c.tls?.protocols?.value, c.tls?.trust?.keyStore?.path.value])).toEqual([
        ['Tomcat connector 8443 (tc/conf/server.xml)', ['TLSv1.2'], 'conf/ks.p12'],
        ['Tomcat connector 8443 www.example.com (tc/conf/server.xml)', ['TLSv1.3'], 'conf/www.p12'],
      ]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('Tomcat 10.1, no SSLHostConfig: no connector starts, its certificate file is named by a server that serves none', () => {
    const root = writeTree(onTomcat('10.1.20', 'SSLCertificateFile="conf/cert.pem" sslEnabledProtocols="TLSv1.2"'));
    try {
      const d = lint({ paths: [root], cwd: root, config: defaultConfig(root) }).deployments[0];
      expect(d.components.filter((c) => c.type === 'tomcat.connector')).toEqual([]);
      expect(d.unservedTls?.map((u) => [u.server, u.why.kind, u.stores.map((s) => s.setting)])).toEqual([
        ['Tomcat connector 8443 (tc/conf/server.xml)', 'tomcat-connector-not-started', ['SSLCertificateFile']],
      ]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
