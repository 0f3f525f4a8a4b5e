import { commandWords, javaLaunches, scanLaunchProperties } from '../../src/parse/java/java-launch';
import { LineIndex } from '../../src/parse/text';

/** Each `java` run of a command line as `options | target | arguments` (words as written, unquoted). */
function launches(line: string): string[] {
  return javaLaunches(commandWords(line, 0, line.length)).map(
    (l) =>
      `${l.options.map((w) => w.text).join(' ')} | ${l.target?.text ?? '-'} | ${l.applicationArguments.map((w) => w.text).join(' ')}`,
  );
}

describe('java(1) command lines: launcher options and application arguments', () => {
  it.each<[string, string[]]>([
    ['java -Da=1 -jar app.jar -Db=2 --x', ['-Da=1 | app.jar | -Db=2 --x']],
    ['java -cp lib/* -Da=1 org.example.Main -Db=2', ['-Da=1 | org.example.Main | -Db=2']],
    ['java --module-path mods -m app/org.example.Main -Db=2', [' | app/org.example.Main | -Db=2']],
    ['java --module=app/org.example.Main -Db=2', [' | --module=app/org.example.Main | -Db=2']],
    ['java @jvm.args $JAVA_OPTS -Da=1 -jar app.jar', ['@jvm.args $JAVA_OPTS -Da=1 | app.jar | ']],
    [
      'java -version && /usr/bin/java -Da=1 -jar app.jar -Db=2; echo -Dc=3',
      ['-version | - | ', '-Da=1 | app.jar | -Db=2'],
    ],
    ['java -Da=1 -jar', ['-Da=1 | -jar | ']],
    // Redirections are no arguments (bash(1) REDIRECTION: removed before the command runs).
    ['java -jar app.jar -Db=2 >log 2>&1 &', [' | app.jar | -Db=2']],
    ['java -jar app.jar|tee log', [' | app.jar | ']],
    ['["java", "-jar", "/app.jar", "-Db=2"]', [' | /app.jar | -Db=2']],
    ['["sh", "-c", "exec java -Da=1 -jar /app.jar -Db=2"]', ['-Da=1 | /app.jar | -Db=2']],
    ['"%JAVA_HOME%\\bin\\java.exe" -Da=1 -jar app.jar', ['-Da=1 | app.jar | ']],
    ['javac -Da=1 Main.java', []],
    ['JAVA_HOME=/usr/lib/jvm/java JAVA_OPTS=-Da=1 ./start.sh -Db=2', []],
    ['JAVA_OPTS="-Da=1 -jar x"', []],
  ])('%s', (line, expected) => {
    expect(launches(line)).toEqual(expected);
  });
});

describe('-D words no application JVM receives', () => {
  /** `jvm` and `elsewhere` property names of a line (given as the value of `variable`, when set). */
  function split(line: string, variable?: string) {
    const found = scanLaunchProperties(line, new LineIndex(line), 0, line.length, variable);
    return { jvm: found.jvm.map((p) => p.name), elsewhere: found.elsewhere.map((p) => p.name) };
  }
  it.each<[string, string | undefined, { jvm: string[]; elsewhere: string[] }]>([
    ['mvn -Da=1 package && java -Db=2 -jar app.jar -Dc=3', undefined, { jvm: ['b'], elsewhere: ['a', 'c'] }],
    ['./gradlew -Da=1 build', undefined, { jvm: [], elsewhere: ['a'] }],
    ['call mvn.cmd -Da=1', undefined, { jvm: [], elsewhere: ['a'] }],
    ['keytool -importcert -Da=1', undefined, { jvm: [], elsewhere: ['a'] }],
    ['-Da=1 -Db=2', 'MAVEN_OPTS', { jvm: [], elsewhere: ['a', 'b'] }],
    ['-Da=1 -Db=2', 'JAVA_OPTS', { jvm: ['a', 'b'], elsewhere: [] }],
    ['OPTS="-Da=1"', undefined, { jvm: ['a'], elsewhere: [] }],
    ['GRADLE_HOME=/opt/gradle JAVA_OPTS=-Da=1 ./start.sh -Db=2', undefined, { jvm: ['a', 'b'], elsewhere: [] }],
  ])('%s (%s)', (line, variable, expected) => {
    expect(split(line, variable)).toEqual(expected);
  });
});
