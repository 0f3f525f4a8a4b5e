"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.noStartJvmOptions = exports.JVM_OPTION_VARIABLE = void 0;
exports.secretOptionEntries = secretOptionEntries;
exports.addVariableOptions = addVariableOptions;
exports.addCommandOptions = addCommandOptions;
const jvm_args_1 = require("./jvm-args");
const java_launch_1 = require("./java-launch");
/** The environment variables whose words are JVM options. */
exports.JVM_OPTION_VARIABLE = /^(JAVA_TOOL_OPTIONS|JDK_JAVA_OPTIONS|_JAVA_OPTIONS|JAVA_OPTS)$/;
const noStartJvmOptions = () => ({ jvmProperties: [], jvmVariables: [] });
exports.noStartJvmOptions = noStartJvmOptions;
/**
 * The document entries of a start's `-D` options that hold a secret (`-Djavax.net.ssl.keyStorePassword=…`, named as
 * isSecretKey says), each at its value: the masker then knows the value and security/plaintext-secret judges it, as it
 * does the same option in setenv.sh or jvm.options. A value that expands anything (`${PW}`, `$(PW)`, a template tag,
 * a `valueFrom:` the cluster gives) is not written in the file: no entry.
 */
function secretOptionEntries(starts) {
    return (0, jvm_args_1.propertyEntries)(starts.flatMap((s) => s.jvmProperties.filter((p) => p.secret && !p.unresolved)));
}
/** A Helm/Go template tag left in a value: what it renders to is decided at install time. */
const TEMPLATE_TAG = /\{\{/;
/** A word that is a whole expansion (`$EXTRA`, `${EXTRA}`, `$(EXTRA)`, `{{ .Values.x }}`): it may add any option. */
const EXPANSION_WORD = /(^|\s)(\$\{?[A-Za-z_]\w*\}?|\$\([A-Za-z_]\w*\)|\{\{[^}]*\}\})(?=\s|$)/;
/**
 * The option variable `variable` set to `text[valueStart, valueEnd)`: its `-D` options (a value from a template tag
 * is unresolved, as a `$X` is) and the variable itself. Nothing for any other variable.
 */
function addVariableOptions(into, text, index, variable, variableRange, valueStart, valueEnd) {
    if (!exports.JVM_OPTION_VARIABLE.test(variable))
        return;
    const value = text.slice(valueStart, valueEnd);
    const expansion = EXPANSION_WORD.exec(value)?.[2];
    into.jvmVariables.push({ variable, range: variableRange, ...(expansion && { opaque: expansion }) });
    for (const property of (0, jvm_args_1.scanJvmProperties)(text, index, valueStart, valueEnd, variable))
        into.jvmProperties.push(TEMPLATE_TAG.test(property.value) ? { ...property, unresolved: true } : property);
}
const EXPANDS_JAVA_OPTS = /\$\{?JAVA_OPTS\b|\$\(JAVA_OPTS\)/;
/**
 * A container's command and arguments (each a scalar `[start, end)` of `text`, in order): when they run `java`, the
 * `-D` options given to it before its main class or `-jar` (after those, words are the application's arguments:
 * ./java-launch.ts). A shell string (`sh -c "java -Dx=y -jar app.jar"`) is read word by word as well.
 */
function addCommandOptions(into, text, index, scalars) {
    const words = scalars.flatMap(([start, end]) => (0, java_launch_1.commandWords)(text, start, end));
    if (scalars.some(([start, end]) => EXPANDS_JAVA_OPTS.test(text.slice(start, end))))
        into.expandsJavaOpts = true;
    const [launch] = (0, java_launch_1.javaLaunches)(words);
    if (!launch)
        return;
    into.runsJava = true;
    for (const word of launch.options)
        if (word.text.startsWith('-D'))
            into.jvmProperties.push(...(0, jvm_args_1.scanJvmProperties)(text, index, word.start, word.end, 'command'));
}
