/**
 * Plain Jetty servers (src/model/jetty-https.ts): a Jetty base's ssl module factory becomes a `jetty.https-connector`
 * from its start properties and the XML that makes it (the base's own, else Jetty's of the release: data/jetty.json),
 * then `<Configure id="sslContextFactory">` tweaks; another factory an XML's connector serves is an end of its own.
 * Shapes after Unicon/shibboleth-idp-dockerized@7f8b92b (opt/shib-jetty-base), Internet2/inc-train-jetty-base@103f1b2,
 * javiRPE/JettyStandalone@e52eafb and StackableRegiments/quacker@923c77f. Stores: test/fixtures/keystores/generated.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Component } from '../../src/model/types';
import { modelOf, type Tree } from '../helpers/rule-tester';

const STORES = path.resolve(__dirname, '../fixtures/keystores/generated');
const store = (name: string) => fs.readFileSync(path.join(STORES, name));

const ends = (files: Tree): Component[] => modelOf(files).components.filter((c) => c.type === 'jetty.https-connector');

function summary(c: Component): string {
  const tls = c.tls;
  const trust = tls?.trust;
  const base = (f: string | undefined) => (f ? path.basename(f) : '?');
  const jetty = tls?.jettyExclusions;
  const attributes = c.type === 'jetty.https-connector' ? c.attributes : undefined;
  return [
    `${attributes?.factory}@${attributes?.release ?? '?'}`,
    `ports=${attributes?.tlsPorts.join(',')}`,
    `protocols=${tls?.protocols?.value.join(',') ?? '-'}`,
    `suites=${tls?.cipherSuites?.value.join(',') ?? '-'}`,
    `exclude=${jetty ? `${jetty.protocols.value.join(',')}|${jetty.cipherSuites.value.length}(${jetty.cipherSuites.from.kind})` : '-'}`,
    `alt=${jetty?.alternative ? jetty.alternative.cipherSuites.join(',') : '-'}`,
    `order=${tls?.serverOrderWins?.value}`,
    `auth=${tls?.clientAuth?.value ?? '-'}`,
    `key=${trust?.keyStore ? `${base(trust.keyStore.file)}:${trust.keyStore.type?.value ?? '-'}${trust.keyStore.passwordAt ? '+pw' : ''}` : '-'}`,
    `trust=${trust?.trustStore ? base(trust.trustStore.file) : '-'}`,
    `unknown=${tls?.unknownValues?.join(' ; ') ?? '-'}`,
  ].join(' ');
}

const CONTEXT_93 = (inner: string) =>
  `<?xml version="1.0"?>\n<!DOCTYPE Configure PUBLIC "-//Jetty//Configure//EN" "http://www.eclipse.org/jetty/configure_9_0.dtd">\n<Configure id="Server" class="org.eclipse.jetty.server.Server">\n  <New id="sslContextFactory" class="org.eclipse.jetty.util.ssl.SslContextFactory">\n${inner}  </New>\n</Configure>\n`;

const TWEAK = (inner: string) =>
  `<?xml version="1.0"?>\n<!DOCTYPE Configure PUBLIC "-//Jetty//Configure//EN" "https://jetty.org/configure_10_0.dtd">\n<Configure id="sslContextFactory" class="org.eclipse.jetty.util.ssl.SslContextFactory$Server">\n${inner}</Configure>\n`;

const BACKCHANNEL = `<?xml version="1.0"?>
<!DOCTYPE Configure PUBLIC "-//Jetty//Configure//EN" "http://www.eclipse.org/jetty/configure_9_0.dtd">
<Configure id="Server" class="org.eclipse.jetty.server.Server">
  <New id="shibContextFactory" class="net.shibboleth.utilities.jetty9.DelegateToApplicationSslContextFactory">
    <Set name="KeyStorePath"><Property name="jetty.backchannel.sslContext.keyStorePath" /></Set>
    <Set name="KeyStoreType"><Property name="jetty.backchannel.sslContext.keyStoreType" /></Set>
    <Set name="ExcludeCipherSuites"><Array type="String"><Item>.*NULL.*</Item><Item>.*RC4.*</Item></Array></Set>
  </New>
  <Call id="shibConnector" name="addConnector">
    <Arg>
      <New class="org.eclipse.jetty.server.ServerConnector">
        <Arg name="server"><Ref refid="Server" /></Arg>
        <Arg name="factories">
          <Array type="org.eclipse.jetty.server.ConnectionFactory">
            <Item><New class="org.eclipse.jetty.server.SslConnectionFactory"><Arg name="next">http/1.1</Arg><Arg name="sslContextFactory"><Ref refid="shibContextFactory"/></Arg></New></Item>
          </Array>
        </Arg>
        <Set name="port"><Property name="jetty.backchannel.port" default="8443"/></Set>
      </New>
    </Arg>
  </Call>
</Configure>
`;

describe('plain Jetty servers (jetty.https-connector)', () => {
  it.each<[string, Tree, string[]]>([
    [
      "Jetty 10 image: the ssl module's own Sets from the start properties; no TrustStorePath: the key store is trusted",
      {
        Dockerfile: 'FROM jetty:10.0-jdk17\nCOPY base/ /var/lib/jetty/\n',
        'base/start.d/ssl.ini':
          '# --------\n--module=ssl\njetty.ssl.port=9443\njetty.sslContext.keyStorePath=etc/key.p12\njetty.sslContext.keyStorePassword=changeit\njetty.sslContext.needClientAuth=true\n',
        'base/start.d/https.ini': '--module=https\n',
        'base/etc/key.p12': store('key.p12'),
      },
      [
        'sslContextFactory@10.0 ports=9443 protocols=- suites=- exclude=SSL,SSLv2,SSLv2Hello,SSLv3|5(file) alt=- order=true auth=required key=key.p12:PKCS12+pw trust=key.p12 unknown=-',
      ],
    ],
    [
      'Jetty 9.3 (a distribution archive): its older suite exclusions; 9.x sets TrustStorePath to etc/keystore by default',
      {
        Dockerfile: 'FROM centos:7\nENV jetty_version=9.3.27.v20190418\n',
        'start.ini': '--module=server\n--module=https\n--module=ssl\njetty.keystore=etc/key.jks\n',
        'etc/key.jks': store('key.jks'),
      },
      [
        'sslContextFactory@9.3.27 ports=8443 protocols=- suites=- exclude=SSL,SSLv2,SSLv2Hello,SSLv3|1(file) alt=- order=true auth=- key=key.jks:JKS trust=? unknown=-',
      ],
    ],
    [
      'release unknown: the key store default path differs by release (not modelled), booleans agree, both suite lists drawn',
      {
        'start.d/ssl.ini': '--module=ssl\njetty.ssl.port=8443\n',
      },
      [
        'sslContextFactory@? ports=8443 protocols=- suites=- exclude=SSL,SSLv2,SSLv2Hello,SSLv3|5(default) alt=^.*_(MD5|SHA|SHA1)$ order=true auth=- key=- trust=- unknown=-',
      ],
    ],
    [
      "the base's own jetty-ssl-context.xml (Unicon's shape): include patterns unknown; the back-channel factory its connector serves",
      {
        'opt/jb/start.d/ssl.ini':
          '--module=ssl\njetty.ssl.port=4443\njetty.sslContext.keyStorePath=/opt/idp/credentials/idp-browser.p12\njetty.sslContext.keyStoreType=PKCS12\n',
        'opt/jb/start.d/backchannel.ini':
          '--module=backchannel\njetty.backchannel.port=8443\njetty.backchannel.sslContext.keyStorePath=/opt/idp/credentials/idp-backchannel.p12\njetty.backchannel.sslContext.keyStoreType=PKCS12\n',
        'opt/jb/etc/jetty-ssl-context.xml': CONTEXT_93(
          '    <Set name="KeyStorePath"><Property name="jetty.sslContext.keyStorePath" /></Set>\n    <Set name="KeyStoreType"><Property name="jetty.sslContext.keyStoreType" /></Set>\n    <Set name="NeedClientAuth"><Property name="jetty.sslContext.needClientAuth" default="false"/></Set>\n    <Set name="excludeProtocols"><Array type="String"><Item>SSL</Item><Item>SSLv2</Item><Item>SSLv3</Item></Array></Set>\n    <Set name="IncludeCipherSuites"><Array type="String"><Item>TLS_ECDHE.*</Item><Item>TLS_RSA.*</Item></Array></Set>\n    <Set name="ExcludeCipherSuites"><Array type="String"><Item>.*NULL.*</Item><Item>.*RC4.*</Item></Array></Set>\n',
        ),
        'opt/jb/etc/jetty-backchannel.xml': BACKCHANNEL,
        'opt/jb/modules/backchannel.mod':
          '[name]\nbackchannel\n\n[depend]\nserver\n\n[xml]\netc/jetty-backchannel.xml\n',
      },
      [
        'sslContextFactory@? ports=4443 protocols=- suites=- exclude=SSL,SSLv2,SSLv3|2(file) alt=- order=true auth=- key=?:PKCS12 trust=? unknown=includeciphersuites: TLS_ECDHE.*, TLS_RSA.*',
        'shibContextFactory@? ports=8443 protocols=- suites=- exclude=SSL,SSLv2,SSLv2Hello,SSLv3|2(file) alt=- order=true auth=- key=?:PKCS12 trust=? unknown=-',
      ],
    ],
    [
      'a tweak file (tweak-ssl.xml): literal includes lose what the patterns exclude; addExcludeCipherSuites adds to the defaults',
      {
        Dockerfile: 'FROM jetty:9.4-jre11\n',
        'start.d/ssl.ini': '--module=ssl\netc/tweak-ssl.xml\n',
        'etc/tweak-ssl.xml': TWEAK(
          '  <Set name="IncludeProtocols"><Array type="String"><Item>TLSv1.2</Item><Item>TLSv1.3</Item><Item>SSLv3</Item></Array></Set>\n  <Set name="IncludeCipherSuites"><Array type="String"><Item>TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256</Item><Item>TLS_RSA_WITH_AES_128_GCM_SHA256</Item></Array></Set>\n  <Call name="addExcludeCipherSuites"><Arg><Array type="String"><Item>.*_CBC_.*</Item></Array></Arg></Call>\n',
        ),
      },
      [
        'sslContextFactory@9.4 ports=8443 protocols=TLSv1.2,TLSv1.3 suites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 exclude=SSL,SSLv2,SSLv2Hello,SSLv3|6(file) alt=- order=true auth=- key=?:JKS trust=? unknown=-',
      ],
    ],
    [
      'a 9.x jetty-ssl-context.xml of the tree (lachlan-roberts/jetty-maven-plugin-https-example): jetty.base and a path joined',
      {
        'etc/jetty-ssl-context.xml':
          '<?xml version="1.0"?>\n<!DOCTYPE Configure PUBLIC "-//Jetty//Configure//EN" "http://www.eclipse.org/jetty/configure_9_3.dtd">\n<Configure id="sslContextFactory" class="org.eclipse.jetty.util.ssl.SslContextFactory">\n  <Set name="KeyStorePath"><Property name="jetty.base" default="." />/etc/key.jks</Set>\n  <Set name="KeyStorePassword">changeit</Set>\n  <Set name="TrustStorePath"><!-- the same store --><Property name="jetty.base" default="." />/etc/key.jks</Set>\n</Configure>\n',
        'etc/key.jks': store('key.jks'),
      },
      [
        'sslContextFactory@? ports=8443 protocols=- suites=- exclude=SSL,SSLv2,SSLv2Hello,SSLv3|5(default) alt=^.*_(MD5|SHA|SHA1)$ order=true auth=- key=key.jks:JKS+pw trust=key.jks unknown=-',
      ],
    ],
    [
      'two start files set a property differently, or an XML reads what the tree does not set: unknown, never guessed',
      {
        Dockerfile: 'FROM jetty:12-jdk21\n',
        'start.ini': '--module=ssl\njetty.sslContext.wantClientAuth=true\netc/tweak-ssl.xml\n',
        'start.d/ssl.ini': 'jetty.sslContext.wantClientAuth=false\n',
        'etc/tweak-ssl.xml': TWEAK(
          '  <Set name="ExcludeProtocols"><Array type="String"><Item><SystemProperty name="excluded"/></Item></Array></Set>\n',
        ),
      },
      [
        'sslContextFactory@12 ports=8443 protocols=- suites=- exclude=SSL,SSLv2,SSLv2Hello,SSLv3|5(file) alt=- order=true auth=- key=?:PKCS12 trust=? unknown=wantclientauth ; excludeprotocols',
      ],
    ],
  ])('%s', (_name, files, expected) => {
    expect(ends(files).map(summary)).toEqual(expected);
  });

  it("XML nothing applies configures nothing (Internet2/inc-train-jetty-base's jetty/jetty-shibboleth.xml: its module file is not in modules/)", () => {
    const files: Tree = {
      'base/start.d/ssl.ini': '--module=ssl\n',
      'base/jetty/jetty-shibboleth.xml': BACKCHANNEL,
      'base/jetty/modules/shibboleth.mod': '[depend]\nssl\n\n[xml]\netc/jetty-shibboleth.xml\n',
      'base/etc/tweak-ssl.xml': TWEAK('  <Set name="ExcludeCipherSuites"><Array type="String"></Array></Set>\n'),
    };
    expect(ends(files).map(summary)).toEqual([
      'sslContextFactory@? ports=8443 protocols=- suites=- exclude=SSL,SSLv2,SSLv2Hello,SSLv3|5(default) alt=^.*_(MD5|SHA|SHA1)$ order=true auth=- key=- trust=- unknown=-',
    ]);
  });

  it('a module of the base that depends on ssl enables it (a Shibboleth idp.mod)', () => {
    const files: Tree = {
      'base/start.d/idp.ini': '--module=idp\njetty.ssl.port=443\n',
      'base/modules/idp.mod': '[description]\nShibboleth IdP\n\n[depend]\nserver\nhttps\n\n[files]\ntmp/\n',
    };
    expect(ends(files).map((c) => `${c.name} ${c.location.range?.start.line}`)).toEqual(['Jetty HTTPS :443 (base) 0']);
  });

  it("Jetty 9.4's own XML joins an absolute keyStorePath below the base (measured with Jetty 9.4.57); 10.0.2+ keeps it", () => {
    const base = (dockerfile: string): Tree => ({
      Dockerfile: dockerfile,
      'start.d/ssl.ini': '--module=ssl\njetty.sslContext.keyStorePath=/opt/key.jks\n',
      'opt/key.jks': store('key.jks'),
    });
    const keyOf = (files: Tree) => ends(files).map((c) => c.tls?.trust?.keyStore?.path.value ?? '-');
    expect(keyOf(base('FROM jetty:9.4-jre11\n'))).toEqual(['opt/key.jks']);
    expect(keyOf(base('FROM jetty:10.0-jre11\n'))).toEqual(['/opt/key.jks']);
    expect(keyOf(base('FROM eclipse-temurin:11-jre\n'))).toEqual(['-']);
  });

  it('no ssl module and no factory of its own: no end (a plain HTTP base)', () => {
    expect(ends({ 'start.d/http.ini': '--module=http\njetty.http.port=8080\n' })).toEqual([]);
  });
});
