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
import { commandWords, javaLaunches } from './java-launch';
import { scalarOffsets } from './spring-environment';

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

const EXPANDS_JAVA_OPTS = /\$\{?JAVA_OPTS\b|\$\(JAVA_OPTS\)/;

/**
 * A container's command and arguments (each a scalar `[start, end)` of `text`, in order): when they run `java`, the
 * `-D` options given to it before its main class or `-jar` (after those, words are the application's arguments:
 * ./java-launch.ts). A shell string (`sh -c "java -Dx=y -jar app.jar"`) is read word by word as well.
 */
export function addCommandOptions(
  into: StartJvmOptions,
  text: string,
  index: LineIndex,
  scalars: readonly [number, number][],
): void {
  const words = scalars.flatMap(([start, end]) => commandWords(text, start, end));
  if (scalars.some(([start, end]) => EXPANDS_JAVA_OPTS.test(text.slice(start, end)))) into.expandsJavaOpts = true;
  const [launch] = javaLaunches(words);
  if (!launch) return;
  into.runsJava = true;
  for (const word of launch.options)
    if (word.text.startsWith('-D'))
      into.jvmProperties.push(...scanJvmProperties(text, index, word.start, word.end, 'command'));
}

/** A Kubernetes `env:` item that sets a JVM option variable; without a `value:` (a `valueFrom:`) the cluster gives its words. */
export function kubernetesJvmVariable(
  into: StartJvmOptions,
  text: string,
  index: LineIndex,
  name: Entry,
  value: Entry | undefined,
): void {
  if (value) {
    const [start, end] = scalarOffsets(text, index, value);
    addVariableOptions(into, text, index, name.value, name.valueRange, start, end);
  } else {
    const at = index.offsetAt(name.valueRange.end);
    addVariableOptions(into, text, index, name.value, name.valueRange, at, at);
    const set = into.jvmVariables[into.jvmVariables.length - 1];
    if (set?.variable === name.value && set.range === name.valueRange) set.opaque = 'valueFrom';
  }
}
