/**
 * When Tomcat runs a JSSE-style connector on OpenSSL through Tomcat Native (src/model/tomcat-native.ts): the official
 * `tomcat` image builds the library and its stock server.xml declares the AprLifecycleListener, so Connector.initInternal
 * picks OpenSSLImplementation. Measured with Debian's Tomcat 9.0.70, libtcnative-1 1.2.35 and OpenSSL 3.0.19 on
 * OpenJDK 17 ('https-openssl-nio-<port>' with the listener, 'https-jsse-nio-<port>' without it, with useOpenSSL="false"
 * or with the library off java.library.path).
 */
import {
  officialTomcatImage,
  tomcatNativeCipherErrorClosesPort,
  tomcatSwitchesToNativeOpenssl,
} from '../../src/knowledge/tomcat';
import { nativeCiphers, nativeCiphersRefused, nativeProtocolRun } from '../../src/model/tomcat-native';
import type { Tree } from '../helpers/rule-tester';
import { tomcatConnector, tomcatDeployment } from '../helpers/tomcat-connector';

const LISTENER = '<Listener className="org.apache.catalina.core.AprLifecycleListener" SSLEngine="on" />';

function serverXml(listener: string, sslHostConfig = '', connector = ''): string {
  return `<Server port="8005">\n  ${listener}\n  <Service name="C">\n<Connector port="8443" SSLEnabled="true"${connector}><SSLHostConfig ${sslHostConfig}><Certificate certificateKeystoreFile="conf/api.p12" type="RSA"/></SSLHostConfig></Connector>\n  </Service>\n</Server>\n`;
}

function image(from: string, xml: string): Tree {
  return {
    'api/Dockerfile': `FROM ${from}\nCOPY conf/server.xml /usr/local/tomcat/conf/server.xml\n`,
    'api/conf/server.xml': xml,
  };
}

describe('which TLS implementation a Tomcat connector runs', () => {
  it.each<[string, Tree, 'openssl' | 'jsse']>([
    [
      'official image and the stock listener',
      image('tomcat:10.1.59-jdk17-temurin-noble', serverXml(LISTENER)),
      'openssl',
    ],
    ['official image named by its major only', image('tomcat:9-jdk17', serverXml(LISTENER)), 'openssl'],
    ['official image naming no release', image('docker.io/library/tomcat:jdk21', serverXml(LISTENER)), 'openssl'],
    ['official image, no listener in the server.xml it runs', image('tomcat:10.1.59-jdk17', serverXml('')), 'jsse'],
    [
      'official image, useOpenSSL="false"',
      image(
        'tomcat:9.0.85-jdk17',
        serverXml('<Listener className="org.apache.catalina.core.AprLifecycleListener" useOpenSSL="false" />'),
      ),
      'jsse',
    ],
    [
      'official image, sslImplementationName names JSSE',
      image(
        'tomcat:10.1.59-jdk17',
        serverXml(LISTENER, '', ' sslImplementationName="org.apache.tomcat.util.net.jsse.JSSEImplementation"'),
      ),
      'jsse',
    ],
    [
      'a bare server.xml with the listener (the tarball builds no Tomcat Native)',
      { 'conf/server.xml': serverXml(LISTENER) },
      'jsse',
    ],
    [
      'official image, COPY to $CATALINA_HOME/conf/ (the image sets it)',
      {
        'api/Dockerfile': 'FROM tomcat:9.0.85-jdk17\nCOPY server.xml $CATALINA_HOME/conf/server.xml\n',
        'api/server.xml': serverXml(LISTENER),
      },
      'openssl',
    ],
    [
      "official image, COPY relative to the image's WORKDIR",
      { 'api/Dockerfile': 'FROM tomcat:9.0.85-jdk17\nCOPY server.xml conf/\n', 'api/server.xml': serverXml(LISTENER) },
      'openssl',
    ],
    ['another image named tomcat', image('bitnami/tomcat:9.0', serverXml(LISTENER)), 'jsse'],
    ['Tomcat 8.0 (no OpenSSL for its NIO connector)', image('tomcat:8.0-jre8', serverXml(LISTENER)), 'jsse'],
  ])('%s', (_name, files, implementation) => {
    expect(tomcatConnector(files).tls?.implementation).toBe(implementation);
  });

  it('a COPY to $CATALINA_HOME names the release too (the image sets CATALINA_HOME=/usr/local/tomcat)', () => {
    const c = tomcatConnector({
      'api/Dockerfile': 'FROM tomcat:9.0.85-jdk17\nCOPY server.xml $CATALINA_HOME/conf/server.xml\n',
      'api/server.xml': serverXml(''),
    });
    if (c.type !== 'tomcat.connector') throw new Error(c.type);
    expect(c.attributes.tomcat).toMatchObject({ release: '9.0.85', assumed: false });
  });

  it('says why, and which OpenSSL the image tag names', () => {
    const c = tomcatConnector(image('tomcat:10.1.59-jdk17-temurin-noble', serverXml(LISTENER)));
    if (c.type !== 'tomcat.connector') throw new Error(c.type);
    expect(c.attributes.nativeOpenssl?.because).toContain('api/conf/server.xml:2 declares the AprLifecycleListener');
    expect(c.attributes.nativeOpenssl?.openssl).toBe('3.0.13 (tomcat:10.1.59-jdk17-temurin-noble → ubuntu:noble)');
    // OpenSSL 3 at Ubuntu's level 2 signs no TLS 1.0/1.1 handshake (measured: internal_error).
    expect(c.tls?.signatureFloor?.value).toBe('TLSv1.2');
    expect(c.tls?.signatureFloorAlternative).toBeUndefined();
  });

  it('names an image once however many of its instructions place the server.xml', () => {
    const c = tomcatConnector({
      'api/Dockerfile':
        'FROM tomcat:9.0.85-jdk17\nCOPY conf/ /usr/local/tomcat/conf/\nCOPY conf/server.xml /usr/local/tomcat/conf/server.xml\n',
      'api/conf/server.xml': serverXml(LISTENER),
    });
    if (c.type !== 'tomcat.connector') throw new Error(c.type);
    expect(c.attributes.nativeOpenssl?.because).toMatch(
      /^api\/Dockerfile:1 FROM tomcat:9\.0\.85-jdk17 \(the official tomcat image\) builds /,
    );
  });

  it('names a Compose image once however many of its mounts hold the server.xml', () => {
    const c = tomcatConnector({
      'api/docker-compose.yml':
        'services:\n  api:\n    image: tomcat:9.0.85-jdk17\n    volumes:\n      - ./conf:/usr/local/tomcat/conf\n      - ./conf/server.xml:/usr/local/tomcat/conf/server.xml\n',
      'api/conf/server.xml': serverXml(LISTENER),
    });
    if (c.type !== 'tomcat.connector') throw new Error(c.type);
    expect(c.attributes.nativeOpenssl?.because).toMatch(
      /^api\/docker-compose\.yml:3 image: tomcat:9\.0\.85-jdk17 \(the/,
    );
  });

  it('a tag without a distribution: OpenSSL 3 assumed, the older series an alternative', () => {
    const c = tomcatConnector(image('tomcat:9.0.85-jdk17', serverXml(LISTENER)));
    expect(c.tls?.signatureFloor?.value).toBe('TLSv1.2');
    expect(c.tls?.signatureFloorAlternative?.what).toContain('OpenSSL 3 assumed');
  });

  it("Tomcat's default ciphers string as OpenSSL reads it (ARIA: measured, where JSSE has none)", () => {
    const openssl = tomcatConnector(image('tomcat:9.0.85-jdk17', serverXml(LISTENER)));
    const jsse = tomcatConnector(image('tomcat:9.0.85-jdk17', serverXml('')));
    expect(openssl.tls?.cipherSuites?.value).toContain('TLS_ECDHE_RSA_WITH_ARIA_256_GCM_SHA384');
    expect(jsse.tls?.cipherSuites?.value).not.toContain('TLS_ECDHE_RSA_WITH_ARIA_256_GCM_SHA384');
    expect(openssl.tls?.protocols?.value).toEqual(['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3']);
  });

  it("Tomcat Native's '!aNULL:!eNULL:!EXP:' prefix: no anonymous suites, and DEFAULT no longer first matches nothing", () => {
    const suites = (ciphers: string) =>
      tomcatConnector(image('tomcat:9.0.85-jdk17', serverXml(LISTENER, `ciphers="${ciphers}"`))).tls?.cipherSuites
        ?.value;
    expect(suites('HIGH')?.some((s) => s.includes('_anon_'))).toBe(false);
    expect(suites('HIGH')).toContain('TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384');
    expect(suites('TLS_DH_anon_WITH_AES_128_CBC_SHA,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256')).toEqual([
      'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
    ]);
  });

  // Measured with 9.0.70 and libtcnative-1 1.2.35: what OpenSSL serves, and which lists it refuses (and at which stage).
  it.each<[string, string[]]>([
    ['HIGH:DEFAULT', ['TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384']],
    [
      'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,ECDHE-RSA-AES256-GCM-SHA384',
      ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384'],
    ],
    ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256:ECDHE-RSA-AES256-GCM-SHA384', ['TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384']],
    ['TLS_AES_128_GCM_SHA256:ECDHE-RSA-AES128-GCM-SHA256', ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256']],
  ])('ciphers="%s" serves %j', (ciphers, includes) => {
    const served = nativeCiphers(ciphers);
    for (const suite of includes) expect(served).toContain(suite);
    expect(served.some((s) => s.startsWith('TLS_AES_'))).toBe(false);
    expect(nativeCiphersRefused(ciphers)).toBeUndefined();
  });

  it.each<[string, 'tomcat' | 'openssl']>([
    ['DEFAULT', 'openssl'],
    ['DEFAULT:@SECLEVEL=0', 'openssl'],
    ['!RC4:DEFAULT', 'openssl'],
    ['TLS_AES_128_GCM_SHA256', 'openssl'],
    ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256:TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', 'openssl'],
    ['!aNULL:!MD5', 'tomcat'],
    ['FOO-BAR', 'tomcat'],
  ])('ciphers="%s" gives OpenSSL nothing; refused by %s', (ciphers, stage) => {
    expect(nativeCiphers(ciphers)).toEqual([]);
    expect(nativeCiphersRefused(ciphers)).toBe(stage);
  });

  it('a connector whose ciphers OpenSSL refuses is no TLS end (measured: no handshake completes, TLS 1.3 neither)', () => {
    const deployment = tomcatDeployment(image('tomcat:9.0.85-jdk17', serverXml(LISTENER, 'ciphers="DEFAULT"')));
    expect(deployment.components.filter((c) => c.type === 'tomcat.connector')).toEqual([]);
    expect(deployment.unservedTls?.map((u) => u.why.kind)).toEqual(['tomcat-native-ciphers-refused']);
  });

  // OpenSSLContext.init passes getCipherSuites to setCipherSuitesEx (10.1.59); 9.0.70 sets none (measured: OpenSSL's).
  it.each<[string, string, string[]]>([
    ['tomcat:10.1.59-jdk17', 'cipherSuites="TLS_AES_128_GCM_SHA256"', ['TLS_AES_128_GCM_SHA256']],
    [
      'tomcat:10.1.59-jdk17',
      'ciphers="TLS_AES_128_GCM_SHA256:ECDHE-RSA-AES128-GCM-SHA256"',
      ['TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256', 'TLS_AES_128_GCM_SHA256'],
    ],
    ['tomcat:10.1.59-jdk17', '', ['TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256', 'TLS_AES_128_GCM_SHA256']],
    ['tomcat:9.0.70-jdk17', 'cipherSuites="TLS_AES_128_GCM_SHA256"', []],
    ['tomcat:9.0.70-jdk17', 'ciphers="TLS_AES_128_GCM_SHA256:ECDHE-RSA-AES128-GCM-SHA256"', []],
  ])('%s <SSLHostConfig %s>: TLS 1.3 suites %j', (from, attributes, tls13) => {
    const suites = tomcatConnector(image(from, serverXml(LISTENER, attributes))).tls?.cipherSuites?.value ?? [];
    expect(suites.filter((s) => /^TLS_(AES|CHACHA20)_/.test(s))).toEqual(tls13);
  });

  it('@SECLEVEL=0 in the ciphers lifts the floor (measured: TLSv1 negotiated)', () => {
    const c = tomcatConnector(
      image(
        'tomcat:9.0.85-jdk17-temurin-jammy',
        serverXml(LISTENER, 'protocols="TLSv1+TLSv1.1+TLSv1.2" ciphers="HIGH:@SECLEVEL=0"'),
      ),
    );
    expect(c.tls?.signatureFloor).toBeUndefined();
    expect(c.tls?.protocols?.value).toEqual(['TLSv1', 'TLSv1.1', 'TLSv1.2']);
  });
});

describe('knowledge', () => {
  it.each([
    ['tomcat:9.0.85', true],
    ['library/tomcat:10', true],
    ['docker.io/library/tomcat:11.0.25-jdk21@sha256:00', true],
    ['tomcat', true],
    ['bitnami/tomcat:9', false],
    ['registry.example.com/tomcat:9', false],
    ['tomcat-native:1', false],
  ])('%s is the official image: %s', (reference, official) => {
    expect(officialTomcatImage(reference)).toBe(official);
  });

  // OpenSSLContext.init throws KeyManagementException since 9.0.97, 10.1.32 and 11.0.1 (commit 5e4f519); before, a warning.
  it.each([
    ['9.0.70', false],
    ['9.0.97', true],
    ['9.0', true],
    ['10.1.31', false],
    ['10.1.32', true],
    ['11.0.0', false],
    ['11.0.1', true],
    ['8.5.100', false],
    ['10.0.27', false],
    [undefined, undefined],
  ])('Tomcat %s fails to initialise a connector whose ciphers OpenSSL refuses: %s', (release, closes) => {
    expect(tomcatNativeCipherErrorClosesPort(release)).toBe(closes);
  });

  it.each([
    ['8.5.100', true],
    ['9.0', true],
    ['11.0.25', true],
    [undefined, true],
    ['8.0', false],
    ['7.0.109', false],
  ])('Tomcat %s switches to OpenSSL: %s', (release, switches) => {
    expect(tomcatSwitchesToNativeOpenssl(release)).toBe(switches);
  });

  it.each([
    [['TLSv1', 'TLSv1.2'], ['TLSv1.2']],
    [
      ['TLSv1', 'TLSv1.1', 'TLSv1.2'],
      ['TLSv1', 'TLSv1.1', 'TLSv1.2'],
    ],
    [
      ['TLSv1.2', 'TLSv1.3'],
      ['TLSv1.2', 'TLSv1.3'],
    ],
    [['TLSv1.1', 'TLSv1.3'], ['TLSv1.3']],
  ])('Tomcat Native enables %j as %j (no holes below the highest)', (enabled, run) => {
    expect(nativeProtocolRun(enabled)).toEqual(run);
  });
});
