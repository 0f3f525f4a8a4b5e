import * as path from 'node:path';
import { lintTree } from './lint-helper';

// JeffTsengTwn/tomcat_letsencrypt_setup@e599562 (no licence file; shape only): tomcat/conf/server.xml holds
// keystorePass="<changeit>", which tomcat_ssl.sh replaces with the password it reads before Tomcat starts.
const SERVER_XML = `<Server port="8005" shutdown="SHUTDOWN">
  <Service name="Catalina">
    <Connector port="8443" protocol="org.apache.coyote.http11.Http11Protocol" SSLEnabled="true" scheme="https"
               secure="true" clientAuth="false" sslProtocol="TLS"
               keystoreFile="/opt/tomcat/conf/MyDSKeyStore.jks" keystorePass="<changeit>"
               keyAlias="tomcat" keyPass="<changeit>"/>
  </Service>
</Server>
`;
const SCRIPT = `read -p "Please input your password:  " password
sed -i 's/<changeit>/'\${password}'/g' /opt/tomcat/conf/server.xml
`;

describe('values a script of the tree fills in with sed', () => {
  // `<changeit>` inside an attribute value is a fill-in placeholder (src/parse/template-fill-ins.ts, any name since
  // session 55): an info naming it, the file read as a template, with or without the script that fills it in; with
  // the script, the info names the line that fills it (as the script-filled value's info did before session 55).
  it('a server.xml that is not well-formed only where the script puts the password: an info naming it and the script', () => {
    const { findings, root } = lintTree(
      { 'tomcat/conf/server.xml': SERVER_XML, 'tomcat_ssl.sh': SCRIPT },
      { builtIn: ['security/plaintext-secret'] },
    );
    expect(findings.map((f) => [f.ruleId, f.severity, (f.location.range?.start.line ?? 0) + 1])).toEqual([
      ['parse/template-placeholders', 'info', 5],
    ]);
    expect(findings[0]!.message).toContain('fill-in placeholders (<changeit>)');
    expect(findings[0]!.message).toContain('; tomcat_ssl.sh:2 replaces <changeit> when it runs');
    expect(
      findings[0]!.related?.map((r) => [
        path.relative(root, r.file),
        (r.range?.start.line ?? 0) + 1,
        (r.range?.start.character ?? 0) + 1,
      ]),
    ).toEqual([['tomcat_ssl.sh', 2, 11]]);
  });

  it('without the script the file is a template to complete: the same info, not an error', () => {
    const { findings } = lintTree({ 'tomcat/conf/server.xml': SERVER_XML }, { builtIn: ['security/plaintext-secret'] });
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['parse/template-placeholders', 'info']]);
  });

  it('a script replacing another literal: still the placeholder info', () => {
    const { findings } = lintTree({
      'tomcat/conf/server.xml': SERVER_XML,
      'tomcat_ssl.sh': "sed -i 's/REPLACE_ME/'${password}'/g' /opt/tomcat/conf/server.xml\n",
    });
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['parse/template-placeholders', 'info']]);
    expect(findings[0]!.message).not.toContain('replaces');
  });

  it('a script that fills in a value XML can hold (no angle brackets) leaves the file as it is', () => {
    const { findings } = lintTree({
      'tomcat/conf/server.xml': SERVER_XML.replaceAll('<changeit>', 'CHANGEIT'),
      'tomcat_ssl.sh': "sed -i 's/CHANGEIT/'${password}'/g' /opt/tomcat/conf/server.xml\n",
    });
    expect(findings.filter((f) => f.ruleId.startsWith('parse/'))).toEqual([]);
  });
});
