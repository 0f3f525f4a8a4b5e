import { commandWords, javaLaunches } from '../../src/parse/java/java-launch';

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
    ['java -jar app.jar -Db=2 >log 2>&1 &', [' | app.jar | -Db=2 >log 2>&1']],
    ['java -jar app.jar|tee log', [' | app.jar | ']],
    ['["java", "-jar", "/app.jar", "-Db=2"]', [' | /app.jar | -Db=2']],
    ['["sh", "-c", "exec java -Da=1 -jar /app.jar -Db=2"]', ['-Da=1 | /app.jar | -Db=2']],
    ['"%JAVA_HOME%\\bin\\java.exe" -Da=1 -jar app.jar', ['-Da=1 | app.jar | ']],
    ['javac -Da=1 Main.java', []],
    ['JAVA_OPTS="-Da=1 -jar x"', []],
  ])('%s', (line, expected) => {
    expect(launches(line)).toEqual(expected);
  });
});
