/**
 * A whole value that is one placeholder with a default: Spring's `${NAME:default}`, the shell's `${NAME:-default}`.
 * The default is what a program uses while the variable is unset (gmjdev/microservices-demo names its key alias
 * `${KEYSTORE_ALIAS:localhost}`, its store `${KEYSTORE_PATH:classpath:cert/keystore.p12}`).
 */
const WHOLE_PLACEHOLDER = /^\$\{([A-Za-z_][\w.-]*):(-?)([^{}$]*)\}$/;

/**
 * The readings of a placeholder's default, most likely first; undefined when `value` is not one whole placeholder
 * with a default. `${X:-a}` is `a` to a shell and `-a` to Spring: both readings, the shell's first.
 */
export function placeholderDefaults(value: string): string[] | undefined {
  const match = WHOLE_PLACEHOLDER.exec(value.trim());
  if (!match) return undefined;
  const rest = match[3] ?? '';
  return match[2] ? [rest, `-${rest}`] : [rest];
}

/** The default a whole placeholder falls back to (the shell's reading of `:-`), when it is not empty. */
export function placeholderDefault(value: string): string | undefined {
  const fallback = placeholderDefaults(value)?.[0];
  return fallback ? fallback : undefined;
}
