/**
 * JVM `-D` options a container's start gives: the option variables of its environment (`JAVA_TOOL_OPTIONS`, read by
 * the VM however it is started; `JDK_JAVA_OPTIONS`, read by the `java` launcher of JDK 9+; `_JAVA_OPTIONS`; and
 * `JAVA_OPTS`, which only a script or entrypoint that expands it reads) and a `command:`/`args:` that runs `java`
 * itself. Which of them the JVM applies, and in what order, is the model's question (src/model/container-jvm.ts).
 * https://docs.oracle.com/en/java/javase/17/docs/specs/jvmti.html#tooloptions
 * https://docs.oracle.com/en/java/javase/17/docs/specs/man/java.html#using-the-jdk_java_options-launcher-environment-variable
 */
import type { Range } from '../../core/types';
import type { LineIndex } from '../text';
import type { Entry } from '../types';
import { propertyEntries, scanJvmProperties, type JvmProperty } from './jvm-args';

/** The environment variables whose words are JVM options. */
export const JVM_OPTION_VARIABLE = /^(JAVA_TOOL_OPTIONS|JDK_JAVA_OPTIONS|_JAVA_OPTIONS|JAVA_OPTS)$/;

/** What one start of a container (a Compose service, a Kubernetes container, a ConfigMap it reads) says of its JVM. */
export interface StartJvmOptions {
  /** `-D` options of its option variables (`via` the variable) and of a `java` command (`via` `command`). */
  jvmProperties: JvmProperty[];
  /** The option variables it sets (with or without `-D`): each replaces the image's `ENV` of that name. */
  jvmVariables: { variable: string; range: Range; opaque?: string }[];
  /** Its command or arguments run `java` itself: the image's ENTRYPOINT/CMD options are not the ones that run. */
  runsJava?: true;
  /** Its command expands `$JAVA_OPTS` (`sh -c "java $JAVA_OPTS …"`, Kubernetes' `$(JAVA_OPTS)`). */
  expandsJavaOpts?: true;
}

export const noStartJvmOptions = (): StartJvmOptions => ({ jvmProperties: [], jvmVariables: [] });

/**
 * The document entries of a start's `-D` options that hold a secret (`-Djavax.net.ssl.keyStorePassword=…`, named as
 * isSecretKey says), each at its value: the masker then knows the value and security/plaintext-secret judges it, as it
 * does the same option in setenv.sh or jvm.options. A value that expands anything (`${PW}`, `$(PW)`, a template tag,
 * a `valueFrom:` the cluster gives) is not written in the file: no entry.
 */
export function secretOptionEntries(starts: readonly StartJvmOptions[]): Entry[] {
  return propertyEntries(starts.flatMap((s) => s.jvmProperties.filter((p) => p.secret && !p.unresolved)));
}

/** A Helm/Go template tag left in a value: what it renders to is decided at install time. */
const TEMPLATE_TAG = /\{\{/;
/** A word that is a whole expansion (`$EXTRA`, `${EXTRA}`, `$(EXTRA)`, `{{ .Values.x }}`): it may add any option. */
const EXPANSION_WORD = /(^|\s)(\$\{?[A-Za-z_]\w*\}?|\$\([A-Za-z_]\w*\)|\{\{[^}]*\}\})(?=\s|$)/;

/**
 * The option variable `variable` set to `text[valueStart, valueEnd)`: its `-D` options (a value from a template tag
 * is unresolved, as a `$X` is) and the variable itself. Nothing for any other variable.
 */
export function addVariableOptions(
  into: StartJvmOptions,
  text: string,
  index: LineIndex,
  variable: string,
  variableRange: Range,
  valueStart: number,
  valueEnd: number,
): void {
  if (!JVM_OPTION_VARIABLE.test(variable)) return;
  const value = text.slice(valueStart, valueEnd);
  const expansion = EXPANSION_WORD.exec(value)?.[2];
  into.jvmVariables.push({ variable, range: variableRange, ...(expansion && { opaque: expansion }) });
  for (const property of scanJvmProperties(text, index, valueStart, valueEnd, variable))
    into.jvmProperties.push(TEMPLATE_TAG.test(property.value) ? { ...property, unresolved: true } : property);
}

/** Options that take the next word as their value (so that word is not the main class). */
const WITH_VALUE = /^(-cp|-classpath|--class-path|-p|--module-path|--add-modules|--add-opens|--add-exports)$/;
/** Options after which the launcher's own options end (what follows is the application's). */
const ENDS_OPTIONS = /^(-jar|-m|--module)$/;
const JAVA_COMMAND = /(^|\/)java(\.exe)?$/;
const EXPANDS_JAVA_OPTS = /\$\{?JAVA_OPTS\b|\$\(JAVA_OPTS\)/;

/**
 * A container's command and arguments (each a scalar `[start, end)` of `text`, in order): when they run `java`, the
 * `-D` options given to it before its main class or `-jar` (after those, words are the application's arguments).
 * A shell string (`sh -c "java -Dx=y -jar app.jar"`) is read word by word as well.
 */
export function addCommandOptions(
  into: StartJvmOptions,
  text: string,
  index: LineIndex,
  scalars: readonly [number, number][],
): void {
  const words = scalars.flatMap(([start, end]) => wordsOf(text, start, end));
  if (scalars.some(([start, end]) => EXPANDS_JAVA_OPTS.test(text.slice(start, end)))) into.expandsJavaOpts = true;
  const java = words.findIndex((w) => JAVA_COMMAND.test(w.text));
  if (java === -1) return;
  into.runsJava = true;
  for (let i = java + 1; i < words.length; i++) {
    const word = words[i]!;
    if (/^(&&|\|\||;|\|)$/.test(word.text) || ENDS_OPTIONS.test(word.text)) return;
    if (WITH_VALUE.test(word.text)) i++;
    else if (word.text.startsWith('-D'))
      into.jvmProperties.push(...scanJvmProperties(text, index, word.start, word.end, 'command'));
    // A word that is not an option is the main class (an expansion such as `$JAVA_OPTS` is options).
    else if (!word.text.startsWith('-') && !word.text.includes('$')) return;
  }
}

/** Blank-separated words of `text[start, end)`; a quoted part (`-Dx="a b"`) stays in its word. */
function wordsOf(text: string, start: number, end: number): { text: string; start: number; end: number }[] {
  const words: { text: string; start: number; end: number }[] = [];
  let i = start;
  while (i < end) {
    while (i < end && /\s/.test(text.charAt(i))) i++;
    if (i >= end) break;
    const from = i;
    let quote = '';
    while (i < end && (quote || !/\s/.test(text.charAt(i)))) {
      const ch = text.charAt(i);
      if (quote && ch === quote) quote = '';
      else if (!quote && (ch === '"' || ch === "'")) quote = ch;
      i++;
    }
    const word = text.slice(from, i);
    // A quoted string of several words is a shell's command (`sh -c "java -Dx=y …"`): its words count.
    if (/^(["']).*\s.*\1$/s.test(word)) words.push(...wordsOf(text, from + 1, i - 1));
    else words.push({ text: word.replace(/^["']|["']$/g, ''), start: from, end: i });
  }
  return words;
}
