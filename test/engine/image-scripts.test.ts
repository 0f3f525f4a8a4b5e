import * as path from 'node:path';
import type { Finding } from '../../src/core/types';
import { renderedMqImageScript, mqImageScripts } from '../../src/knowledge';
import { lintTree } from './lint-helper';

/**
 * IBM MQ's developer image applies its own /etc/mqm/10-dev.mqsc (and, with a key, 20-dev-tls.mqsc) with the user's
 * /etc/mqm/*.mqsc in name order: ibm-messaging/mq-container@def9638590f490fe2d814a947aac7d8fab776349
 * incubating/mqadvanced-server-dev/10-dev.mqsc.tpl, cmd/runmqdevserver/mqsc.go, cmd/runmqserver/qmgr.go.
 */
const RULES = [
  'mq/channel-runs-as-admin',
  'mq/connauth-disabled',
  'mq/channel-without-tls',
  'mq/chlauth-disabled',
  'mq/blockuser-override-removes-admin-block',
];

/** controllan/xk6-ibmmq@745914c's mq-config.mqsc (MIT), mounted as /etc/mqm/20-dev.mqsc. */
const OPENED = `ALTER QMGR CHLAUTH(DISABLED)
ALTER AUTHINFO('DEV.AUTHINFO') AUTHTYPE(IDPWOS) CHCKCLNT(OPTIONAL) CHCKLOCL(OPTIONAL) ADOPTCTX(YES)
REFRESH SECURITY(*) TYPE(CONNAUTH)
`;
const QUEUE = `DEFINE QLOCAL('ORDERS') REPLACE\n`;

const compose = (image: string, environment: string[], volumes: string[]) =>
  `services:\n  qm:\n    image: ${image}\n` +
  (environment.length ? `    environment:\n${environment.map((e) => `      - ${e}\n`).join('')}` : '') +
  `    volumes:\n${volumes.map((v) => `      - ${v}\n`).join('')}`;

const DEV_IMAGE = 'icr.io/ibm-messaging/mq:latest';

/** `rule severity channel-or-object` of the findings on the developer objects. */
const view = (findings: Finding[]) =>
  findings
    .filter((f) => RULES.includes(f.ruleId))
    .map(
      (f) =>
        `${f.ruleId} ${f.severity} ${/(DEV\.[A-Z.]+|CLS\.[A-Z.]+|SYSTEM\.DEF\.SVRCONN)/.exec(f.message)?.[1] ?? ''}`,
    )
    .sort();

const lint = (files: Record<string, string>) => lintTree(files, { builtIn: RULES });

describe("the developer image's own 10-dev.mqsc is applied with the tree's MQSC", () => {
  it.each<[string, Record<string, string>, string[]]>([
    [
      // Was: one chlauth-disabled warning, silent on DEV.AUTHINFO and DEV.ADMIN.SVRCONN. Warnings, not errors: the
      // developer image's queue manager is licensed for one developer's use (mq.json imageScripts licence).
      'controllan/xk6-ibmmq: CHCKCLNT(OPTIONAL) on the image DEV.AUTHINFO and CHLAUTH(DISABLED) open DEV.ADMIN.SVRCONN',
      {
        'mq-config.mqsc': OPENED,
        'docker-compose.yml': compose(DEV_IMAGE, ['LICENSE=accept'], ['./mq-config.mqsc:/etc/mqm/20-dev.mqsc']),
      },
      [
        'mq/channel-runs-as-admin warning DEV.ADMIN.SVRCONN',
        'mq/channel-without-tls warning DEV.ADMIN.SVRCONN',
        'mq/channel-without-tls warning DEV.APP.SVRCONN',
        'mq/chlauth-disabled warning SYSTEM.DEF.SVRCONN',
        'mq/connauth-disabled warning DEV.AUTHINFO',
      ],
    ],
    [
      // Was: silent (the tree's file defines one queue).
      'mizziie/Money-Transfer-Service: the developer channels run in plaintext; admin is mapped to mqm on DEV.ADMIN.SVRCONN',
      {
        'mq-config.mqsc': QUEUE,
        'docker-compose.yml': compose(DEV_IMAGE, [], ['./mq-config.mqsc:/etc/mqm/mq-config.mqsc']),
      },
      [
        'mq/blockuser-override-removes-admin-block warning DEV.ADMIN.SVRCONN',
        'mq/channel-runs-as-admin warning DEV.ADMIN.SVRCONN',
        'mq/channel-without-tls warning DEV.ADMIN.SVRCONN',
        'mq/channel-without-tls warning DEV.APP.SVRCONN',
      ],
    ],
    [
      // Was: a warning "assuming CHCKCLNT of SYSTEM.DEFAULT.AUTHINFO.IDPWOS as shipped".
      "yashgt/dockerpoc: a Dockerfile FROM ibmcom/mq copies the file: the image's CONNAUTH is known (REQDADM); a warning, as the developer licence's queue manager",
      {
        'mq/config.mqsc':
          "DEFINE CHANNEL(CLS.DEF.SVRCONN) CHLTYPE(SVRCONN)\nALTER CHANNEL(CLS.DEF.SVRCONN) CHLTYPE(SVRCONN) MCAUSER('mqm')\nALTER QMGR CHLAUTH(DISABLED)\n",
        'mq/Dockerfile': 'FROM ibmcom/mq\nCOPY config.mqsc /etc/mqm/\n',
      },
      // Nothing in the tree runs the image: whether a key is mounted is unknown, so is TLS on the developer channels.
      [
        'mq/channel-runs-as-admin warning CLS.DEF.SVRCONN',
        'mq/channel-without-tls warning CLS.DEF.SVRCONN',
        'mq/chlauth-disabled warning CLS.DEF.SVRCONN',
      ],
    ],
    [
      // Was: silent (the comment was read as part of the value, `true # …` is not `true`).
      'an env_file that sets MQ_DEV=true with a comment after it, as Compose reads it: the developer defaults apply',
      {
        'mq-config.mqsc': QUEUE,
        'docker-compose.yml':
          compose(DEV_IMAGE, [], ['./mq-config.mqsc:/etc/mqm/mq-config.mqsc']) + '    env_file:\n      - mq.env\n',
        'mq.env': 'LICENSE=accept\nMQ_DEV=true # the developer defaults\n',
      },
      [
        'mq/blockuser-override-removes-admin-block warning DEV.ADMIN.SVRCONN',
        'mq/channel-runs-as-admin warning DEV.ADMIN.SVRCONN',
        'mq/channel-without-tls warning DEV.ADMIN.SVRCONN',
        'mq/channel-without-tls warning DEV.APP.SVRCONN',
      ],
    ],
    [
      // redhat-appdev-practice/quarkus-camel-testing@c7741a2 mq/docker-compose.yml: Docker Hub's host written out.
      'docker.io/ibmcom/mq:latest is ibmcom/mq: its 10-dev.mqsc applies',
      {
        'mq-config.mqsc': QUEUE,
        'docker-compose.yml': compose('docker.io/ibmcom/mq:latest', [], ['./mq-config.mqsc:/etc/mqm/20-config.mqsc']),
      },
      [
        'mq/blockuser-override-removes-admin-block warning DEV.ADMIN.SVRCONN',
        'mq/channel-runs-as-admin warning DEV.ADMIN.SVRCONN',
        'mq/channel-without-tls warning DEV.ADMIN.SVRCONN',
        'mq/channel-without-tls warning DEV.APP.SVRCONN',
      ],
    ],
    [
      'a key from a named volume (long syntax) in /etc/mqm/pki/keys: the developer channels have TLS',
      {
        'mq-config.mqsc': QUEUE,
        'docker-compose.yml':
          compose(DEV_IMAGE, [], ['./mq-config.mqsc:/etc/mqm/mq-config.mqsc']) +
          '      - type: volume\n        source: keys\n        target: /etc/mqm/pki/keys\nvolumes:\n  keys:\n',
      },
      [
        'mq/blockuser-override-removes-admin-block warning DEV.ADMIN.SVRCONN',
        'mq/channel-runs-as-admin warning DEV.ADMIN.SVRCONN',
      ],
    ],
    [
      'a key mounted in /etc/mqm/pki/keys: the image renders 20-dev-tls.mqsc, the developer channels have TLS',
      {
        'mq-config.mqsc': QUEUE,
        'docker-compose.yml': compose(
          DEV_IMAGE,
          [],
          ['./mq-config.mqsc:/etc/mqm/mq-config.mqsc', './keys:/etc/mqm/pki/keys'],
        ),
      },
      [
        'mq/blockuser-override-removes-admin-block warning DEV.ADMIN.SVRCONN',
        'mq/channel-runs-as-admin warning DEV.ADMIN.SVRCONN',
      ],
    ],
  ])('%s', (_name, files, expected) => {
    expect(view(lint(files).findings)).toEqual(expected);
  });

  // Each row: the mizziie tree as above (the image's script applied), then with one change that leaves it out.
  const applied = (volumes: string[], environment: string[] = [], image = DEV_IMAGE) => ({
    'mq-config.mqsc': QUEUE,
    'docker-compose.yml': compose(image, environment, ['./mq-config.mqsc:/etc/mqm/mq-config.mqsc', ...volumes]),
  });
  const withEnvFile = {
    ...applied([]),
    'docker-compose.yml': applied([])['docker-compose.yml'] + '    env_file:\n      - mq.env\n',
  };
  it.each<[string, Record<string, string>]>([
    ['MQ_DEV=false: the image writes an empty 10-dev.mqsc', applied([], ['MQ_DEV=false'])],
    ['MQ_DEV from the shell: unknown, not applied', applied([], ['MQ_DEV=${MQ_DEV}'])],
    ['a file mounted over /etc/mqm/10-dev.mqsc replaces the image one', applied(['./own.mqsc:/etc/mqm/10-dev.mqsc'])],
    ['a directory mounted over /etc/mqm hides the image files', applied(['./mqsc:/etc/mqm'])],
    ['an env_file that sets MQ_DEV=false', { ...withEnvFile, 'mq.env': 'LICENSE=accept\nMQ_DEV=false\n' }],
    ['an env_file the tree does not hold: MQ_DEV unknown', withEnvFile],
    // Was: applied (the bare line was skipped, so the image's default MQ_DEV=true was taken).
    [
      'an env_file whose MQ_DEV line is bare: the shell running Compose gives it, or none: unknown',
      { ...withEnvFile, 'mq.env': 'LICENSE=accept\nMQ_DEV\n' },
    ],
    ['a release before 9.2.0, whose records differ', applied([], [], 'icr.io/ibm-messaging/mq:9.1.5.0-r2')],
    ['not a developer image', applied([], [], 'cp.icr.io/cp/ibm-mqadvanced-server:9.4.0.0-r1')],
  ])('%s', (_name, files) => {
    expect(view(lint(applied([])).findings)).toContain('mq/channel-without-tls warning DEV.APP.SVRCONN');
    expect(view(lint({ ...files, 'own.mqsc': QUEUE, 'mqsc/a.mqsc': QUEUE }).findings)).toEqual([]);
  });

  it("a finding on the image's records is placed at the mount and names the records and their source", () => {
    const { findings, root } = lint({
      'mq-config.mqsc': OPENED,
      'docker-compose.yml': compose(DEV_IMAGE, [], ['./mq-config.mqsc:/etc/mqm/20-dev.mqsc']),
    });
    const admin = findings.find((f) => f.ruleId === 'mq/channel-runs-as-admin')!;
    expect(path.relative(root, admin.location.file)).toBe('docker-compose.yml');
    expect(admin.location.range?.start.line).toBe(4); // the volume entry
    const said = admin.related?.map((r) => r.message).join('\n') ?? '';
    expect(said).toMatch(/DEFINE CHANNEL\('DEV\.ADMIN\.SVRCONN'\) \(line 36\)/);
    expect(said).toContain(
      'https://github.com/ibm-messaging/mq-container/blob/def9638590f490fe2d814a947aac7d8fab776349/incubating/mqadvanced-server-dev/10-dev.mqsc.tpl',
    );
    // The fix stays in the tree's own file: the ALTER AUTHINFO line.
    const connauth = findings.find((f) => f.ruleId === 'mq/connauth-disabled')!;
    expect(path.relative(root, connauth.location.file)).toBe('mq-config.mqsc');
    for (const f of findings)
      for (const l of [f.location, ...(f.related ?? [])]) expect(l.file.startsWith(root)).toBe(true);
  });
});

describe("what the image applies is unknown: the findings say so and read the tree's file without it", () => {
  const channel = "DEFINE CHANNEL('MY.SVRCONN') CHLTYPE(SVRCONN) REPLACE\n";
  it.each<[string, string[], string, RegExp]>([
    [
      'MQ_DEV from the shell',
      ['MQ_DEV=${MQ_DEV}'],
      DEV_IMAGE,
      /MQ_DEV is not known here \(filled in when the container starts\)/,
    ],
    [
      'an env_file the tree does not hold',
      [],
      DEV_IMAGE,
      /MQ_DEV is not known here \(an env_file the tree does not hold may set it\)/,
    ],
  ])('%s', (_name, environment, image, why) => {
    const { findings } = lintTree(
      {
        'mq-config.mqsc': channel,
        'docker-compose.yml':
          compose(image, environment, ['./mq-config.mqsc:/etc/mqm/mq-config.mqsc']) +
          (environment.length ? '' : '    env_file:\n      - mq.env\n'),
      },
      { builtIn: ['mq/channel-without-tls'] },
    );
    expect(findings.map((f) => `${f.ruleId} ${f.severity} ${path.basename(f.location.file)}`)).toEqual([
      'mq/channel-without-tls warning mq-config.mqsc',
    ]);
    const note = findings[0]!.related?.find((r) => why.test(r.message));
    expect(note && path.basename(note.file)).toBe('docker-compose.yml');
  });
});

describe("the image's CHCKCLNT placeholder (cmd/runmqdevserver/mqsc.go updateMQSC)", () => {
  const [dev] = mqImageScripts('icr.io/ibm-messaging/mq');
  const appRecord = (release: string | undefined, appPassword: boolean | undefined) =>
    renderedMqImageScript(dev!, release, () => appPassword)?.find((r) => r.line === 41)?.text;
  it.each<[string | undefined, boolean | undefined, string | undefined]>([
    ['9.4.0.0', false, 'CHCKCLNT(REQUIRED)'], // MQ_CONNAUTH_USE_HTP, set by the image, decides since 9.3.4.0
    ['9.3.3.0', true, 'CHCKCLNT(REQUIRED)'], // MQ_APP_PASSWORD set
    ['9.3.3.0', false, 'CHCKCLNT(ASQMGR)'],
    [undefined, true, 'CHCKCLNT(REQUIRED)'],
    [undefined, false, 'CHCKCLNT({{ .ChckClnt }})'], // `latest`: the release is not known, nor the value
    ['9.2.0.0', undefined, 'CHCKCLNT({{ .ChckClnt }})'],
  ])('release %s, MQ_APP_PASSWORD set %s: %s', (release, set, expected) => {
    expect(appRecord(release, set)).toContain(expected);
  });
  it('no records before 9.2.0', () => {
    expect(renderedMqImageScript(dev!, '9.1.5.0', () => false)).toBeUndefined();
  });
});

describe("mq/developer-image-channels is the one voice for the image's own records", () => {
  const NOTE = 'mq/developer-image-channels';
  const withNote = (files: Record<string, string>) => lintTree(files, { builtIn: [...RULES, NOTE] });
  const shown = (findings: Finding[]) =>
    findings
      .filter((f) => f.ruleId === NOTE || RULES.includes(f.ruleId))
      .map((f) => `${f.ruleId} ${f.severity} ${/(DEV\.[A-Z.]+|SYSTEM\.DEF\.SVRCONN)/.exec(f.message)?.[1] ?? ''}`)
      .sort();
  it.each<[string, Record<string, string>, string[]]>([
    [
      // Was: blockuser-override, runs-as-admin and two channel-without-tls warnings, none about what the tree wrote.
      'mizziie/Money-Transfer-Service: the three warnings on the image records fold into one info',
      {
        'mq-config.mqsc': QUEUE,
        'docker-compose.yml': compose(DEV_IMAGE, [], ['./mq-config.mqsc:/etc/mqm/mq-config.mqsc']),
      },
      [`${NOTE} info DEV.ADMIN.SVRCONN`],
    ],
    [
      // The findings that name the tree's lines stay; the two TLS warnings rest on the image records alone.
      'controllan/xk6-ibmmq: what the tree opens stays, the TLS warnings on the image channels fold',
      {
        'mq-config.mqsc': OPENED,
        'docker-compose.yml': compose(DEV_IMAGE, ['LICENSE=accept'], ['./mq-config.mqsc:/etc/mqm/20-dev.mqsc']),
      },
      [
        'mq/channel-runs-as-admin warning DEV.ADMIN.SVRCONN',
        'mq/chlauth-disabled warning SYSTEM.DEF.SVRCONN',
        'mq/connauth-disabled warning DEV.AUTHINFO',
        `${NOTE} info DEV.ADMIN.SVRCONN`,
      ],
    ],
  ])('%s', (_name, files, expected) => {
    const { findings } = withNote(files);
    expect(shown(findings)).toEqual(expected);
    const note = findings.find((f) => f.ruleId === NOTE)!;
    const folded = note.related?.filter((r) => r.message.includes('folded into this note')) ?? [];
    expect(folded.length).toBe(expected.length === 1 ? 4 : 2);
  });
});

describe('a Kubernetes container of the developer image runs a ConfigMap key mounted into /etc/mqm', () => {
  /** A StatefulSet mounting the keys of ConfigMap qm-config at `/etc/mqm/<key>` (subPath); written for this test. */
  const tree = (keys: Record<string, string>): Record<string, string> => ({
    'k8s/configmap.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: qm-config\ndata:\n${Object.entries(keys)
      .map(
        ([key, mqsc]) =>
          `  ${key}: |\n${mqsc
            .trimEnd()
            .split('\n')
            .map((l) => `    ${l}\n`)
            .join('')}`,
      )
      .join('')}`,
    'k8s/statefulset.yaml':
      'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: qm\nspec:\n  template:\n    spec:\n      containers:\n' +
      `        - name: mq\n          image: ${DEV_IMAGE}\n          volumeMounts:\n` +
      Object.keys(keys)
        .map(
          (key) =>
            `            - name: config\n              mountPath: /etc/mqm/${key}\n              subPath: ${key}\n`,
        )
        .join('') +
      '      volumes:\n        - name: config\n          configMap:\n            name: qm-config\n',
  });

  it.each<[string, Record<string, string>, string[]]>([
    [
      // jastiranjeeth-tech/ibm-mq-ha-dual-site-eks's shape: the image's records join, its admin channel opened.
      'one key after 10-dev.mqsc: joined, the developer licence makes the opened admin channel a warning',
      tree({ '20-config.mqsc': OPENED }),
      [
        'mq/channel-runs-as-admin warning DEV.ADMIN.SVRCONN',
        'mq/channel-without-tls warning DEV.ADMIN.SVRCONN',
        'mq/channel-without-tls warning DEV.APP.SVRCONN',
        'mq/chlauth-disabled warning SYSTEM.DEF.SVRCONN',
        'mq/connauth-disabled warning DEV.AUTHINFO',
      ],
    ],
    [
      // Their order around the image's script is not modelled: left out, unknown, and judged as written.
      "keys on both sides of 10-dev.mqsc: the image's scripts are left out",
      tree({ '05-first.mqsc': QUEUE, '20-config.mqsc': OPENED }),
      ['mq/chlauth-disabled warning SYSTEM.DEF.SVRCONN'],
    ],
  ])('%s', (_name, files, expected) => {
    const { findings } = lint(files);
    expect(view(findings)).toEqual(expected);
    if (expected.length === 1)
      expect(findings.flatMap((f) => f.related ?? []).some((r) => r.message.includes('on both sides of'))).toBe(true);
  });
});
