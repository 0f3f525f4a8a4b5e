import kibanaRule from '../../../src/rules/elastic/kibana-verification-disabled';
import beatsRule from '../../../src/rules/elastic/beats-verification-disabled';
import { modelOf, ruleTester } from '../../helpers/rule-tester';

const KIBANA = 'kibana/config/kibana.yml';
const kibana = (...lines: string[]) => ({ [KIBANA]: ['server.name: kibana', ...lines, ''].join('\n') });
const BEAT = 'filebeat/filebeat.yml';
const beat = (...lines: string[]) => ({ [BEAT]: ['filebeat.inputs: []', ...lines, ''].join('\n') });
const compose = (...environment: string[]) => ({
  'docker-compose.yml': [
    'services:',
    '  kibana:',
    '    image: docker.elastic.co/kibana/kibana:8.13.0',
    '    environment:',
    ...environment.map((e) => `      ${e}`),
    '',
  ].join('\n'),
});

// https://www.elastic.co/guide/en/kibana/current/settings.html elasticsearch.ssl.verificationMode: none, certificate, full.
ruleTester(kibanaRule, {
  valid: [
    { name: 'full, the default', files: kibana('elasticsearch.hosts: [https://es:9200]') },
    {
      name: 'certificate: the chain is checked, only the host name is not (not said)',
      files: kibana('elasticsearch.hosts: [https://es:9200]', 'elasticsearch.ssl.verificationMode: certificate'),
    },
    {
      name: 'plain http hosts: no certificate to check',
      files: kibana('elasticsearch.hosts: [http://es:9200]', 'elasticsearch.ssl.verificationMode: none'),
    },
    {
      name: 'hosts unset: Kibana calls http://localhost:9200',
      files: kibana('elasticsearch.ssl.verificationMode: none'),
    },
    {
      name: 'hosts from the environment: TLS unknown',
      files: kibana('elasticsearch.hosts: ${ES_HOSTS}', 'elasticsearch.ssl.verificationMode: none'),
    },
    {
      name: 'the mode from the environment',
      files: kibana('elasticsearch.hosts: https://es:9200', 'elasticsearch.ssl.verificationMode: ${ES_VERIFY}'),
    },
    {
      name: 'a Compose service of the image with the mode but its hosts from its kibana.yml (unknown)',
      files: compose('ELASTICSEARCH_SSL_VERIFICATIONMODE: none'),
    },
  ],
  invalid: [
    {
      name: 'none, flat key, to an https host (two hosts, one https)',
      files: kibana(
        'elasticsearch.hosts: ["http://es1:9200", "https://ES2:9200"]',
        'elasticsearch.ssl.verificationMode: none',
      ),
      errors: [
        {
          messageId: 'disabled',
          severity: 'warning',
          file: KIBANA,
          line: 3,
          related: [{ file: KIBANA, line: 2 }],
          messageIncludes: ['elasticsearch.ssl.verificationMode is none for Kibana (kibana/config/kibana.yml)'],
        },
      ],
    },
    {
      name: 'none, nested keys',
      files: kibana('elasticsearch:', '  hosts: https://es:9200', '  ssl:', '    verificationMode: NONE'),
      errors: [{ messageId: 'disabled', file: KIBANA, line: 5 }],
    },
    {
      name: "a Compose service's ELASTICSEARCH_SSL_VERIFICATIONMODE with https hosts (the image's entrypoint list)",
      files: compose('ELASTICSEARCH_HOSTS: \'["https://es01:9200"]\'', 'ELASTICSEARCH_SSL_VERIFICATIONMODE: none'),
      errors: [
        {
          messageId: 'disabled',
          file: 'docker-compose.yml',
          line: 6,
          messageIncludes: [
            'ELASTICSEARCH_SSL_VERIFICATIONMODE is none for Kibana (docker-compose.yml, Compose service kibana)',
          ],
        },
      ],
    },
  ],
});

// https://www.elastic.co/guide/en/beats/filebeat/current/configuration-ssl.html verification_mode: full, strict, certificate, none.
ruleTester(beatsRule, {
  valid: [
    {
      name: 'a Logstash output without ssl settings: plain',
      files: beat('output.logstash:', '  hosts: [ls:5044]'),
    },
    {
      name: 'ssl.enabled from the environment, false by default (rwlxxvii/containers filebeat.yml)',
      files: beat(
        'output.logstash:',
        '  hosts: [ls:5044]',
        '  ssl.enabled: ${BEATS_SSL:false}',
        '  ssl.verification_mode: "none"',
      ),
    },
    {
      name: 'ssl.enabled false: the section is not applied',
      files: beat('output.logstash:', '  hosts: [ls:5044]', '  ssl.enabled: false', '  ssl.verification_mode: none'),
    },
    {
      name: 'an Elasticsearch output to http hosts',
      files: beat('output.elasticsearch:', '  hosts: [http://es:9200]', '  ssl.verification_mode: none'),
    },
    {
      name: 'certificate: the chain is checked (not said)',
      files: beat('output.elasticsearch:', '  hosts: [https://es:9200]', '  ssl.verification_mode: certificate'),
    },
  ],
  invalid: [
    {
      name: 'a Logstash output whose ssl section turns TLS on',
      files: beat(
        'output.logstash:',
        '  hosts: [ls:5044]',
        '  ssl.certificate_authorities: [/certs/ca.crt]',
        '  ssl.verification_mode: none',
      ),
      errors: [
        {
          messageId: 'disabled',
          severity: 'warning',
          file: BEAT,
          line: 5,
          related: [{ file: BEAT, line: 4 }],
          messageIncludes: ['Filebeat output.logstash (filebeat/filebeat.yml)', 'Logstash'],
        },
      ],
    },
    {
      name: 'an Elasticsearch output to bare hosts with protocol https, nested ssl',
      files: beat(
        'output.elasticsearch:',
        '  hosts: [es:9200]',
        '  protocol: https',
        '  ssl:',
        '    verification_mode: none',
      ),
      errors: [{ messageId: 'disabled', file: BEAT, line: 6, related: [{ file: BEAT, line: 4 }] }],
    },
  ],
});

describe('the hosts each client calls are recorded, lower case', () => {
  it('Kibana and a Beat', () => {
    const deployment = modelOf({
      ...kibana('elasticsearch.hosts: ["https://ES-1:9200", "http://[::1]:9200"]'),
      ...beat('output.elasticsearch:', '  hosts: ["es-2:9200", "https://user@Es-3"]'),
    });
    const clients = deployment.elasticClients ?? [];
    expect(clients.map((c) => [c.name, c.hosts, c.tls])).toEqual([
      ['Kibana (kibana/config/kibana.yml)', ['es-1', '::1'], true],
      ['Filebeat output.elasticsearch (filebeat/filebeat.yml)', ['es-2', 'es-3'], true],
    ]);
  });
  it('a placeholder leaves them unknown', () => {
    const deployment = modelOf(beat('output.logstash:', '  hosts: ["${LOGSTASH_HOST:logstash:5044}"]'));
    expect(deployment.elasticClients?.[0]).toMatchObject({ tls: false });
    expect(deployment.elasticClients?.[0]?.hosts).toBeUndefined();
  });
  it("Kibana's HTTPS server and a Beat's protocols, as written", () => {
    const deployment = modelOf({
      ...kibana(
        'server.ssl:',
        '  enabled: true',
        '  certificate: config/kibana.crt',
        '  supportedProtocols: [TLSv1.2, TLSv1.3]',
        '  clientAuthentication: optional',
      ),
      ...beat('output.logstash:', '  hosts: [ls:5044]', '  ssl.supported_protocols: [TLSv1.2]'),
    });
    expect(deployment.kibanaServers).toEqual([
      expect.objectContaining({
        name: "Kibana's HTTPS server (kibana/config/kibana.yml)",
        enabled: true,
        certificate: expect.objectContaining({ text: 'config/kibana.crt' }),
        supportedProtocols: expect.objectContaining({ text: 'TLSv1.2, TLSv1.3' }),
        clientAuthentication: expect.objectContaining({ setting: 'server.ssl.clientAuthentication', text: 'optional' }),
      }),
    ]);
    const output = deployment.elasticClients?.find((c) => c.target === 'logstash');
    expect(output).toMatchObject({ tls: true, supportedProtocols: { text: 'TLSv1.2' } });
  });
});
