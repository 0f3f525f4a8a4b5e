import { classifyFile } from '../../src/parse/registry';
import {
  LOGSTASH_PIPELINE_KIND,
  logstashPipelineFormat,
  parseLogstashPipeline,
  scalarText,
} from '../../src/parse/logstash-pipeline';

// Written for this test after the docker-elk layout (a beats input, an elasticsearch output with a CA file).
const PIPELINE = `# pipeline
input {
\tbeats {
\t\tport => 5044
\t\tssl_enabled => true
\t\tssl_certificate_authorities => ["/certs/ca.crt", '/certs/other.crt']
\t}
}

filter {
  if [type] == "syslog" and [msg] =~ /a{2}/ { # a comment with a {
    mutate { add_field => { "k" => "v" "n" => 1 } }
  } else if ([x]) {
    drop { }
  } else {
    grok { match => { "message" => "%{WORD:w} \\"q\\"" } }
  }
}

output {
  elasticsearch {
    hosts => "https://es01:9200"
    password => "\${ES_PASSWORD}"
    ssl_certificate_verification => false
    codec => json_lines { charset => "UTF-8" }
  }
}
`;

describe('Logstash pipeline configuration', () => {
  it.each([
    ['/t/logstash/pipeline/logstash.conf', PIPELINE],
    ['/t/conf.d/50-outputs.pfelk', 'output {\n  if [a] { elasticsearch { hosts => ["x"] } }\n}\n'],
    ['/t/pipeline/main.cfg', '# c\n\nfilter { mutate { } }'],
  ])('%s is a pipeline', (file, text) => {
    expect(classifyFile(file, text)?.kind).toBe(LOGSTASH_PIPELINE_KIND);
  });

  it.each([
    ['/t/nginx/nginx.conf', 'events {}\nhttp {\n  server { listen 443 ssl; }\n}\n'],
    ['/t/httpd/conf/httpd.conf', 'Listen 80\n<VirtualHost *:443>\n  SSLEngine on\n</VirtualHost>\n'],
    ['/t/app/filter.conf', 'filter = on\ninput = stdin\n'],
    ['/t/fluent/td-agent.conf', '<source>\n  @type forward\n</source>\n'],
  ])('%s is not', (file, text) => {
    expect(logstashPipelineFormat.classify(file, text)).toBeUndefined();
  });

  it('keeps sections, plugins in branches, values and their places (zero-based)', () => {
    const { data, problems, comments } = parseLogstashPipeline(PIPELINE);
    expect(problems).toEqual([]);
    expect(data.sections.map((s) => s.type)).toEqual(['input', 'filter', 'output']);
    expect(data.plugins.map((p) => [p.section, p.name.value, p.conditions])).toEqual([
      ['input', 'beats', []],
      ['filter', 'mutate', ['[type] == "syslog" and [msg] =~ /a{2}/']],
      ['filter', 'drop', ['else if ([x])']],
      ['filter', 'grok', ['else']],
      ['output', 'elasticsearch', []],
    ]);
    expect(comments.map((c) => c.text)).toEqual([' pipeline', ' a comment with a {']);
    const beats = data.plugins[0]!;
    const cas = beats.attributes.find((a) => a.name.value === 'ssl_certificate_authorities')!;
    expect(scalarText(cas.value)).toBe('/certs/ca.crt,/certs/other.crt');
    expect(cas.name.range.start).toEqual({ line: 5, character: 2 });
    const es = data.plugins[4]!;
    expect(es.attributes.map((a) => [a.name.value, a.value.kind])).toEqual([
      ['hosts', 'string'],
      ['password', 'string'],
      ['ssl_certificate_verification', 'bareword'],
      ['codec', 'plugin'],
    ]);
    expect(es.attributes[0]!.value.range).toEqual({
      start: { line: 21, character: 13 },
      end: { line: 21, character: 32 },
    });
  });

  it('entries name their plugin, and a password is a secret', () => {
    const doc = logstashPipelineFormat.parse(
      { path: '/t/logstash.conf', text: PIPELINE, hadBom: false },
      LOGSTASH_PIPELINE_KIND,
    );
    const password = doc.entries.find((e) => e.key === 'password')!;
    expect(password).toMatchObject({ section: 'output elasticsearch', secret: true, value: '${ES_PASSWORD}' });
    expect(doc.entries.find((e) => e.key === 'port')).toMatchObject({ section: 'input beats', value: '5044' });
  });

  it.each([
    // An `else` with a condition but no `if` (rwlxxvii/containers' elastic pipeline had one).
    ['output {\n  if [a] { stdout { } }\n  else [b] { stdout { } }\n}\n', 2, "'{' or 'if' after 'else'"],
    // A bareword cannot hold a dash (grammar.treetop `bareword`).
    ['input {\n  udp {\n    type => asa-syslog\n  }\n}\n', 2, "a blank or '}'"],
    // One brace too many closes the section; what follows is no section.
    ['filter {\n  mutate { }\n  }\n}\n', 3, 'input, filter or output'],
    ['output {\n  elasticsearch {\n    hosts => "x\n', 2, 'the closing " of this string'],
    ['output {\n  stdout {}\n', 2, "'}'"],
  ])('a file Logstash refuses is a problem at its place: %j', (text, line, expected) => {
    const { problems } = parseLogstashPipeline(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'logstash-syntax', severity: 'error', data: { expected } });
    expect(problems[0]!.range.start.line).toBe(line);
  });
});
