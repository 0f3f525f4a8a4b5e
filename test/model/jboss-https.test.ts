/**
 * WildFly / JBoss EAP HTTPS listeners (src/model/jboss-https.ts): an Undertow `<https-listener>` with an Elytron
 * `server-ssl-context` or a legacy security realm becomes a `jboss.https-listener` server, its port from the socket
 * binding, its stores placed only where the tree says where `jboss.server.config.dir` is. Shapes after WildFly 26's
 * standalone.xml and girirajsharma/wildfly-ssl-examples@63422638c5aa (security realm, mutual TLS).
 * Stores: test/fixtures/keystores/generated (MANIFEST.tsv).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Component } from '../../src/model/types';
import { modelOf, type Tree } from '../helpers/rule-tester';
import { elytronXml } from '../helpers/wildfly';

const STORES = path.resolve(__dirname, '../fixtures/keystores/generated');
const store = (name: string) => fs.readFileSync(path.join(STORES, name));

const REALM_XML = `<?xml version="1.0" ?>
<server xmlns="urn:jboss:domain:4.0">
    <management>
        <security-realms>
            <security-realm name="SslRealm">
                <server-identities>
                    <ssl>
                        <keystore path="key.jks" relative-to="jboss.server.config.dir" keystore-password="changeit" alias="server" key-password="changeit"/>
                    </ssl>
                </server-identities>
                <authentication>
                    <truststore path="trust.jks" relative-to="jboss.server.config.dir" keystore-password="changeit"/>
                </authentication>
            </security-realm>
        </security-realms>
    </management>
    <profile>
        <subsystem xmlns="urn:jboss:domain:undertow:3.0">
            <server name="default-server">
                <https-listener name="https" socket-binding="https" security-realm="SslRealm" verify-client="REQUIRED" enabled-protocols="TLSv1.1,TLSv1.2"/>
            </server>
        </subsystem>
    </profile>
    <socket-binding-group name="standard-sockets" default-interface="public">
        <socket-binding name="https" port="9443"/>
    </socket-binding-group>
</server>
`;

const listeners = (files: Tree): Component[] =>
  modelOf(files).components.filter((c) => c.type === 'jboss.https-listener');

function summary(c: Component): string {
  const tls = c.tls;
  const trust = tls?.trust;
  const base = (f: string | undefined) => (f ? path.basename(f) : '?');
  return [
    c.type === 'jboss.https-listener' ? `ports=${c.attributes.tlsPorts.join(',')}` : '',
    `protocols=${tls?.protocols?.value.join(',') ?? '-'}(${tls?.protocols?.from.kind ?? '-'})`,
    `suites=${tls?.cipherSuites?.value.join(',') ?? '-'}`,
    `auth=${tls?.clientAuth?.value ?? '-'}`,
    `key=${trust?.keyStore ? `${base(trust.keyStore.file)}[${trust.keyStore.type?.value ?? '?'}]${trust.keyStore.passwordAt ? '+pw' : ''}` : '-'}`,
    `alias=${trust?.keyAlias?.value ?? '-'}`,
    `trust=${trust?.trustStore ? base(trust.trustStore.file) : (trust?.defaultTrust ?? '-')}`,
    `unknown=${tls?.unknownValues?.join(' ') ?? '-'}`,
  ].join(' ');
}

/** A managed domain's domain.xml: one profile with an Elytron key store relative to `relativeTo`. */
function domainXml(relativeTo: string): string {
  return elytronXml('<server-ssl-context name="httpsSSC" protocols="TLSv1.2" key-manager="httpsKM"/>')
    .replace(
      '<server xmlns="urn:jboss:domain:19.0">\n    <profile>',
      '<domain xmlns="urn:jboss:domain:19.0">\n    <profiles><profile name="full">',
    )
    .replace(
      '    </profile>\n    <socket-binding-group',
      '    </profile></profiles>\n    <socket-binding-groups><socket-binding-group',
    )
    .replace('    </socket-binding-group>\n</server>', '    </socket-binding-group></socket-binding-groups>\n</domain>')
    .replace('path="key.jks" relative-to="jboss.server.config.dir"', `path="key.jks" relative-to="${relativeTo}"`);
}

describe('WildFly HTTPS listeners (jboss.https-listener)', () => {
  it.each<[string, Tree, string[]]>([
    [
      'Elytron, standalone/configuration layout: stores found, TLSv1.2 as written',
      {
        'wf/standalone/configuration/standalone.xml': elytronXml(
          '<server-ssl-context name="httpsSSC" protocols="TLSv1.2" need-client-auth="true" key-manager="httpsKM" trust-manager="httpsTM"/>',
        ),
        'wf/standalone/configuration/key.jks': store('key.jks'),
        'wf/standalone/configuration/trust.jks': store('trust.jks'),
      },
      [
        'ports=8443 protocols=TLSv1.2(file) suites=- auth=required key=key.jks[JKS]+pw alias=server trust=trust.jks unknown=-',
      ],
    ],
    [
      'Elytron defaults: no TLS 1.3 without cipher-suite-names; port offset from a system property',
      {
        'wf/standalone/configuration/standalone.xml': elytronXml(
          '<server-ssl-context name="httpsSSC" key-manager="httpsKM"/>',
          '    <system-properties><property name="jboss.socket.binding.port-offset" value="100"/></system-properties>\n',
        ),
        'wf/standalone/configuration/key.jks': store('key.jks'),
      },
      [
        'ports=8543 protocols=TLSv1,TLSv1.1,TLSv1.2(default) suites=- auth=- key=key.jks[JKS]+pw alias=server trust=jdk-cacerts unknown=-',
      ],
    ],
    [
      'Elytron with cipher-suite-names keeps TLS 1.3; a plain filter of OpenSSL and standard names is the list',
      {
        'wf/standalone/configuration/standalone.xml': elytronXml(
          '<server-ssl-context name="httpsSSC" protocols="TLSv1.2 TLSv1.3" cipher-suite-names="TLS_AES_256_GCM_SHA384" cipher-suite-filter="ECDHE-RSA-AES128-GCM-SHA256:TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384" key-manager="httpsKM"/>',
        ),
      },
      [
        'ports=8443 protocols=TLSv1.2,TLSv1.3(file) suites=TLS_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 auth=- key=?[JKS]+pw alias=server trust=jdk-cacerts unknown=-',
      ],
    ],
    [
      'a filter with keywords is unknown, not expanded',
      {
        'wf/standalone/configuration/standalone.xml': elytronXml(
          '<server-ssl-context name="httpsSSC" protocols="TLSv1.2" cipher-suite-filter="DEFAULT:!RC4" key-manager="httpsKM"/>',
        ),
      },
      [
        'ports=8443 protocols=TLSv1.2(file) suites=- auth=- key=?[JKS]+pw alias=server trust=jdk-cacerts unknown=cipher-suite-filter="DEFAULT:!RC4"',
      ],
    ],
    [
      'configuration directory not placed: a store of that name beside the file is not taken',
      {
        'examples/ssl/standalone.xml': elytronXml('<server-ssl-context name="httpsSSC" key-manager="httpsKM"/>'),
        'examples/ssl/key.jks': store('key.jks'),
      },
      [
        'ports=8443 protocols=TLSv1,TLSv1.1,TLSv1.2(default) suites=- auth=- key=?[JKS]+pw alias=server trust=jdk-cacerts unknown=-',
      ],
    ],
    [
      'a Dockerfile copying the file into /opt/jboss/wildfly/standalone/configuration places the directory',
      {
        'app/Dockerfile':
          'FROM quay.io/wildfly/wildfly:26.1.3.Final-jdk17\nCOPY standalone.xml /opt/jboss/wildfly/standalone/configuration/\nCOPY tls/key.jks /opt/jboss/wildfly/standalone/configuration/key.jks\n',
        'app/standalone.xml': elytronXml('<server-ssl-context name="httpsSSC" key-manager="httpsKM"/>'),
        'app/tls/key.jks': store('key.jks'),
      },
      [
        'ports=8443 protocols=TLSv1,TLSv1.1,TLSv1.2(default) suites=- auth=- key=key.jks[JKS]+pw alias=server trust=jdk-cacerts unknown=-',
      ],
    ],
    [
      // Marvin1912/wildfly_domain@99b3be3 (no licence: shape only): domain.xml profiles name key-store domainKS
      // <file path="server.keystore" relative-to="jboss.domain.config.dir"/>, the managed domain's configuration directory.
      'a managed domain: domain.xml in domain/configuration places jboss.domain.config.dir',
      {
        'wf/domain/configuration/domain.xml': domainXml('jboss.domain.config.dir'),
        'wf/domain/configuration/key.jks': store('key.jks'),
      },
      [
        'ports=8443 protocols=TLSv1.2(file) suites=- auth=- key=key.jks[JKS]+pw alias=server trust=jdk-cacerts unknown=-',
      ],
    ],
    [
      'a standalone server has no jboss.domain.config.dir: the store is not taken from beside the file',
      {
        'wf/standalone/configuration/standalone.xml': elytronXml(
          '<server-ssl-context name="httpsSSC" protocols="TLSv1.2" key-manager="httpsKM"/>',
        ).replace(
          'path="key.jks" relative-to="jboss.server.config.dir"',
          'path="key.jks" relative-to="jboss.domain.config.dir"',
        ),
        'wf/standalone/configuration/key.jks': store('key.jks'),
      },
      ['ports=8443 protocols=TLSv1.2(file) suites=- auth=- key=?[JKS]+pw alias=server trust=jdk-cacerts unknown=-'],
    ],
    [
      'legacy security realm: keystore, alias, truststore, verify-client and enabled-protocols',
      {
        'wf/standalone/configuration/standalone.xml': REALM_XML,
        'wf/standalone/configuration/key.jks': store('key.jks'),
        'wf/standalone/configuration/trust.jks': store('trust.jks'),
      },
      [
        'ports=9443 protocols=TLSv1.1,TLSv1.2(file) suites=- auth=required key=key.jks[JKS]+pw alias=server trust=trust.jks unknown=-',
      ],
    ],
    [
      // nghijits/wildfly26-KBANK@6459f93: standalone_xml_history/{standalone.initial,boot}.xml and current/standalone.v1-3.xml.
      'the configuration history the server writes (standalone_xml_history) is no server',
      {
        'wf/standalone/configuration/standalone_xml_history/standalone.initial.xml': elytronXml(
          '<server-ssl-context name="httpsSSC" key-manager="httpsKM"/>',
        ),
        'wf/standalone/configuration/standalone_xml_history/current/standalone.v1.xml': elytronXml(
          '<server-ssl-context name="httpsSSC" key-manager="httpsKM"/>',
        ),
      },
      [],
    ],
    [
      // markash/eap-configuration@b061d1e9: standalone.xml, standalone-ha.xml, standalone-full-ha.xml… in one directory.
      'configurations side by side serving different TLS on one port: which one runs is unknown',
      {
        'wf/standalone/configuration/standalone.xml': elytronXml(
          '<server-ssl-context name="httpsSSC" protocols="TLSv1.2" key-manager="httpsKM"/>',
        ),
        'wf/standalone/configuration/standalone-ha.xml': elytronXml(
          '<server-ssl-context name="httpsSSC" protocols="TLSv1.3" cipher-suite-names="TLS_AES_128_GCM_SHA256" key-manager="httpsKM"/>',
        ),
      },
      [
        'ports=8443 protocols=TLSv1.3(file) suites=- auth=- key=?[JKS]+pw alias=server trust=jdk-cacerts unknown=the configuration file the server starts with (standalone.sh -c / --server-config: standalone-ha.xml or standalone.xml)',
        'ports=8443 protocols=TLSv1.2(file) suites=- auth=- key=?[JKS]+pw alias=server trust=jdk-cacerts unknown=the configuration file the server starts with (standalone.sh -c / --server-config: standalone-ha.xml or standalone.xml)',
      ],
    ],
    [
      'configurations side by side serving the same TLS: the verdict holds whichever runs',
      {
        'wf/standalone/configuration/standalone.xml': elytronXml(
          '<server-ssl-context name="httpsSSC" protocols="TLSv1.2" key-manager="httpsKM"/>',
        ),
        'wf/standalone/configuration/standalone-full.xml': elytronXml(
          '<server-ssl-context name="httpsSSC" protocols="TLSv1.2" key-manager="httpsKM"/>',
        ),
      },
      [
        'ports=8443 protocols=TLSv1.2(file) suites=- auth=- key=?[JKS]+pw alias=server trust=jdk-cacerts unknown=-',
        'ports=8443 protocols=TLSv1.2(file) suites=- auth=- key=?[JKS]+pw alias=server trust=jdk-cacerts unknown=-',
      ],
    ],
    [
      'a listener whose ssl-context the file does not define is left out',
      {
        'wf/standalone/configuration/standalone.xml': elytronXml(
          '<server-ssl-context name="other" key-manager="httpsKM"/>',
        ),
      },
      [],
    ],
  ])('%s', (_name, files, expected) => {
    expect(listeners(files).map(summary)).toEqual(expected);
  });
});

/**
 * A jboss-cli script of an image (the shape of the keycloak and wildfly-s2i scripts: key-store, key-manager,
 * server-ssl-context added, the default https listener bound to it): `context` is the server-ssl-context's parameters.
 */
function cliScript(context: string, after = '', bind = true): string {
  return [
    'embed-server --server-config=standalone.xml',
    'batch',
    '/subsystem=elytron/key-store=httpsKS:add(path=/opt/certs/key.jks, credential-reference={clear-text=${env.KS_PASSWORD}}, type=JKS)',
    '/subsystem=elytron/key-manager=httpsKM:add(key-store=httpsKS, alias-filter=server, credential-reference={clear-text=${env.KS_PASSWORD}})',
    `/subsystem=elytron/server-ssl-context=httpsSSC:add(key-manager=httpsKM${context})`,
    ...(bind
      ? [
          '/subsystem=undertow/server=default-server/https-listener=https:undefine-attribute(name=security-realm)',
          '/subsystem=undertow/server=default-server/https-listener=https:write-attribute(name=ssl-context, value=httpsSSC)',
        ]
      : []),
    after,
    'run-batch',
    '',
  ].join('\n');
}

const IMAGE =
  'FROM quay.io/wildfly/wildfly:26.1.3.Final-jdk17\nCOPY tls/key.jks /opt/certs/key.jks\nCOPY configure.cli /tmp/\nRUN /opt/jboss/wildfly/bin/jboss-cli.sh --file=/tmp/configure.cli\n';

describe('WildFly HTTPS listeners a jboss-cli script configures', () => {
  it.each<[string, Tree, string[]]>([
    [
      'protocols as a CLI list, SSLv2Hello kept; the key store the image copies found',
      {
        'app/Dockerfile': IMAGE,
        'app/tls/key.jks': store('key.jks'),
        'app/configure.cli': cliScript(', protocols=["TLSv1.2","SSLv2Hello"], need-client-auth=true'),
      },
      [
        'ports= protocols=TLSv1.2,SSLv2Hello(file) suites=- auth=required key=key.jks[JKS]+pw alias=server trust=jdk-cacerts unknown=-',
      ],
    ],
    [
      'a later write-attribute of protocols wins',
      {
        'app/Dockerfile': IMAGE,
        'app/configure.cli': cliScript(
          '',
          '/subsystem=elytron/server-ssl-context=httpsSSC:write-attribute(name=protocols, value=["TLSv1.1","TLSv1.2"])',
        ),
      },
      ['ports= protocols=TLSv1.1,TLSv1.2(file) suites=- auth=- key=?[JKS]+pw alias=server trust=jdk-cacerts unknown=-'],
    ],
    [
      'a key store relative to jboss.server.config.dir, which the tree does not place: named, not found',
      {
        'app/configure.cli': cliScript('').replace(
          'path=/opt/certs/key.jks',
          'path=key.jks, relative-to=jboss.server.config.dir',
        ),
        'app/key.jks': store('key.jks'),
      },
      [
        'ports= protocols=TLSv1,TLSv1.1,TLSv1.2(default) suites=- auth=- key=?[JKS]+pw alias=server trust=jdk-cacerts unknown=-',
      ],
    ],
    [
      'a context no listener is bound to, and a listener bound to a context the image defines: no listener',
      {
        'a/configure.cli': cliScript(', protocols=["TLSv1"]', '', false),
        'b/configure.cli':
          '/subsystem=elytron/server-ssl-context=applicationSSC:write-attribute(name=protocols, value=["TLSv1"])\n/subsystem=undertow/server=default-server/https-listener=https:write-attribute(name=ssl-context, value=applicationSSC)\n',
      },
      [],
    ],
    [
      'a context removed and added again: the second :add is the context',
      {
        'app/configure.cli': cliScript(
          ', protocols=["TLSv1"]',
          '/subsystem=elytron/server-ssl-context=httpsSSC:remove()\n/subsystem=elytron/server-ssl-context=httpsSSC:add(key-manager=httpsKM, protocols=[TLSv1.3], cipher-suite-names=TLS_AES_128_GCM_SHA256)',
        ),
      },
      ['ports= protocols=TLSv1.3(file) suites=- auth=- key=?[JKS]+pw alias=server trust=jdk-cacerts unknown=-'],
    ],
  ])('%s', (_name, files, expected) => {
    expect(listeners(files).map(summary)).toEqual(expected);
  });
});

describe('the JDK a WildFly image runs (jdk-locations.json)', () => {
  it.each<[string, string | undefined]>([
    ['quay.io/wildfly/wildfly:26.1.3.Final-jdk17', 'temurin 17'],
    ['jboss/wildfly:20.0.1.Final', 'redhat 11'],
    ['jboss/wildfly:10.1.0.Final', 'redhat 8'],
    ['quay.io/wildfly/wildfly:latest', undefined],
  ])('FROM %s: %s', (image, expected) => {
    const [listener] = listeners({
      'app/Dockerfile': `FROM ${image}\nCOPY standalone.xml /opt/jboss/wildfly/standalone/configuration/\n`,
      'app/standalone.xml': elytronXml('<server-ssl-context name="httpsSSC" key-manager="httpsKM"/>'),
    });
    const runtime = listener?.runtime;
    const feature = runtime?.attachment?.feature ?? runtime?.version.value;
    expect(runtime && feature ? `${runtime.vendor.value} ${feature}` : undefined).toBe(expected);
  });
});
