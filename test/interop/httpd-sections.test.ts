/**
 * The section syntax parseHttpd refuses (parse/httpd-*) against `apache2 -t` on the same text: an error exactly when
 * the real httpd refuses the configuration as written, a warning only where httpd passes it because the section
 * around the line is skipped unread. Skipped (with a note) without apache2, failed without it when CI is set.
 */
import { parseHttpd } from '../../src/parse/httpd';
import { configTest, describeWithHttpd } from '../helpers/httpd';

/** cws-khuntly/WebSphere@3daf161 IHS/IHSConfig/conf/httpd.conf: `<IfDefine>` written where `</IfDefine>` closes. */
const UNSLASHED =
  '<IfDefine admin>\nServerAdmin a@example.com\n<IfDefine>\n\n<IfDefine app>\nServerAdmin b@example.com\n</IfDefine>\n';

/**
 * Each text, and what parseHttpd says of it: an error where httpd refuses it as written, nothing where httpd accepts it,
 * a warning where the broken line sits in a conditional section parseHttpd cannot evaluate (whether `<IfModule
 * ssl_module>` is read depends on the modules loaded): httpd refuses it there or not, both are checked below.
 */
const CASES: Array<[string, string, 'error' | 'warning' | 'none']> = [
  ['a closing tag without its "/", the outer section skipped', UNSLASHED, 'error'],
  ['a closing tag without its "/", the outer section read', `Define admin\n${UNSLASHED}`, 'error'],
  ['a section never closed', '<VirtualHost *:@PORT@>\nServerName a.example\n', 'error'],
  ['a closing tag that closes another section', '<VirtualHost *:@PORT@>\n</IfModule>\n', 'error'],
  ['<VirtualHost> without an address', '<VirtualHost>\n</VirtualHost>\n', 'error'],
  ['<Directory> without a path', '<Directory>\n</Directory>\n', 'error'],
  ['<IfModule> without a module', '<IfModule>\n</IfModule>\n', 'error'],
  ['inside an <IfModule> that is read', '<IfModule ssl_module>\n<Directory>\n</Directory>\n</IfModule>\n', 'warning'],
  [
    'inside an <IfModule> that is skipped',
    '<IfModule nosuch_module>\n<VirtualHost>\n</VirtualHost>\n</IfModule>\n',
    'warning',
  ],
  [
    'balanced sections',
    '<IfModule ssl_module>\n<VirtualHost *:@PORT@>\nServerName a.example\n</VirtualHost>\n</IfModule>\n',
    'none',
  ],
];

describeWithHttpd('httpd section syntax parseHttpd refuses, against apache2 -t', () => {
  it.each(CASES)('%s', (_name, text, expected) => {
    const { problems } = parseHttpd(text);
    const worst = problems.some((p) => p.severity === 'error') ? 'error' : problems.length ? 'warning' : 'none';
    expect(worst).toBe(expected);
    const { status } = configTest({ config: `Listen 127.0.0.1:@PORT@\n${text}` });
    if (expected !== 'warning') expect({ refused: status !== 0 }).toEqual({ refused: expected === 'error' });
    // One problem for the unslashed closing tag, not a second unclosed section.
    if (text.includes(UNSLASHED)) expect(problems).toHaveLength(1);
  });

  // The two conditional cases above differ only in whether httpd reads the section: it refuses the one it reads.
  it('a warning line refuses httpd where its section is read, not where it is skipped', () => {
    const statusOf = (name: string) =>
      configTest({ config: `Listen 127.0.0.1:@PORT@\n${CASES.find((c) => c[0] === name)![1]}` }).status;
    expect([
      statusOf('inside an <IfModule> that is read') !== 0,
      statusOf('inside an <IfModule> that is skipped') !== 0,
    ]).toEqual([true, false]);
  });
});
