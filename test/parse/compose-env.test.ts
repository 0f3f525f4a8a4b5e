import { dotEnvVariables, envFileVariables, renderComposeEnv } from '../../src/parse/compose-env';

const values = (text: string) => Object.fromEntries(dotEnvVariables(text).map((v) => [v.name, v.value]));

/** The Compose text as rendered with the `.env`, and each put-in value's reference (one-based line:column). */
function render(compose: string, env: string) {
  const rendering = renderComposeEnv(compose, '/p/.env', dotEnvVariables(env));
  return {
    text: rendering?.rendered.text,
    spans: rendering?.template.spans.map(
      (s) =>
        `${s.range.start.line + 1}:${s.range.start.character + 1} ${s.text} from .env:${(s.substituted?.from.range?.start.line ?? -1) + 1}${s.substituted?.secret ? ' secret' : ''}`,
    ),
  };
}

describe('.env files as Docker Compose reads them', () => {
  // https://docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/#env-file-syntax
  it.each([
    ['VAR=VAL', { VAR: 'VAL' }],
    ['VAR="VAL"', { VAR: 'VAL' }],
    ["VAR='VAL'", { VAR: 'VAL' }],
    ['export VAR=VAL', { VAR: 'VAL' }],
    ['VAR=VAL # comment', { VAR: 'VAL' }],
    ['VAR=VAL# not a comment', { VAR: 'VAL# not a comment' }],
    ['VAR="VAL # not a comment" # comment', { VAR: 'VAL # not a comment' }],
    ['# VAR=commented\n\nOTHER=1', { OTHER: '1' }],
    ['VAR=', { VAR: '' }],
    ['A=x\nB=${A}-y\nC="$A/z"', { A: 'x', B: 'x-y', C: 'x/z' }],
    ["A=x\nB='${A}'", { A: 'x', B: '${A}' }],
    ['VAR="a\\tb"', { VAR: 'a\tb' }],
    ['A=1\nA=2', { A: '2' }],
    // Was: A=1 (a bare line was skipped) and an empty value ('#' right after '=' read as a comment).
    ['A=1\nA', {}],
    ['PASSWORD=#secret', { PASSWORD: '#secret' }],
  ])('%j', (text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  // compose-spec/compose-go@0670a1c375c19defea19147bd82eb126a7c33b29 (v2.13.0) dotenv/parser.go: a line without `=`
  // takes the value of the environment Compose runs in (lookupFn) and is dropped when that has none; `NAME=` is empty;
  // an unquoted value ends at ` #`, so `#` right after `=` is the value's; `\'` is a quote inside single quotes.
  it.each([
    ['VAR', { VAR: undefined }],
    ['export VAR', { VAR: undefined }],
    ['VAR=set\nVAR', { VAR: undefined }],
    ['VAR\nVAR=set', { VAR: 'set' }],
    ['VAR: value', { VAR: undefined }],
    ['VAR=\nNEXT=1', { VAR: '', NEXT: '1' }],
    ['PASSWORD=#secret', { PASSWORD: '#secret' }],
    ['PASSWORD= #secret', { PASSWORD: '#secret' }],
    ['PASSWORD=pa#ss # comment', { PASSWORD: 'pa#ss' }],
    ["VAR='it\\'s'", { VAR: "it's" }],
    ['VAR="line one\nline two"\nNEXT=2', { VAR: 'line one\nline two', NEXT: '2' }],
    ['B=${A}-y', { B: undefined }],
    ['export JAVA_OPTS="-Djavax.net.ssl.trustStore=/t.jks"', { JAVA_OPTS: '-Djavax.net.ssl.trustStore=/t.jks' }],
  ])('every variable named, the unknown ones too: %j', (text, expected) => {
    expect(Object.fromEntries(envFileVariables(text).map((v) => [v.name, v.value]))).toEqual(expected);
  });

  it('a value that refers to a variable the file does not set is unknown (the shell gives it): left out', () => {
    // Engineering-Research-and-Development/true-connector@776404e .env: AES_SECRET_KEY=${AES_SECRET_KEY}.
    expect(values('AES_SECRET_KEY=${AES_SECRET_KEY}\nKEYSTORE_NAME=ssl-server.jks\n')).toEqual({
      KEYSTORE_NAME: 'ssl-server.jks',
    });
  });

  it('where each assignment and value is, and which are secrets', () => {
    const [v] = dotEnvVariables('\n  export KEY_PASSWORD="changeit" # dev\n');
    expect(v).toMatchObject({
      name: 'KEY_PASSWORD',
      secret: true,
      range: { start: { line: 1, character: 2 }, end: { line: 1, character: 32 } },
      nameRange: { start: { line: 1, character: 9 }, end: { line: 1, character: 21 } },
      valueRange: { start: { line: 1, character: 23 }, end: { line: 1, character: 31 } },
    });
  });
});

describe('Compose interpolation from the .env beside the file', () => {
  // https://docs.docker.com/reference/compose-file/interpolation/
  const env = 'KEYSTORE_NAME=ssl-server.jks\nEMPTY=\nKEYSTORE_PASSWORD=changeit\nOPTS=-Dx=1 -Dy=2\nODD=a: b\n';

  it.each([
    ['${KEYSTORE_NAME}', 'ssl-server.jks'],
    ['$KEYSTORE_NAME', 'ssl-server.jks'],
    ['/cert/${KEYSTORE_NAME}', '/cert/ssl-server.jks'],
    ['${KEYSTORE_NAME:-other.jks}', 'ssl-server.jks'],
    ['${EMPTY:-other.jks}', 'other.jks'],
    ['${EMPTY-other.jks}', ''],
    ['${KEYSTORE_NAME:?required}', 'ssl-server.jks'],
    ['${KEYSTORE_NAME:+set}', 'set'],
    ['${EMPTY:+set}', ''],
    ['${KEYSTORE_NAME:-${UNSET}}', 'ssl-server.jks'],
    ['${OPTS}', '-Dx=1 -Dy=2'],
  ])('x: %s', (value, expected) => {
    expect(render(`x: ${value}\n`, env).text).toBe(`x: ${expected}\n`);
  });

  it.each([
    // Not set by the .env, no default: unknown, left as written (and the default of an unset one is not the .env's).
    ['${UNSET}'],
    ['${UNSET:-default.jks}'],
    ['${EMPTY:?required}'],
    // `$$` is a literal `$`.
    ['$${KEYSTORE_NAME}'],
    // A value that would change how the YAML reads is not put in.
    ['${ODD}'],
  ])('x: %s stays as written', (value) => {
    expect(render(`x: ${value}\n`, env).text).toBeUndefined();
  });

  it('each value put in names its .env line; a comment line is not interpolated', () => {
    const compose = [
      'services:',
      '  ecc:',
      '    environment:',
      '      # - KEYSTORE_NAME=${KEYSTORE_NAME}',
      '      - KEYSTORE_NAME=${KEYSTORE_NAME}',
      '      - KEYSTORE_PASSWORD=${KEYSTORE_PASSWORD}',
      '      - DAPS_KEYSTORE_NAME=${EMPTY} ${UNSET}',
      '',
    ].join('\n');
    expect(render(compose, env)).toEqual({
      text: [
        'services:',
        '  ecc:',
        '    environment:',
        '      # - KEYSTORE_NAME=${KEYSTORE_NAME}',
        '      - KEYSTORE_NAME=ssl-server.jks',
        '      - KEYSTORE_PASSWORD=changeit',
        '      - DAPS_KEYSTORE_NAME= ${UNSET}',
        '',
      ].join('\n'),
      spans: [
        '5:23 ${KEYSTORE_NAME} from .env:1',
        '6:27 ${KEYSTORE_PASSWORD} from .env:3 secret',
        '7:28 ${EMPTY} from .env:2',
      ],
    });
  });
});
