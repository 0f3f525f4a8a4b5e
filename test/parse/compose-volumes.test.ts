import { composeFormat } from '../../src/parse/compose';

const mountsOf = (text: string) =>
  composeFormat.parse({ path: '/t/compose.yaml', text, hadBom: false }, 'compose').data.mounts.map((m) => ({
    service: m.service,
    source: m.source,
    target: m.target,
    readOnly: m.readOnly,
    at: `${m.range.start.line + 1}:${m.range.start.character + 1}-${m.range.end.line + 1}:${m.range.end.character + 1}`,
  }));

describe('Docker Compose bind mounts', () => {
  it('short and long syntax, with the source where it is written', () => {
    const text = [
      'services:',
      '  nginx-proxy:',
      '    volumes:',
      '      - /var/run/docker.sock:/tmp/docker.sock:ro',
      '      - "./certs:/etc/nginx/certs:ro"',
      '      - ${PYTEST_MODULE_PATH}/acme_root:/usr/share/nginx/html',
      '      - ${CERTS_DIR:-./certs}:/certs:ro,z',
      '      - C:\\certs:/etc/certs',
      '      - data:/var/lib/data',
      '      - /anonymous',
      '  web:',
      '    volumes:',
      '      - type: bind',
      '        source: ./conf.d',
      '        target: /etc/nginx/conf.d',
      '        read_only: true',
      '      - type: volume',
      '        source: data',
      '        target: /data',
      'volumes:',
      '  data: {}',
      '',
    ].join('\n');
    expect(mountsOf(text)).toEqual([
      {
        service: 'nginx-proxy',
        source: '/var/run/docker.sock',
        target: '/tmp/docker.sock',
        readOnly: true,
        at: '4:9-4:29',
      },
      { service: 'nginx-proxy', source: './certs', target: '/etc/nginx/certs', readOnly: true, at: '5:10-5:17' },
      {
        service: 'nginx-proxy',
        source: '${PYTEST_MODULE_PATH}/acme_root',
        target: '/usr/share/nginx/html',
        readOnly: false,
        at: '6:9-6:40',
      },
      { service: 'nginx-proxy', source: '${CERTS_DIR:-./certs}', target: '/certs', readOnly: true, at: '7:9-7:30' },
      { service: 'nginx-proxy', source: 'C:\\certs', target: '/etc/certs', readOnly: false, at: '8:9-8:17' },
      { service: 'web', source: './conf.d', target: '/etc/nginx/conf.d', readOnly: true, at: '14:17-14:25' },
    ]);
  });

  // `.` is the Compose file's directory, not a drive letter (keeeshore/kafka-ssl-compose mounts `.:/etc/kafka/secrets`).
  it.each([
    ['.:/etc/kafka/secrets', '.', '/etc/kafka/secrets'],
    ['.:/etc/kafka/secrets:ro', '.', '/etc/kafka/secrets'],
    ['..:/work', '..', '/work'],
    ['c:/certs:/etc/certs', 'c:/certs', '/etc/certs'],
  ])('the short mount %s has the source %s', (mount, source, target) => {
    const [found] = mountsOf(`services:\n  kafka:\n    volumes:\n      - ${mount}\n`);
    expect([found?.source, found?.target]).toEqual([source, target]);
  });

  it('a list under an x- extension field, which anchors bring into services', () => {
    const text = 'x-common:\n  volumes:\n    - ./certs:/certs\nservices:\n  a:\n    image: nginx\n';
    expect(mountsOf(text)).toEqual([
      { service: undefined, source: './certs', target: '/certs', readOnly: false, at: '3:7-3:14' },
    ]);
  });
});

describe('Compose files under names of their own', () => {
  it.each([
    ['nodefault.yml', 'services:\n  nginx-proxy:\n    volumes:\n      - ./certs:/etc/nginx/certs\n', 'compose'],
    ['test_dhparam.base.yml', 'networks:\n  default: {}\n\nservices:\n  # sut\n  web5:\n    image: web\n', 'compose'],
    ['ci.yml', 'services:\n  - docker:dind\nimage: node\n', undefined],
    ['application-x.yaml', 'services:\n  orders:\n    url: https://orders\n', undefined],
    ['deploy.yaml', 'apiVersion: v1\nkind: Pod\nservices:\n  a:\n    image: x\n', undefined],
    ['nodefault.txt', 'services:\n  a:\n    image: x\n', undefined],
    ['redis.yml', 'services:\n  redis:\n    image: redis\n{LINUX_SETTING}    network_mode: "host"\n', undefined],
    ['values.yaml', 'services:\n  api:\n    image: repo/api\n', undefined],
  ])('%s', (name, head, kind) => {
    expect(composeFormat.classify(`/t/${name}`, head)).toBe(kind);
  });
});
