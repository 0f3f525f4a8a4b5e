import { readTree } from '../helpers/read-tree';
import { nginxPod } from '../helpers/kubernetes-manifests';
import { readScript } from '../helpers/read-script';

const script = (...lines: string[]) => ['#!/bin/sh', ...lines, 'exec nginx -g "daemon off;"', ''].join('\n');
const SITE = '/etc/nginx/conf.d/site.conf';
const TO = '/etc/nginx/nginx.conf';
const PART = { 'configs/part1.cfg': 'server {\n    listen 443 ssl;\n' };

// A file a script assembles is read only when every piece's text is known; one that is not goes unjudged, and says so
// at the piece that is not known (unknown is not an error, and not silence either).
describe('a file a script assembles from a piece the tree does not show: an info at that piece, never a guess', () => {
  it.each<[string, Record<string, string>, string[]]>([
    [
      'a part copied from a variable: the file is not read, the info names the piece',
      {
        ...PART,
        'bin/prep.sh': script(
          `cp /etc/nginx/part1.cfg ${SITE}`,
          `cat $EXTRA >> ${SITE}`,
          `echo '    ssl_protocols TLSv1;' >> ${SITE}`,
          `echo '}' >> ${SITE}`,
        ),
      },
      [`unknown@3:5 ${SITE}: \`$EXTRA\`, a path the script decides when it runs)`],
    ],
    [
      // Before, `cat "$TEMPLATE"` was no piece: the heredoc alone was read and `http {` was a false unclosed-block error.
      'a heredoc opens http, a quoted variable path closes it: no false unclosed-block error, the info instead',
      {
        'bin/prep.sh': script(`cat <<EOF > ${TO}`, 'events {}', 'http {', 'EOF', `cat "$TEMPLATE" >> ${TO}`),
      },
      [`unknown@6:6 ${TO}: \`$TEMPLATE\`, a path the script decides when it runs)`],
    ],
    [
      // A backquote inside double quotes is the command's output too (bash(1) Command Substitution), not the path.
      'a path a command decides (cat "`…`"): no false unclosed-block error, the info at the path',
      {
        'bin/prep.sh': script(`cat <<EOF > ${TO}`, 'events {}', 'http {', 'EOF', `cat "\`ls /opt/site\`" >> ${TO}`),
      },
      [`unknown@6:6 ${TO}: \`\`ls /opt/site\`\`, a path the script decides when it runs)`],
    ],
    [
      'an echo -e line and a pattern of files: the first unknown piece is named',
      {
        'bin/prep.sh': script(
          `cat <<'EOF' > ${TO}`,
          'http {',
          'EOF',
          `cat /etc/nginx/sites/*.conf >> ${TO}`,
          `echo -e "}\\n" >> ${TO}`,
        ),
      },
      [
        `unknown@5:5 ${TO}: \`/etc/nginx/sites/*.conf\`, a pattern of files in the order the shell sorts them) (and 1 more such piece)`,
      ],
    ],
    [
      // The shell removes the backslash: the path names the tree's file `configs/ssl part.cfg`, read as a part.
      'a part whose path escapes a blank: the file the shell copies, read',
      {
        'configs/ssl part.cfg': '    ssl_protocols TLSv1;\n}\n',
        'bin/prep.sh': script(`cat <<'EOF' > ${SITE}`, 'server {', 'EOF', `cat /etc/nginx/ssl\\ part.cfg >> ${SITE}`),
      },
      [`nginx.conf heredoc to ${SITE} @5:5`],
    ],
    [
      'a part that names no file of the tree',
      { ...PART, 'bin/prep.sh': script(`cp /etc/nginx/part1.cfg ${SITE}`, `cat /etc/nginx/part9.cfg >> ${SITE}`) },
      [`unknown@3:5 ${SITE}: \`/etc/nginx/part9.cfg\`, which names no single file of the tree)`],
    ],
    [
      'a copied file lint-deploy reads on its own is named as such',
      {
        'conf/base.conf': 'events {}\nhttp {\n  server_tokens off;\n}\n',
        'bin/prep.sh': script(`cat <<EOF > ${TO}`, 'stream {}', 'EOF', `cat /opt/conf/base.conf >> ${TO}`),
      },
      [`unknown@5:5 ${TO}: \`/opt/conf/base.conf\`, a file lint-deploy reads as configuration of its own (base.conf))`],
    ],
    [
      'echo lines that start the file (>) and an echo -e line: the file would be read, so the info',
      { 'bin/prep.sh': script(`echo 'ssl_protocols TLSv1;' > ${SITE}`, `echo -e "x\\ty" >> ${SITE}`) },
      [`unknown@3:1 ${SITE}: an \`echo\` line with an escape or a backquote, not read here)`],
    ],
    [
      'only echo lines added (>>) besides the unknown piece: no file lint-deploy would read, nothing said',
      { 'bin/prep.sh': script(`echo 'ssl_protocols TLSv1;' >> ${SITE}`, `echo -e "x\\ty" >> ${SITE}`) },
      [],
    ],
    [
      'a file of no kind lint-deploy reads: nothing said',
      {
        'bin/prep.sh': script('cat <<EOF > /opt/app/notes.cfg', 'hello world', 'EOF', 'cat $X >> /opt/app/notes.cfg'),
      },
      [],
    ],
    [
      // withUnknownStart: the known text is read as the rest of a file, and every parse problem of it is an info that
      // says why, even one inside a block the known text opens and closes (its start may leave a quote open).
      'an unknown first piece (cp "$SRC" x) and a known >> heredoc: read as a file whose start is unknown',
      {
        'bin/prep.sh': script(
          `cp "$SRC" ${SITE}`,
          `cat <<'EOF' >> ${SITE}`,
          '}',
          'server {',
          '    listen 443 ssl;',
          '    ssl_protocols TLSv1.2',
          '}',
          'EOF',
        ),
      },
      [`nginx.conf heredoc to ${SITE} @7:19 unexpected-brace@4 info missing-semicolon@7 info`],
    ],
  ])('%s', (_title, files, expected) => {
    expect(readScript(files, 'bin/prep.sh')).toEqual(expected);
  });

  it('the headless file says which piece starts it', () => {
    const files = { 'prep.sh': script(`cat $BASE > ${SITE}`, `cat <<'EOF' >> ${SITE}`, '}', 'server {', '}', 'EOF') };
    const messages = readTree(files, (read) => read.documents.flatMap((d) => d.problems.map((p) => p.message)));
    expect(messages).toEqual([
      'Unexpected "}": nginx refuses to start (the script appends this text with >> to a file whose start the tree does not show: its start, which the script writes first (`$BASE`, a path the script decides when it runs), may open or set what this text closes or sets again)',
    ]);
  });
});

// A Kubernetes container's `args: - |` script, an Ansible `shell: |` task: the same readers as a script file's.
describe('a script held in a YAML block assembles files with echo, printf, cat, cp and tee too', () => {
  const manifest = (...script: string[]) =>
    nginxPod(
      '      command: ["/bin/sh", "-c"]',
      '      args:',
      '        - |',
      ...script.map((l) => `          ${l}`),
      '          exec nginx -g "daemon off;"',
    );
  it.each<[string, Record<string, string>, string[]]>([
    [
      'a heredoc, a printf line and echo lines: one file, each line at its column in the YAML file',
      {
        'k8s/pod.yaml': manifest(
          `cat <<'EOF' > ${SITE}`,
          'server {',
          '    listen 443 ssl;',
          'EOF',
          `printf '    ssl_protocols TLSv1.1;\\n' >> ${SITE}`,
          `echo '}' >> ${SITE}`,
        ),
      },
      [`nginx.conf heredoc to ${SITE} in YAML key list item @16:37`],
    ],
    [
      'a part of the tree copied in, at the word that names it',
      {
        'configs/part2.cfg': '    ssl_protocols TLSv1 TLSv1.2;\n}\n',
        'k8s/pod.yaml': manifest(`cat <<'EOF' > ${SITE}`, 'server {', 'EOF', `cat /etc/nginx/part2.cfg >> ${SITE}`),
      },
      [`nginx.conf heredoc to ${SITE} in YAML key list item @15:15`],
    ],
    [
      'a piece the tree does not show: the info at its place in the YAML file',
      { 'k8s/pod.yaml': manifest(`cat <<'EOF' > ${SITE}`, 'server {', 'EOF', `cat $EXTRA >> ${SITE}`) },
      [`unknown@15:15 ${SITE}: \`$EXTRA\`, a path the script decides when it runs)`],
    ],
    [
      'an Ansible shell: | task: the same reading, the heredoc and the echo line one file',
      {
        'roles/proxy/tasks/main.yml': [
          '- name: write the TLS server',
          '  ansible.builtin.shell: |',
          `    cat <<'EOF' > ${SITE}`,
          '    server {',
          '        listen 443 ssl;',
          '        ssl_protocols TLSv1 TLSv1.2;',
          '    EOF',
          `    echo '}' >> ${SITE}`,
          '',
        ].join('\n'),
      },
      [`nginx.conf heredoc to ${SITE} in YAML key ansible.builtin.shell @6:23`],
    ],
    [
      'echo lines alone add to a file of the image: nothing read, as in a script file',
      { 'k8s/pod.yaml': manifest(`echo 'ssl_protocols TLSv1;' >> ${TO}`) },
      [],
    ],
  ])('%s', (_title, files, expected) => {
    expect(readScript(files, Object.keys(files).find((f) => f.endsWith('.yaml') || f.endsWith('.yml'))!)).toEqual(
      expected,
    );
  });
});
