"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.javaLaunches = javaLaunches;
exports.commandWords = commandWords;
exports.scanLaunchProperties = scanLaunchProperties;
const shell_commands_1 = require("../shell-commands");
const jvm_args_1 = require("./jvm-args");
/** Options that take the next word as their value (so that word is not the main class). */
const WITH_VALUE = /^(-cp|-classpath|--class-path|-p|--module-path|--upgrade-module-path|--add-modules|--add-opens|--add-exports|--add-reads|--patch-module|--limit-modules|--enable-native-access|--source)$/;
/** Options whose next word is what runs (after it, words are the application's). */
const ENDS_OPTIONS = /^(-jar|-m|--module)$/;
/** The `java` launcher as a command word (a path ending in `java`, not an assignment such as `JAVA_HOME=/…/java`). */
const JAVA_COMMAND = /^[^=]*(^|[/\\])java(\.exe)?$/i;
/** The `java` runs of `words`, in order (a shell line may run several: `java -version && java -jar app.jar`). */
function javaLaunches(words) {
    const launches = [];
    for (let i = 0; i < words.length; i++) {
        if (!JAVA_COMMAND.test(words[i].text))
            continue;
        const launch = { options: [], applicationArguments: [] };
        launches.push(launch);
        for (i++; i < words.length && !words[i].separator; i++) {
            const word = words[i];
            if (launch.target)
                launch.applicationArguments.push(word);
            else if (ENDS_OPTIONS.test(word.text)) {
                const next = words[i + 1];
                launch.target = next && !next.separator ? words[++i] : word;
            }
            else if (/^--module=/.test(word.text))
                launch.target = word;
            else if (WITH_VALUE.test(word.text))
                i++;
            // A word that is not an option is the main class (an expansion such as `$JAVA_OPTS` is options).
            else if (!word.text.startsWith('-') && !word.text.startsWith('@') && !word.text.includes('$'))
                launch.target = word;
            else
                launch.options.push(word);
        }
        // The separator (or the end) closes this run; the loop's i++ moves past it.
    }
    return launches;
}
/**
 * The words of `text[start, end)` (./shell-commands.ts), a separator word between commands: an exec-form JSON array
 * (`["java", "-jar", "app.jar"]`, Dockerfile CMD) gives its strings, a string of several words being the command
 * line a shell runs (`["sh", "-c", "java -Dx=y …"]`); anything else is a shell line, with the line a shell runs
 * with `-c` (`sh -c "java -Dx=y …"`) after the command that runs it. Redirections are no words.
 */
function commandWords(text, start, end, syntax = {}) {
    const lead = /^\s*/.exec(text.slice(start, end))[0].length;
    if (text.charAt(start + lead) !== '[')
        return shellLineWords(text, start, end, syntax);
    const words = [];
    for (const m of text.slice(start, end).matchAll(/"((?:[^"\\]|\\.)*)"/g)) {
        const from = start + m.index + 1;
        const to = from + m[1].length;
        if (/\s/.test(m[1]))
            words.push(...shellLineWords(text, from, to, syntax));
        else
            words.push({ text: m[1], start: from, end: to });
    }
    return words;
}
function shellLineWords(text, start, end, syntax) {
    const words = [];
    for (const command of (0, shell_commands_1.shellCommands)(text, start, end, syntax)) {
        if (words.length > 0 && !words[words.length - 1].separator) {
            const last = words[words.length - 1];
            words.push({ text: ';', start: last.end, end: last.end, separator: true });
        }
        for (const word of command.words)
            words.push({ text: word.text, start: word.start, end: word.end });
        const last = command.words[command.words.length - 1];
        if (command.next !== undefined && last)
            words.push({ text: command.next, start: last.end, end: last.end, separator: true });
    }
    return words;
}
/**
 * Build tools that run in a JVM of their own: their `-D` options and option variables configure the build (Maven's
 * download of dependencies, say), not the application it builds. MAVEN_OPTS: https://maven.apache.org/configure.html;
 * GRADLE_OPTS: https://docs.gradle.org/current/userguide/build_environment.html; ANT_OPTS:
 * https://ant.apache.org/manual/running.html; SBT_OPTS: https://www.scala-sbt.org/1.x/docs/Command-Line-Reference.html;
 * keytool and jarsigner are JDK tools, not the application.
 */
const TOOL_WITH_OWN_JVM = /^[^=]*(^|[/\\])(mvn|mvnw|gradle|gradlew|ant|sbt|keytool|jarsigner)(\.cmd|\.bat|\.exe)?$/i;
const TOOL_OPTION_VARIABLE = /^(MAVEN_OPTS|GRADLE_OPTS|ANT_OPTS|SBT_OPTS)$/;
/** The words of each own-JVM tool's run on a command line (from the tool to a separator or the end). */
function ownJvmToolRuns(words) {
    const runs = [];
    for (let i = 0; i < words.length; i++) {
        if (!TOOL_WITH_OWN_JVM.test(words[i].text))
            continue;
        const run = [];
        for (i++; i < words.length && !words[i].separator; i++)
            run.push(words[i]);
        if (run.length > 0)
            runs.push(run);
    }
    return runs;
}
/**
 * The `-Dname=value` options in `text[from, to)` (scanJvmProperties), less those no application's JVM receives: a
 * `java` run's application arguments (`CMD ["java", "-jar", "app.jar", "-Dx=y"]`), a build tool's options (`mvn
 * -Djavax.net.ssl.trustStore=… package`), the value of a build tool's option variable (`MAVEN_OPTS`, given as
 * `variable`). Those are returned apart. A line that runs neither (an option variable's value, a script that
 * expands `$JAVA_OPTS`) keeps every option.
 */
function scanLaunchProperties(text, index, from, to, variable, syntax = {}) {
    if (variable !== undefined && TOOL_OPTION_VARIABLE.test(variable))
        return { jvm: [], elsewhere: (0, jvm_args_1.scanJvmProperties)(text, index, from, to, variable), runsApplication: false };
    const words = commandWords(text, from, to, syntax);
    const launches = javaLaunches(words);
    const runsApplication = launches.some((launch) => launch.target);
    const spans = [...launches.map((launch) => launch.applicationArguments), ...ownJvmToolRuns(words)]
        .filter((run) => run.length > 0)
        .map((run) => [run[0].start, run[run.length - 1].end])
        .sort((a, b) => a[0] - b[0]);
    if (spans.length === 0)
        return { jvm: (0, jvm_args_1.scanJvmProperties)(text, index, from, to, variable), elsewhere: [], runsApplication };
    const jvm = [];
    const elsewhere = [];
    let at = from;
    for (const [start, end] of spans) {
        if (start < at)
            continue;
        jvm.push(...(0, jvm_args_1.scanJvmProperties)(text, index, at, start, variable));
        elsewhere.push(...(0, jvm_args_1.scanJvmProperties)(text, index, start, end, variable));
        at = end;
    }
    jvm.push(...(0, jvm_args_1.scanJvmProperties)(text, index, at, to, variable));
    return { jvm, elsewhere, runsApplication };
}
