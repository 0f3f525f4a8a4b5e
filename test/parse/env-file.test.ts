import { envFileFormat, isEnvFileExample } from '../../src/parse/env-file';

const parse = (text: string) =>
  envFileFormat
    .parse({ path: '/t/prod.env', text, hadBom: false }, 'env-file')
    .data.springEnvironment.map(
      (s) => `${s.valueRange.start.line + 1}:${s.valueRange.start.character + 1} ${s.name}=${s.value}`,
    );

describe('environment files', () => {
  it.each([
    ['.env', true],
    ['prod.env', true],
    ['.env.prod', true],
    // Documentation of the variables: nothing runs with it (its passwords are samples).
    ['.env.example', false],
    ['.env.sample', false],
    ['.env.template', false],
    ['app.env.dist', false],
    ['env.txt', false],
  ])('%s is an env file: %s', (name, expected) => {
    expect(envFileFormat.classify(`/t/${name}`, 'SPRING_PROFILES_ACTIVE=prod\n') === 'env-file').toBe(expected);
  });

  it.each([
    ['.env.example', true],
    ['prod.env.sample', true],
    ['.env.dist', true],
    ['.env', false],
    ['.env.prod', false],
    // A template of another file, not of an env file.
    ['nginx.conf.example', false],
  ])('%s documents an env file: %s', (name, expected) => {
    expect(isEnvFileExample(`/t/${name}`)).toBe(expected);
  });

  it('is not one without a variable Spring binds', () => {
    expect(envFileFormat.classify('/t/.env', 'POSTGRES_PASSWORD=x\nDB_HOST=db\n')).toBeUndefined();
  });

  it('reads NAME=value, quoted and exported values, and skips comments', () => {
    expect(
      parse(
        '# prod\nSPRING_PROFILES_ACTIVE=prod\nexport SERVER_SSL_KEY_STORE="/certs/k.p12"\nSERVER_PORT=8443 # https\n# SERVER_SSL_ENABLED=false\nDB_HOST=db\n',
      ),
    ).toEqual(['2:24 spring.profiles.active=prod', '3:30 server.ssl.key-store=/certs/k.p12', '4:13 server.port=8443']);
  });

  // compose-spec/compose-go@0670a1c375c19defea19147bd82eb126a7c33b29 dotenv/parser.go: a line without `=` takes the
  // value of the shell running Compose, or none. Was: skipped, the earlier line's value kept.
  it("a bare NAME line is the run's value: unresolved, after the lines before it", () => {
    const read = envFileFormat.parse(
      {
        path: '/t/prod.env',
        text: 'SERVER_SSL_KEY_STORE_PASSWORD=changeit\nSERVER_SSL_KEY_STORE_PASSWORD\n',
        hadBom: false,
      },
      'env-file',
    ).data.springEnvironment;
    expect(read.at(-1)).toMatchObject({
      name: 'server.ssl.key-store-password',
      value: '${SERVER_SSL_KEY_STORE_PASSWORD}',
      via: 'SERVER_SSL_KEY_STORE_PASSWORD',
      unresolved: true,
      secret: true,
    });
  });
});
