/**
 * Rule options described once, as a JSON Schema per option with a description and an optional default
 * (after typescript-eslint's RuleCreator: the schema is the single source of the options' type, their
 * defaults, the generated config schema and the docs header).
 */

/** The JSON Schema of one option's value, with what the docs and the config schema show. */
export interface OptionSchema {
  type: 'string' | 'integer' | 'number' | 'boolean' | 'array';
  /** One sentence for users: what the option changes. Shown in the docs header and the config schema. */
  description: string;
  /** The value when the user sets none; an option without one is `undefined` when not set. */
  default?: unknown;
  enum?: readonly (string | number)[];
  items?: { type: 'string' | 'integer' | 'number' | 'boolean'; enum?: readonly (string | number)[] };
  minimum?: number;
  maximum?: number;
  pattern?: string;
  format?: string;
  examples?: readonly unknown[];
}

/** The option schemas of a rule, by option name. */
export type OptionSchemas = Record<string, OptionSchema>;

type Scalar<S> = S extends { enum: readonly (infer E)[] }
  ? E
  : S extends { type: 'string' }
    ? string
    : S extends { type: 'integer' | 'number' }
      ? number
      : S extends { type: 'boolean' }
        ? boolean
        : unknown;

/** The TypeScript type of one option's value. */
type ValueOf<S> = S extends { type: 'array'; items: infer I } ? Scalar<I>[] : Scalar<S>;

type Simplify<T> = { [K in keyof T]: T[K] };

/** The options a rule's `check` sees: options with a default are always set, the others may be undefined. */
export type OptionsOf<P extends OptionSchemas> = Simplify<
  { readonly [K in keyof P as P[K] extends { default: unknown } ? K : never]: ValueOf<P[K]> } & {
    readonly [K in keyof P as P[K] extends { default: unknown } ? never : K]?: ValueOf<P[K]>;
  }
>;

/** The options object schema (what the config validator and the generated config schema use). */
export function optionsObjectSchema(options: OptionSchemas): Record<string, unknown> {
  return { type: 'object', properties: options, additionalProperties: false };
}

/** The defaults the option schemas declare, by option name (options without a default are left out). */
export function defaultsOf(options: OptionSchemas): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(options).flatMap(([name, schema]) => ('default' in schema ? [[name, schema.default]] : [])),
  );
}

/**
 * The options a rule runs with: its defaults, then what the user set. The one place defaults are merged
 * (the engine calls it; rules never repeat a default).
 */
export function resolveOptions(
  defaultOptions: unknown,
  userOptions: Record<string, unknown> | undefined,
): Record<string, unknown> {
  return { ...(defaultOptions as Record<string, unknown>), ...userOptions };
}
