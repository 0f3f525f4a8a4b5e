/**
 * Jetty start files and Jetty XML (src/parse/jetty.ts): which files are Jetty's, and a start file read as start.jar
 * reads it (modules, properties with their operators and ranges, XML files to apply; JVM arguments set aside).
 */
import {
  jettyModuleFormat,
  jettyStartFormat,
  jettyXmlFormat,
  JETTY_MODULE_KIND,
  JETTY_START_KIND,
  JETTY_XML_KIND,
} from '../../src/parse/jetty';

describe('Jetty start files and XML', () => {
  it.each([
    ['/b/start.d/ssl.ini', '# ssl\n--module=ssl\n', JETTY_START_KIND],
    ['/b/start.ini', '--module=server,http\n', JETTY_START_KIND],
    // StackableRegiments/quacker jettyConf/https.ini: copied into start.d by its Dockerfile.
    ['/q/jettyConf/https.ini', '--module=https\njetty.ssl.port=443\n', JETTY_START_KIND],
    ['/b/start.d/ssl.ini', 'jetty.sslContext.keyStorePath=etc/key.p12\n', JETTY_START_KIND],
    ['/etc/php/php.ini', '[PHP]\nengine = On\n', undefined],
    ['/var/mqm/qm.ini', 'Log:\n   LogPrimaryFiles=3\n', undefined],
  ])('%s is %s', (file, head, kind) => {
    expect(jettyStartFormat.classify(file, head)).toBe(kind);
  });

  it.each([
    [
      '/b/etc/jetty-ssl-context.xml',
      '<?xml version="1.0"?>\n<!DOCTYPE Configure PUBLIC "-//Jetty//Configure//EN" "https://jetty.org/configure_10_0.dtd">\n<Configure id="Server" class="org.eclipse.jetty.server.Server">\n<New id="sslContextFactory" class="org.eclipse.jetty.util.ssl.SslContextFactory$Server"/>\n</Configure>\n',
      JETTY_XML_KIND,
    ],
    [
      '/b/etc/jetty-http.xml',
      '<?xml version="1.0"?>\n<!DOCTYPE Configure PUBLIC "-//Jetty//Configure//EN" "https://jetty.org/configure_10_0.dtd">\n<Configure id="Server" class="org.eclipse.jetty.server.Server"/>\n',
      undefined,
    ],
    ['/app/pom.xml', '<project><!-- SslContextFactory --></project>\n', undefined],
  ])('%s is %s', (file, head, kind) => {
    expect(jettyXmlFormat.classify(file, head)).toBe(kind);
  });

  it('reads a module file: its dependencies (an optional one too) and XML files; only below a modules/ directory', () => {
    const text = '# backchannel\n[name]\nbackchannel\n\n[depend]\nserver\n?alpn\n\n[xml]\netc/jetty-backchannel.xml\n';
    expect(jettyModuleFormat.classify('/b/modules/backchannel.mod', text)).toBe(JETTY_MODULE_KIND);
    expect(jettyModuleFormat.classify('/b/go.mod', 'module example.com/x\n')).toBeUndefined();
    const doc = jettyModuleFormat.parse({ path: '/b/modules/backchannel.mod', text, hadBom: false }, JETTY_MODULE_KIND);
    expect(doc.data).toEqual({ depend: ['server', 'alpn'], xml: ['etc/jetty-backchannel.xml'] });
  });

  it('reads modules, properties (=, ?=, +=), XML paths; JVM arguments and comments are not properties', () => {
    const text =
      '# TLS\n--module=ssl, https\n--add-modules=http2\njetty.ssl.port = 8443\njetty.sslContext.needClientAuth?=true\n-Djava.io.tmpdir=/tmp\n-Xmx1g\netc/tweak-ssl.xml\njetty.sslContext.keyStorePassword=OBF:1vny1zlo\n';
    const doc = jettyStartFormat.parse({ path: '/b/start.d/ssl.ini', text, hadBom: false }, JETTY_START_KIND);
    const at = (r: { start: { line: number; character: number } }) => `${r.start.line + 1}:${r.start.character + 1}`;
    expect(doc.data.modules.map((m) => `${m.name}@${at(m.range)}`)).toEqual(['ssl@2:10', 'https@2:15', 'http2@3:15']);
    expect(
      doc.data.properties.map(
        (p) => `${p.key}${p.op}${p.value}@${at(p.valueRange)}${p.secret ? ' secret' : ''}${p.spaced ? ' spaced' : ''}`,
      ),
    ).toEqual([
      'jetty.ssl.port=8443@4:18 spaced',
      'jetty.sslContext.needClientAuth?=true@5:34',
      'jetty.sslContext.keyStorePassword=OBF:1vny1zlo@9:35 secret',
    ]);
    expect(doc.data.xmls.map((x) => x.path)).toEqual(['etc/tweak-ssl.xml']);
    expect(doc.comments.map((c) => c.text)).toEqual([' TLS']);
  });
});
