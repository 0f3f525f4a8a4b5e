import * as path from 'node:path';
import type { ParsedDocument } from '../../src/parse/types';
import { readOneFile } from '../helpers/read-one-file';
import { readTree } from '../helpers/read-tree';

/** `kind container` of each document, its problems (`code line`, one-based) and where `key` is (`key line:col`). */
function summary(docs: ParsedDocument[], key: string): string[] {
  // The script's own record as a script that may place files (src/parse/script-file-placements.ts) is no file it writes.
  return docs
    .filter((d) => d.kind !== 'script.shell')
    .map((d) => {
      const entry = d.entries.find((e) => e.key.endsWith(key));
      const at = entry ? ` ${key}@${entry.valueRange.start.line + 1}:${entry.valueRange.start.character + 1}` : '';
      const problems = d.problems.map((p) => ` ${p.code}@${p.range.start.line + 1}`).join('');
      return `${d.kind} ${d.embedded?.container ?? '-'}${at}${problems}`;
    });
}

const script = (...lines: string[]) => ['#!/bin/sh', ...lines, 'nginx -g "daemon off;"', ''].join('\n');
const write = (redirect: string, ...body: string[]) => [`cat << EOF ${redirect}`, ...body, 'EOF'];
const TO = '/etc/nginx/nginx.conf';
const HTTP_OPEN = write(`> ${TO}`, 'events {}', 'http {');
const SERVER = ['  server {', '    listen 443 ssl;', '    ssl_protocols TLSv1.2;', '  }'];
const NGINX = `nginx.conf heredoc to ${TO}`;

describe('a configuration file a script writes from several heredocs (> then >>) is one file', () => {
  it.each<[string, string, string, string[]]>([
    [
      'two pieces, nothing conditional: one file, the block opened in one closed in the other',
      'entrypoint.sh',
      script(
        ...write(`> ${TO}`, 'http {', '  server {', '    listen 443 ssl;'),
        ...write(`>> ${TO}`, '  ssl_protocols TLSv1.2;', '  }', '}'),
      ),
      [`${NGINX} ssl_protocols@8:17`],
    ],
    [
      'a loop writes whole server blocks, each split over two heredocs: balanced however often it runs',
      'entrypoint.sh',
      script(
        ...HTTP_OPEN,
        'for port in 8443 9443; do',
        ...write(`>> ${TO}`, '  server {', '    listen $port ssl;'),
        '  if [ -n "$PROTOCOLS" ]; then',
        ...write(`>> ${TO}`, '    ssl_protocols TLSv1.2;'),
        '  fi',
        ...write(`>> ${TO}`, '  }'),
        'done',
        ...write(`>> ${TO}`, '}'),
      ),
      [`${NGINX} ssl_protocols@13:19`],
    ],
    [
      'a branch opens a block the rest of the script closes: the structure depends on the branch, no verdict on it',
      'entrypoint.sh',
      script(
        ...HTTP_OPEN,
        'if [ -n "$TLS" ]; then',
        ...write(`>> ${TO}`, '  server {', '    listen 443 ssl;'),
        'else',
        ...write(`>> ${TO}`, '  server {', '    listen 80;', '  }'),
        'fi',
        ...write(`>> ${TO}`, '  }', '}'),
      ),
      [NGINX],
    ],
    [
      'a brace no path opens is still an error, at its line in the script',
      'entrypoint.sh',
      script(
        ...HTTP_OPEN,
        'if [ -n "$TLS" ]; then',
        ...write(`>> ${TO}`, ...SERVER),
        'fi',
        ...write(`>> ${TO}`, '}', '}'),
      ),
      [`${NGINX} ssl_protocols@10:19 unexpected-brace@16`],
    ],
    [
      'a >> with no earlier > of its file appends to a file the image holds: read as the rest of that file',
      'entrypoint.sh',
      script(...write(`>> ${TO}`, ...SERVER)),
      [`${NGINX} ssl_protocols@5:19`],
    ],
    [
      'pieces of another file are not joined, and a second > starts the file again',
      'entrypoint.sh',
      script(
        ...write(`> ${TO}`, 'http {', ...SERVER, '}'),
        ...write('> /etc/nginx/conf.d/b.conf', ...SERVER),
        ...write(`> ${TO}`, 'http {', ...SERVER),
        ...write(`>> ${TO}`, '}'),
      ),
      [
        `${NGINX} ssl_protocols@6:19`,
        'nginx.conf heredoc to /etc/nginx/conf.d/b.conf ssl_protocols@13:19',
        `${NGINX} ssl_protocols@20:19`,
      ],
    ],
  ])('%s', (_title, name, text, expected) => {
    expect(summary(readOneFile(name, text), 'ssl_protocols')).toEqual(expected);
  });

  /** `code line severity`, and what the message says after the parser's text, of each problem of the documents. */
  const problems = (docs: ParsedDocument[]) =>
    docs.flatMap((d) =>
      d.problems.map(
        (p) =>
          `${p.code}@${p.range.start.line + 1} ${p.severity}${/\((only when.*|the script appends.*)\)$/.exec(p.message)?.[1].slice(0, 60) ?? ''}`,
      ),
    );

  it.each<[string, string, string[]]>([
    [
      'a } the file has only when a branch writes its piece: a warning naming the branch, never an error',
      script(
        ...HTTP_OPEN,
        ...write(`>> ${TO}`, ...SERVER),
        'if [ "$TLS" = on ]; then',
        ...write(`>> ${TO}`, '  }'),
        'fi',
        ...write(`>> ${TO}`, '}'),
      ),
      ['unexpected-brace@18 warningonly when the script runs `if [ "$TLS" = on ]` (line 12)'],
    ],
    [
      'the same } in both branches of one if: each reading has one, no problem',
      script(
        ...HTTP_OPEN,
        ...write(`>> ${TO}`, '  server {', '    listen 443 ssl;'),
        'if [ "$TLS" = on ]; then',
        ...write(`>> ${TO}`, '    ssl_protocols TLSv1.2;', '  }'),
        'else',
        ...write(`>> ${TO}`, '  }'),
        'fi',
        ...write(`>> ${TO}`, '}'),
      ),
      [],
    ],
    [
      'a case arm that writes a line without its semicolon: a warning naming the arm',
      script(
        ...HTTP_OPEN,
        ...write(`>> ${TO}`, '  server {', '    listen 443 ssl;'),
        'case "$MODE" in',
        '  modern)',
        ...write(`>> ${TO}`, '    ssl_protocols TLSv1.3'),
        '    ;;',
        '  *)',
        '    echo "TLS defaults"',
        '    ;;',
        'esac',
        ...write(`>> ${TO}`, '  }', '}'),
      ),
      ['missing-semicolon@13 warningonly when the script runs the arm `modern)` (line 11)'],
    ],
    [
      'a file the script only appends to: a } its unknown start may open is an info',
      script(...write(`>> ${TO}`, ...SERVER, '}')),
      ['unexpected-brace@7 infothe script appends this text with >> to a file whose start t'],
    ],
  ])('%s', (_title, text, expected) => {
    expect(problems(readOneFile('entrypoint.sh', text))).toEqual(expected);
  });

  it('a key each of three branches sets is no duplicate: the branches are alternatives', () => {
    const file = '/etc/kafka/connect-distributed.properties';
    const text = [
      '#!/bin/sh',
      `cat << EOF > ${file}`,
      'bootstrap.servers=broker:9093',
      'group.id=connect',
      'EOF',
      'if [ "$MODE" = "SSL" ]; then',
      `cat << EOF >> ${file}`,
      'security.protocol=SSL',
      'EOF',
      'fi',
      'if [ "$MODE" = "SASL_SSL" ]; then',
      `cat << EOF >> ${file}`,
      'security.protocol=SASL_SSL',
      'EOF',
      'fi',
      'if [ "$MODE" = "PLAINTEXT" ]; then',
      `cat << EOF >> ${file}`,
      'security.protocol=PLAINTEXT',
      'EOF',
      'fi',
      '',
    ].join('\n');
    expect(readOneFile('start.sh', text).flatMap((d) => d.problems.map((p) => p.code))).toEqual([]);
  });

  it('reads server.xml written by two heredocs as one document, positions in the script', () => {
    const text = [
      '#!/bin/sh',
      'cat << EOF > /usr/local/tomcat/conf/server.xml',
      '<Server port="8005" shutdown="SHUTDOWN">',
      '  <Service name="Catalina">',
      '    <Connector port="8443" protocol="HTTP/1.1" SSLEnabled="true" sslEnabledProtocols="TLSv1.2"/>',
      'EOF',
      'cat << EOF >> /usr/local/tomcat/conf/server.xml',
      '  </Service>',
      '</Server>',
      'EOF',
      '',
    ].join('\n');
    expect(summary(readOneFile('start.sh', text), 'sslEnabledProtocols')).toEqual([
      'tomcat.server-xml heredoc to /usr/local/tomcat/conf/server.xml sslEnabledProtocols@5:87',
    ]);
  });
});

/** The documents of `script` in a tree of files. */
function readScriptDocs(files: Record<string, string>, script: string): ParsedDocument[] {
  return readTree(files, (read, dir) => read.documents.filter((d) => d.file.path === path.join(dir, script)));
}

// mharrend/docker-nginx-ssl-proxy@f425ea5 (no licence: shape only) bin/prepare-env.sh: a site's conf made of the tree's
// template parts (the Dockerfile ADDs configs/*.cfg to /etc/nginx/) and echo lines; TLSv1 sat unread in part 2.
describe('a file a script assembles with cp, cat, echo, printf and tee is one file', () => {
  const SITE = '/etc/nginx/conf.d/${!NAME}.conf';
  const parts = {
    'configs/part1.cfg': 'server {\n    listen 443 ssl;\n',
    'configs/part2.cfg': '    ssl_protocols TLSv1 TLSv1.2;\n',
  };
  it.each<[string, Record<string, string>, string[]]>([
    [
      'cp a part, echo lines and cat another part: the part lines at the word that names their file',
      {
        ...parts,
        'bin/prep.sh': script(
          'for D in $DOMAINS; do',
          `  cp /etc/nginx/part1.cfg ${SITE}`,
          `  echo "    server_name "  \${!D}";" >> ${SITE}`,
          `  cat /etc/nginx/part2.cfg >> ${SITE}`,
          `  echo '}' >> ${SITE}`,
          'done',
        ),
      },
      ['nginx.conf files copied to /etc/nginx/conf.d/${!NAME}.conf ssl_protocols@5:7'],
    ],
    [
      'cat a b > x: both files, in order',
      {
        ...parts,
        'configs/part3.cfg': '}\n',
        'bin/prep.sh': script(`cat part1.cfg part2.cfg part3.cfg > /etc/nginx/site.conf`),
      },
      ['nginx.conf files copied to /etc/nginx/site.conf ssl_protocols@2:15'],
    ],
    [
      'a part the tree does not hold: the file is not read (never guessed)',
      {
        ...parts,
        'bin/prep.sh': script(
          `cp /etc/nginx/part1.cfg ${SITE}`,
          `cat /etc/nginx/part9.cfg >> ${SITE}`,
          `echo '}' >> ${SITE}`,
        ),
      },
      [],
    ],
    [
      'echo and printf lines added to a heredoc, at their columns',
      {
        'bin/prep.sh': script(
          ...write(`> ${TO}`, 'http {', '  server {', '    listen 443 ssl;'),
          `printf '    ssl_protocols TLSv1.1;\\n' >> ${TO}`,
          `echo "  }" >> ${TO}`,
          `echo '}' >> ${TO}`,
        ),
      },
      [`${NGINX} ssl_protocols@7:27`],
    ],
    [
      'two commands of a list on one line (a; b) each write a piece: both read, in order',
      {
        'bin/prep.sh': script(
          ...write(`> ${TO}`, 'http {', '  server {', '    listen 443 ssl;'),
          `echo "  }" >> ${TO}; echo '}' >> ${TO}`,
        ),
      },
      [NGINX],
    ],
    [
      'a copied file lint-deploy reads on its own keeps its findings: the assembled file is not read again',
      {
        'broker/kafka.properties': 'ssl.keystore.password=secret\n',
        'bin/prep.sh': script(
          'cp /broker/kafka.properties /broker/kafka1.properties',
          "echo 'broker.id=1' >> /broker/kafka1.properties",
        ),
      },
      [],
    ],
    [
      'a plain copy of one file of the tree is that file, read as itself: not again',
      { ...parts, 'bin/prep.sh': script('cp part1.cfg /etc/nginx/site.conf', 'cat part2.cfg > /etc/nginx/other.conf') },
      [],
    ],
    [
      'echo lines alone add to a file of the image: not read as a file; echo lines that start one with > make all of it',
      {
        'bin/prep.sh': script(
          `echo 'ssl_protocols TLSv1;' >> ${TO}`,
          `echo 'ssl_protocols TLSv1.1;' > /etc/nginx/conf.d/x.conf`,
        ),
      },
      ['nginx.conf echo to /etc/nginx/conf.d/x.conf ssl_protocols@3:21'],
    ],
    [
      'tee and tee -a of heredocs: one file',
      {
        'bin/prep.sh': script(
          `cat <<'EOF' | sudo tee ${TO} > /dev/null`,
          'http {',
          '  server {',
          'EOF',
          `cat <<'EOF' | tee -a ${TO}`,
          '    ssl_protocols TLSv1.2;',
          '  }',
          '}',
          'EOF',
        ),
      },
      [`nginx.conf heredoc to ${TO} ssl_protocols@7:19`],
    ],
  ])('%s', (_title, files, expected) => {
    expect(summary(readScriptDocs(files, 'bin/prep.sh'), 'ssl_protocols')).toEqual(expected);
  });
});

// An echo or printf line is read only when its words say the text it writes (./shell-commands.ts tokens): one that an
// escape, a backquote, `$'…'`, an unclosed quote or an option leaves unsaid makes the file it adds to unknown, not read.
describe('an echo line whose text is not known from its words leaves the file unknown', () => {
  const assembled = (line: string) => ({
    'bin/prep.sh': script(
      ...write(`> ${TO}`, 'http {', '  server {', '    ssl_protocols TLSv1.1;'),
      line,
      `echo '}' >> ${TO}`,
    ),
  });
  it.each<[string, string, string[]]>([
    ['plain words: read', `echo "  }" >> ${TO}`, [`${NGINX} ssl_protocols@5:19`]],
    // The shell removes these backslashes: echo gets `}` (dash's echo reads the backslashes it is given).
    ['an escape outside quotes: echo gets the character', `echo \\} >> ${TO}`, [`${NGINX} ssl_protocols@5:19`]],
    ['an escaped quote inside double quotes', `echo "  } # \\"a\\"" >> ${TO}`, [`${NGINX} ssl_protocols@5:19`]],
    ['a backslash inside double quotes', `echo "  }\\n" >> ${TO}`, []],
    ["$'…' escapes", `echo $'  }' >> ${TO}`, []],
    ['a backquote', `echo \`echo }\` >> ${TO}`, []],
    ['a backquote inside double quotes', `echo "\`echo }\`" >> ${TO}`, []],
    ['an unclosed quote (a line break inside it)', `echo "  } >> ${TO}`, []],
    ['echo -n', `echo -n "  }" >> ${TO}`, []],
    ['echo -e', `echo -e "  }" >> ${TO}`, []],
    ['printf with a conversion', `printf '%s\\n' '  }' >> ${TO}`, []],
  ])('%s', (_title, line, expected) => {
    expect(summary(readScriptDocs(assembled(line), 'bin/prep.sh'), 'ssl_protocols')).toEqual(expected);
  });
});
