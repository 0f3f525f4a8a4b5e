import type { Location, RelatedLocation, Severity } from '../core/types';
import type { DerivedDeployment } from '../derive/types';
import type { LintConfig } from '../core/config';
import type { RunMemo } from '../core/run-memo';
import type { Phrase } from '../core/phrase';
import type { LinkPrediction } from '../handshake/links';
import { defaultsOf, optionsObjectSchema, type OptionSchemas, type OptionsOf } from './options';

/** A JSON Schema (draft-07 subset) for a rule's options. */
export type JsonSchema = Record<string, unknown>;

export interface RuleMeta<Options, MessageId extends string> {
  /** `<area>/<what-is-wrong>`. */
  id: string;
  /** Imperative, one line: what the rule checks. */
  description: string;
  /** Default severity (users may override). */
  severity: Severity;
  /** Message templates with `{{name}}` placeholders. */
  messages: Record<MessageId, string>;
  /**
   * The options, one JSON Schema each with a description and an optional default (see `defineRule`);
   * `optionsSchema` and `defaultOptions` are derived from it.
   */
  options?: OptionSchemas;
  /** JSON Schema of the options object (`type: object`, `additionalProperties: false`). */
  optionsSchema?: JsonSchema;
  /** The options' defaults; merged under the user's options by `resolveOptions` (src/rules/options.ts). */
  defaultOptions: Options;
  /** Run-time error texts this rule predicts (used by `explain-error`). */
  symptoms?: string[];
  /** False when the rule is only in the `strict` preset. Default true. */
  recommended?: boolean;
  /**
   * Link handshake failures this rule reports more precisely (with both ends) than tls/no-common-*:
   * those rules stay silent on a link some rule owns, so one cause gives one finding. The first rule of
   * the registry that owns a link is its owner (`linkFailureOwner` in src/rules/_lib/link-owners.ts).
   */
  ownsLinkFailure?: (link: LinkPrediction) => boolean;
  /**
   * What a deployment must hold for this rule to find anything: component types and document kinds, each
   * a prefix (`mq.` is every MQ channel type). The engine does not run the rule on a deployment that holds
   * none of them (a fleet's deployments are mostly one product each); without it the rule runs everywhere.
   * Name exactly what `check` reads: the rule's invalid cases fail when it names less, and
   * test/perf/rule-applicability.test.ts compares whole runs with and without it.
   */
  appliesTo?: RuleScope;
}

/** Component types and document kinds (prefixes), any one of which a deployment must hold (`meta.appliesTo`). */
export interface RuleScope {
  components?: readonly string[];
  documents?: readonly string[];
}

/** A related place of a rule's finding: its message as message values are (a string masked whole, or a Phrase). */
export interface RuleRelated extends Omit<RelatedLocation, 'message'> {
  message: string | Phrase;
}

export interface ReportDescriptor<MessageId extends string> {
  messageId: MessageId;
  /** Message values: a string is the tree's text (masked whole), a Phrase keeps its own words (src/core/phrase.ts). */
  data?: Record<string, string | number | Phrase>;
  location: Location;
  /** `context`: no other value at `location` could make the finding false (Finding.locationRole). */
  locationRole?: 'context';
  related?: RuleRelated[];
  /** Overrides the configured severity for this one finding (e.g. warning when the JDK is unknown). */
  severity?: Severity;
  /**
   * Stable parts for the baseline fingerprint: component id, key, value…
   * Never line numbers. Defaults to the message.
   */
  fingerprint?: string[];
  /** Link rules: the outcome of the link the finding is about (shown in the JSON and SARIF reports). */
  outcome?: 'negotiates' | 'fails' | 'unknown';
}

export interface RuleContext<Options, MessageId extends string> {
  /** The deployment model with its derived data (certificates, endpoints, link predictions). */
  deployment: DerivedDeployment;
  options: Options;
  config: LintConfig;
  /** Working directory, for display paths in messages. */
  cwd: string;
  /** Every loaded rule (built-in and extra), enabled or not: the registry rules read each other's `meta` from. */
  rules: readonly AnyRule[];
  /**
   * Answers of pure computations shared by the run's deployments (a JDK's default lists compared with the
   * same override in every environment of a fleet): key by every input value; treat answers as read-only.
   */
  memo: RunMemo;
  report(descriptor: ReportDescriptor<MessageId>): void;
}

export interface Rule<Options = unknown, MessageId extends string = string> {
  meta: RuleMeta<Options, MessageId>;
  check(context: RuleContext<Options, MessageId>): void;
}

/**
 * The rule creator (after typescript-eslint's RuleCreator). Two forms:
 * - `meta.options`: one JSON Schema per option, each with a `description` and an optional `default`. The
 *   options' type comes from the schemas (an option with a default is always set), and `optionsSchema` and
 *   `defaultOptions` are derived from them: defaults are written once, in the schema.
 * - `meta.optionsSchema` + `meta.defaultOptions` (the older form, still accepted), or neither (no options).
 */
export function defineRule<
  // No options: an empty schema map, on purpose.
  // eslint-disable-next-line @typescript-eslint/no-generated-empty-object-type
  const P extends OptionSchemas = Record<never, never>,
  MessageId extends string = string,
>(rule: {
  meta: Omit<RuleMeta<OptionsOf<P>, MessageId>, 'optionsSchema' | 'defaultOptions' | 'options'> & {
    options?: P;
    optionsSchema?: never;
    defaultOptions?: never;
  };
  check(context: RuleContext<OptionsOf<P>, MessageId>): void;
}): Rule<OptionsOf<P>, MessageId>;
export function defineRule<Options, MessageId extends string>(rule: Rule<Options, MessageId>): Rule<Options, MessageId>;
export function defineRule(rule: {
  meta: Omit<RuleMeta<unknown, string>, 'defaultOptions'> & { defaultOptions?: unknown };
  check: Rule['check'];
}): AnyRule {
  const { meta } = rule;
  if (meta.defaultOptions !== undefined || meta.optionsSchema !== undefined)
    return { ...rule, meta: { ...meta, defaultOptions: meta.defaultOptions ?? {} } };
  const options = meta.options ?? {};
  const schema = Object.keys(options).length ? { optionsSchema: optionsObjectSchema(options) } : {};
  return { ...rule, meta: { ...meta, ...schema, defaultOptions: defaultsOf(options) } };
}

export { formatMessage } from '../core/message';

export type AnyRule = Rule<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
