/**
 * A Liberty key store is used only through a reference to its id (an `<ssl>` keyStoreRef/trustStoreRef, another
 * element's `…Ref`), or as defaultKeyStore, which Liberty's defaultSSLConfig is built on
 * (https://openliberty.io/docs/latest/reference/config/keyStore.html, .../config/ssl.html). msolberg/was-demo@bba6513
 * (GPL-3.0) liberty/config/server.xml defines validationKeystore beside an ssl on defaultKeyStore and refers to it nowhere.
 */
import { cert } from '../rules/cert/cert-rules.trees';
import { modelOf, type Tree } from '../helpers/rule-tester';

/** msolberg/was-demo's server.xml in small: `features`, and `extra` elements inside <server>. */
function tree(extra: string, features = ['appSecurity-2.0', 'jwtSso-1.0']): Tree {
  return {
    'liberty/config/server.xml': [
      '<server>',
      `  <featureManager>${features.map((f) => `<feature>${f}</feature>`).join('')}</featureManager>`,
      '  <httpEndpoint id="defaultHttpEndpoint" host="*" httpPort="9080" httpsPort="9443"/>',
      '  <keyStore id="defaultKeyStore" password="changeit" type="PEM"',
      '            location="${server.config.dir}/resources/security/key.crt"/>',
      '  <keyStore id="validationKeystore" type="PEM"',
      '            location="${server.config.dir}/resources/security/validation.crt"/>',
      '  <sslDefault sslRef="RpSSLConfig"/>',
      extra,
      '</server>',
      '',
    ].join('\n'),
    'liberty/config/resources/security/key.crt': cert('qmprod1.crt'),
    'liberty/config/resources/security/validation.crt': cert('qmprod1.crt'),
  };
}

const unreferenced = (files: Tree) =>
  (modelOf(files).unservedTls ?? []).flatMap((u) =>
    u.why.kind === 'liberty-keystore-unreferenced' ? [[u.why.id, u.stores.map((s) => s.setting)]] : [],
  );

describe('Liberty key stores nothing refers to', () => {
  it('was-demo: validationKeystore, which no element names, and not defaultKeyStore', () => {
    expect(unreferenced(tree('  <ssl id="RpSSLConfig" keyStoreRef="defaultKeyStore"/>'))).toEqual([
      ['validationKeystore', ['<keyStore id="validationKeystore">']],
    ]);
  });

  it.each<[string, Tree]>([
    [
      'an <ssl> trustStoreRef',
      tree('  <ssl id="RpSSLConfig" keyStoreRef="defaultKeyStore" trustStoreRef="validationKeystore"/>'),
    ],
    [
      "a jwtBuilder's keyStoreRef",
      tree(
        '  <ssl id="RpSSLConfig" keyStoreRef="defaultKeyStore"/>\n  <jwtBuilder id="b" keyStoreRef="validationKeystore"/>',
      ),
    ],
    [
      'a variable as trustStoreRef (it may be any)',
      tree('  <ssl id="RpSSLConfig" keyStoreRef="defaultKeyStore" trustStoreRef="${ts}"/>'),
    ],
    [
      'a feature the knowledge does not list (it may look key stores up by id)',
      tree('  <ssl id="RpSSLConfig" keyStoreRef="defaultKeyStore"/>', ['appSecurity-2.0', 'collectiveController-1.0']),
    ],
    [
      'an include the tree does not hold',
      tree('  <ssl id="RpSSLConfig" keyStoreRef="defaultKeyStore"/>\n  <include location="security.xml"/>'),
    ],
    ['a server with no SSL feature (no-ssl-feature says it)', tree('', ['servlet-6.0'])],
  ])('none when %s', (_name, files) => {
    expect(unreferenced(files)).toEqual([]);
  });
});

describe("a Liberty server's own stores: the ones its key stores name", () => {
  const homes = (files: Tree) =>
    (modelOf(files).libertyStoreHomes ?? []).map((h) => h.files.map((f) => f.split('/').slice(-1)[0]));

  it('every location resolved: those files, the unreferenced one too', () => {
    expect(homes(tree('  <ssl id="RpSSLConfig" keyStoreRef="defaultKeyStore"/>'))).toEqual([
      ['key.crt', 'validation.crt'],
    ]);
  });

  it('a location by a variable nothing sets: none (it may be any file of the directory)', () => {
    const files = tree('  <ssl id="RpSSLConfig" keyStoreRef="defaultKeyStore"/>');
    files['liberty/config/server.xml'] = (files['liberty/config/server.xml'] as string).replace(
      '${server.config.dir}/resources/security/validation.crt',
      '${env.VALIDATION_STORE}',
    );
    expect(homes(files)).toEqual([]);
  });
});
