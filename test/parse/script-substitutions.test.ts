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
    [
      // vdesabou/kafka-docker-playground@95b2d38 (MIT) ccloud/client-dotnet/start.sh fills librdkafka.config.template
      'a placeholder between colons',
      '/t/start.sh',
      'sed -e "s|:CLOUD_KEY:|$CLOUD_KEY|g" \\\n    -e "s|:CLOUD_SECRET:|$CLOUD_SECRET|g" in.template > out\n',
      ['1:11 :CLOUD_KEY:', '2:11 :CLOUD_SECRET:'],
    ],
    [
      // AndriyKalashnykov/activemq-ldap-authorization@3f230fd (MIT) 6.2.6/init.sh
      'a marker of hashes and spaces; a # delimiter still ends the literal',
      '/t/init.sh',
      'sed -i "s|##### LDAP_CONN_USER_PWD #####|${PW}|" $F\nsed -i "s#PWD_TRUST#$T#" f\n',
      ['1:11 ##### LDAP_CONN_USER_PWD #####', '2:11 PWD_TRUST'],
    ],
    [
      'a colon as the delimiter still ends the literal',
      '/t/run.sh',
      'sed -i "s:REPLACE:$PW:" a.xml\n',
      ['1:11 REPLACE'],
    ],
    [
      'a line after a sed that does not continue it',
      '/t/run.sh',
      'sed -i "s|REPLACE|$PW|" a.xml\necho "s|OTHER|x|"\n',
      ['1:11 REPLACE'],
    ],
    [
      // RagedUnicorn/docker-tomcat@8790faf (MIT) docker-entrypoint.sh fills tomcat-users-template.xml so
      'escaped brackets, two backslashes in double quotes and one in single quotes',
      '/t/docker-entrypoint.sh',
      'sed -i -e "s/\\\\[password\\\\]/$(cat $PW)/" f.tmp\nsed -i \'s/\\[user\\]/x/\' f.tmp\n',
      ['1:14 [password]', '2:11 [user]'],
    ],
    ['an unescaped bracket expression is a regular expression', '/t/run.sh', "sed -i 's/[pP]assword/x/' f\n", []],
    ['a regular expression, not a literal', '/t/run.sh', "sed -i 's/^password=.*/password=x/' f\n", []],
    ['a commented-out line', '/t/run.sh', '#!/bin/sh\n# sed "s|REPLACE|x|" f\n', []],
    ['a file that is not a script', '/t/notes.txt', 'sed "s|REPLACE|x|" f\n', []],
    [
      // ricniew/ITM-TLS1.n-implementation@… Unix/functions_sources.h: rewrites a shell variable's text, no file
      'a sed fed by a pipe edits a string, not a file',
      '/t/functions.sh',
      "#!/bin/bash\npn=`echo $p | sed 's/TLS/TLSv/'`\n",
      [],
    ],
    ['a sed run after || edits its file', '/t/run.sh', 'true || sed -i "s|REPLACE|$PW|" a.xml\n', ['1:19 REPLACE']],
    ['a here-string is a string too', '/t/run.sh', 'x=$(sed \'s/TLS/TLSv/\' <<< "$p")\n', []],
    [
      'a pipe before an earlier command does not hide a sed on a file',
      '/t/run.sh',
      'ls | wc -l; sed -i "s|REPLACE|$PW|" a.xml\n',
      ['1:23 REPLACE'],
    ],
  ])('%s', (_, path, text, expected) => {
    expect(literals(path, text)).toEqual(expected);
  });
});

describe('files a script renders with envsubst', () => {
  const rendered = (path: string, text: string) =>
    scriptSubstitutions({ path, text, hadBom: false })?.data.rendered ?? [];
  it.each([
    [
      'envsubst from a template into the file Kafka reads',
      '/t/entrypoint.sh',
      '#!/bin/sh\nenvsubst < /opt/client.properties.tmpl > /etc/kafka/client.properties\n',
      ['client.properties.tmpl', 'client.properties'],
    ],
    ['a sed -i on a file is no rendering', '/t/run.sh', 'sed -i "s/^x=.*/x=1/" /etc/kafka/server.properties\n', []],
    ['a Dockerfile RUN envsubst', '/t/Dockerfile', 'FROM x\nRUN envsubst < a.conf > b.conf\n', ['a.conf', 'b.conf']],
    ['a commented-out envsubst', '/t/run.sh', '#!/bin/sh\n# envsubst < a.conf > b.conf\n', []],
    ['no envsubst nor sed', '/t/run.sh', '#!/bin/sh\ncp a.conf b.conf\n', []],
  ])('%s', (_, path, text, expected) => {
    expect(rendered(path, text)).toEqual(expected);
  });
});
