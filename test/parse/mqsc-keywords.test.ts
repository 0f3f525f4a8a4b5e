/**
 * A command that names a keyword its command does not take for the object type is refused whole by runmqsc (AMQ8405,
 * MQRCCF_WRONG_CHLAUTH_TYPE): parse/mqsc-unknown-keyword at the keyword, and the script is modelled without it. Only
 * commands with a complete table in src/knowledge/data/mqsc-keywords.json are judged; any other stays as written.
 */
import { parseMqsc } from '../../src/parse/mqsc';

const mqsc = (text: string) => parseMqsc({ path: '/t/QM1.mqsc', text, hadBom: false });

describe('MQSC keywords a command does not take', () => {
  it.each([
    // saud-prog07/Transaction-Risk-monitor@55c53bf docs/mq-config/mq-config.mqsc
    [
      'misspelt CONNAME on a SVRCONN',
      "DEFINE CHL(PRODUCER.CHANNEL) CHLTYPE(SVRCONN) MAXINST(100) CONNNAME('producer-service:8080') REPLACE",
      'CONNNAME',
      { channel: 'PRODUCER.CHANNEL', kept: false },
    ],
    [
      'every unknown keyword is named',
      'DEFINE CHL(P) CHLTYPE(SVRCONN) RECVBUFF(65536) SENDBUFF(65536) MAXINSTC(100) REPLACE',
      'RECVBUFF and SENDBUFF',
      { channel: 'P', kept: false },
    ],
    [
      'a bare REPLACE on SET CHLAUTH (it takes ACTION(REPLACE))',
      "SET CHLAUTH(PRODUCER.CHANNEL) TYPE(BLOCKUSER) USERLIST('nobody') REPLACE",
      'REPLACE',
      { records: 0 },
    ],
    [
      'a mapping keyword on a blocking record',
      "SET CHLAUTH('APP.SVRCONN') TYPE(BLOCKUSER) USERLIST('nobody') USERSRC(CHANNEL)",
      'USERSRC',
      { records: 0 },
    ],
    [
      'STATCHL on ALTER of a SVRCONN (IBM APAR PH36719)',
      'DEFINE CHANNEL(A) CHLTYPE(SVRCONN)\nALTER CHANNEL(A) CHLTYPE(SVRCONN) MCAUSER(app) STATCHL(HIGH)',
      'STATCHL',
      { channel: 'A', kept: true, mcauser: undefined },
    ],
  ])('%s: reported and not applied', (_name, text, keywords, expected) => {
    const doc = mqsc(text);
    const problems = doc.problems.filter((p) => p.code === 'mqsc-unknown-keyword');
    expect(problems.map((p) => [p.severity, p.data?.keyword])).toEqual([['warning', keywords]]);
    const first = keywords.split(' ')[0]!;
    const line = text.split('\n').findIndex((l) => l.includes(first));
    expect(problems[0]!.range.start).toEqual({ line, character: text.split('\n')[line]!.indexOf(first) });
    if ('records' in expected) expect(doc.data.objects.chlauth).toHaveLength(expected.records);
    if ('channel' in expected) {
      const channel = doc.data.objects.channels.get(expected.channel!);
      expect(channel !== undefined).toBe(expected.kept);
      if (channel) expect(channel.attributes.get('MCAUSER')).toBeUndefined();
    }
  });

  it.each([
    [
      'a SVRCONN with the keywords it takes',
      "DEFINE CHANNEL(DEV.APP.SVRCONN) CHLTYPE(SVRCONN) TRPTYPE(TCP) MCAUSER('app') SSLCIPH(ANY_TLS12_OR_HIGHER) SSLCAUTH(OPTIONAL) SHARECNV(10) MAXINST(20) MAXINSTC(5) DESCR('x') REPLACE",
    ],
    // ibm-messaging/mq-container's 10-dev.mqsc.tpl
    [
      'ADDRESSMAP with CHCKCLNT',
      "SET CHLAUTH('DEV.APP.SVRCONN') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(CHANNEL) CHCKCLNT(REQUIRED) DESCR('x') ACTION(REPLACE)",
    ],
    [
      'USERMAP',
      "SET CHLAUTH('DEV.ADMIN.SVRCONN') TYPE(USERMAP) CLNTUSER('admin') USERSRC(MAP) MCAUSER('mqm') ACTION(REPLACE)",
    ],
    ['BLOCKADDR', "SET CHLAUTH('*') TYPE(BLOCKADDR) ADDRLIST('10.*') WARN(YES)"],
    ['QMGRMAP', "SET CHLAUTH('TO.QM2') TYPE(QMGRMAP) QMNAME('QM1') USERSRC(MAP) MCAUSER('mqapp') ADDRESS('*')"],
    [
      'a channel type without a table is not judged',
      "DEFINE CHANNEL(QM1.QM2) CHLTYPE(SDR) CONNAME('h(1414)') XMITQ(QM2) BOGUS(1)",
    ],
    ['a templated CHLTYPE is not judged', 'DEFINE CHANNEL(A) CHLTYPE({{ .Values.type }}) CONNNAME(x)'],
    [
      'a templated keyword leaves the command unjudged',
      'DEFINE CHANNEL(A) CHLTYPE(SVRCONN) {{ .Values.extra }} CONNNAME(x)',
    ],
    ['ALTER without CHLTYPE is not judged', 'ALTER CHANNEL(A) CONNNAME(x)'],
    ['ALTER QMGR has no table yet', 'ALTER QMGR CHLAUTH(ENABLED) CHLEXIT(ENABLED)'],
  ])('%s: not reported', (_name, text) => {
    const doc = mqsc(text);
    expect(doc.problems.filter((p) => p.code === 'mqsc-unknown-keyword')).toEqual([]);
  });

  it("keeps a refused command's settings as entries (a password in it is still read)", () => {
    const doc = mqsc("DEFINE CHANNEL(A) CHLTYPE(SVRCONN) PASSWORD('s3cret') REPLACE");
    expect(doc.data.objects.channels.size).toBe(0);
    expect(doc.entries.map((e) => e.key)).toContain('CHANNEL(A).PASSWORD');
  });
});
