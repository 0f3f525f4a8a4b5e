import { lintTree } from './lint-helper';

// PHP-rendered configuration: the shape of Inist-CNRS/pkgi@<sweep65> apache/etc/apache2/apache2.conf and
// tomcat6/etc/tomcat6/server.xml (pkgi renders every file of an environment through `php`), written anew. Before,
// `<?php` read as an httpd section that never closes (six false "httpd refuses to start" errors) and the Connector's
// `port="<?php echo … ?>"` as XML that is not well formed.
describe('PHP templates', () => {
  const files = {
    'apache/etc/apache2/apache2.conf':
      "<?php\n// options of the environment\n$version = explode(',', getenv('APP_VERSION'));\n?>\nServerRoot \"/etc/apache2\"\n" +
      "<?php if (in_array('dev', $version)) { ?>\nLogLevel debug\n<?php } else { ?>\nLogLevel warn\n<?php } ?>\n" +
      'LogFormat "%v:%p <?php echo $ip_source; ?> %l %u %t" vhost_combined\n<Directory />\n  Require all denied\n</Directory>\n',
    'tomcat/etc/tomcat/server.xml':
      '<?xml version="1.0" encoding="UTF-8"?>\n<Server port="8005" shutdown="SHUTDOWN">\n  <Service name="Catalina">\n' +
      '    <Connector port="<?php echo getenv(\'APP_TOMCAT_PORT\'); ?>" address="<?= getenv(\'APP_LISTEN\') ?>"\n' +
      '               protocol="HTTP/1.1" connectionTimeout="20000" redirectPort="8443" />\n' +
      '    <Connector port="8443" protocol="org.apache.coyote.http11.Http11NioProtocol" SSLEnabled="true">\n' +
      '      <SSLHostConfig protocols="TLSv1">\n' +
      '        <Certificate certificateKeystoreFile="conf/ks.p12" certificateKeystorePassword="<?php echo getenv(\'KS_PASS\'); ?>" />\n' +
      '      </SSLHostConfig>\n    </Connector>\n' +
      '    <Engine name="Catalina" defaultHost="localhost"><Host name="localhost" appBase="webapps" /></Engine>\n' +
      '  </Service>\n</Server>\n',
  };

  it('are read as the file they render, their own syntax set aside', () => {
    const { lines, findings } = lintTree(files, { builtIn: ['tls/server-allows-legacy-protocols'] });
    expect(findings.filter((f) => f.ruleId.startsWith('parse/')).map((f) => `${f.ruleId} ${f.message}`)).toEqual([]);
    // What the files write out is still judged: the literal TLSv1 of the SSL connector.
    expect(lines).toEqual(['tomcat/etc/tomcat/server.xml:7 tls/server-allows-legacy-protocols']);
  });
});
