import { lintTree } from './lint-helper';

/**
 * server.xml templates that write attributes themselves: c2platform/ansible-role-tomcat@aa63130 templates/server.xml.j2
 * (`<Listener {{ lstnr|tomcat_server_xml_properties }} />`, the same for Connector, Engine, Host, Valve) and
 * saltstack-formulas/tomcat-formula@2a94e4a tomcat/files/server.xml (`{{ k }}="{{ v }}"` in a loop inside <Resource>
 * and <Connector>). Before, the XML parser stopped at the first one and nothing after it was read.
 */
const serverXml = (listener: string, connectors: string[]) =>
  [
    '<Server port="8005" shutdown="SHUTDOWN">',
    `  <Listener ${listener} />`,
    '  <GlobalNamingResources>',
    '    <Resource',
    '    {% for k, v in params.items() %}',
    '              {{ k }}="{{ v }}"',
    '    {%- endfor %}',
    '    />',
    '  </GlobalNamingResources>',
    '  <Service name="Catalina">',
    ...connectors.map((c) => `    ${c}`),
    '    <Engine {{ engine|tomcat_server_xml_properties }}><Host name="localhost"/></Engine>',
    '  </Service>',
    '</Server>',
    '',
  ].join('\n');

const builtIn = ['tomcat/ajp-without-secret', 'tomcat/ssl-not-enabled'];
const shown = (files: Record<string, string>) =>
  lintTree(files, { builtIn }).findings.map(
    (f) => `${f.ruleId} ${f.severity} ${(f.location.range?.start.line ?? 0) + 1}`,
  );

describe('XML templates whose attributes are generated', () => {
  it('reads the elements after them, and says once which elements the template writes', () => {
    const text = serverXml('className="org.apache.catalina.startup.VersionLoggerListener"', [
      '<Connector {{ cnctr|tomcat_server_xml_properties }} />',
      '<Connector port="8009" protocol="AJP/1.3" />',
    ]);
    const { findings } = lintTree({ 'templates/server.xml.j2': text }, { builtIn });
    expect(findings.map((f) => `${f.ruleId} ${f.severity} ${(f.location.range?.start.line ?? 0) + 1}`)).toEqual([
      'parse/template-generated-attributes info 4',
      // The literal connector below the generated ones is read (before: silence on it).
      'tomcat/ajp-without-secret warning 12',
    ]);
    expect(findings[0]?.message).toContain('<Resource>, <Connector>, <Engine> itself');
  });

  it('takes nothing for granted on a generated element: an AJP connector whose other attributes are written by the template', () => {
    const text = serverXml('className="org.apache.catalina.startup.VersionLoggerListener"', [
      '<Connector port="8009" protocol="AJP/1.3" {{ ajp_extra }} />',
    ]);
    expect(shown({ 'templates/server.xml.j2': text })).toEqual(['parse/template-generated-attributes info 4']);
  });

  it('a generated Listener may be Tomcat Native: the TLS connectors are left unknown, the others are read', () => {
    const tls =
      '<Connector port="8443" protocol="HTTP/1.1"><SSLHostConfig><Certificate certificateFile="c.pem"/></SSLHostConfig></Connector>';
    const ajp = '<Connector port="8009" protocol="AJP/1.3" />';
    expect(
      shown({ 'templates/server.xml.j2': serverXml('{{ lstnr|tomcat_server_xml_properties }}', [tls, ajp]) }),
    ).toEqual(['parse/template-generated-attributes info 2', 'tomcat/ajp-without-secret warning 12']);
    // With the Listener written out, the same connector is read: no SSLEnabled="true", plain HTTP.
    expect(
      shown({
        'templates/server.xml.j2': serverXml('className="org.apache.catalina.startup.VersionLoggerListener"', [tls]),
      }),
    ).toEqual(['parse/template-generated-attributes info 4', 'tomcat/ssl-not-enabled warning 11']);
  });

  it('a file that is no template keeps the parse error', () => {
    const text =
      '<Server port="8005">\n  <Service name="Catalina">\n    <Connector ${props} />\n  </Service>\n</Server>\n';
    expect(shown({ 'conf/server.xml': text })).toEqual(['parse/invalid-xml error 3']);
  });
});
