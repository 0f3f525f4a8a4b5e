import { shellCommands, shellTokens, simpleCommands, type ShellToken } from '../../src/parse/shell-commands';

/** Tokens as `word`, `{operator}`, `[descriptor operator target]`. */
function render(tokens: readonly ShellToken[]): string[] {
  return tokens.map((t) =>
    t.kind === 'word'
      ? t.text
      : t.kind === 'operator'
        ? `{${t.text === '\n' ? 'NL' : t.text}}`
        : `[${t.descriptor ?? ''}${t.operator}${t.target ? ' ' + t.target.text : ''}]`,
  );
}

// Each expectation checked with bash 5 on this machine (`f() { printf '<%s>' "$@"; }; f <line>`).
describe('shell tokens (bash(1) QUOTING, REDIRECTION, Lists)', () => {
  it.each<[string, string, string[]]>([
    ['quotes removed, escapes applied', `a 'b c' "d\\"e" f\\ g`, ['a', 'b c', 'd"e', 'f g']],
    ['double quotes keep a backslash before other characters', `a "b\\$c\\d" 'e\\f'`, ['a', 'b$c\\d', 'e\\f']],
    ['$\'…\' applies ANSI-C escapes, $"…" is "…"', `$'it\\'s\\tx' $"x y"`, ["it's\tx", 'x y']],
    [
      'lists and pipelines',
      'a && b || c; d & e | f |& g',
      ['a', '{&&}', 'b', '{||}', 'c', '{;}', 'd', '{&}', 'e', '{|}', 'f', '{|&}', 'g'],
    ],
    ['a newline ends a command', 'a\nb', ['a', '{NL}', 'b']],
    ['a backslash-newline continues the line', 'java \\\n  -Dx=y', ['java', '-Dx=y']],
    [
      'redirections with their descriptor and word',
      'cmd 2>&1 >log &>>all < in <<<str 3<>rw >|f',
      ['cmd', '[2>& 1]', '[> log]', '[&>> all]', '[< in]', '[<<< str]', '[3<> rw]', '[>| f]'],
    ],
    [
      'digits are a descriptor only right before the operator',
      'a2>/dev/null b 2 >x',
      ['a2', '[> /dev/null]', 'b', '2', '[> x]'],
    ],
    ['a quoted operator is a word', `echo '>' "&&" \\;`, ['echo', '>', '&&', ';']],
    [
      'a command substitution is one word, spaces and quotes inside',
      `x=$(cat "a b" | tr -d ' ') y`,
      [`x=$(cat "a b" | tr -d ' ')`, 'y'],
    ],
    ['${…} and backquotes too', 'a ${X:-a b} `echo c d`', ['a', '${X:-a b}', '`echo c d`']],
    ['a process substitution is a word', 'diff <(sort a) b', ['diff', '<(sort a)', 'b']],
    ['a word starting with # starts a comment', 'f a#b #comment && c\nd', ['f', 'a#b', '{NL}', 'd']],
    [
      'an angle-bracket placeholder is two redirections (a syntax error to bash)',
      '--password <password>',
      ['--password', '[< password]', '[>]'],
    ],
    [
      'parentheses: a subshell',
      '(cd /opt && tar xf a.tgz)',
      ['{(}', 'cd', '/opt', '{&&}', 'tar', 'xf', 'a.tgz', '{)}'],
    ],
  ])('%s: %s', (_name, line, expected) => {
    expect(render(shellTokens(line))).toEqual(expected);
  });

  it('keeps the file offset of every character of a word', () => {
    const text = `RUN a "b\\"c" d\\ e`;
    const words = shellTokens(text, 4).filter((t) => t.kind === 'word');
    expect(words.map((w) => [w.text, w.start, w.end])).toEqual([
      ['a', 4, 5],
      ['b"c', 6, 12],
      ['d e', 13, 17],
    ]);
    for (const w of words) expect(w.offsets.map((o) => text[o]).join('')).toBe(w.text);
  });

  it('reads a here-document after the line that opens it, up to its delimiter', () => {
    const text = 'cat > f <<EOF && echo x\npassword=x\nEOF\ncat <<-END\n\ty\n\tEND\nz';
    const tokens = shellTokens(text);
    expect(render(tokens)).toEqual([
      'cat',
      '[> f]',
      '[<< EOF]',
      '{&&}',
      'echo',
      'x',
      '{NL}',
      'cat',
      '[<<- END]',
      '{NL}',
      'z',
    ]);
    const documents = tokens.flatMap((t) => (t.kind === 'redirection' && t.hereDocument ? [t.hereDocument] : []));
    expect(documents.map((d) => [d.text, text.slice(d.start, d.end)])).toEqual([
      ['password=x\n', 'password=x\n'],
      ['\ty\n', '\ty\n'],
    ]);
  });

  it('Windows cmd: ^ escapes, a backslash is a path separator, & ends a command', () => {
    const tokens = shellTokens('"%JAVA_HOME%\\bin\\java" -Dx=^"y^" C:\\app & echo', 0, undefined, { cmd: true });
    expect(render(tokens)).toEqual(['%JAVA_HOME%\\bin\\java', '-Dx="y"', 'C:\\app', '{&}', 'echo']);
  });
});

// What a word's quoting leaves to the shell: some of it expanded (unquoted, double-quoted), escapes, backquotes, a quote
// left open (bash(1) QUOTING; the flags let a reader refuse what it cannot take as written: ./shell-file-pieces.ts).
describe('shell words: what their quoting leaves to the shell', () => {
  const flags = (line: string) =>
    shellTokens(line).flatMap((t) =>
      t.kind === 'word'
        ? [
            [t.text, t.expands, t.escapes, t.backquotes, t.unclosed]
              .map((f) => (f === true ? 'y' : f === false ? '-' : f))
              .join(' '),
          ]
        : [],
    );
  it.each<[string, string, string[]]>([
    ['unquoted and single-quoted', `a 'b $c'`, ['a y - - -', 'b $c - - - -']],
    [
      'double-quoted: expands, a backslash kept or applied',
      `"x" "a\\b" "\\$x"`,
      ['x y - - -', 'a\\b y y - -', '$x y y - -'],
    ],
    ["an escape outside quotes, $'…'", `a\\ b $'c\\td'`, ['a b y y - -', 'c\td - y - -']],
    [
      'backquotes, outside or inside double quotes; $(…) is no backquote',
      'a`b` "`c`" $(d)',
      ['a`b` y - y -', '`c` y - y -', '$(d) y - - -'],
    ],
    ['an unclosed quote', `a 'b`, ['a y - - -', 'b - - - y']],
  ])('%s', (_name, line, expected) => expect(flags(line)).toEqual(expected));
});

describe('shell commands', () => {
  it('a -c string of a shell, su or runuser is read as commands, at their file offsets, after the pipeline', () => {
    const text = `su - mqm -c "runmqsc QM1 < 'my dir/x.mqsc'" | tee log; runuser -l mqm -c 'a && b'`;
    const commands = shellCommands(text);
    expect(commands.map((c) => [c.words.map((w) => w.text).join(' '), c.runBy?.words[0]?.text ?? '-'])).toEqual([
      ["su - mqm -c runmqsc QM1 < 'my dir/x.mqsc'", '-'],
      ['tee log', '-'],
      ['runmqsc QM1', 'su'],
      ['runuser -l mqm -c a && b', '-'],
      ['a', 'runuser'],
      ['b', 'runuser'],
    ]);
    const target = commands[2]!.redirections[0]!.target!;
    expect(target.text).toBe('my dir/x.mqsc');
    expect(text.slice(target.start, target.end)).toBe("'my dir/x.mqsc'");
  });

  it('simpleCommands: pipelines stay together with | between, redirections as operator and word', () => {
    expect(simpleCommands('curl -L $U | tar zx -C /opt 2>/dev/null && echo a >> f & b')).toEqual([
      ['curl', '-L', '$U', '|', 'tar', 'zx', '-C', '/opt', '2>', '/dev/null'],
      ['echo', 'a', '>>', 'f'],
      ['b'],
    ]);
  });
});
