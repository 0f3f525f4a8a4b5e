import rule from '../../../src/rules/cert/expired';
import { ruleTester, runRule, type InvalidCase } from '../../helpers/rule-tester';
import { cert } from './cert-rules.trees';

/**
 * OpenLiberty/liberty-bikes@c0f296a (EPL-1.0) player-service/src/main/liberty/config/server.xml's shape: `<sslDefault>` →
 * `<ssl keyStoreRef>` → `<keyStore location>`, served by an `<httpEndpoint>` whose httpsPort is a variable the tree does
 * not set (the Gradle build and the Dockerfile write it into bootstrap.properties). The endpoint was dropped with its
 * unknown port, and the key store's certificate was explained by the directory it lies in ("MQ and WebSphere pick
 * certificates there by label").
 */
function libertyBikes(httpsPort: string, password = 'secret2'): Record<string, string> {
  return {
    'player-service/config/server.xml': [
      '<server>',
      '  <featureManager><feature>transportSecurity-1.0</feature><feature>jaxrs-2.1</feature></featureManager>',
      '  <sslDefault sslRef="RpSSLConfig"/>',
      '  <ssl id="RpSSLConfig" keyStoreRef="validationKeystore" trustStoreRef="validationKeystore"/>',
      `  <keyStore id="validationKeystore" password="${password}" type="PEM"`,
      '            location="${server.config.dir}resources/security/validation.crt"/>',
      `  <httpEndpoint id="defaultHttpEndpoint" host="*" httpPort="9080" httpsPort="${httpsPort}"/>`,
      '</server>',
      '',
    ].join('\n'),
    'player-service/config/resources/security/validation.crt': cert('qmprod1.crt'),
  };
}

/** A certificate lying beside an MQSC script that names no file (MQ selects certificates by label). */
const besideMqsc = {
  'qm/qm.mqsc': "DEFINE QLOCAL('APP.IN') MAXDEPTH(5000)\n",
  'qm/qm1.crt': cert('qmprod1.crt'),
};

/**
 * A Liberty server whose include names a file by a variable nothing sets: its key stores are not settled, so a store in
 * its directory may be one of them. Its default key store's password is `Liberty`, a word of the explanation.
 */
const besideUnsettledLiberty = {
  'app/config/server.xml': [
    '<server>',
    '  <featureManager><feature>transportSecurity-1.0</feature></featureManager>',
    '  <include location="${env.TLS_CONFIG}"/>',
    '  <keyStore id="defaultKeyStore" password="Liberty"/>',
    '  <httpEndpoint id="defaultHttpEndpoint" host="*" httpsPort="9443"/>',
    '</server>',
    '',
  ].join('\n'),
  'app/config/api.crt': cert('qmprod1.crt'),
};

/** The finding at the store, its related place the `<keyStore location>` line. */
const expiredAtKeyStoreLocation = [
  {
    messageId: 'expired',
    file: 'player-service/config/resources/security/validation.crt',
    line: 1,
    related: [{ file: 'player-service/config/server.xml', line: 6 }],
  },
];

/** Each case with the words its related place must say (the tester compares related places by file and line). */
const cases: Array<InvalidCase & { says: string }> = [
  {
    name: 'in the key store of a Liberty endpoint whose httpsPort is a variable nothing sets: the endpoint names it',
    files: libertyBikes('${httpsPort}'),
    options: { referenceDate: '2047-01-01' },
    errors: expiredAtKeyStoreLocation,
    says: 'Liberty HTTPS endpoint defaultHttpEndpoint, port ${httpsPort} unresolved (player-service/config/server.xml) names it here',
  },
  {
    name: 'the same with the port set by bootstrap.properties: the endpoint on its port names it',
    files: { ...libertyBikes('${httpsPort}'), 'player-service/config/bootstrap.properties': 'httpsPort=8444\n' },
    options: { referenceDate: '2047-01-01' },
    errors: expiredAtKeyStoreLocation,
    says: 'Liberty HTTPS endpoint defaultHttpEndpoint :8444 (player-service/config/server.xml) names it here',
  },
  {
    name: 'lying beside an MQSC script that names no file: the directory, with what MQ does',
    files: besideMqsc,
    options: { referenceDate: '2047-01-01' },
    errors: [{ messageId: 'expired', file: 'qm/qm1.crt', line: 1, related: [{ file: 'qm/qm.mqsc', line: 1 }] }],
    says: 'it lies in the directory of this configuration, which may use it: MQ selects its certificates by label, not by file name',
  },
  {
    // The password `Liberty` is masked where the tree writes it, never in the explanation's own words.
    name: 'lying beside a Liberty server whose include is unresolved: what Liberty does, nothing of MQ or WebSphere',
    files: besideUnsettledLiberty,
    options: { referenceDate: '2047-01-01' },
    errors: [
      {
        messageId: 'expired',
        file: 'app/config/api.crt',
        line: 1,
        related: [{ file: 'app/config/server.xml', line: 1 }],
      },
    ],
    says: 'it lies in the directory of this configuration, which may use it: a Liberty server opens the key stores its <keyStore> elements name',
  },
];

ruleTester(rule, {
  valid: [
    {
      name: 'the same tree before the certificate expires',
      files: libertyBikes('${httpsPort}'),
      options: { referenceDate: '2030-01-01' },
    },
  ],
  invalid: cases,
});

describe('cert/expired: what the related place says', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, testCase) => {
    const { findings } = runRule(rule, testCase);
    expect(findings.flatMap((f) => (f.related ?? []).map((r) => r.message))).toEqual([testCase.says]);
  });
});
