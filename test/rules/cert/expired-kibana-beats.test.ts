import rule from '../../../src/rules/cert/expired';
import { ca, daysFromNow, leaf } from '../../helpers/pki';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * The PEM files Kibana and the Beats name (src/model/kibana-beats.ts) are in use whenever they start: an expired one is
 * judged as any end's. A Beat's CA file named by the container path a Compose bind mount fills (docker-elk's
 * extensions/filebeat: /usr/share/filebeat/ca.crt), Kibana's HTTPS certificate once server.ssl.enabled is true.
 */
const old = { notBefore: daysFromNow(-400), notAfter: daysFromNow(-30) };
const expiredCa = ca('Elastic Stack CA', undefined, old);
const expiredLeaf = leaf('kibana', ca('Kibana CA'), old);

const beatsCompose = [
  'services:',
  '  filebeat:',
  '    image: docker.elastic.co/beats/filebeat:8.13.0',
  '    volumes:',
  '      - ./config/filebeat.yml:/usr/share/filebeat/filebeat.yml:ro',
  '      - ./tls/ca.crt:/usr/share/filebeat/ca.crt:ro',
  '',
].join('\n');
const kibanaCompose = [
  'services:',
  '  kibana:',
  '    image: docker.elastic.co/kibana/kibana:8.13.0',
  '    volumes:',
  '      - ./kibana/config/kibana.yml:/usr/share/kibana/config/kibana.yml:ro',
  '      - ./kibana/certs:/usr/share/kibana/config/certs:ro',
  '',
].join('\n');
const beat = (output: string[]) => ['filebeat.inputs: []', ...output, ''].join('\n');
const kibana = (...lines: string[]) => ['server.name: kibana', ...lines, ''].join('\n');

ruleTester(rule, {
  valid: [],
  invalid: [
    {
      // Go's crypto/tls, which the model does not profile: said as a CA file whose trusting end is unknown (a warning).
      name: "a Beat's CA file, mounted where its output names it",
      files: {
        'filebeat/docker-compose.yml': beatsCompose,
        'filebeat/config/filebeat.yml': beat([
          'output.elasticsearch:',
          '  hosts: [https://elasticsearch:9200]',
          '  ssl.certificate_authorities: [/usr/share/filebeat/ca.crt]',
        ]),
        'filebeat/tls/ca.crt': expiredCa.pem,
      },
      errors: [
        {
          messageId: 'expiredUnlinkedCa',
          file: 'filebeat/tls/ca.crt',
          line: 1,
          severity: 'warning',
          messageIncludes: ['CN=Elastic Stack CA expired'],
        },
      ],
    },
    {
      name: "Kibana's CA file for Elasticsearch, by a relative path read from its image's working directory",
      files: {
        'docker-compose.yml': kibanaCompose,
        'kibana/config/kibana.yml': kibana(
          'elasticsearch.hosts: [https://elasticsearch:9200]',
          'elasticsearch.ssl.certificateAuthorities: [config/certs/ca.crt]',
        ),
        'kibana/certs/ca.crt': expiredCa.pem,
      },
      errors: [
        {
          messageId: 'expiredOnlyAnchors',
          file: 'kibana/certs/ca.crt',
          line: 1,
          severity: 'error',
          messageIncludes: ["the CA file Kibana's connection to Elasticsearch (kibana/config/kibana.yml) verifies"],
        },
      ],
    },
    {
      name: "Kibana's HTTPS certificate, served from the path a Compose bind mount fills",
      files: {
        'docker-compose.yml': kibanaCompose,
        'kibana/config/kibana.yml': kibana(
          'server.ssl.enabled: true',
          'server.ssl.certificate: /usr/share/kibana/config/certs/kibana.crt',
        ),
        'kibana/certs/kibana.crt': expiredLeaf.pem,
      },
      errors: [{ messageId: 'expired', file: 'kibana/certs/kibana.crt', line: 1, severity: 'error' }],
    },
    {
      name: "Kibana's HTTPS certificate named by the image's SERVER_SSL_CERTIFICATE, from the service's own mount",
      files: {
        'docker-compose.yml': [
          'services:',
          '  kibana:',
          '    image: docker.elastic.co/kibana/kibana:8.6.1',
          '    volumes:',
          '      - ./certs:/cert',
          '    environment:',
          '      - ELASTICSEARCH_HOSTS=https://elasticsearch:9200',
          '      - SERVER_SSL_ENABLED=true',
          '      - SERVER_SSL_CERTIFICATE=/cert/bundle.pem',
          '',
        ].join('\n'),
        'certs/bundle.pem': expiredLeaf.pem,
      },
      errors: [{ messageId: 'expired', file: 'certs/bundle.pem', line: 1, severity: 'error' }],
    },
    {
      name: "Kibana's HTTPS certificate by a path the tree does not place: perhaps this file",
      files: {
        'kibana/config/kibana.yml': kibana('server.ssl.enabled: true', 'server.ssl.certificate: /certs/kibana.crt'),
        'kibana/certs/kibana.crt': expiredLeaf.pem,
      },
      errors: [{ messageId: 'expiredPerhapsNamed', file: 'kibana/certs/kibana.crt', line: 1 }],
    },
    {
      name: "Kibana's HTTPS certificate with server.ssl.enabled false: not served (as before, unnamed)",
      files: {
        'kibana/config/kibana.yml': kibana('server.ssl.enabled: false', 'server.ssl.certificate: /certs/kibana.crt'),
        'kibana/certs/kibana.crt': expiredLeaf.pem,
      },
      errors: [{ messageId: 'expiredUnnamed', file: 'kibana/certs/kibana.crt', line: 1, severity: 'info' }],
    },
  ],
});
