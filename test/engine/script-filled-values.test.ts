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
  it('a server.xml that is not well-formed only where the script puts the password: an info naming it', () => {
    const { findings } = lintTree(
      { 'tomcat/conf/server.xml': SERVER_XML, 'tomcat_ssl.sh': SCRIPT },
      { builtIn: ['security/plaintext-secret'] },
    );
    expect(findings.map((f) => [f.ruleId, f.severity, (f.location.range?.start.line ?? 0) + 1])).toEqual([
      ['parse/invalid-xml', 'info', 5],
    ]);
    expect(findings[0]!.message).toContain('depends on template value <changeit>');
    expect(findings[0]!.message).toContain('tomcat_ssl.sh:2 replaces it when it runs');
  });

  it('without the script the file is broken: an error (the value, <changeit>, reads as a placeholder)', () => {
    const { findings } = lintTree({ 'tomcat/conf/server.xml': SERVER_XML }, { builtIn: ['security/plaintext-secret'] });
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['parse/invalid-xml', 'error']]);
  });

  it('a script replacing another literal leaves the error an error', () => {
    const { findings } = lintTree({
      'tomcat/conf/server.xml': SERVER_XML,
      'tomcat_ssl.sh': "sed -i 's/REPLACE_ME/'${password}'/g' /opt/tomcat/conf/server.xml\n",
    });
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['parse/invalid-xml', 'error']]);
  });
});
