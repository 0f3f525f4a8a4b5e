import { classifyFile } from '../../src/parse/registry';
import { jbossServerFormat, JBOSS_SERVER_KIND } from '../../src/parse/jboss';

// girirajsharma/wildfly-ssl-examples configuration/wildfly/ssl/standalone.xml: WildFly's root is <server> too, in the
// urn:jboss:domain namespace; a security realm's <ssl><keystore keystore-password=…/></ssl> is no Liberty <ssl>.
const STANDALONE =
  '<?xml version=\'1.0\' encoding=\'UTF-8\'?>\n\n<server xmlns="urn:jboss:domain:3.0">\n  <management>\n    <security-realms>\n      <security-realm name="ManagementRealm">\n        <server-identities>\n          <ssl>\n            <keystore path="RootCA.keystore" relative-to="jboss.server.config.dir" keystore-password="keypassword" key-password="keypassword"/>\n          </ssl>\n        </server-identities>\n      </security-realm>\n    </security-realms>\n  </management>\n</server>\n';

describe('WildFly / JBoss configuration', () => {
  it.each([
    ['standalone.xml', STANDALONE],
    ['domain.xml', '<?xml version="1.0"?>\n<domain xmlns="urn:jboss:domain:20.0">\n</domain>\n'],
    ['host.xml', "<host name='primary' xmlns='urn:jboss:domain:20.0'>\n</host>\n"],
  ])('%s is WildFly configuration, not Liberty', (name, text) => {
    expect(classifyFile(`/t/configuration/${name}`, text)?.kind).toBe(JBOSS_SERVER_KIND);
  });

  it('a Liberty server.xml (no namespace) stays Liberty, an XML of another namespace is not WildFly', () => {
    expect(classifyFile('/t/wlp/server.xml', '<server description="x">\n  <featureManager/>\n</server>\n')?.kind).toBe(
      'liberty.server-xml',
    );
    expect(jbossServerFormat.classify('/t/x.xml', '<server xmlns="urn:example:other">\n</server>\n')).toBeUndefined();
  });

  it('reads its attributes as settings: a keystore password is a secret', () => {
    const doc = jbossServerFormat.parse(
      { path: '/t/standalone.xml', text: STANDALONE, hadBom: false },
      JBOSS_SERVER_KIND,
    );
    expect(doc.problems).toEqual([]);
    expect(doc.entries.filter((e) => e.secret).map((e) => e.key)).toEqual([
      'keystore@keystore-password',
      'keystore@key-password',
    ]);
  });

  it("an Elytron credential-reference's clear-text is a secret; its store and alias are not", () => {
    // taherb22/wildfly-app-sec-lab@de412c855d1d standalone.xml: <credential-reference clear-text=…> of a key store.
    const text =
      '<server xmlns="urn:jboss:domain:20.0">\n  <key-store name="ks">\n    <credential-reference clear-text="Elytron-Plain-7"/>\n  </key-store>\n  <key-store name="cs-ks">\n    <credential-reference store="cs" alias="ks-pw"/>\n  </key-store>\n</server>\n';
    const doc = jbossServerFormat.parse({ path: '/t/standalone.xml', text, hadBom: false }, JBOSS_SERVER_KIND);
    expect(doc.entries.filter((e) => e.secret).map((e) => [e.key, e.value])).toEqual([
      ['credential-reference@clear-text', 'Elytron-Plain-7'],
    ]);
  });
});
