import rule from '../../../src/rules/tls/weak-protocol-enabled';
import { ruleTester } from '../../helpers/rule-tester';
import { OPENJDK8_191, TEMURIN17, liberty, nginx } from './trees';

/** naebrae/ansible_certslab@b77ab1c's backend: a `server … ssl` line that leaves TLSv1 and TLSv1.1 on (line 7). */
const haproxy = (server: string) =>
  [
    'global',
    '    ssl-default-server-options no-sslv3',
    'defaults',
    '    mode http',
    'backend be_apache',
    '    balance roundrobin',
    `    server s1 10.0.0.5:443 ssl verify none ${server}`,
    '',
  ].join('\n');

/** A standalone.xml whose applicationSSC enables TLSv1.1 and TLSv1.2 (line 4), and a script that edits it. */
const WILDFLY_XML = `<server xmlns="urn:jboss:domain:19.0"><profile>
<subsystem xmlns="urn:wildfly:elytron:15.0"><tls>
<key-stores><key-store name="ks"><implementation type="JKS"/><file path="/opt/k.jks"/></key-store></key-stores><key-managers><key-manager name="km" key-store="ks"/></key-managers>
<server-ssl-contexts><server-ssl-context name="applicationSSC" protocols="TLSv1.1 TLSv1.2" key-manager="km"/></server-ssl-contexts>
</tls></subsystem>
<subsystem xmlns="urn:jboss:domain:undertow:13.0"><server name="default-server"><https-listener name="https" socket-binding="https" ssl-context="applicationSSC"/></server></subsystem>
</profile><socket-binding-group name="s"><socket-binding name="https" port="8443"/></socket-binding-group></server>
`;
const wildflyEdited = (protocols: string) => ({
  'wf/standalone/configuration/standalone.xml': WILDFLY_XML,
  'wf/configure.cli': `embed-server --server-config=standalone.xml\n/subsystem=elytron/server-ssl-context=applicationSSC:write-attribute(name=protocols, value=${protocols})\nstop-embedded-server\n`,
});

ruleTester(rule, {
  valid: [
    {
      name: 'WildFly: the jboss-cli script that edits standalone.xml replaces its TLSv1.1 with TLSv1.2: one server, as edited',
      files: wildflyEdited('[TLSv1.2]'),
    },
    {
      name: 'Liberty TLSv1.2,TLSv1.3',
      files: { 'api/jdk/release': OPENJDK8_191, 'api/server.xml': liberty('sslProtocol="TLSv1.2,TLSv1.3"') },
    },
    {
      name: 'Liberty TLSv1 on JDK 17: the runtime disables it (java/protocol-disabled-by-runtime)',
      files: { 'api/jdk/release': TEMURIN17, 'api/server.xml': liberty('sslProtocol="TLSv1,TLSv1.2"') },
    },
    {
      name: 'Liberty TLSv1 on FROM eclipse-temurin:17-jre (no update named): every 17 update disables it',
      files: {
        'api/Dockerfile': 'FROM eclipse-temurin:17-jre\n',
        'api/server.xml': liberty('sslProtocol="TLSv1,TLSv1.2"'),
      },
    },
    {
      name: 'nginx servers are tls/server-allows-legacy-protocols',
      files: { 'api/nginx.conf': nginx('ssl_protocols TLSv1 TLSv1.2;') },
    },
    {
      name: 'runtime default protocols are not reported',
      files: { 'api/jdk/release': OPENJDK8_191, 'api/server.xml': liberty('') },
    },
    {
      // 8u291 disables TLSv1.1 and the name's images start at 8u302 (adoptium/containers@733485c4): no update it ran
      // enables it (java/protocol-disabled-by-runtime says it is dropped).
      name: 'Liberty TLSv1.1 on FROM eclipse-temurin:8-jre (no update named): every update the name carried disables it',
      files: {
        'api/Dockerfile': 'FROM eclipse-temurin:8-jre\n',
        'api/server.xml': liberty('sslProtocol="TLSv1.1,TLSv1.2"'),
      },
    },
  ],
  invalid: [
    {
      name: 'WildFly: the script enables TLSv1 on the context of the standalone.xml it edits: once, at the script line',
      files: wildflyEdited('[TLSv1,TLSv1.2]'),
      errors: [
        {
          messageId: 'weak',
          file: 'wf/configure.cli',
          line: 2,
          messageIncludes: ['(wf/standalone/configuration/standalone.xml edited by wf/configure.cli) enables TLSv1 '],
        },
      ],
    },
    {
      // Measured with HAProxy 2.6.12 on OpenSSL 3.0.19: a TLS 1.1 backend picking ECDHE-RSA-AES128-SHA gives 503,
      // AES128-SHA 200. The tree names no OpenSSL: both outcomes, still a warning.
      name: 'HAProxy server line with TLSv1/1.1, no OpenSSL named: OpenSSL 3 refuses their signed key exchanges, 1.1.1 does not',
      files: { 'lb/haproxy.cfg': haproxy('') },
      errors: [
        {
          messageId: 'weakOpensslOpen',
          severity: 'warning',
          file: 'lb/haproxy.cfg',
          line: 2,
          messageIncludes: [
            'enables TLSv1, TLSv1.1 (deprecated by RFC 8996); what they do depends on the OpenSSL release HAProxy runs',
            "With OpenSSL 3 only a static-RSA suite (no forward secrecy) connects over them, and a server that picks an ECDHE or DHE suite there fails the handshake (alert internal_error, 'legacy sigalg disallowed or unsupported')",
          ],
        },
      ],
    },
    {
      name: 'HAProxy server line with TLSv1/1.1 in FROM haproxy:3.1 (OpenSSL 3 in every image of the tag): only static RSA connects over them',
      files: {
        'lb/haproxy.cfg': haproxy(''),
        'lb/Dockerfile': 'FROM haproxy:3.1\nCOPY haproxy.cfg /usr/local/etc/haproxy/haproxy.cfg\n',
      },
      errors: [
        {
          messageId: 'weakSignedRefused',
          severity: 'warning',
          file: 'lb/haproxy.cfg',
          line: 2,
          messageIncludes: ['but its OpenSSL 3', 'accepts no signed TLS 1.0/1.1 key exchange above security level 0'],
        },
      ],
    },
    {
      name: 'HAProxy server line with @SECLEVEL=0 in its ciphers: TLSv1/1.1 connect on any OpenSSL',
      files: {
        'lb/haproxy.cfg': haproxy('ciphers DEFAULT@SECLEVEL=0'),
        'lb/Dockerfile': 'FROM haproxy:3.1\nCOPY haproxy.cfg /usr/local/etc/haproxy/haproxy.cfg\n',
      },
      errors: [{ messageId: 'weak', file: 'lb/haproxy.cfg', line: 2, messageExcludes: ['static-RSA'] }],
    },
    {
      name: 'Liberty TLSv1.1 on OpenJDK 8u191 (still enabled there)',
      files: { 'api/jdk/release': OPENJDK8_191, 'api/server.xml': liberty('sslProtocol="TLSv1.1,TLSv1.2"') },
      errors: [
        {
          messageId: 'weak',
          file: 'api/server.xml',
          line: 5,
          messageIncludes: ['enables TLSv1.1 (deprecated by RFC 8996)'],
        },
      ],
    },
    {
      // 8 GA to 8u290 leave TLSv1.1 enabled (8u291 disables it): the latest update's lists alone would hide it.
      name: 'Liberty TLSv1.1 on FROM adoptopenjdk:8-jre-hotspot (no update named): enabled on some 8 updates',
      files: {
        'api/Dockerfile': 'FROM adoptopenjdk:8-jre-hotspot\n',
        'api/server.xml': liberty('sslProtocol="TLSv1.1,TLSv1.2"'),
      },
      errors: [{ messageId: 'weak', file: 'api/server.xml', line: 5, messageIncludes: ['enables TLSv1.1'] }],
    },
  ],
});
