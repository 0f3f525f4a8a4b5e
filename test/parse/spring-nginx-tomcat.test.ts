import { springFormat, springList } from '../../src/parse/spring';
import { nginxFormat, type NginxData } from '../../src/parse/nginx';
import { tomcatServerXmlFormat, tomcatUsersFormat } from '../../src/parse/tomcat';
import { tomcatCiphers, tomcatProtocols } from '../../src/model/tomcat';
import type { FormatHandler, ParsedDocument } from '../../src/parse/types';

function parse<D>(handler: FormatHandler<D>, path: string, text: string): ParsedDocument<D> {
  const kind = handler.classify(path, text);
  if (!kind) throw new Error(`${handler.id} does not classify ${path}`);
  return handler.parse({ path, text, hadBom: false }, kind);
}

describe('Spring Boot configuration', () => {
  const yaml = [
    'server:',
    '  port: 8443',
    '  ssl:',
    '    enabled-protocols: [TLSv1.2, TLSv1.3]',
    '    key-store-password: secret # never printed',
    '---',
    'spring:',
    '  config:',
    '    activate:',
    '      on-profile: prod',
    'server.ssl.ciphers: TLS_AES_128_GCM_SHA256',
    '',
  ].join('\n');

  it('flattens YAML with key and value ranges, documents and profiles', () => {
    const doc = parse(springFormat, '/d/application.yml', yaml);
    const rows = doc.entries.map((e) => [e.key, e.value, e.valueRange.start.line + 1, e.section ?? '', e.secret]);
    expect(rows).toEqual([
      ['server.port', '8443', 2, '', false],
      ['server.ssl.enabled-protocols[0]', 'TLSv1.2', 4, '', false],
      ['server.ssl.enabled-protocols[1]', 'TLSv1.3', 4, '', false],
      ['server.ssl.key-store-password', 'secret', 5, '', true],
      ['spring.config.activate.on-profile', 'prod', 10, 'prod', false],
      ['server.ssl.ciphers', 'TLS_AES_128_GCM_SHA256', 11, 'prod', false],
    ]);
    expect(springList(doc.data.parts[0].entries, 'server.ssl.enabled-protocols')?.values).toEqual([
      'TLSv1.2',
      'TLSv1.3',
    ]);
    expect(doc.comments.map((c) => c.text.trim())).toEqual(['never printed']);
  });

  it.each([
    ['application.properties', 'spring.properties'],
    ['application-prod.yaml', 'spring.yaml'],
    ['bootstrap.yml', 'spring.yaml'],
    ['app.yml', undefined],
  ])('classifies %s as %s', (name, kind) => expect(springFormat.classify(`/d/${name}`, '')).toBe(kind));

  it('reads properties with the profile from the file name and comma lists', () => {
    const doc = parse(springFormat, '/d/application-prod.properties', 'server.ssl.enabled-protocols=TLSv1.2,TLSv1.3\n');
    expect(doc.entries[0].section).toBe('prod');
    expect(springList(doc.entries, 'server.ssl.enabled-protocols')?.values).toEqual(['TLSv1.2', 'TLSv1.3']);
  });

  it('reports invalid YAML as a problem with a location, never throws', () => {
    const doc = parse(springFormat, '/d/application.yml', 'server:\n  port: [8443\n');
    expect(doc.problems[0]).toMatchObject({ code: 'invalid-yaml', severity: 'error' });
  });
});

describe('nginx configuration', () => {
  const conf = [
    '# main',
    'http {',
    '    ssl_protocols TLSv1.2 TLSv1.3;',
    '    server {',
    '        listen 443 ssl http2;',
    '        server_name "a.example" b.example;',
    "        ssl_ciphers 'ECDHE+AESGCM:!aNULL';",
    '        location / { return 200; }',
    '    }',
    '}',
    '',
  ].join('\n');

  it('reads directives, quoted args, blocks and comments with positions', () => {
    const doc = parse(nginxFormat, '/d/nginx/nginx.conf', conf);
    expect(doc.problems).toEqual([]);
    expect(
      doc.entries.map((e) => [
        e.key,
        e.value,
        e.section,
        e.valueRange.start.line + 1,
        e.valueRange.start.character + 1,
      ]),
    ).toEqual([
      ['ssl_protocols', 'TLSv1.2 TLSv1.3', 'http', 3, 19],
      ['listen', '443 ssl http2', 'http/server', 5, 16],
      ['server_name', 'a.example b.example', 'http/server', 6, 22],
      ['ssl_ciphers', 'ECDHE+AESGCM:!aNULL', 'http/server', 7, 22],
      ['return', '200', 'http/server/location', 8, 29],
    ]);
    expect(doc.comments).toHaveLength(1);
    expect((doc.data as NginxData).directives[0].block?.[1].name).toBe('server');
  });

  it.each([
    ['http {\n  server {\n', 'unclosed-block'],
    ['}\n', 'unexpected-brace'],
    ['ssl_protocols TLSv1.2', 'missing-semicolon'],
    ['ssl_ciphers "HIGH;\n', 'unterminated-string'],
  ])('reports %j as %s', (text, code) => {
    const doc = parse(nginxFormat, '/d/nginx.conf', text);
    expect(doc.problems.map((p) => p.code)).toContain(code);
  });

  it.each([
    // NginxProxyManager/nginx-proxy-manager@a62c2a6 backend/routes/nginx/certificates.js: 24 false parse errors.
    ['/d/backend/routes/nginx/certificates.js', 'import x from "y";\nif (a) {\n  return b;\n}\n'],
    ['/d/nginx/entrypoint.sh', '#!/bin/sh\nif [ -n "$X" ]; then\n  return 0;\nfi\n'],
    ['/d/nginx/README.md', '```\nserver {\n  listen 443 ssl;\n}\n```\n'],
    ['/d/nginx/deployment.yaml', 'data:\n  default.conf: |\n    server {\n      listen 443 ssl;\n    }\n'],
    // rwlxxvii/containers@81bd1d5 sast/sonarqube/terraform/nginx/userdata.tpl: a false missing-semicolon error.
    [
      '/d/terraform/nginx/userdata.tpl',
      '#!/usr/bin/env bash\ntee /etc/nginx/conf.d/a.conf << EOF\nserver {\n  listen 80;\n}\nEOF\n',
    ],
  ])('does not claim %s, whatever its content', (name, text) => {
    expect(nginxFormat.classify(name, text)).toBeUndefined();
  });

  it.each(['/d/nginx/default', '/d/nginx/site.conf.j2', '/d/nginx/ssl.inc', '/d/sites-enabled/app.vhost'])(
    'still claims %s by its content',
    (name) => expect(nginxFormat.classify(name, 'server {\n  listen 443 ssl;\n}\n')).toBe('nginx.conf'),
  );

  // shridharkr/circuit-oneops@d2c4f6c: an nslcd.conf.erb (`map passwd homeDirectory "${homeDirectory:-/home/$uid}"`)
  // and an upstart job (`if [ ! -d <%= @piddir %> ]; then`, the tag read as `${…}`) were read as nginx: 3 false errors.
  it.each([
    [
      '/d/os/templates/default/nslcd.conf',
      'uri ${uri_}\nscope sub\nmap    passwd homeDirectory    "${homeDirectory:-/home/$uid}"\n',
    ],
    [
      '/d/redisio/templates/default/redis.upstart.conf',
      'stop on runlevel [06]\nscript\n  if [ ! -d ${piddir_} ]; then\n    mkdir -p ${piddir_}\n  fi\nend script\n',
    ],
  ])('does not take a `${…}` for the brace of an nginx block (%s)', (name, text) => {
    expect(nginxFormat.classify(name, text)).toBeUndefined();
  });

  // vdesabou/kafka-docker-playground@95b2d38 (MIT) other/ldap-authorizer-with-ldap-failover/bind/named.conf: a BIND
  // configuration (`include "/etc/rndc.key";`, `acl`, `options`, `view`, `zone` blocks) was read as nginx: 9 false errors.
  it.each([
    [
      '/d/bind/named.conf',
      'include "/etc/rndc.key";\ncontrols {\n    inet 127.0.0.1 allow { 127.0.0.1; } keys { "rndc-key"; };\n};\n\nacl "access-list" {\n    127.0.0.1;\n};\n\noptions {\n    directory "/etc/named/";\n};\n',
    ],
    [
      '/d/bind/zones.conf',
      'zone "confluent.io" IN {\n    type master;\n    file "/etc/bind/master/confluent.io";\n};\n',
    ],
  ])('does not claim a BIND configuration (%s)', (name, text) => {
    expect(nginxFormat.classify(name, text)).toBeUndefined();
  });

  // OpenConext/OpenConext-deploy@ea5c8ea (Apache-2.0) roles/rsyslog/templates/sc_ruleset.conf.j2: rsyslog RainerScript
  // (`if $programname == "x" then { action(...) stop }`) was read as nginx: 58 false parse/missing-semicolon errors.
  // nginx's `if` takes its condition in parentheses (ngx_http_rewrite_if: "invalid condition" otherwise).
  it.each([
    [
      '/d/rsyslog/templates/sc_ruleset.conf', // sc_ruleset.conf.j2, classified by the name it renders to
      '$RuleSet {{ item.name }}\nif $programname == "engineblock" and $msg startswith "engine" then { action(type="omfile" DynaFile="eb-{{ item.name }}") stop }\n:programname, isequal, "EBLOG" { action(type="omfile" DynaFile="eblog") stop }\n',
    ],
    [
      '/d/rsyslog.d/10-app.conf',
      'if $syslogtag contains "app" then {\n  action(type="omfile" file="/var/log/app.log")\n  stop\n}\n',
    ],
  ])('does not take an `if` without a parenthesised condition for nginx (%s)', (name, text) => {
    expect(nginxFormat.classify(name, text)).toBeUndefined();
  });

  it.each([
    'if ($http_x_forwarded_proto != "https") {\n  return 301 https://$host$request_uri;\n}\n',
    'if ($bad) {\n  return 403;\n}\n',
  ])('still claims an nginx `if (…) {` block: %j', (text) =>
    expect(nginxFormat.classify('/d/conf.d/redirect.conf', text)).toBe('nginx.conf'),
  );

  // ministryofjustice/hmpps-delius-alfresco-shared-terraform@2e5c789 templates/config/fluentbit/parsers/nginx.conf, a
  // Fluent Bit parser (the shape of fluent/fluent-bit conf/parsers.conf, Apache-2.0), was read as nginx by its name: a
  // false parse/missing-semicolon error. A supervisord program kept as conf.d/nginx.conf starts the same way.
  it.each([
    ['/d/fluentbit/parsers/nginx.conf', '[PARSER]\n    Name   nginx\n    Format regex\n    Time_Key time\n'],
    ['/d/supervisor/conf.d/nginx.conf', '; nginx in the foreground\n[program:nginx]\ncommand=nginx -g "daemon off;"\n'],
  ])('does not claim a file that starts with an INI section, whatever its name (%s)', (name, text) => {
    expect(nginxFormat.classify(name, text)).toBeUndefined();
  });

  // robert0714/vagrant_ihs_liberty_sticky-session@9164e7b httpd.conf-linux.sample (CRLF, long comment blocks): the INI
  // test backtracked through 2^n splits of `\r` between the comment and the line end, and the run never ended.
  it.each([
    ['CRLF', '\r\n'],
    ['LF', '\n'],
  ])('reads %s files of many comment lines in one pass', (_name, eol) => {
    const text = [
      ...Array.from({ length: 64 }, (_, i) => `# comment ${i}`),
      'ServerRoot "/opt/IBM/HTTPServer"',
      '',
    ].join(eol);
    expect(nginxFormat.classify('/d/conf/httpd.conf-linux.sample', text)).toBeUndefined();
    expect(nginxFormat.classify('/d/nginx/fluent.conf', text.replace('ServerRoot', '[PARSER]\n'))).toBeUndefined();
  });

  // srdrcn/kustomize_example@cd5ee2a overlays/{dev,prod}/nginx.conf hold one line of prose (a placeholder no container
  // mounts): two parse/missing-semicolon errors. Not one statement of it ends: it is named as not understood.
  it.each([['Im is a nginx config\n'], ['# nginx settings go here\nPut the real configuration here.\n']])(
    'does not claim an nginx.conf of prose without one statement: %j',
    (text) => {
      expect(nginxFormat.classify('/d/overlays/dev/nginx.conf', text)).toBeUndefined();
    },
  );

  it.each([[''], ['# nothing yet\n'], ['events {}\n'], ['include /etc/nginx/conf.d/*.conf;\n']])(
    'still claims an nginx.conf that is empty, comments only, or one statement: %j',
    (text) => expect(nginxFormat.classify('/d/nginx.conf', text)).toBe('nginx.conf'),
  );

  it('still claims an nginx.conf whose directives come first', () =>
    expect(nginxFormat.classify('/d/nginx.conf', '# [main]\nuser nginx;\nevents {}\n')).toBe('nginx.conf'));

  it.each([
    'map $http_upgrade $connection_upgrade {\n  default upgrade;\n}\n',
    'location ~* "\\.(css|js)$" {\n  expires 30d;\n}\n',
  ])('still claims a block whose head holds nginx variables or a quoted regex: %j', (text) => {
    expect(nginxFormat.classify('/d/conf.d/upgrade.conf', text)).toBe('nginx.conf');
  });

  it('does not claim ClearTrust key=value .conf files', () => {
    expect(nginxFormat.classify('/d/aserver.conf', 'cleartrust.net.ssl.use=anon\n')).toBeUndefined();
  });

  it('does not mask ssl_password_file: it names a file of passphrases, its path is no secret', () => {
    const doc = parse(nginxFormat, '/d/nginx.conf', 'ssl_password_file /etc/keys/pass.txt;\n');
    expect(doc.entries[0].secret).toBe(false);
  });
});

describe('Tomcat server.xml', () => {
  it('claims <Server> roots only (not Liberty <server>, not WAS process:Server)', () => {
    expect(
      tomcatServerXmlFormat.classify('/d/conf/server.xml', '<?xml version="1.0"?>\n<!-- c -->\n<Server port="8005">'),
    ).toBe('tomcat.server-xml');
    expect(tomcatServerXmlFormat.classify('/d/server.xml', '<server description="liberty">')).toBeUndefined();
    expect(tomcatServerXmlFormat.classify('/d/server.xml', '<process:Server xmi:version="2.0">')).toBeUndefined();
  });

  // Configuration management names its templates after the file's bare name: sprylab/ansible-role-tomcat-ubuntu@5c042bb
  // templates/server.j2 (read as `server`), arnisoph/saltstack-tomcat-formula@7ed5217 contrib/states/files/server and
  // tomcat_users. The root element decides, as for `.xml`.
  it.each([
    [tomcatServerXmlFormat, '/d/templates/server', '<?xml version="1.0"?>\n<Server port="8005">', 'tomcat.server-xml'],
    [tomcatUsersFormat, '/d/files/tomcat_users', '<tomcat-users>\n  <user username="a"/>', 'tomcat.users'],
    [tomcatUsersFormat, '/d/templates/tomcat-users', '<?xml version="1.0"?>\n<tomcat-users>', 'tomcat.users'],
    [tomcatServerXmlFormat, '/d/bin/server', '#!/bin/sh\nexec java -jar app.jar', undefined],
    [tomcatServerXmlFormat, '/d/conf/servers', '<Server port="8005">', undefined],
    // With the release it is written for: camptocamp/puppet-tomcat@c0eba0a server.xml.tomcat55.erb,
    // oscerd/puppet-tomcat-module@825d936 serverxml-6.erb and users-6.erb, hhlee0548/x1-svc-deploy-repo@30cac6c
    // tomcat-users.xml_8.j2 (each read under its inner name).
    [
      tomcatServerXmlFormat,
      '/d/templates/server.xml.tomcat55',
      '<!-- c -->\n<Server port="8005">',
      'tomcat.server-xml',
    ],
    [
      tomcatServerXmlFormat,
      '/d/templates/serverxml-6',
      '<?xml version="1.0"?>\n<Server port="8005">',
      'tomcat.server-xml',
    ],
    [tomcatUsersFormat, '/d/templates/users-6', '<?xml version="1.0"?>\n<tomcat-users>', 'tomcat.users'],
    [tomcatUsersFormat, '/d/templates/tomcat-users.xml_8', '<tomcat-users>', 'tomcat.users'],
    // The name alone never claims a file; a date or a long count after the name is no release.
    [tomcatServerXmlFormat, '/d/templates/serverxml-6', '<server description="liberty">', undefined],
    [tomcatServerXmlFormat, '/d/conf/server.xml.20190101', '<Server port="8005">', undefined],
    [tomcatUsersFormat, '/d/templates/users-6', '# users\nadmin=secret', undefined],
  ])('claims a Tomcat XML file by its bare name too (%#)', (handler, path, head, kind) => {
    expect(handler.classify(path, head)).toBe(kind);
  });

  it('keeps attribute ranges and marks keystore passwords as secret', () => {
    const text =
      '<Server port="8005">\n  <Service name="C">\n    <Connector port="8443" SSLEnabled="true" keystorePass="changeit"/>\n  </Service>\n</Server>\n';
    const doc = parse(tomcatServerXmlFormat, '/d/conf/server.xml', text);
    const pass = doc.entries.find((e) => e.key === 'Connector@keystorePass');
    expect(pass?.secret).toBe(true);
    expect(pass?.valueRange.start).toEqual({ line: 2, character: 59 });
  });

  it.each([
    ['TLSv1.2', ['TLSv1.2']],
    ['TLSv1.2+TLSv1.3', ['TLSv1.2', 'TLSv1.3']],
    ['TLSv1,TLSv1.1,TLSv1.2', ['TLSv1', 'TLSv1.1', 'TLSv1.2']],
    ['all', ['SSLv2Hello', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3']],
    ['all,-SSLv2Hello,-TLSv1,-TLSv1.1', ['TLSv1.2', 'TLSv1.3']],
    ['+TLSv1.2 +TLSv1.3', ['TLSv1.2', 'TLSv1.3']],
    // SSLHostConfig.setProtocols splits at `+`, `-` and `,` only, and keeps a name's case (Tomcat 9.0.70, 10.1.60).
    ['TLSv1.2 TLSv1.3', ['TLSv1.2 TLSv1.3']],
    ['TLSv1.2, TLSv1.3', ['TLSv1.2', 'TLSv1.3']],
    ['tlsv1.2', ['tlsv1.2']],
    ['TLSv1.2;TLSv1.3', ['TLSv1.2;TLSv1.3']],
    ['ALL -TLSv1 -TLSv1.1', ['SSLv2Hello', 'TLSv1.2', 'TLSv1.3']],
  ])('Tomcat protocols %j', (value, expected) => expect(tomcatProtocols(value)).toEqual(expected));

  it('reads Tomcat ciphers as JSSE names or OpenSSL syntax', () => {
    expect(tomcatCiphers('TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, TLS_RSA_WITH_AES_128_CBC_SHA')).toEqual([
      'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
      'TLS_RSA_WITH_AES_128_CBC_SHA',
    ]);
    expect(tomcatCiphers('ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384')).toEqual([
      'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
      'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
    ]);
    // JSSE names with lower-case parts are JSSE names, not an OpenSSL string (which selected nothing).
    expect(tomcatCiphers('TLS_ECDH_anon_WITH_AES_128_CBC_SHA,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256')).toEqual([
      'TLS_ECDH_anon_WITH_AES_128_CBC_SHA',
      'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
    ]);
  });
});
