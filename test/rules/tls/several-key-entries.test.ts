/**
 * A server whose key store holds several key entries and whose configuration names no alias: JSSE's key manager picks
 * one (Open Liberty's WSX509KeyManager.chooseServerAlias hands the choice to the JDK's key manager when no
 * serverKeyAlias is set: OpenLiberty/open-liberty@0acd14b dev/com.ibm.ws.ssl/src/com/ibm/ws/ssl/core/
 * WSX509KeyManager.java; on OpenJDK 17 SunX509 takes the first of a HashMap of the aliases, PKIX the store's order), so
 * the verdict stands only when every entry gets the same one, and the message names every entry, not the first as the
 * one presented. Shaped like bpaskin/Liberty-SSL-Context@b10966f (no licence file): Liberty's key.p12 with two key
 * entries and no serverKeyAlias. server-two-keys.p12: 'api' (under Fixture Issuing CA) and 'legacy' (self-signed).
 */
import trustUnknown from '../../../src/rules/tls/certificate-trust-unknown';
import untrusted from '../../../src/rules/tls/untrusted-server-certificate';
import { ruleTester, type Tree } from '../../helpers/rule-tester';
import { javaClient, store } from './trust-trees';

const LIBERTY = 'api/src/main/liberty/config';
const libertyServer = (keyStore: string, alias = ''): Tree => ({
  [`${LIBERTY}/resources/security/key.p12`]: store(keyStore),
  [`${LIBERTY}/server.xml`]: [
    '<server>',
    '  <featureManager><feature>servlet-6.0</feature><feature>transportSecurity-1.0</feature></featureManager>',
    '  <httpEndpoint id="defaultHttpEndpoint" host="*" httpPort="9080" httpsPort="8443"/>',
    '  <keyStore id="defaultKeyStore" location="${server.config.dir}/resources/security/key.p12" password="${KEY_PASSWORD}"/>',
    ...(alias ? [`  <ssl id="defaultSSLConfig" keyStoreRef="defaultKeyStore" serverKeyAlias="${alias}"/>`] : []),
    '</server>',
    '',
  ].join('\n'),
});

ruleTester(trustUnknown, {
  valid: [
    {
      name: 'serverKeyAlias names the entry: its chain is judged (trusted)',
      files: { ...libertyServer('server-two-keys.p12', 'api'), ...javaClient({ trustStore: 'trust-root.jks' }) },
    },
  ],
  invalid: [
    {
      name: 'two key entries, no serverKeyAlias: unknown, and both entries named',
      files: { ...libertyServer('server-two-keys.p12'), ...javaClient({ trustStore: 'trust-root.jks' }) },
      errors: [
        {
          messageId: 'serverUnknown',
          file: 'client/jvm.options',
          line: 1,
          messageIncludes: [
            '(api.example.internal ← Fixture Issuing CA, or legacy.example.internal)',
            "several key entries ('api', 'legacy') and its configuration names no alias",
          ],
        },
      ],
    },
  ],
});

ruleTester(untrusted, {
  valid: [],
  invalid: [
    {
      // Neither entry is under a root the client trusts: the link fails whichever is presented, and both are said.
      name: 'two key entries, no serverKeyAlias, neither trusted: a failure naming both',
      files: { ...libertyServer('server-two-keys.p12'), ...javaClient({ trustStore: 'trust-other.jks' }) },
      errors: [
        {
          messageId: 'untrusted',
          file: 'client/jvm.options',
          line: 1,
          messageIncludes: [
            '(api.example.internal ← Fixture Issuing CA, or legacy.example.internal): whichever of them it presents',
          ],
        },
      ],
    },
  ],
});
