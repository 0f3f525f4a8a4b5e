import rule from '../../../src/rules/java/jboss-cli-target-unknown';
import { ruleTester } from '../../helpers/rule-tester';

/** WildFly 26's standalone.xml TLS as shipped (applicationSSC), trimmed to the listener and its context. */
const STANDALONE = `<server xmlns="urn:jboss:domain:19.0"><profile>
<subsystem xmlns="urn:wildfly:elytron:15.0"><tls>
<key-stores><key-store name="applicationKS"><credential-reference clear-text="password"/><implementation type="JKS"/><file path="application.keystore" relative-to="jboss.server.config.dir"/></key-store></key-stores>
<key-managers><key-manager name="applicationKM" key-store="applicationKS" generate-self-signed-certificate-host="localhost"><credential-reference clear-text="password"/></key-manager></key-managers>
<server-ssl-contexts><server-ssl-context name="applicationSSC" key-manager="applicationKM"/></server-ssl-contexts>
</tls></subsystem>
<subsystem xmlns="urn:jboss:domain:undertow:13.0"><server name="default-server"><https-listener name="https" socket-binding="https" ssl-context="applicationSSC"/></server></subsystem>
</profile>
<socket-binding-group name="standard-sockets" default-interface="public"><socket-binding name="https" port="8443"/></socket-binding-group>
</server>
`;

/** wildfly-security-incubator/elytron-examples@9d6e80a sslv2hello-oneway/configure-ssl.cli, with TLSv1.2. */
const SCRIPT = [
  'batch',
  '/subsystem=elytron/key-store=qsKeyStore:add(path=server.keystore,relative-to=jboss.server.config.dir,type=JKS,credential-reference={clear-text=secret})',
  '/subsystem=elytron/key-manager=qsKeyManager:add(key-store=qsKeyStore,credential-reference={clear-text=secret})',
  '/subsystem=elytron/server-ssl-context=qsSSLContext:add(key-manager=qsKeyManager,protocols=[TLSv1.2])',
  '/subsystem=undertow/server=default-server/https-listener=https:undefine-attribute(name=security-realm)',
  '/subsystem=undertow/server=default-server/https-listener=https:write-attribute(name=ssl-context,value=qsSSLContext)',
  'run-batch',
  'reload',
  '',
].join('\n');

ruleTester(rule, {
  valid: [
    {
      name: 'the script edits the standalone.xml beside it: one server, nothing unknown',
      files: { 'wf/standalone/configuration/standalone.xml': STANDALONE, 'wf/configure-ssl.cli': SCRIPT },
    },
    {
      name: 'embed-server names the file the tree holds',
      files: {
        'wf/standalone/configuration/standalone-full.xml': STANDALONE,
        'wf/configure-ssl.cli': `embed-server --server-config=standalone-full.xml\n${SCRIPT}`,
      },
    },
    {
      name: 'a script that configures no HTTPS listener',
      files: {
        'app/datasource.cli': '/subsystem=datasources/data-source=DS:write-attribute(name=max-pool-size, value=20)\n',
      },
    },
    { name: 'a configuration file alone', files: { 'wf/standalone/configuration/standalone.xml': STANDALONE } },
  ],
  invalid: [
    {
      name: 'a script alone, run against a server the tree does not hold',
      files: { 'sslv2hello-oneway/configure-ssl.cli': SCRIPT },
      errors: [
        {
          messageId: 'targetUnknown',
          file: 'sslv2hello-oneway/configure-ssl.cli',
          line: 6,
          severity: 'info',
          messageIncludes: [
            'configure-ssl.cli configures WildFly HTTPS listener https',
            'it names no configuration file (no embed-server, no Dockerfile RUN) and the tree holds no standalone.xml beside it',
          ],
        },
      ],
    },
    {
      name: 'embed-server names standalone-full.xml, the tree holds standalone.xml only',
      files: {
        'wf/standalone/configuration/standalone.xml': STANDALONE,
        'wf/configure-ssl.cli': `embed-server --server-config=standalone-full.xml --std-out=echo\n${SCRIPT}`,
      },
      errors: [
        {
          messageId: 'targetUnknown',
          file: 'wf/configure-ssl.cli',
          line: 7,
          messageIncludes: ['its embed-server edits standalone-full.xml, and the tree holds none beside it'],
        },
      ],
    },
    {
      name: 'an image runs the script on its own standalone.xml',
      files: {
        'app/Dockerfile':
          'FROM quay.io/wildfly/wildfly:26.1.3.Final-jdk17\nCOPY configure-ssl.cli /tmp/\nRUN /opt/jboss/wildfly/bin/jboss-cli.sh --file=/tmp/configure-ssl.cli\n',
        'app/configure-ssl.cli': `embed-server\n${SCRIPT}`,
      },
      errors: [
        {
          messageId: 'targetUnknown',
          file: 'app/configure-ssl.cli',
          line: 7,
          messageIncludes: [
            'the image of app/Dockerfile runs it on its own standalone.xml, which the tree does not hold',
          ],
        },
      ],
    },
  ],
});
