import { conditionHolds, conditionsByLine, quotedSelfDefaults } from '../../src/parse/shell-conditions';

/** Whether the branch around the script's last line runs, as the script settles it (undefined: known at run time). */
function lastBranch(script: string[]): (boolean | undefined)[] {
  const byLine = conditionsByLine(script);
  const defaults = quotedSelfDefaults(script);
  const exported = script.map((l) => /^export (\w+)=(\S+)$/.exec(l));
  const literal = new Map(exported.flatMap((m) => (m ? [[m[1]!, m[2]!] as const] : [])));
  const valueOf = (name: string) => {
    const value = literal.get(name) ?? defaults.get(name)?.value;
    return value === undefined ? undefined : { value };
  };
  return (byLine[script.length - 1] ?? []).map((c) => conditionHolds(c, valueOf));
}

// The tests of ibm-messaging/mq-docker@56659c4 mq-dev-config.sh and kimptoc/ibmmq-with-ssl-test@95825d8.
describe('shell if branches and the tests the script settles', () => {
  it.each<[string, string[], (boolean | undefined)[]]>([
    [
      'a variable the environment sets: unknown',
      ['if [ ! -z ${MQ_TLS_KEYSTORE+x} ]; then', '  configure_tls'],
      [undefined],
    ],
    [
      'exported above: set',
      ['export MQ_TLS_KEYSTORE=/etc/mqcerts/keystore.p12', 'if [ ! -z ${MQ_TLS_KEYSTORE+x} ]; then', '  configure_tls'],
      [true],
    ],
    [
      'the script default, quoted: true unless the environment says otherwise',
      ['MQ_DEV=${MQ_DEV:-"true"}', 'if [ "${MQ_DEV}" == "true" ]; then', '  runmqsc'],
      [true],
    ],
    [
      'an else branch of a settled test does not run',
      ['MQ_DEV=${MQ_DEV:-"true"}', 'if [ "${MQ_DEV}" == "true" ]; then', '  a', 'else', '  runmqsc'],
      [false],
    ],
    ['a file test: unknown', ['if [ ! -e "${DATA_PATH}/key.kdb" ]', 'then', '  configure_tls'], [undefined]],
    [
      'nested, and a one-line if encloses nothing',
      ['if [ -n "$A" ]; then', '  if [ -z "$B" ]; then echo; fi', '  if [ -z "$C" ]; then', '    runmqsc'],
      [undefined, undefined],
    ],
    ['after fi: no branch', ['if [ -n "$A" ]; then', '  a', 'fi', 'runmqsc'], []],
  ])('%s', (_name, script, expected) => {
    expect(lastBranch(script)).toEqual(expected);
  });
});
