import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { lintTree } from './lint-helper';
import { writeTree } from '../helpers/rule-tester';
import { stylish } from '../../src/report/stylish';
import { toJsonReport } from '../../src/report/json';

const CORPUS = path.join(__dirname, '..', 'fixtures', 'templates');

describe('real public templates (test/fixtures/templates, MANIFEST.tsv)', () => {
  const result = lint({ paths: [CORPUS], cwd: CORPUS, config: defaultConfig(CORPUS) });
  const shown = result.findings.map(
    (f) =>
      `${path.relative(CORPUS, f.location.file).split(path.sep).join('/')}:${(f.location.range?.start.line ?? 0) + 1} ${f.severity} ${f.ruleId}`,
  );

  it('reads the nginx, ERB, Jinja2 and MQ templates', () => {
    const read = new Set(
      result.deployments.flatMap((d) =>
        d.documents.map((doc) => path.relative(CORPUS, doc.file.path).split(path.sep).join('/')),
      ),
    );
    for (const file of [
      'jitsi__docker-jitsi-meet/web/rootfs/defaults/meet.conf',
      'geerlingguy__ansible-role-nginx/templates/vhost.j2',
      'voxpupuli__puppet-nginx/templates/server/server_ssl_settings.erb',
      'ibm-messaging__mq-helm/samples/AWSEKS/test/ccdt_template.json',
    ]) {
      expect(read).toContain(file);
    }
    // HOCON `.conf` files (Jitsi videobridge, jicofo, Gatling) and an HTML page among nginx templates are not nginx.
    expect(
      [...read].filter((f) => ['jvb.conf', 'jicofo.conf', 'gatling.conf', 'index.html.j2'].includes(path.basename(f))),
    ).toEqual([]);
  });

  it('reads embedded MQSC, qm.ini and CCDT with positions in the enclosing file', () => {
    const embedded = result.deployments
      .flatMap((d) => d.documents.filter((doc) => doc.embedded))
      .map(
        (doc) =>
          `${path.basename(doc.file.path)} ${doc.kind} ${doc.embedded?.container} ${(doc.embedded?.range.start.line ?? 0) + 1}`,
      );
    expect(embedded.sort()).toEqual([
      'config-map.yaml mq.qm-ini YAML key cm-nativeha-crr-ini 74',
      'config-map.yaml mq.qm-ini YAML key cm-nativeha-ini 29',
      'configmap-applications.yaml liberty.server-xml YAML key server_applications.xml 29',
      'configmap-dbconn.yaml liberty.server-xml YAML key server_resources_jdbc.xml 28',
      'configmap-endpoints.yaml liberty.server-xml YAML key server_endpoints.xml 29',
      'configmap-jms-consumer-security.yaml liberty.server-xml YAML key server_security.xml 29',
      'configmap-jms-producer-security.yaml liberty.server-xml YAML key server_security.xml 29',
      'configmap-logging.yaml liberty.server-xml YAML key server_logging.xml 29',
      'configmap-messaging.yaml liberty.server-xml YAML key server_resources_messaging.xml 29',
      'configmap-server.yaml liberty.server-xml YAML key server.xml 29',
      'configmap-sessions.yaml liberty.server-xml YAML key sessions_management.xml 29',
      'configmap-transactions.yaml liberty.server-xml YAML key server_resources_tx.xml 29',
      'mq-dev-config.sh mq.mqsc echo to runmqsc 130',
      'mq-dev-config.sh mq.mqsc echo to runmqsc 87',
      'mq-dev-config.sh mq.mqsc echo to runmqsc 88',
      'mtlsqm.yaml_template mq.qm-ini YAML key mq.ini 29',
    ]);
  });

  it('has no parse error or warning and no error: every one was a template artefact', () => {
    expect(shown.filter((s) => / (error|warning) parse\//.test(s) || s.includes(' error '))).toEqual([]);
  });

  it('puts the Helm chart defaults into plain {{ .Values }} (QMNAME of the client channels)', () => {
    const mqsc = result.deployments
      .flatMap((d) => d.documents)
      .find((doc) => doc.file.path.endsWith('configmap-mqsc.yaml'));
    expect(
      mqsc?.template?.spans
        .filter((s) => s.substituted)
        .map((s) => `${s.range.start.line + 1} ${s.substituted?.value}`),
    ).toEqual(['78 QM1', '79 QM1']);
  });

  it('reports only true findings (judged one by one), the unbalanced braces of fragments as infos', () => {
    expect(shown).toEqual([
      // True: none.xml (the AUTH_TYPE=none alternative, inactive by default) and server.xml hold plaintext passwords.
      'IBMStockTrader__broker/src/main/liberty/config/includes/none.xml:33 warning security/plaintext-secret',
      'IBMStockTrader__broker/src/main/liberty/config/includes/none.xml:34 warning security/plaintext-secret',
      'IBMStockTrader__broker/src/main/liberty/config/includes/none.xml:35 warning security/plaintext-secret',
      'IBMStockTrader__broker/src/main/liberty/config/includes/none.xml:36 warning security/plaintext-secret',
      'IBMStockTrader__broker/src/main/liberty/config/includes/none.xml:37 warning security/plaintext-secret',
      'IBMStockTrader__broker/src/main/liberty/config/includes/none.xml:38 warning security/plaintext-secret',
      'IBMStockTrader__broker/src/main/liberty/config/server.xml:31 warning security/plaintext-secret',
      'IBMStockTrader__broker/src/main/liberty/config/server.xml:34 warning security/plaintext-secret',
      // True: the dev image's TLS channels use a static-RSA CipherSpec (no forward secrecy).
      'ibm-messaging__mq-docker/mq-dev-config.sh:87 info tls/weak-cipher-enabled',
      'ibm-messaging__mq-docker/mq-dev-config.sh:88 info tls/weak-cipher-enabled',
      // True: the sample's CCDT names queue manager secureapphelm, which only the Helm release (not in the tree) names.
      'ibm-messaging__mq-helm/samples/AWSEKS/test/ccdt_template.json:5 info tls/link-outcome-unknown',
      // True: the consumer and the producer ConfigMaps both have a server_security.xml key; the other seven
      // includes are the ConfigMap keys the deployments mount at /config/adc_conf/<key>.
      'merative__spm-kubernetes/helm-charts/apps/templates/configmaps/configmap-server.yaml:72 info liberty/include-missing',
      // True: ALTER QMGR CHLAUTH(DISABLED); TLS SVRCONN channels without MCAUSER; a static-RSA CipherSpec.
      'merative__spm-kubernetes/helm-charts/mqserver/templates/configmap-mqsc.yaml:36 warning mq/chlauth-disabled',
      'merative__spm-kubernetes/helm-charts/mqserver/templates/configmap-mqsc.yaml:38 warning mq/tls-channel-without-mcauser',
      'merative__spm-kubernetes/helm-charts/mqserver/templates/configmap-mqsc.yaml:38 info tls/weak-cipher-enabled',
      'merative__spm-kubernetes/helm-charts/mqserver/templates/configmap-mqsc.yaml:39 warning mq/tls-channel-without-mcauser',
      'merative__spm-kubernetes/helm-charts/mqserver/templates/configmap-mqsc.yaml:39 info tls/weak-cipher-enabled',
      'voxpupuli__puppet-nginx/templates/server/server_footer.erb:27 info parse/unexpected-brace',
      'voxpupuli__puppet-nginx/templates/server/server_ssl_header.erb:48 info parse/unclosed-block',
    ]);
  });
});

describe('template values are unknown, never errors', () => {
  const builtIn = ['tls/server-allows-legacy-protocols'];
  it.each([
    [
      'gomplate nginx.conf',
      {
        'nginx/nginx.conf':
          'http {\n  server {\n    listen {{ .Env.PORT }} ssl;\n    ssl_protocols {{ .Env.SSL_PROTOCOLS }};\n    ssl_ciphers {{ .Env.CIPHERS }};\n  }\n}\n',
      },
      [],
    ],
    [
      'Jinja2 nginx.conf.j2',
      {
        'nginx.conf.j2':
          '{% if tls %}\nhttp { server { listen 443 ssl; ssl_protocols {{ protocols }}; } }\n{% endif %}\n',
      },
      [],
    ],
    [
      'ERB',
      {
        'nginx/ssl.conf.erb':
          'server {\n<% if @ssl -%>\n  listen 443 ssl;\n  ssl_protocols <%= @protocols %>;\n<% end -%>\n}\n',
      },
      [],
    ],
    [
      'envsubst .template',
      { 'nginx/default.conf.template': 'server {\n  listen ${PORT} ssl;\n  ssl_protocols ${SSL_PROTOCOLS};\n}\n' },
      [],
    ],
  ])('%s', (_, files, expected) => {
    const { findings, lines } = lintTree(files, { builtIn });
    expect(findings.filter((f) => f.ruleId.startsWith('parse/'))).toEqual([]);
    expect(lines).toEqual(expected);
  });

  it('a value-based finding resting on a template value is an info naming it, with the value as related location', () => {
    const { findings } = lintTree(
      { 'nginx/old.conf.tpl': 'server {\n  listen 443 ssl;\n  ssl_protocols TLSv1 ${EXTRA};\n}\n' },
      { builtIn },
    );
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['tls/server-allows-legacy-protocols', 'info']]);
    expect(findings[0].message).toContain('depends on template value ${EXTRA}');
    expect(findings[0].related?.map((r) => [r.range?.start.line, r.range?.start.character, r.message])).toContainEqual([
      2,
      22,
      'template value ${EXTRA}',
    ]);
  });

  // jhipster/jhipster-sample-app@f8da577 src/main/resources/config/application.yml: active: '@spring.profiles.active@'.
  describe('Maven resource filtering: @name@ in application*.yml under src/main/resources', () => {
    const client = {
      'client/jdk/release': 'JAVA_VERSION="17.0.9"\nIMPLEMENTOR="Eclipse Adoptium"\n',
      'client/jvm.options': '-Djdk.tls.client.protocols=TLSv1.2\n',
      'client/application.yml': 'orders:\n  api:\n    base-url: https://api:8443/orders\n',
      'api/jdk/release': 'JAVA_VERSION="17.0.9"\nIMPLEMENTOR="Eclipse Adoptium"\n',
    };
    const server = (protocols: string) =>
      `server:\n  port: 8443\n  ssl:\n    key-store: classpath:api.p12\n    enabled-protocols: ${protocols}\n`;

    it('a link finding resting on a value the build puts in is an info naming it, never an error', () => {
      const { findings } = lintTree(
        { ...client, 'api/src/main/resources/application.yml': server("'@tls.protocols@'") },
        { builtIn: ['tls/no-common-protocol'] },
      );
      expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['tls/no-common-protocol', 'info']]);
      expect(findings[0].message).toContain('depends on template value @tls.protocols@');
      expect(findings[0].message).toContain('Maven resource filtering');
    });

    it('the same value outside src/main/resources is read as written', () => {
      const { findings } = lintTree(
        { ...client, 'api/config/application.yml': server("'@tls.protocols@'") },
        { builtIn: ['tls/no-common-protocol'] },
      );
      expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['tls/no-common-protocol', 'error']]);
    });

    it('spring.profiles.active the build fills in: which profile is active is unknown, not the default profile', () => {
      const { findings } = lintTree(
        {
          ...client,
          'api/src/main/resources/application.yml': `spring:\n  profiles:\n    active: '@spring.profiles.active@'\n${server('TLSv1.3')}`,
          'api/src/main/resources/application-dev.yml': 'server:\n  ssl:\n    enabled-protocols: TLSv1.2,TLSv1.3\n',
        },
        { builtIn: ['tls/no-common-protocol', 'tls/link-outcome-unknown'] },
      );
      expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['tls/link-outcome-unknown', 'info']]);
      expect(findings[0].message).toContain('the active Spring profile: dev (application-dev.yml)');
    });
  });

  // m11y/ansible-tomcat@1f7813d templates/server.xml.j2 (no licence: shape only); nginx-proxy/nginx-proxy nginx.tmpl
  // showed `nginx server ${_hostname___}` the same way.
  it('a message names a template value as written, never the placeholder the parser read, and its branch', () => {
    const { findings } = lintTree(
      {
        'templates/server.xml.j2':
          '<Server port="8005" shutdown="SHUTDOWN">\n  <Service name="Catalina">\n    {% if tomcat_ajp_port != -1 %}\n    <Connector port="{{ tomcat_ajp_port }}" protocol="AJP/1.3" redirectPort="8443" />\n    {% endif %}\n  </Service>\n</Server>\n',
      },
      { builtIn: ['tomcat/ajp-without-secret'] },
    );
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['tomcat/ajp-without-secret', 'info']]);
    expect(findings[0].message).toContain('AJP connector {{ tomcat_ajp_port }} (');
    expect(findings[0].message).not.toContain('${');
    // The connector exists only in that branch (the role's default port -1 skips it): the info says so.
    expect(findings[0].message).toContain('(when the template takes the branch {% if tomcat_ajp_port != -1 %})');
  });

  // shyanta/part-up@750c780 (AGPL-3.0: a shape, nothing copied) devops/provision: Ansible vhost templates name
  // `/etc/ssl/{{ item.certificate }}`, and the expired certificate in provision/ssl is reported with those servers as
  // related places; their messages showed `names /etc/ssl/${item_certificate___} here`.
  it('a template value in the related place of a finding on another file is named as written', () => {
    const ruleId = 'cert/expired';
    const { findings } = lintTree(
      {
        'provision/roles/loadbalancer/templates/nginx-vhost-live.tpl':
          'server {\n    listen 443 ssl;\n    server_name {{ item.url }};\n    ssl_certificate /etc/ssl/{{ item.certificate }};\n    ssl_certificate_key /etc/ssl/{{ item.key }};\n}\n',
        'provision/ssl/wildcard.chained.crt': fs.readFileSync(
          path.join(__dirname, '..', 'fixtures', 'certs', 'md2-self-signed.crt'),
          'utf8',
        ),
      },
      { builtIn: [ruleId] },
    );
    expect(findings.map((f) => f.ruleId)).toEqual([ruleId]);
    const related = findings[0].related ?? [];
    expect(related.map((r) => r.message).join('\n')).toContain('/etc/ssl/{{ item.certificate }}');
    expect([findings[0].message, ...related.map((r) => r.message)].join('\n')).not.toMatch(/\$\{\w*___\}/);
  });

  it('a finding inside a conditional names its branch', () => {
    const files = {
      'nginx/nginx.conf':
        'server {\n  listen 443 ssl;\n{{ if .Env.LEGACY }}\n  ssl_protocols TLSv1 TLSv1.2;\n{{ end }}\n}\n',
    };
    const { findings } = lintTree(files, { builtIn });
    expect(findings.map((f) => [f.ruleId, f.severity, f.location.range?.start.line])).toEqual([
      ['tls/server-allows-legacy-protocols', 'warning', 3],
    ]);
    expect(findings[0].message).toContain('(when the template takes the branch {{ if .Env.LEGACY }})');
  });

  // mtyszczak/ssl-proxy@b282100 (no licence: shape only) entrypoint.sh writes /tmp/nginx.conf from heredocs, the server
  // blocks in a loop, some directives under `if`s: its CBC-SHA1 info said nothing of the loop.
  it('a finding on a piece of a file a script writes only when a branch runs names that branch and its line', () => {
    const write = (redirect: string, ...body: string[]) => [`cat << 'EOF' ${redirect}`, ...body, 'EOF'];
    const files = {
      'entrypoint.sh': [
        '#!/bin/sh',
        ...write('> /tmp/nginx.conf', 'events {}', 'http {', '  server {', '    listen 443 ssl;'),
        'if [ "$LEGACY" = yes ]; then',
        ...write('>> /tmp/nginx.conf', '    ssl_protocols TLSv1 TLSv1.2;'),
        'fi',
        ...write('>> /tmp/nginx.conf', '  }', '}'),
        'nginx -c /tmp/nginx.conf',
        '',
      ].join('\n'),
    };
    const { findings } = lintTree(files, { builtIn });
    expect(findings.map((f) => [f.ruleId, f.severity, f.location.range?.start.line])).toEqual([
      ['tls/server-allows-legacy-protocols', 'warning', 9],
    ]);
    expect(findings[0].message).toContain('(only when the script runs `if [ "$LEGACY" = yes ]` (line 8))');
    expect(findings[0].related?.at(-1)?.range?.start.line).toBe(7);
  });

  // mharrend/docker-nginx-ssl-proxy@f425ea5 (no licence: shape only) bin/prepare-env.sh: the TLSv1 of a template part the
  // script copies into each site's conf was not read at all.
  it('a finding on a tree file a script copies into the file it writes names that file', () => {
    const site = '/etc/nginx/conf.d/${!NAME}.conf';
    const files = {
      'configs/part1.cfg': 'server {\n    listen 443 ssl;\n',
      'configs/part2.cfg': '    ssl_protocols TLSv1 TLSv1.2;\n',
      'bin/prep.sh': [
        '#!/bin/bash',
        `cp /etc/nginx/part1.cfg ${site}`,
        `cat /etc/nginx/part2.cfg >> ${site}`,
        `echo '}' >> ${site}`,
        '',
      ].join('\n'),
    };
    const { findings } = lintTree(files, { builtIn });
    expect(findings.map((f) => [f.ruleId, f.severity, f.location.range?.start.line])).toEqual([
      ['tls/server-allows-legacy-protocols', 'warning', 2],
    ]);
    expect(findings[0].message).toContain('(in part2.cfg, which the script copies into the file here)');
    expect(findings[0].related?.at(-1)?.file).toMatch(/configs[\\/]part2\.cfg$/);
  });

  it('still reports a syntax error outside the template syntax', () => {
    const { findings } = lintTree({ 'nginx/nginx.conf': 'server {\n  listen {{ .Env.PORT }};\n}\n}\n' });
    expect(findings.map((f) => [f.ruleId, f.severity, f.location.range?.start.line])).toEqual([
      ['parse/unexpected-brace', 'error', 3],
    ]);
  });

  // eclipse/microprofile-starter@09ddc62 (Apache-2.0) src/main/resources/files/{quarkus/application.properties.tpl,
  // liberty/server.xml.tpl}, shortened: Thymeleaf textual templates. Read as properties, each `[# th:if=…]` and `[/]`
  // line was a key set again (20 parse/duplicate-key warnings in the repository), the attribute an invalid XML name.
  it('reads a Thymeleaf textual template as a template, not as duplicate keys or broken XML', () => {
    const { findings } = lintTree({
      'files/quarkus/application.properties.tpl': [
        'quarkus.package.output-name=[# th:text="${maven_artifactid}"/]',
        '[# th:if="${mp_rest_client}"]',
        '[# th:text="${java_package}"/].client.Service/mp-rest/url=http://localhost:[# th:text="${port_service_b}"/]/data',
        '[/]',
        'quarkus.ssl.native=true',
        '[# th:if="${mp_JWT_auth}"]',
        'quarkus.smallrye-jwt.enabled=false',
        '[/]',
        '',
      ].join('\n'),
      'files/liberty/server.xml.tpl': [
        '<server description="Liberty server">',
        '    [# th:if="${mp_graphql}"]',
        '    <variable name="io.openliberty.enableGraphQLUI" value="true" />',
        '    [/]',
        '    <httpEndpoint id="defaultHttpEndpoint" httpPort="[# th:text="${port_service_a}"/]" httpsPort="9443"/>',
        '</server>',
        '',
      ].join('\n'),
    });
    expect(findings.filter((f) => f.ruleId.startsWith('parse/'))).toEqual([]);
  });

  // FordLabs/retroquest@cfd9982 (Apache-2.0) api/src/main/resources/application.yml, a Gradle project (api/build.gradle,
  // no pom.xml): its default JWT signing secret has `@IUeiUIU@` inside, which Gradle copies as it is. Read as a Maven
  // filtering placeholder, the plaintext secret became an info resting on a template value.
  it.each([
    [
      'a Gradle project: copied as written, a plaintext secret',
      { 'api/build.gradle': "plugins { id 'java' }\n" },
      'warning',
    ],
    ['a Maven project: the build may fill it in', { 'api/pom.xml': '<project/>\n' }, 'info'],
    [
      'a Gradle build that filters its resources with ReplaceTokens',
      {
        'api/build.gradle':
          'processResources { filter(org.apache.tools.ant.filters.ReplaceTokens, tokens: [a: "b"]) }\n',
      },
      'info',
    ],
  ])('`@name@` in a Spring file of %s', (_name, build, severity) => {
    const { findings } = lintTree(
      {
        ...build,
        'api/src/main/resources/application.yml':
          'retroquest:\n  security:\n    jwt-signing-secret: ASLKJHDKJHikjsdkjhg1iu2heiIUGEIUQ@IUeiUIU@iyrgiu2g3i\n',
      },
      { builtIn: ['security/plaintext-secret'] },
    );
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['security/plaintext-secret', severity]]);
  });

  // cerner/jwala@099013d (Apache-2.0): a Tomcat server.xml.tpl rendered by Groovy's SimpleTemplateEngine, with an
  // expression alone on its line that writes one attribute or another.
  const groovyServerXml = (closing: string) =>
    [
      '<Server port="${jvm.shutdownPort}" shutdown="SHUTDOWN">',
      '  <Listener className="org.apache.catalina.core.JreMemoryLeakPreventionListener"',
      '            ${vars[\'ip\'] == null ? "host=" + /"/ + vars[\'host\'] + /"/ : "ip=" + /"/ + vars[\'ip\'] + /"/}',
      '            port="30000"/>',
      '  <Service name="Catalina">',
      '    <Connector port="${jvm.httpPort}" protocol="HTTP/1.1" redirectPort="${jvm.id.getId()}"/>',
      `  ${closing}`,
      '</Server>',
      '',
    ].join('\n');

  it('reads a Groovy template (SimpleTemplateEngine ${…}) as a template, not as broken XML', () => {
    const { findings } = lintTree({ 'tomcat/conf/server.xml.tpl': groovyServerXml('</Service>') });
    expect(findings.filter((f) => f.ruleId.startsWith('parse/'))).toEqual([]);
  });

  it('still reports broken XML outside the Groovy expressions of a template', () => {
    const { findings } = lintTree({ 'tomcat/conf/server.xml.tpl': groovyServerXml('</Servic>') });
    expect(findings.map((f) => [f.ruleId, f.location.range?.start.line])).toEqual([['parse/invalid-xml', 6]]);
  });

  // saltstack-formulas/tomcat-formula@2a94e4a tomcat/files/server.xml: Jinja `{%- set … -%}` lines before the XML
  // declaration. Tomcat 10.1.60's digester rejects a declaration after even one newline ('The processing instruction
  // target matching "[xX][mM][lL]" is not allowed'), so whether the rendered file parses rests on whitespace control.
  const setThenServerXml = (close: string) =>
    [
      `{%- set connectors = accumulator['100_server_xml'][0] if '100_server_xml' in accumulator else {} ${close}`,
      `{%- set sites = accumulator['300_server_xml'][0] if '300_server_xml' in accumulator else {} ${close}`,
      "<?xml version='1.0' encoding='utf-8'?>",
      '<Server port="8005" shutdown="SHUTDOWN">',
      '  <Service name="Catalina">',
      '    <Connector port="8080" protocol="HTTP/1.1"/>',
      '  </Service>',
      '</Server>',
      '',
    ].join('\n');

  it('reads an XML declaration after template tags that strip their line (`-%}`) as the start of the file', () => {
    const { findings } = lintTree({ 'tomcat/files/server.xml': setThenServerXml('-%}') });
    expect(findings.filter((f) => f.ruleId.startsWith('parse/'))).toEqual([]);
  });

  it('says an XML declaration after template tag lines is well-formed only if the engine removes those lines', () => {
    const { findings } = lintTree({ 'tomcat/files/server.xml': setThenServerXml('%}') });
    expect(findings.map((f) => [f.ruleId, f.severity, f.location.range?.start.line])).toEqual([
      ['parse/invalid-xml', 'info', 2],
    ]);
    expect(findings[0].message).toContain('trim_blocks');
  });

  // shridharkr/circuit-oneops@d2c4f6c tomcat-2/templates/default/server.xml.erb: one branch writes a whole file from an
  // attribute, the other starts with the XML declaration.
  it('reads an XML declaration that starts its own branch of a conditional', () => {
    const text = [
      "<% if node['tomcat']['override'] == 'true' -%>",
      "<%= node['tomcat']['server_xml'] %>",
      '<% else -%>',
      "<?xml version='1.0' encoding='utf-8'?>",
      '<Server port="8005" shutdown="SHUTDOWN">',
      '  <Service name="Catalina"><Connector port="8080" protocol="HTTP/1.1"/></Service>',
      '</Server>',
      '<% end -%>',
      '',
    ].join('\n');
    const { findings } = lintTree({ 'templates/default/server.xml.erb': text });
    expect(findings.filter((f) => f.ruleId.startsWith('parse/'))).toEqual([]);
  });

  // zmoore-usgs/cookbook-tomcat@d24e052 templates/default/instances/conf/server.xml.erb: two `if`s, each writing its own
  // declaration; Chef renders the one of the branch its Tomcat version takes, `-%>` removing the tag lines. Nested,
  // the inner declaration would follow the outer one in the same rendering: not well-formed.
  const ifVersion = (test: string) => `<% if @version.tr('.','')[0..1].to_i ${test}  -%>`;
  const declarations = (nested: boolean) =>
    [
      ifVersion('== 85'),
      "<?xml version='1.0' encoding='UTF-8'?>",
      ...(nested ? [] : ['<% end -%>']),
      ifVersion('< 85'),
      "<?xml version='1.0' encoding='utf-8'?>",
      '<% end -%>',
      ...(nested ? ['<% end -%>'] : []),
      '<Server port="8005" shutdown="SHUTDOWN">',
      '  <Service name="Catalina"><Connector port="8080" protocol="HTTP/1.1"/></Service>',
      '</Server>',
      '',
    ].join('\n');
  it.each([
    ['each in its own branch: either starts the file', false, []],
    ['nested: the inner one follows the outer one', true, [['parse/invalid-xml', 'error', 3]]],
  ])('reads the XML declarations of several branches (%s)', (_, nested, expected) => {
    const { findings } = lintTree({ 'templates/default/instances/conf/server.xml.erb': declarations(nested) });
    const parse = findings.filter((f) => f.ruleId.startsWith('parse/'));
    expect(parse.map((f) => [f.ruleId, f.severity, f.location.range?.start.line])).toEqual(expected);
  });

  // sprylab/ansible-role-tomcat-ubuntu@5c042bb writes conf/server.xml from templates/server.j2: a template of `server`.
  it('reads a Tomcat server.xml template named after the bare name (server.j2)', () => {
    const text = [
      "<?xml version='1.0' encoding='utf-8'?>",
      '<Server port="8005" shutdown="SHUTDOWN">',
      '  <Service name="Catalina">',
      '    <Connector port="{{ tomcat_port }}" protocol="HTTP/1.1"/>',
      '    <Connector port="8009" protocol="AJP/1.3" redirectPort="8443"/>',
      '  </Service>',
      '</Server>',
      '',
    ].join('\n');
    const { findings } = lintTree({ 'templates/server.j2': text }, { builtIn: ['tomcat/ajp-without-secret'] });
    expect(findings.map((f) => [f.ruleId, f.severity, f.location.range?.start.line])).toEqual([
      ['tomcat/ajp-without-secret', 'warning', 4],
    ]);
  });

  // camptocamp/puppet-tomcat@c0eba0a templates/server.xml.tomcat55.erb: a server.xml for the release its name gives.
  it('reads a Tomcat server.xml template whose name gives its release (server.xml.tomcat55.erb)', () => {
    const text = [
      '<Server port="<%= @server_port %>" shutdown="SHUTDOWN">',
      '  <Service name="Catalina">',
      '    <Connector port="8009" protocol="AJP/1.3" redirectPort="8443"/>',
      '  </Service>',
      '</Server>',
      '',
    ].join('\n');
    const { findings } = lintTree(
      { 'templates/server.xml.tomcat55.erb': text },
      { builtIn: ['tomcat/ajp-without-secret'] },
    );
    expect(findings.map((f) => [f.ruleId, f.severity, f.location.range?.start.line])).toEqual([
      ['tomcat/ajp-without-secret', 'warning', 2],
    ]);
  });

  it('picks the reading of a conditional that parses when both branches together do not', () => {
    const text =
      '{{ if .Env.TLS }}\nserver { listen 443 ssl;\n{{ else }}\nserver { listen 80;\n{{ end }}\n  server_name x;\n}\n';
    const { findings } = lintTree({ 'nginx/nginx.conf': text });
    expect(findings).toEqual([]);
  });

  it.each([
    ['a plain template', {}],
    [
      'a Helm chart',
      { 'Chart.yaml': 'apiVersion: v2\nname: gw\nversion: 1.0.0\n', 'values.yaml': 'exposeApi: true\n' },
    ],
  ])('reads the nginx.conf of a ConfigMap whose if and else each open a block, in %s', (_, chart) => {
    // IBM/charts@951c317 ibm-watson-gateway/templates/30-configmap-nginx.yaml: `location … {` in the if and in the else,
    // one `}` after: both branches kept, a block was left open that no rendering leaves open.
    const configMap =
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: gw\ndata:\n  nginx.conf: |\n    server {\n      listen 8080;\n' +
      '{{- if .Values.exposeApi }}\n      location /api/ {\n{{- else }}\n      location /internal/ {\n        internal;\n' +
      '{{- end }}\n        proxy_pass http://backend;\n      }\n    }\n';
    const { findings } = lintTree({ ...chart, 'templates/gateway-configmap.yaml': configMap });
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
    // Still an error where no branch closes it.
    const unclosed = configMap.replace(
      '        proxy_pass http://backend;\n      }\n',
      '        proxy_pass http://backend;\n',
    );
    const broken = lintTree({ ...chart, 'templates/gateway-configmap.yaml': unclosed }).findings;
    expect(broken.map((f) => [f.ruleId, f.severity])).toContainEqual(['parse/unclosed-block', 'error']);
  });
});

describe('a java.security that -Djava.security.properties names', () => {
  // An override file holds any security property, also one lint-deploy does not know (Red Hat's JDKs read
  // fips.keystore.type): read as the override, it is not also said to be not understood.
  it('is read as the override, and not said to be not understood', () => {
    const { findings } = lintTree({
      'app/java.security': 'fips.keystore.type=PKCS12\n',
      'app/run.sh': '#!/bin/sh\nexec java -Djava.security.properties=/app/java.security -jar /app/app.jar\n',
    });
    expect(findings.filter((f) => f.ruleId === 'parse/not-understood')).toEqual([]);
  });
  it('a file of that name that nothing names is still said to be not understood', () => {
    const { findings } = lintTree({ 'app/java.security': 'fips.keystore.type=PKCS12\n' });
    expect(findings.map((f) => f.ruleId)).toContain('parse/not-understood');
  });
});

describe('files found but not understood are named', () => {
  const files = {
    'jdk/conf/security/java.security': 'this is not a properties file at all\n',
    'k8s/config.yaml': 'data:\n  java.security: |\n    just words here\n',
    'nginx/nginx.conf': 'server {\n  listen 443 ssl;\n}\n',
    // A Cloud Foundry buildpack's bin/release (sgorial/covs-buildpack@9177e86) is a script, not a JDK's release file.
    'buildpack/bin/release': '#!/usr/bin/env bash\n\ncat <<EOF\n---\ndefault_process_types:\nEOF\n',
  };
  it('as infos with the file, and in the summaries', () => {
    const root = writeTree(files);
    try {
      const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
      const skipped = result.findings.filter((f) => f.ruleId === 'parse/not-understood');
      expect(
        skipped.map((f) => [
          path.relative(root, f.location.file).split(path.sep).join('/'),
          f.severity,
          (f.location.range?.start.line ?? -1) + 1,
        ]),
      ).toEqual([
        ['jdk/conf/security/java.security', 'info', 0],
        ['k8s/config.yaml', 'info', 3],
      ]);
      const context = {
        cwd: root,
        toolName: 'lint-deploy',
        toolVersion: '0',
        rules: [],
        deployments: result.deployments,
        fileCount: result.fileCount,
        color: false,
      };
      expect(stylish(result.findings, context)).toContain(
        '2 files not understood: jdk/conf/security/java.security, k8s/config.yaml',
      );
      expect((toJsonReport(result.findings, context) as { summary: { skipped: unknown } }).summary.skipped).toEqual([
        { file: 'jdk/conf/security/java.security', reason: 'not understood' },
        { file: 'k8s/config.yaml', reason: 'not understood' },
      ]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  // ewiger/ibm-mq-mtls@6dee649 MqPutClient/mqclient.ini: `[Trace]` and `[SSL]` where IBM MQ writes `Trace:` and `SSL:`.
  it('an mqclient.ini written with [Section] headers says why it is not one', () => {
    const { findings } = lintTree({
      'client/mqclient.ini': '[Trace]\nMQDotnetTraceLevel=2\n\n[SSL]\nSSLClientCertLabel=x\n',
    });
    expect(findings.map((f) => `${f.ruleId} ${f.message}`)).toEqual([
      "parse/not-understood Not understood: its name says mq.client-ini but it is written with [Section] headers, which IBM MQ's stanza files never hold (they write `SSL:`, `CHANNELS:`, `Trace:`); it is not checked",
    ]);
  });

  it('a Liberty bootstrap.properties and variables/ files are not Spring', () => {
    const { findings } = lintTree(
      {
        'wlp/usr/servers/app/bootstrap.properties': 'default.https.port=9443\nserver.ssl.protocol=TLSv1\n',
        'wlp/usr/servers/app/variables/application.properties': 'TLSv1',
      },
      { builtIn: ['tls/server-allows-legacy-protocols', 'tls/weak-protocol-enabled'] },
    );
    expect(findings).toEqual([]);
  });
});
