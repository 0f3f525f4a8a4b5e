import type { Finding } from '../../src/core/types';
import { lintTree } from './lint-helper';

/** mq-container's developer layout: the channels, then the TLS file it renders only when a key is mounted. */
const DEV = `DEFINE CHANNEL('DEV.APP.SVRCONN') CHLTYPE(SVRCONN) MCAUSER('app') REPLACE\n`;
const TLS = (cipher: string) =>
  `* Set the cipherspec for dev channels\nALTER CHANNEL('DEV.APP.SVRCONN') CHLTYPE(SVRCONN) SSLCIPH(${cipher}) SSLCAUTH(OPTIONAL)\n`;
const RULES = ['mq/channel-without-tls', 'mq/cipherspec-deprecated', 'mq/tls-channel-without-mcauser'];

const view = (findings: Finding[]) =>
  findings
    .filter((f) => RULES.includes(f.ruleId))
    .map(
      (f) =>
        `${f.ruleId} ${f.severity}${/holds only when (.*?) \(/.exec(f.message)?.[1] ? `: only when ${/holds only when (.*?) \(/.exec(f.message)?.[1]}` : ''}`,
    );

// ibm-messaging/mq-container internal/tls/tls.go ConfigureTLS: configureTLSDev (20-dev-tls.mqsc.tpl) only with a key.
describe("mq-container's 20-dev-tls.mqsc.tpl is applied only when a key is mounted", () => {
  it.each<[string, Record<string, string>, string[]]>([
    [
      'the developer channel without TLS: an info naming the condition (was silent: the TLS file was applied always)',
      { 'qm/10-dev.mqsc.tpl': DEV, 'qm/20-dev-tls.mqsc.tpl': TLS('ANY_TLS12_OR_HIGHER') },
      ['mq/channel-without-tls info: only when no TLS key is mounted'],
    ],
    [
      'a finding only the TLS file causes (a deprecated CipherSpec): an info the other way round',
      { 'qm/10-dev.mqsc.tpl': DEV, 'qm/20-dev-tls.mqsc.tpl': TLS('TLS_RSA_WITH_AES_256_CBC_SHA') },
      [
        'mq/channel-without-tls info: only when no TLS key is mounted',
        "mq/cipherspec-deprecated info: only when a TLS key is mounted into mq-container's developer image",
      ],
    ],
    [
      'a file of another name is applied always (crtmqm -ic applies every *.mqsc): the channel has TLS',
      { 'qm/10-dev.mqsc': DEV, 'qm/20-dev-tls.mqsc': TLS('ANY_TLS12_OR_HIGHER') },
      [],
    ],
    [
      'without the TLS file at all: the warning stands',
      { 'qm/10-dev.mqsc.tpl': DEV },
      ['mq/channel-without-tls warning'],
    ],
  ])('%s', (_name, files, expected) => {
    expect(view(lintTree(files, { builtIn: RULES }).findings).sort()).toEqual(expected.sort());
  });

  it('a finding both checks give keeps its severity; the info names the file and the source', () => {
    const other = "DEFINE CHANNEL('OTHER.SVRCONN') CHLTYPE(SVRCONN) MCAUSER('app') REPLACE\n";
    const { findings } = lintTree(
      { 'qm/10-dev.mqsc.tpl': DEV + other, 'qm/20-dev-tls.mqsc.tpl': TLS('ANY_TLS12_OR_HIGHER') },
      { builtIn: ['mq/channel-without-tls'] },
    );
    expect(findings.map((f) => `${/channel (\S+)/.exec(f.message)?.[1]} ${f.severity}`).sort()).toEqual([
      'DEV.APP.SVRCONN info',
      'OTHER.SVRCONN warning',
    ]);
    const info = findings.find((f) => f.severity === 'info');
    expect(
      info?.related?.some(
        (r) => r.file.endsWith('20-dev-tls.mqsc.tpl') && /internal\/tls\/tls\.go/.test(r.message ?? ''),
      ),
    ).toBe(true);
  });
});
