import { parseProperties } from '../../src/parse/properties';
import { readTree } from '../helpers/read-tree';

// keycloak.conf is read as a properties file (SmallRye Config's PropertiesConfigSource, java.util.Properties syntax):
// only '#' and '!' start a comment. Lines begun with ';' as an INI file comments them out (the shape of
// deleze/keycloak-config-issue) are settings of keys beginning with ';': one info, never a duplicate-key warning.
const problemsOf = (files: Record<string, string>) =>
  readTree(files, (read) =>
    read.documents.flatMap((d) =>
      d.problems.map((p) => `${p.code}/${p.severity}@${p.range.start.line + 1}:${JSON.stringify(p.data ?? {})}`),
    ),
  );

describe("keycloak.conf lines begun with ';'", () => {
  // Other readers keep java.util.Properties' reading unchanged: there a ';' line is a key like any other.
  it("parseProperties without the option: two ';' lines are a duplicate key", () => {
    expect(parseProperties('; a\n; b\n').problems.map((p) => p.code)).toEqual(['duplicate-key']);
  });

  it.each<[string, Record<string, string>, string[]]>([
    [
      "two ';' lines around a real option: one info at the first, no duplicate key",
      {
        'conf/keycloak.conf': [
          '; read options from the environment: see the server guide',
          '; hostname=${KC_HOST}',
          'log-level=${KC_LOG_LEVEL:INFO}',
          ';log-level=DEBUG',
          '',
        ].join('\n'),
      },
      ['semicolon-comment/info@1:{"key":";"}'],
    ],
    ['a file without them: nothing', { 'conf/keycloak.conf': '# comment\nhttp-enabled=false\n' }, []],
    [
      'a real option set twice still warns as a duplicate',
      { 'conf/keycloak.conf': 'http-port=8080\nhttp-port=8081\n' },
      ['duplicate-key/warning@2:{"key":"http-port"}'],
    ],
  ])('%s', (_name, files, expected) => {
    expect(problemsOf(files)).toEqual(expected);
  });
});
