import { parseWebagent } from '../../src/parse/cleartrust';
import { problemMessage } from '../../src/parse/types';

const FIELD_FILE = [
  '# RSA ClearTrust Agent configuration',
  '<Global>',
  '\tcleartrust.agent.server_pool=__default__',
  '\tcleartrust.agent.log_format="%t - [%p/%i] - <%d> - [%n] - "',
  '</Global>',
  '<Pool id=__default__>',
  '\tcleartrust.agent.ssl.use=Clear',
  '\tcleartrust.agent.ssl.keystore_passphrase=',
  '\tcleartrust.agent.auth_resource_list=/*=BASIC',
  '\tpost_url_idle_timeout = 0',
  '\tcleartrust.agent.login_form_location_securid=/a.html',
  '\tcleartrust.agent.login_form_location_securid=/b.html',
  '</Pool>',
  '#<VirtualHost name=test.example address=* port=*>',
  '<VirtualHost name=www.example address=* port=443>',
  'cleartrust.agent.enabled=false',
  '</VirtualHost>',
].join('\r\n');

describe('parseWebagent', () => {
  const result = parseWebagent(FIELD_FILE);

  it('reads sections with their attributes', () => {
    expect(result.data.sections.map((s) => [s.name, s.attributes])).toEqual([
      ['Global', {}],
      ['Pool', { id: '__default__' }],
      ['VirtualHost', { name: 'www.example', address: '*', port: '443' }],
    ]);
  });

  it('reads TAB-indented keys, blanks around =, values with = and <>, and keeps positions', () => {
    const byKey = new Map(result.entries.map((e) => [e.key, e]));
    expect(byKey.get('cleartrust.agent.ssl.use')).toMatchObject({
      value: 'Clear',
      section: 'Pool id=__default__',
      keyRange: { start: { line: 6, character: 1 } },
      valueRange: { start: { line: 6, character: 26 } },
    });
    expect(byKey.get('cleartrust.agent.auth_resource_list')?.value).toBe('/*=BASIC');
    expect(byKey.get('post_url_idle_timeout')).toMatchObject({
      value: '0',
      valueRange: { start: { line: 9, character: 25 } },
    });
    expect(byKey.get('cleartrust.agent.log_format')?.value).toBe('"%t - [%p/%i] - <%d> - [%n] - "');
    expect(byKey.get('cleartrust.agent.ssl.keystore_passphrase')?.secret).toBe(true);
    expect(byKey.get('cleartrust.agent.enabled')?.section).toBe('VirtualHost name=www.example address=* port=443');
  });

  it('keeps commented-out section tags as comments and warns on duplicate keys', () => {
    expect(result.comments.map((c) => c.text)).toContain('<VirtualHost name=test.example address=* port=*>');
    expect(result.problems).toEqual([
      expect.objectContaining({
        code: 'duplicate-key',
        severity: 'warning',
        range: expect.objectContaining({ start: { line: 11, character: 1 } }),
      }),
    ]);
  });

  it('reports unbalanced sections with a location and never throws', () => {
    expect(parseWebagent('<Pool id=x>\nk=v\n').problems[0]).toMatchObject({
      code: 'unbalanced-section',
      range: { start: { line: 0, character: 0 } },
    });
    expect(parseWebagent('</Pool>\n').problems[0].code).toBe('unbalanced-section');
    expect(problemMessage(parseWebagent('<Global>\n</Pool>\n').problems[0]!)).toContain(
      'closes <Global> (opened on line 1)',
    );
    for (const text of ['<', '<>', '</>', '=', '<a b=c', 'just words']) expect(() => parseWebagent(text)).not.toThrow();
  });
});
