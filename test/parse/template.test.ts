import { innerTemplateName, mavenFiltered, scanTemplate } from '../../src/parse/template';
import { nginxFormat } from '../../src/parse/nginx';

/** The placeholder a template value becomes: `${name}` padded with `_` to the tag's length. */
const ph = (tag: string, name: string) => `\${${name.padEnd(tag.length - 3, '_')}}`;

describe('template syntax set aside', () => {
  // [name, text, expected masked text, span kinds]
  const cases: Array<[string, string, string, string[]]> = [
    ['Go value inside a line', 'listen {{ .Env.PORT }};', `listen ${ph('{{ .Env.PORT }}', '_Env_PORT')};`, ['value']],
    ['Go trim markers', 'ssl_protocols {{- .Env.P -}};', `ssl_protocols ${ph('{{- .Env.P -}}', '_Env_P')};`, ['value']],
    [
      'Go if/else/end are directives',
      '{{ if .Env.SSL }}\nlisten 443 ssl;\n{{ else }}\nlisten 80;\n{{ end }}',
      '                 \nlisten 443 ssl;\n          \nlisten 80;\n         ',
      ['directive', 'directive', 'directive'],
    ],
    ['Go comment', '{{/* note */}}x 1;', '              x 1;', ['comment']],
    // ESGF/esgf-ansible roles/httpd/templates/httpd2.4/esgf-httpd.conf.j2: an Apache LogFormat inside {% raw %}.
    [
      'Jinja raw blocks are output as written',
      '{% raw %}\nLogFormat "%{%s}t %r %>s"\n</IfModule>\n{% endraw %}',
      '         \nLogFormat "%{%s}t %r %>s"\n</IfModule>\n            ',
      ['directive', 'directive'],
    ],
    // Mustache (https://mustache.github.io/mustache.5.html): sections open and close, `{{{x}}}` is one value.
    [
      'Mustache sections are directives',
      '{{#ssl}}\nlisten 443 ssl;\n{{/ssl}}\n{{^ssl}}\nlisten 80;\n{{/ssl}}',
      '        \nlisten 443 ssl;\n        \n        \nlisten 80;\n        ',
      ['directive', 'directive', 'directive', 'directive'],
    ],
    [
      'Mustache triple braces are one value',
      'ssl_certificate {{{cert_path}}};',
      `ssl_certificate ${ph('{{{cert_path}}}', '_cert_path')};`,
      ['value'],
    ],
    [
      'Mustache comment and partial; Handlebars block helpers',
      '{{! note }}\n{{> head}}\n{{#if ssl}}\nx 1;\n{{else}}\ny 2;\n{{/if}}',
      '           \n          \n           \nx 1;\n        \ny 2;\n       ',
      ['comment', 'generated', 'directive', 'directive', 'directive'],
    ],
    ['Go assignment', '{{ $p := .Env.PORT }}', '                     ', ['directive']],
    [
      'value alone on its line generates lines',
      'a 1;\n    {{ .Values.extra }}\nb 2;',
      'a 1;\n                       \nb 2;',
      ['generated'],
    ],
    [
      'Helm include is generated content',
      '{{ include "x" . | nindent 4 }}',
      '                               ',
      ['generated'],
    ],
    [
      // bitnami/charts@5165628 minio application.yaml: the labels' block starts on the next line, where more follow.
      'Helm `key: {{- … | nindent N }}` writes a block below its key: generated, the key left holding the lines below',
      'labels: {{- include "l" . | nindent 4 }}\n    app: minio',
      'labels:                                 \n    app: minio',
      ['generated'],
    ],
    [
      'Jinja statement, comment and value',
      '{% if ssl %}{# c #}ssl_ciphers {{ ciphers }};{% endif %}',
      `                   ssl_ciphers ${ph('{{ ciphers }}', 'ciphers')};           `,
      ['directive', 'comment', 'value', 'directive'],
    ],
    [
      'ERB',
      '<% if @ssl -%>\nssl_protocols <%= @protocols %>;\n<% end -%>',
      `              \nssl_protocols ${ph('<%= @protocols %>', '_protocols')};\n          `,
      ['directive', 'value', 'directive'],
    ],
    [
      // Inist-CNRS/pkgi renders its apache2.conf and server.xml through `php`: braces and the alternative syntax.
      'PHP',
      '<?php if ($dev) { ?>\nLogLevel debug\n<?php } else { ?>\nLogLevel <?= $level ?>\n<?php } ?>\n<?php if ($x): ?>\n<?php endif; ?>',
      [20, '\nLogLevel debug\n', 17, `\nLogLevel ${ph('<?= $level ?>', '_level')}\n`, 10, '\n', 17, '\n', 15]
        .map((p) => (typeof p === 'number' ? ' '.repeat(p) : p))
        .join(''),
      ['directive', 'directive', 'value', 'directive', 'directive', 'directive'],
    ],
    ['an XML declaration is no PHP tag', '<?xml version="1.0"?>\n<Server/>', '', []],
    ['shell ${#var} is not Jinja', 'echo ${#arr} {{ x }}', `echo \${#arr} ${ph('{{ x }}', 'x')}`, ['value']],
    ['GitHub ${{ }} is not Go', 'run: ${{ github.ref }}', '', []],
    [
      // The masked text is built from UTF-16 code units: characters beyond the BMP and a lone surrogate come back as
      // they were, and every offset stays that of the file.
      'text beyond the BMP around a tag is kept unit for unit',
      'name: 😀 {{ .Values.x }} \ud800 é',
      `name: 😀 ${ph('{{ .Values.x }}', '_Values_x')} \ud800 é`,
      ['value'],
    ],
  ];
  it.each(cases)('%s', (_, text, masked, kinds) => {
    const info = scanTemplate(text);
    if (kinds.length === 0) return expect(info).toBeUndefined();
    expect(info?.masked).toBe(masked);
    expect(info?.masked.length).toBe(text.length);
    expect(info?.spans.map((s) => s.kind)).toEqual(kinds);
  });

  it('empties `{{-` tags alone on their lines into the line above, in YAML only', () => {
    // bitnami/charts@5165628 redis application.yaml: `- |` then `{{- if … }}`, whose spaces were a more-indented leading
    // line of the block scalar. They move to the line above: every other character stays where it was.
    const text = 'cmd: |\n    {{- if .A }}\n    {{- if .B }}\n  run\n    {{- end }}\n';
    expect(scanTemplate(text, false, false, false, true)?.masked).toBe(
      'cmd: |' + ' '.repeat(32) + '\n\n\n  run' + ' '.repeat(14) + '\n\n',
    );
    // A `.properties` value keeps its trailing blanks (java.util.Properties): outside YAML the lines stay blank.
    const properties = 'a=1\n{{- if .A }}\nb=2\n';
    expect(scanTemplate(properties)?.masked).toBe('a=1\n' + ' '.repeat(12) + '\nb=2\n');
  });

  it('empties a tag alone on its line that trims the whitespace after it (`-}}`), in YAML', () => {
    // IBM/charts@951c317 gitlab application.yaml: `notes: |-` then `{{ if not … -}}`, whose trim takes its line break
    // and the next line's indentation; left blank, its spaces were a more-indented leading line of the block scalar.
    const text = 'notes: |-\n  {{ if .A -}}\n  text\n  {{ end }}\n';
    expect(scanTemplate(text, false, false, false, true)?.masked).toBe(
      'notes: |-' + ' '.repeat(14) + '\n\n  text\n  ' + ' '.repeat(9) + '\n',
    );
    // A tag that trims neither side renders its line's indentation: the line stays, blank.
    expect(scanTemplate('a: |\n  {{ if .A }}\n  b\n', false, false, false, true)?.masked).toBe(
      'a: |\n' + ' '.repeat(13) + '\n  b\n',
    );
  });

  it('keeps the first branch of each conditional as an alternative reading', () => {
    const text = '{{ if .Env.TLS }}\nserver { listen 443 ssl;\n{{ else }}\nserver { listen 80;\n{{ end }}\n}';
    const info = scanTemplate(text);
    expect(info?.firstBranch?.split('\n')).toEqual([
      '                 ',
      'server { listen 443 ssl;',
      '          ',
      '                   ',
      '         ',
      '}',
    ]);
  });

  it('follows EJS blocks: the first branch of <% if (…) { %> … <% } else { %> … <% } %>', () => {
    // Alfresco/alfresco-docker-installer@f5dc7b7 generators/app/templates/*/docker-compose.yml (Yeoman, EJS).
    const text =
      "a: 1\n<% if (https == 'true') { %>\nb: 2\n<% } else { %>\nb: 3\n<% } if (ldap) { %>\nc: 4\n<%_ } _%>\n";
    const info = scanTemplate(text);
    expect(info?.spans.map((s) => s.kind)).toEqual(['directive', 'directive', 'directive', 'directive']);
    expect(info?.firstBranch?.split('\n').map((l) => l.trim())).toEqual(['a: 1', '', 'b: 2', '', '', '', '', '', '']);
  });

  it('sets aside Template Toolkit tags: [% name %], [% IF %]…[% ELSE %]…[% END %], [%# comment %]', () => {
    // DIGI-UW/OpenELIS-Global-2 install/installerTemplate/linux/templates/docker-compose.yml: `container_name:
    // [% oe_name %]`, a literal its setup_OpenELIS.py replaces (and YAML cannot read: `%` starts a directive).
    const text = 'a:\n  container_name: [% oe_name %]\n[% IF tls %]\nb: 1\n[% ELSE %]\nb: 2\n[% END %]\n[%# note %]\n';
    const info = scanTemplate(text);
    expect(info?.engines).toEqual(['tt']);
    expect(info?.spans.map((s) => s.kind)).toEqual(['value', 'directive', 'directive', 'directive', 'comment']);
    expect(info?.masked.split('\n')[1]).toBe(`  container_name: ${ph('[% oe_name %]', 'oe_name')}`);
    expect(info?.firstBranch?.split('\n').map((l) => l.trim())).toEqual([
      'a:',
      expect.any(String),
      '',
      'b: 1',
      '',
      '',
      '',
      '',
      '',
    ]);
    expect(info?.branches.map((b) => b.condition)).toEqual(['[% IF tls %]', '[% ELSE %]']);
  });

  it('sets aside Thymeleaf textual tags: [# th:text="…"/], [# th:if="…"] … [/], [[…]], [(…)]', () => {
    // eclipse/microprofile-starter@09ddc62 (Apache-2.0) src/main/resources/files/quarkus/application.properties.tpl,
    // shortened: the generator renders it with Thymeleaf's TEXT mode.
    const text = [
      'quarkus.package.output-name=[# th:text="${maven_artifactid}"/]',
      '[# th:if="${mp_JWT_auth}"]',
      'serviceb.url=http://localhost:[# th:text="${port_service_b}"/]/data/protected',
      '[/]',
      '[#th:block th:unless="${tracing}"]',
      'a.name=[[${name}]]',
      'a.raw=[(${raw})]',
      '[/th:block]',
      '',
    ].join('\n');
    const info = scanTemplate(text);
    expect(info?.engines).toEqual(['thymeleaf']);
    expect(info?.spans.map((s) => s.kind)).toEqual([
      'value',
      'directive',
      'value',
      'directive',
      'directive',
      'value',
      'value',
      'directive',
    ]);
    const lines = info?.masked.split('\n') ?? [];
    expect(lines[1]?.trim()).toBe('');
    expect(lines[3]?.trim()).toBe('');
    expect(lines[5]).toBe(`a.name=${ph('[[${name}]]', '__name')}`);
    expect(info?.branches.map((b) => b.condition)).toEqual([
      '[# th:if="${mp_JWT_auth}"]',
      '[#th:block th:unless="${tracing}"]',
    ]);
  });

  it.each([
    ['an nginx character class', 'rewrite ^/a[/]?$ /b;'],
    ['a TOML array of tables', '[[servers]]\nname = "a"\n'],
    ['a Markdown link', 'See [/docs](https://example.com) and [#anchor].'],
    ['a bash test', 'if [[ ${x} == 1 ]]; then echo; fi'],
  ])('no Thymeleaf tag in %s', (_name, text) => expect(scanTemplate(text)).toBeUndefined());

  it.each([
    ['a log pattern', 'log4j.appender.A.layout.ConversionPattern=[%t] %-5p %c - %m%n [%X{id}%]'],
    ['a tag over two lines', 'a: [% x\n %]'],
    ['no space inside', 'a: [%x%]'],
  ])('no Template Toolkit tag in %s', (_name, text) => expect(scanTemplate(text)).toBeUndefined());

  it('marks envsubst placeholders only in a file named as a template', () => {
    expect(scanTemplate('listen ${PORT}; root $HOME_DIR;')).toBeUndefined();
    const info = scanTemplate('listen ${PORT}; set $x $host; root $HOME_DIR;', true);
    expect(info?.spans.map((s) => s.text)).toEqual(['${PORT}', '$HOME_DIR']);
    expect(info?.engines).toEqual(['env']);
  });

  // jjodl/mqoncp4i@b67913a3 (no licence file) MQonCP4I/unicluster/deploy/unicluster.yaml_template, filled by envsubst.
  it('marks mixed-case envsubst names that start with a capital, not nginx variables', () => {
    const info = scanTemplate('DEFINE CHANNEL($CHANNELa) CONNAME($CONNAMEa)\nset $x $http_host;', true);
    expect(info?.spans.map((s) => s.text)).toEqual(['$CHANNELa', '$CONNAMEa']);
  });

  // cerner/jwala@099013d (Apache-2.0) jwala-integration-test/…/resources/server.xml.tpl, rendered by Groovy's
  // SimpleTemplateEngine: `${expression}` anywhere, `<% code %>`, `<%= expression %>`, `\$` a literal dollar.
  it('marks Groovy GString expressions in a named template that holds one that is not a plain name', () => {
    const text = [
      '<Server port="${jvm.shutdownPort}">',
      '  <Listener a="1"',
      "            ${vars['ip'] == null ? 'h=' + /\"/ + vars['h'] + /\"/ : 'ip=1'}",
      '            b="2"/>',
      '  <Connector SSLCertificateFile="d:/id/${jvm.hostName.tokenize(\'.\')[0]}.cer" x="\\${literal}"/>',
      '</Server>',
    ].join('\n');
    const info = scanTemplate(text, true);
    expect(info?.engines).toEqual(['groovy']);
    expect(info?.spans.map((s) => [s.kind, s.text])).toEqual([
      ['value', '${jvm.shutdownPort}'],
      ['generated', "${vars['ip'] == null ? 'h=' + /\"/ + vars['h'] + /\"/ : 'ip=1'}"],
      ['value', "${jvm.hostName.tokenize('.')[0]}"],
    ]);
    expect(info?.masked.split('\n')[0]).toBe(`<Server port="${ph('${jvm.shutdownPort}', 'jvm_shutdownPort')}">`);
    expect(info?.masked.split('\n')[2].trim()).toBe('');
    expect(info?.masked.length).toBe(text.length);
  });

  it.each([
    ['a plain property name (Tomcat reads ${catalina.base} itself)', 'file="${catalina.base}/conf/ks.p12"', true],
    ['a file not named as a template', 'file="${a.b()}/ks.p12"', false],
  ])('no Groovy expression in %s', (_name, text, named) =>
    expect(scanTemplate(text, named)?.engines ?? []).not.toContain('groovy'),
  );

  it('marks Maven resource filtering placeholders only in a file the build filters', () => {
    const text = "spring:\n  profiles:\n    active: '@spring.profiles.active@'\nmail: ops@example.com\n";
    expect(scanTemplate(text)).toBeUndefined();
    const info = scanTemplate(text, false, true);
    expect(info?.engines).toEqual(['maven']);
    expect(info?.spans.map((s) => [s.text, s.range.start.line, s.range.start.character])).toEqual([
      ['@spring.profiles.active@', 2, 13],
    ]);
    expect(info?.masked.split('\n')[2]).toBe("    active: '${spring_profiles_activ}'");
  });

  it.each([
    ['/p/src/main/resources/application.yml', true],
    ['/p/src/main/resources/config/application-prod.properties', true],
    ['/p/src/test/resources/application.yml', false],
    ['/p/config/application.yml', false],
    ['/p/src/main/resources/logback.xml', false],
  ])('Maven filters %s: %s', (file, filtered) => expect(mavenFiltered(file)).toBe(filtered));

  it('takes a Mustache section or inverted section as a conditional branch, not a Handlebars loop', () => {
    const info = scanTemplate(
      '{{#ssl}}\na 1;\n{{/ssl}}\n{{^ssl}}\nb 2;\n{{/ssl}}\n{{#each xs}}\nc 3;\n{{/each}}\n',
      true,
    );
    expect(info?.branches.map((b) => b.condition)).toEqual(['{{#ssl}}', '{{^ssl}}']);
    // --debug names the engine: Mustache's sections make the file Mustache, its `{{ x }}` values too.
    expect(info?.engines).toEqual(['mustache']);
    expect(scanTemplate('{{#ssl}}\nport {{ port }};\n{{/ssl}}\n', true)?.engines).toEqual(['mustache']);
    expect(scanTemplate('a {{ .Values.x }};\n{{/* c */}}\n', true)?.engines).toEqual(['go']);
  });

  it('gives positions in the original file', () => {
    const info = scanTemplate('a 1;\n  b {{ .Env.B }};\n');
    expect(info?.spans[0].range).toEqual({ start: { line: 1, character: 4 }, end: { line: 1, character: 16 } });
  });

  it.each([
    ['/t/nginx.conf.j2', '/t/nginx.conf'],
    ['/t/jvm.options.tpl', '/t/jvm.options'],
    ['/t/qm.ini.template', '/t/qm.ini'],
    ['/t/application.properties.sample', '/t/application.properties'],
    ['/t/server.xml.erb', '/t/server.xml'],
    ['/t/conf/server.xml.ctmpl', '/t/conf/server.xml'],
    ['/t/nginx.conf.mustache', '/t/nginx.conf'],
    ['/t/vhost.j2', '/t/vhost'],
    ['/t/_helpers.tpl', undefined],
    ['/t/nginx.conf', undefined],
  ])('%s renders to %s', (file, inner) => expect(innerTemplateName(file)).toBe(inner));
});

describe('nginx words and HOCON', () => {
  it('reads quotes inside a word as characters, as nginx does', () => {
    const text = `location ~ ^/([^/?&:'"]+)$ {\n  try_files $uri @root;\n}\n`;
    const doc = nginxFormat.parse({ path: '/t/meet.conf', text, hadBom: false }, 'nginx.conf');
    expect(doc.problems).toEqual([]);
    expect(doc.entries.map((e) => e.key)).toEqual(['try_files']);
  });

  it.each([
    [
      'HOCON with blocks',
      'jvb {\n  http-servers {\n    public {\n      port = 9090\n    }\n  }\n  enabled = true\n}\n',
      undefined,
    ],
    ['nginx', 'http {\n  server {\n    listen 443 ssl;\n  }\n}\n', 'nginx.conf'],
  ])('%s', (_, text, kind) => expect(nginxFormat.classify('/t/jvb.conf', text)).toBe(kind));

  // Shapes of nginxinc/ansible-role-nginx-config@d90a7ba templates/www/index.html.j2 (5 false parse errors) and
  // jhipster/jhipster-sample-app@f8da577 src/test/gatling/conf/gatling.conf (read as nginx).
  it.each([
    [
      'an HTML page among the templates of an nginx role',
      '/r/ansible-role-nginx-config/templates/www/index.html',
      '<!--      -->\n<!DOCTYPE html>\n<html>\n<style>\nbody {\nmargin: 0px;\n}\n</style>\n',
      undefined,
    ],
    [
      'Gatling HOCON: an http block, every setting commented out',
      '/r/src/test/gatling/conf/gatling.conf',
      'gatling {\n  http {\n    #enableGA = true # comment\n    ssl {\n      keyStore {\n        #type = ""\n      }\n    }\n  }\n}\n',
      undefined,
    ],
    [
      'an nginx server fragment of the same role',
      '/r/ansible-role-nginx-config/templates/http/default.conf',
      '{# managed #}\nserver {\n    listen 443 ssl;\n}\n',
      'nginx.conf',
    ],
    ['a block with a directive on its line', '/r/conf.d/a.conf', 'server { listen 443 ssl; }\n', 'nginx.conf'],
    [
      'nginx comments in prose (h5bp) are not settings',
      '/r/nginx/h5bp/tls/policy.conf',
      '# Default: off\n# https://nginx.org/en/docs/http/ngx_http_ssl_module.html\n# Default: TLSv1.2\nssl_protocols TLSv1.3;\n',
      'nginx.conf',
    ],
    [
      'an empty location block (a snippet)',
      '/r/snippets/location_snippet.conf',
      'location /snippet {\n}\n',
      'nginx.conf',
    ],
    // shyanta/part-up@750c780 devops/provision/roles/loadbalancer/templates/nginx-vhost-live.tpl (classified by the
    // name it renders to, `nginx-vhost-live`): a role not named for nginx, a file that is.
    [
      'a template named for nginx in a role that is not',
      '/r/roles/loadbalancer/templates/nginx-vhost-live',
      'server {\n    listen 443 ssl spdy;\n    ssl_protocols TLSv1 TLSv1.1 TLSv1.2;\n}\n',
      'nginx.conf',
    ],
    [
      'its upstart job beside it',
      '/r/roles/loadbalancer/templates/nginx-upstart',
      'description "nginx"\nstart on filesystem\nexec /usr/sbin/nginx\n',
      undefined,
    ],
    // nginx/nginx's own src/http/modules/perl/nginx.xs and docs/man/nginx.8: an extension says what else they are.
    [
      'Perl XS named nginx',
      '/r/src/http/modules/perl/nginx.xs',
      'static void\nngx_http_perl_set_request(void) {\n    if (r) {\n    }\n}\n',
      undefined,
    ],
  ])('%s', (_, file, text, kind) => expect(nginxFormat.classify(file, text)).toBe(kind));
});
