import { classifyFile, neverConfiguration } from '../../src/parse/registry';

describe('neverConfiguration: names no format reads, whatever the file holds', () => {
  it.each([
    ['src/main/java/com/acme/App.java', true],
    ['docs/README.md', true],
    ['web/static/index.html', true],
    ['lib/app.jar', true],
    ['img/logo.PNG', true],
    // nginx reads every file of its directories by content (sites-enabled/default), so the name does not decide there
    ['nginx/templates/default.html', false],
    ['etc/nginx/sites-enabled/site.md', false],
    ['conf/server.xml', false],
    ['config/application.yml', false],
    ['bin/setenv.sh', false],
    ['certs/server.crt', false],
    ['Dockerfile', false],
    ['scripts/start', false],
  ])('%s → %s', (file, expected) => expect(neverConfiguration(file)).toBe(expected));

  it('agrees with every format: none of them claims such a name with content that would suit it', () => {
    const heads = [
      "DEFINE CHANNEL('A.B') CHLTYPE(SVRCONN) SSLCIPH(TLS_RSA_WITH_AES_128_CBC_SHA256)\n",
      'server {\n listen 443 ssl;\n ssl_protocols SSLv3;\n}\n',
      '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
      'apiVersion: v1\nkind: Deployment\n',
      'server.ssl.key-store=classpath:ks.p12\nspring.application.name=x\n',
      'JAVA_OPTS="-Djavax.net.ssl.trustStore=/t.jks"\n',
      '<?xml version="1.0"?>\n<Server port="8005"><Service name="Catalina"/></Server>\n',
      'jdk.tls.disabledAlgorithms=SSLv3\n',
    ];
    for (const file of ['App.java', 'README.md', 'index.html', 'style.css', 'guide.adoc'])
      for (const head of heads) expect([file, classifyFile(`src/${file}`, head)?.kind]).toEqual([file, undefined]);
  });
});
