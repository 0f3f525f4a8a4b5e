import { parseMqsc } from '../../src/parse/mqsc';
import { parseCcdt } from '../../src/parse/ccdt';
import { mqIniFormat, parseMqIni } from '../../src/parse/mq-ini';

const mqsc = (text: string, path = '/t/QM1.mqsc') => parseMqsc({ path, text, hadBom: false });

describe('MQSC parser', () => {
  it.each([
    [
      '+ continues from the first non-blank',
      'DEFINE CHANNEL(A) CHLTYPE(SVRCONN) +\n      SSLCIPH(ANY_TLS12)\n',
      'SSLCIPH',
      'ANY_TLS12',
    ],
    [
      '- continues from column 1 (blanks kept)',
      "DEFINE CHANNEL(A) CHLTYPE(SVRCONN) DESCR('ab-\n  cd')\n",
      'DESCR',
      'ab  cd',
    ],
    [
      "'' is one quote; quoted values keep case",
      "DEFINE CHANNEL(A) CHLTYPE(SVRCONN) DESCR('it''s Mine')\n",
      'DESCR',
      "it's Mine",
    ],
    ['unquoted values fold to upper case', 'define channel(a) chltype(svrconn) mcauser(app)\n', 'MCAUSER', 'APP'],
    ['commas separate', 'DEFINE CHANNEL(A),CHLTYPE(SVRCONN),SSLCAUTH(OPTIONAL)\n', 'SSLCAUTH', 'OPTIONAL'],
    [
      'comments between continued lines are dropped',
      'DEFINE CHANNEL(A) CHLTYPE(SVRCONN) +\n* a comment\n  SSLCIPH(ANY)\n',
      'SSLCIPH',
      'ANY',
    ],
    ['blank before ( allowed', "DEFINE CHANNEL(A) CHLTYPE (SVRCONN) SSLPEER ('CN=x')\n", 'SSLPEER', 'CN=x'],
  ])('%s', (_name, text, keyword, value) => {
    const doc = mqsc(text);
    expect(doc.problems).toEqual([]);
    expect(doc.data.objects.channels.get('A')?.attributes.get(keyword)?.value).toBe(value);
  });

  it('keeps value positions across continuations', () => {
    const doc = mqsc('DEFINE CHANNEL(A) CHLTYPE(SVRCONN) +\n      SSLCIPH(ANY_TLS12)\n');
    expect(doc.data.objects.channels.get('A')?.attributes.get('SSLCIPH')?.valueRange).toEqual({
      start: { line: 1, character: 14 },
      end: { line: 1, character: 23 },
    });
  });

  it('reads MQSC embedded in a YAML ConfigMap with file positions', () => {
    const doc = mqsc(
      'kind: ConfigMap\ndata:\n  qm.mqsc: |-\n    DEFINE CHANNEL(B) CHLTYPE(SVRCONN) SSLCIPH(ANY)\n',
      '/t/cm.yaml',
    );
    expect(doc.data.embedded).toBe(true);
    expect(doc.data.objects.channels.get('B')?.attributes.get('SSLCIPH')?.valueRange?.start).toEqual({
      line: 3,
      character: 47,
    });
  });

  // vdesabou/kafka-docker-playground@95b2d38 (MIT) connect/connect-ibm-mq-source/ibm-mq-mtls.sh: a runmqsc heredoc ending in EXIT
  it.each([['EXIT'], ['exit'], ['QUIT'], ['END']])('%s ends runmqsc input like END (no syntax error)', (ending) => {
    const doc = mqsc(`ALTER CHANNEL(DEV.APP.SVRCONN) CHLTYPE(SVRCONN) SSLCAUTH(REQUIRED)\n${ending}\n`);
    expect(doc.problems).toEqual([]);
  });

  it.each([
    ['unknown verb', 'FROB CHANNEL(A)\n', 'mqsc-syntax'],
    ['unterminated quote', "DEFINE CHANNEL(A) DESCR('x\n", 'mqsc-unterminated-quote'],
    ['missing )', 'DEFINE CHANNEL(A) CHLTYPE(SVRCONN\n', 'mqsc-unbalanced-parentheses'],
    [
      'repeated parameter',
      'DEFINE CHANNEL(A) CHLTYPE(SVRCONN) SSLCIPH(ANY) SSLCIPH(ANY_TLS12)\n',
      'mqsc-duplicate-parameter',
    ],
    // One problem per command: the first repeat already says runmqsc rejects it.
    [
      'several repeated parameters in one command',
      "DEFINE CHANNEL(A) CHLTYPE(SVRCONN) SSLCIPH(ANY) DESCR('a') SSLCIPH(ANY_TLS12) DESCR('b')\n",
      'mqsc-duplicate-parameter',
    ],
  ])('reports %s as a located problem', (_name, text, code) => {
    const doc = mqsc(text);
    expect(doc.problems.map((p) => p.code)).toEqual([code]);
    expect(doc.problems[0].range.start.line).toBe(0);
  });

  // Shaped like tongyy/ibm-mq-spring-boot-jms@c017b99 mq_create.mqsc: a list item closed by ’ instead of '.
  it.each([
    ["SET CHLAUTH(*) TYPE(BLOCKUSER) USERLIST('nobody','*MQADMIN\u2019)\n", 'mqsc-syntax', 'column 59'],
    ["DEFINE CHANNEL(A) CHLTYPE(SVRCONN) DESCR('\u2018x\u2019)\n", 'mqsc-unterminated-quote', 'column 43'],
  ])('names the typographic quote that leaves a quoted value open: %s', (text, code, column) => {
    const doc = mqsc(text);
    expect(doc.problems.map((p) => p.code)).toEqual([code]);
    expect(doc.problems[0].message).toContain(`(U+20`);
    expect(doc.problems[0].message).toContain(`at line 1, ${column} is a typographic quote`);
  });

  it('says nothing of typographic quotes inside a value that is closed', () => {
    expect(mqsc("DEFINE CHANNEL(A) CHLTYPE(SVRCONN) DESCR('it\u2019s') X(\n").problems[0]?.message ?? '').not.toContain(
      'typographic',
    );
  });

  it('marks template placeholders and never treats secrets as plain', () => {
    const doc = mqsc("ALTER QMGR KEYRPWD('s3cret') SSLKEYR('{{ .KeyR }}')\n");
    expect(doc.entries.find((e) => e.key === 'QMGR.KEYRPWD')?.secret).toBe(true);
    expect(doc.data.objects.qmgr.get('SSLKEYR')?.templated).toBe(true);
  });

  it.each([
    ['quoted items', "SET CHLAUTH('APP') TYPE(BLOCKUSER) USERLIST('nobody','*MQADMIN')\n", 'nobody,*MQADMIN'],
    [
      'quoted items with blanks',
      "SET CHLAUTH('APP') TYPE(BLOCKUSER) USERLIST('nobody' , '*MQADMIN')\n",
      'nobody,*MQADMIN',
    ],
    ['quoted then unquoted items', "SET CHLAUTH('APP') TYPE(BLOCKUSER) USERLIST('nobody',guest)\n", 'nobody,GUEST'],
    ['unquoted items', 'SET CHLAUTH(APP) TYPE(BLOCKUSER) USERLIST(nobody,*MQADMIN)\n', 'NOBODY,*MQADMIN'],
  ])('reads a list value of %s (IBM MQ: USERLIST(userID1, userID2))', (_name, text, value) => {
    const doc = mqsc(text);
    expect(doc.problems).toEqual([]);
    expect(doc.data.objects.chlauth[0]?.attributes.get('USERLIST')?.value).toBe(value);
  });

  it('applies CHLAUTH REMOVE', () => {
    const doc = mqsc(
      "SET CHLAUTH('A') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(CHANNEL)\nSET CHLAUTH('A') TYPE(ADDRESSMAP) ADDRESS('*') ACTION(REMOVE)\n",
    );
    expect(doc.data.objects.chlauth).toEqual([]);
  });

  it('lists every SET CHLAUTH that adds: which of them MQ refuses is for the model (mq-chlauth-records)', () => {
    const doc = mqsc(
      "SET CHLAUTH('A') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(CHANNEL)\nSET CHLAUTH('A') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(NOACCESS)\n",
    );
    expect(doc.data.objects.chlauth.map((r) => r.attributes.get('USERSRC')?.value)).toEqual(['CHANNEL', 'NOACCESS']);
    expect(doc.data.objects.failed).toEqual([]);
  });
});

describe('JSON CCDT parser', () => {
  it('flags a trailing comma without failing, and reads template ports', () => {
    const doc = parseCcdt({
      path: '/t/ccdt.json',
      text: '{"channel":[{"name":"A","type":"clientConnection","clientConnection":{"connection":[{"host":"h","port":$PORT}],"queueManager":"QM1"},"transmissionSecurity":{"cipherSpecification":"ANY_TLS12",}}]}',
      hadBom: false,
    });
    expect(doc.problems.map((p) => [p.code, p.severity])).toEqual([['json-trailing-comma', 'warning']]);
    expect(doc.data.channels[0].cipherSpecification?.value).toBe('ANY_TLS12');
    expect(doc.data.channels[0].connections[0].port).toMatchObject({ value: '$PORT', templated: true });
  });
  it('reports invalid JSON as an error with a position', () => {
    const doc = parseCcdt({ path: '/t/ccdt.json', text: '{"channel": [ {"name": } ]}', hadBom: false });
    expect(doc.problems[0]).toMatchObject({ code: 'json-syntax', severity: 'error' });
  });
});

describe('MQ ini parser', () => {
  // cumulus13/pyx@f91d611 qm.ini is a mail client's `[Qm]` settings, not a queue manager's: MQ's files are stanza files.
  it.each([
    ['/t/qm.ini', '[Qm]\nAuthType=1\nServerPort=25\n', undefined],
    ['/t/mqclient.ini', '; settings\n[General]\nShowTrayIcon=0\n', undefined],
    ['/t/qm.ini', 'Log:\n   LogPrimaryFiles=3\n', 'mq.qm-ini'],
    ['/t/mqclient.ini', 'CHANNELS:\n   ChannelDefinitionDirectory=/ccdt\n', 'mq.client-ini'],
    ['/t/qm.ini', 'AuthType=1\n', 'mq.qm-ini'],
  ])('classifies %s holding %j as %s', (path, text, kind) => {
    expect(mqIniFormat.classify(path, text)).toBe(kind);
  });

  it('reads stanzas, repeated stanzas and comments', () => {
    const doc = parseMqIni({
      path: '/t/qm.ini',
      text: '#c\nSSL:\n   AllowedCipherSpecs=TLS_RSA_WITH_AES_256_CBC_SHA256\nServiceComponent:\n  Name=a\nServiceComponent:\n  Name=b\n',
      hadBom: false,
    });
    expect(doc.data.stanzas.map((s) => `${s.name}#${s.occurrence}`)).toEqual([
      'SSL#0',
      'ServiceComponent#0',
      'ServiceComponent#1',
    ]);
    expect(doc.entries[0]).toMatchObject({
      key: 'AllowedCipherSpecs',
      section: 'SSL',
      valueRange: { start: { line: 2, character: 22 } },
    });
    expect(doc.comments).toHaveLength(1);
  });

  // IBM documents no reading of a malformed line, except that strmqm checks qm.ini's CHANNELS and SSL stanzas and stops
  // with AMQ9224 on an error there: no "MQ ignores it". ODOWDAIBM/mq01@a02230f qm.ini:40 `Channels: 2` (the footnote
  // mark of IBM's qm.ini figure, copied).
  const STRMQM =
    'strmqm checks the syntax of the CHANNELS and SSL stanzas before it starts the queue manager, and on an error there writes AMQ9224 and does not start it';
  it.each([
    [
      'a header with text after its colon, in qm.ini',
      '/t/qm.ini',
      'XAResourceManager:\n   Name=DB2\nChannels: 2\n   MaxChannels=200\n',
      `Line looks like the header of stanza Channels with text after its colon, which a stanza header does not take: how MQ reads it is not documented. If not as the header, the attributes below it belong to stanza XAResourceManager above and none of them configures Channels. ${STRMQM}. Write 'Channels:' alone on its line`,
    ],
    [
      'the same in mqclient.ini (no strmqm)',
      '/t/mqclient.ini',
      'CHANNELS: x\n   ChannelDefinitionDirectory=/ccdt\n',
      "Line looks like the header of stanza CHANNELS with text after its colon, which a stanza header does not take: how MQ reads it is not documented. If not as the header, the attributes below it belong to no stanza and none of them configures CHANNELS. Write 'CHANNELS:' alone on its line",
    ],
    [
      'a stray line in the SSL stanza of qm.ini',
      '/t/qm.ini',
      'SSL:\n   AllowTLSV13\n',
      `Line is neither a 'Stanza:' header nor a 'Key=Value' attribute: MQ reads no setting from it. ${STRMQM}`,
    ],
    [
      'a stray line in another stanza',
      '/t/qm.ini',
      'Log:\n   LogPrimaryFiles 3\n',
      "Line is neither a 'Stanza:' header nor a 'Key=Value' attribute: MQ reads no setting from it",
    ],
  ])('a line that is no setting: %s', (_name, path, text, message) => {
    const kind = path.endsWith('mqclient.ini') ? 'mq.client-ini' : 'mq.qm-ini';
    const doc = parseMqIni({ path, text, hadBom: false }, kind);
    expect(doc.problems.filter((p) => p.code === 'ini-syntax').map((p) => p.message)).toEqual([message]);
  });
});
