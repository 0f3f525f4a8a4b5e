import type { Location, RelatedLocation, Severity } from '../core/types';
import type { DerivedDeployment } from '../derive/types';
import type { LintConfig } from '../core/config';
import type { LinkPrediction } from '../handshake/links';

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
  /** JSON Schema of the options object (`type: object`, `additionalProperties: false`). */
  optionsSchema?: JsonSchema;
  defaultOptions: Options;
  /** Run-time error texts this rule predicts (used by `explain-error`). */
  symptoms?: string[];
  /** False when the rule is only in the `strict` preset. Default true. */
  recommended?: boolean;
  /**
   * Link handshake failures this rule reports more precisely (with both ends) than tls/no-common-*:
   * those rules stay silent on a link some rule owns, so one cause gives one finding. The first rule of
   * the registry that owns a link is its owner (`linkFailureOwner` in src/rules/link-owners.ts).
   */
  ownsLinkFailure?: (link: LinkPrediction) => boolean;
}

export interface ReportDescriptor<MessageId extends string> {
  messageId: MessageId;
  data?: Record<string, string | number>;
  location: Location;
  related?: RelatedLocation[];
  /** Overrides the configured severity for this one finding (e.g. warning when the JDK is unknown). */
  severity?: Severity;
  /**
   * Stable parts for the baseline fingerprint: component id, key, value…
   * Never line numbers. Defaults to the message.
   */
  fingerprint?: string[];
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
  report(descriptor: ReportDescriptor<MessageId>): void;
}

export interface Rule<Options = unknown, MessageId extends string = string> {
  meta: RuleMeta<Options, MessageId>;
  check(context: RuleContext<Options, MessageId>): void;
}

/** Typed rule creator (after typescript-eslint's RuleCreator): infers options and message ids. */
export function defineRule<Options, MessageId extends string>(rule: Rule<Options, MessageId>): Rule<Options, MessageId> {
  return rule;
}

/** Fills `{{name}}` placeholders; an unfilled placeholder is a bug and throws (caught as internal-error). */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    if (!(name in data)) throw new Error(`message placeholder {{${name}}} has no data`);
    return String(data[name]);
  });
}

export type AnyRule = Rule<any, string>; // eslint-disable-line @typescript-eslint/no-explicit-any
