import { nginxPod } from '../helpers/kubernetes-manifests';
import { readScript } from '../helpers/read-script';

const dockerfile = (...lines: string[]) =>
  ['FROM nginx:1.27', ...lines, 'CMD ["nginx", "-g", "daemon off;"]', ''].join('\n');
const SITE = '/etc/nginx/conf.d/site.conf';
const PARTS = {
  'configs/part1.cfg': 'server {\n    listen 443 ssl;\n',
  'configs/part2.cfg': '    ssl_protocols TLSv1 TLSv1.2;\n}\n',
};

// A Dockerfile's RUN runs a shell command line: its echo, printf, cat and cp pieces are read as a script's are, each
// line at its column (the instruction and its flags are no part of the command).
describe('a Dockerfile RUN that writes a configuration file with echo, cat or cp: its pieces, read', () => {
  it.each<[string, Record<string, string>, string[]]>([
    [
      'RUN echo … > x.conf && \\ then echo … >> x.conf lines: one file, each line at its column',
      {
        Dockerfile: dockerfile(
          `RUN echo 'server {' > ${SITE} && \\`,
          `    echo '    listen 443 ssl;' >> ${SITE} && \\`,
          `    echo '    ssl_protocols TLSv1 TLSv1.2;' >> ${SITE} && \\`,
          `    echo '}' >> ${SITE}`,
        ),
      },
      [`nginx.conf echo to ${SITE} @4:29`],
    ],
    [
      'one RUN per line, a --mount flag on one: one file',
      {
        Dockerfile: dockerfile(
          `RUN echo 'server {' > ${SITE}`,
          `RUN --mount=type=cache,target=/var/cache/apk echo '    ssl_protocols TLSv1.1;' >> ${SITE}`,
          `run echo '}' >> ${SITE}`,
        ),
      },
      [`nginx.conf echo to ${SITE} @3:70`],
    ],
    [
      'one echo of many directives, escaped quotes inside double quotes (echo gets the quotes)',
      {
        Dockerfile: dockerfile(
          'RUN echo "ssl_protocols TLSv1 TLSv1.1 TLSv1.2;ssl_ciphers \\"EECDH+AESGCM:AES256+EDH\\";" > /etc/nginx/snippets/ssl-params.conf',
        ),
      },
      ['nginx.conf echo to /etc/nginx/snippets/ssl-params.conf @2:25'],
    ],
    [
      'RUN cat a b > x.conf of files the build context holds: both files, in order, each at the word naming it',
      { ...PARTS, Dockerfile: dockerfile(`RUN cat /etc/nginx/part1.cfg /etc/nginx/part2.cfg > ${SITE}`) },
      [`nginx.conf files copied to ${SITE} @2:30`],
    ],
    [
      'RUN cp a part, then RUN echo and RUN cat add to it',
      {
        'configs/part1.cfg': PARTS['configs/part1.cfg'],
        'configs/part3.cfg': '}\n',
        Dockerfile: dockerfile(
          `RUN cp /etc/nginx/part1.cfg ${SITE}`,
          `RUN echo '    ssl_protocols TLSv1.1;' >> ${SITE}`,
          `RUN cat /etc/nginx/part3.cfg >> ${SITE}`,
        ),
      },
      [`nginx.conf files copied to ${SITE} @3:29`],
    ],
    [
      'a piece the build does not show (a backslash echo keeps, dash reads it): not read, the info at that piece',
      {
        Dockerfile: dockerfile(
          `RUN echo 'server {' > ${SITE} && \\`,
          `    echo "    ssl_protocols TLSv1;\\n" >> ${SITE} && \\`,
          `    echo '}' >> ${SITE}`,
        ),
      },
      [`unknown@3:5 ${SITE}: an \`echo\` line with an escape or a backquote, not read here)`],
    ],
    [
      'RUN echo >> a file of the image alone: no file read, nothing said',
      { Dockerfile: dockerfile(`RUN echo 'ssl_protocols TLSv1;' >> /etc/nginx/nginx.conf`) },
      [],
    ],
    [
      'the exec form RUN ["sh", "-c", "…"] is no shell line of the Dockerfile: nothing read',
      { Dockerfile: dockerfile(`RUN ["sh", "-c", "echo 'ssl_protocols TLSv1;' > ${SITE}"]`) },
      [],
    ],
  ])('%s', (_title, files, expected) => {
    expect(readScript(files, 'Dockerfile')).toEqual(expected);
  });
});

// bash(1) "Lists": each command of `a && b` and `a; b` runs in turn, and each may write a piece; one after `||`, one
// sent to the background with `&` or one a one-line `if` runs is written or not as the script runs: unknown.
describe('the commands of a list on one line: each its piece, in order; one that runs only sometimes: unknown', () => {
  const script = (...lines: string[]) => ['#!/bin/sh', ...lines, ''].join('\n');
  it.each<[string, string, string[]]>([
    [
      'mkdir && echo > && echo >>: both echo lines, in order',
      `mkdir -p /etc/nginx/conf.d && echo 'server { listen 443 ssl;' > ${SITE} && echo 'ssl_protocols TLSv1; }' >> ${SITE}`,
      [
        `nginx.conf echo to ${SITE} @2:${`mkdir -p /etc/nginx/conf.d && echo 'server { listen 443 ssl;' > ${SITE} && echo 'ssl_protocols `.length + 1}`,
      ],
    ],
    [
      'a piece after ||: the file is not read, the info at that command',
      `echo 'server { listen 443 ssl;' > ${SITE}; test -n "$X" || echo 'ssl_protocols TLSv1; }' >> ${SITE}`,
      [
        `unknown@2:${`echo 'server { listen 443 ssl;' > ${SITE}; test -n "$X" || `.length + 1} ${SITE}: a command that runs only when the one before it fails, not read here)`,
      ],
    ],
    [
      'a piece a one-line if writes: the file is not read, the info names the if',
      `echo 'server { listen 443 ssl;' > ${SITE}; if [ -n "$X" ]; then echo 'ssl_protocols TLSv1; }' >> ${SITE}; fi`,
      [
        `unknown@2:${`echo 'server { listen 443 ssl;' > ${SITE}; if [ -n "$X" ]; then `.length + 1} ${SITE}: a command a one-line \`then\` runs, not read here)`,
      ],
    ],
  ])('%s', (_title, line, expected) => {
    expect(readScript({ 'bin/prep.sh': script(line) }, 'bin/prep.sh')).toEqual(expected);
  });
});

// A folded block scalar (`- >`) joins its lines with spaces (YAML 1.2 §8.1.3): two echo lines are one echo then, unless
// a line ends with a list's operator.
describe('a script in a folded YAML block: lines the shell reads as one command are no pieces of their own', () => {
  const pod = (...script: string[]) =>
    nginxPod('      command: ["/bin/sh", "-c"]', '      args:', '        - >', ...script.map((l) => `          ${l}`));
  it.each<[string, string[], string[]]>([
    [
      'each line ends with &&: each its command, one file',
      [
        `echo 'server { listen 443 ssl;' > ${SITE} &&`,
        `echo 'ssl_protocols TLSv1; }' >> ${SITE} &&`,
        'nginx -g "daemon off;"',
      ],
      [`nginx.conf echo to ${SITE} in YAML key list item @13:31`],
    ],
    [
      // Every piece unknown, none known: no text of the file is there to say it at (as for any such script).
      'two echo lines without an operator are one echo (of "a echo b"): not read as two pieces',
      [`echo 'server { listen 443 ssl;' > ${SITE}`, `echo 'ssl_protocols TLSv1; }' >> ${SITE}`],
      [],
    ],
  ])('%s', (_title, lines, expected) => {
    expect(readScript({ 'k8s/pod.yaml': pod(...lines) }, 'k8s/pod.yaml')).toEqual(expected);
  });
});
