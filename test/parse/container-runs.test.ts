import { containerRuns, dockerEnvFileVariables } from '../../src/parse/container-runs';

const runsOf = (path: string, text: string) =>
  containerRuns({ path, text, hadBom: false })?.data.runs.map((r) => [
    r.image,
    r.mounts.map(({ host, container }) => ({ host, container })),
  ]);

describe('containers a shell script runs (docker run)', () => {
  // haproxy-ssl-poc/haproxy-cfg@1653d7b ha.sh, line 2 as written.
  it('reads the image after the options, and the bind mounts', () => {
    expect(
      runsOf(
        '/t/ha.sh',
        '#!/bin/sh\ndocker run -d -p443:443 -p80:80 -p1936:1936 -v $(pwd)/certs:/etc/certs -v $(pwd)/cfg/haproxy.cfg:/etc/haproxy/haproxy.cfg --network ha --rm --name ilb haproxy:1.9.10 haproxy -f /etc/haproxy/haproxy.cfg\n',
      ),
    ).toEqual([
      [
        'haproxy:1.9.10',
        [
          { host: '$(pwd)/certs', container: '/etc/certs' },
          { host: '$(pwd)/cfg/haproxy.cfg', container: '/etc/haproxy/haproxy.cfg' },
        ],
      ],
    ]);
  });

  it.each([
    [
      '--volume=, --mount type=bind, docker container run, grouped flags',
      'docker container run -dit --volume="${PWD}/a.cfg:/x/a.cfg" --mount type=bind,source=./conf,target=/usr/local/etc/haproxy haproxy:2.8',
      [
        [
          'haproxy:2.8',
          [
            { host: '${PWD}/a.cfg', container: '/x/a.cfg' },
            { host: './conf', container: '/usr/local/etc/haproxy' },
          ],
        ],
      ],
    ],
    [
      'podman, continued lines',
      'podman run \\\n  -v ./h.cfg:/h.cfg:ro \\\n  docker.io/library/haproxy:2.4.22',
      [['docker.io/library/haproxy:2.4.22', [{ host: './h.cfg', container: '/h.cfg' }]]],
    ],
    [
      "a bash array's items that the run expands",
      'm=(-v "$D/a:/etc/a:ro")\nm+=(--mount type=bind,src=./b,dst=/etc/b)\ndocker run -d "${m[@]}" --rm nginx:1.27',
      [
        [
          'nginx:1.27',
          [
            { host: '$D/a', container: '/etc/a' },
            { host: './b', container: '/etc/b' },
          ],
        ],
      ],
    ],
    // An option it does not know as a flag takes a value: the image is then not read rather than misread.
    ['an unknown flag leaves the image unread', 'docker run --some-new-flag haproxy:2.8 -f x', []],
    ['docker ps, docker build: no container', 'docker ps -a\ndocker build -t haproxy:2.8 .', []],
  ])('%s', (_name, line, expected) => {
    expect(runsOf('/t/run.sh', `${line}\n`) ?? []).toEqual(expected);
  });

  it("reads a Makefile's recipes (make's @ prefix set aside), with each mount's place", () => {
    const make = 'run:\n\t@docker run --rm -v $(PWD)/sites-available/a.conf:/etc/nginx/conf.d/a.conf nginx:1.25\n';
    const [run] = containerRuns({ path: '/t/Makefile', text: make, hadBom: false })?.data.runs ?? [];
    expect(run?.mounts).toEqual([
      {
        host: '$(PWD)/sites-available/a.conf',
        container: '/etc/nginx/conf.d/a.conf',
        range: { start: { line: 1, character: 21 }, end: { line: 1, character: 75 } },
      },
    ]);
    expect(runsOf('/t/rules.mk', make)).toHaveLength(1);
  });

  it('reads scripts only, by name or #!', () => {
    expect(runsOf('/t/README.md', 'docker run -v $(pwd)/h.cfg:/h.cfg haproxy:2.8\n')).toBeUndefined();
    expect(runsOf('/t/Dockerfile', 'RUN docker run -v $(pwd)/h.cfg:/h.cfg haproxy:2.8\n')).toBeUndefined();
  });

  // OpenLiberty/guide-jms-intro scripts/testApp.sh's shape: `--env` options on continued lines before the image.
  it('reads -e/--env variables (quoted, inline, from the caller) and --env-file, each with its place', () => {
    const text =
      'docker run \\\n  --env LICENSE=accept -e "MQ_APP_PASSWORD=pass word" \\\n  --env=MQ_DEV=false -eMQ_QMGR_NAME=QM1 -e MQ_ADMIN_PASSWORD \\\n  --env-file ./qm.env -d icr.io/ibm-messaging/mq:9.4.0.0-r3\n';
    const [run] = containerRuns({ path: '/t/run.sh', text, hadBom: false })?.data.runs ?? [];
    expect(run?.image).toBe('icr.io/ibm-messaging/mq:9.4.0.0-r3');
    expect(run?.environment.map(({ name, value }) => [name, value])).toEqual([
      ['LICENSE', 'accept'],
      ['MQ_APP_PASSWORD', 'pass word'],
      ['MQ_DEV', 'false'],
      ['MQ_QMGR_NAME', 'QM1'],
      ['MQ_ADMIN_PASSWORD', undefined],
    ]);
    // From the option to the end of its value, on its own line.
    expect(run?.environment[1]?.range).toEqual({ start: { line: 1, character: 23 }, end: { line: 1, character: 53 } });
    expect(run?.environment[2]?.range).toEqual({ start: { line: 2, character: 2 }, end: { line: 2, character: 20 } });
    expect(run?.envFiles).toEqual([
      { path: './qm.env', range: { start: { line: 3, character: 2 }, end: { line: 3, character: 21 } } },
    ]);
  });

  it.each([
    ['--name qm1', 'qm1', [21, 24]],
    ['--name=qm1', 'qm1', [14, 24]],
    ['--name "$C"', '$C', [21, 25]],
  ])(
    'reads the container name of %s (docker exec finds the container by it), and where',
    (option, name, [start, end]) => {
      const text = `docker run -d ${option} -e LICENSE=accept icr.io/ibm-messaging/mq\n`;
      const [run] = containerRuns({ path: '/t/run.sh', text, hadBom: false })?.data.runs ?? [];
      expect(run?.name?.value).toBe(name);
      expect(run?.name?.range).toEqual({ start: { line: 0, character: start }, end: { line: 0, character: end } });
    },
  );

  it('a run without --name has none', () => {
    const [run] =
      containerRuns({ path: '/t/run.sh', text: 'docker run -d icr.io/ibm-messaging/mq\n', hadBom: false })?.data.runs ??
      [];
    expect(run?.name).toBeUndefined();
  });

  it("reads an --env-file as docker does: values as written, a bare name the caller's", () => {
    const read = dockerEnvFileVariables('# queue manager\r\nMQ_DEV="false"\n\n  LICENSE=accept\nMQ_APP_PASSWORD\n');
    expect(read.map(({ name, value }) => (value === undefined ? { name } : { name, value }))).toEqual([
      { name: 'MQ_DEV', value: '"false"' },
      { name: 'LICENSE', value: 'accept' },
      { name: 'MQ_APP_PASSWORD' },
    ]);
  });
});
