import { lintTree } from './lint-helper';

/**
 * apache/tomcat@84ac9af (Apache-2.0) res/install-win: the Windows installer writes tomcat-users_1.xml, the users it asks
 * for, then tomcat-users_2.xml into conf/tomcat-users.xml. The first piece ends with its root open.
 */
const head = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<tomcat-users xmlns="http://tomcat.apache.org/xml" version="1.0">',
  '',
].join('\n');
const parseFindings = (files: Record<string, string>) =>
  lintTree(files)
    .findings.filter((f) => f.ruleId === 'parse/invalid-xml')
    .map((f) => [f.severity, f.message]);

describe('numbered pieces of an XML file assembled from parts', () => {
  it('an open root at the end of a piece with a sibling piece is expected: an info that says so', () => {
    expect(
      parseFindings({ 'install/tomcat-users_1.xml': head, 'install/tomcat-users_2.xml': '</tomcat-users>\n' }),
    ).toEqual([
      [
        'info',
        expect.stringContaining(
          'unclosed tag: tomcat-users (expected in tomcat-users_1.xml, a numbered piece of a file assembled from parts with tomcat-users_2.xml, which closes it)',
        ),
      ],
    ]);
  });

  // jlyheden/puppet-tomcat@8d3396e files/7: Puppet concat fragments 10_server.xml, 15_server.xml, 30_server.xml make
  // server.xml in the order of their numbers; the first ends with <Server> and <Service> open, the last closes them.
  it('a numbered fragment named with the number first is a piece too, closed by the last one', () => {
    const open = '<?xml version="1.0"?>\n<Server port="8005" shutdown="SHUTDOWN">\n  <Service name="Catalina">\n';
    const middle = '  <GlobalNamingResources/>\n';
    const close = '    <Engine name="Catalina" defaultHost="localhost"/>\n  </Service>\n</Server>\n';
    expect(
      parseFindings({ 'files/7/10_server.xml': open, 'files/7/15_server.xml': middle, 'files/7/30_server.xml': close }),
    ).toEqual([
      [
        'info',
        expect.stringContaining(
          'unclosed tag: Service (expected in 10_server.xml, a numbered piece of a file assembled from parts with 30_server.xml, which closes it)',
        ),
      ],
    ]);
  });

  it.each<[string, Record<string, string>]>([
    ['alone', { 'conf/tomcat-users_1.xml': head }],
    ['as the last piece', { 'conf/tomcat-users_1.xml': '<tomcat-users/>\n', 'conf/tomcat-users_2.xml': head }],
    [
      'beside a piece numbered on the other side',
      { 'conf/10_server.xml': '<Server>\n', 'conf/server_30.xml': '</Server>\n' },
    ],
    ['beside a piece of another name', { 'conf/tomcat-users_1.xml': head, 'conf/server_2.xml': '</Server>\n' }],
    [
      'beside a sibling of the same number elsewhere',
      { 'a/tomcat-users_1.xml': head, 'b/tomcat-users_2.xml': '</x>\n' },
    ],
  ])('a truncated file %s stays an error', (_, files) => {
    expect(parseFindings(files).map(([severity]) => severity)).toEqual(['error']);
  });
});
