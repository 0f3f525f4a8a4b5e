import { scriptSubstitutions } from '../../src/parse/script-substitutions';

const literals = (path: string, text: string) =>
  (scriptSubstitutions({ path, text, hadBom: false })?.data.substitutions ?? []).map(
    (s) => `${s.range.start.line + 1}:${s.range.start.character + 1} ${s.literal}`,
  );

describe('literals a script replaces with sed', () => {
  it.each([
    ['a double-quoted s|…|…|', '/t/run.sh', 'sed "s|REPLACE|$PASSWORD|g" a.xml > b.xml\n', ['1:8 REPLACE']],
    [
      'sed -i with s/…/ and -e s#…#',
      '/t/run.sh',
      'sed -i -e \'s/@KS_PW@/\'"$PW"\'/\' -e "s#PWD_TRUST#$T#" f\n',
      ['1:14 @KS_PW@', '1:38 PWD_TRUST'],
    ],
    [
      'a Dockerfile RUN',
      '/t/Dockerfile',
      'FROM x\nRUN sed -i "s/CHANGE_ME/$(cat /run/pw)/" /opt/app/server.xml\n',
      ['2:15 CHANGE_ME'],
    ],
    [
      // JeffTsengTwn/tomcat_letsencrypt_setup@e599562 tomcat_ssl.sh
      'a placeholder in angle brackets',
      '/t/tomcat_ssl.sh',
      "sed -i 's/<changeit>/'${password}'/g' /opt/tomcat/conf/server.xml\n",
      ['1:11 <changeit>'],
    ],
    ['a regular expression, not a literal', '/t/run.sh', "sed -i 's/^password=.*/password=x/' f\n", []],
    ['a commented-out line', '/t/run.sh', '#!/bin/sh\n# sed "s|REPLACE|x|" f\n', []],
    ['a file that is not a script', '/t/notes.txt', 'sed "s|REPLACE|x|" f\n', []],
  ])('%s', (_, path, text, expected) => {
    expect(literals(path, text)).toEqual(expected);
  });
});
