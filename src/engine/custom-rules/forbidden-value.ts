/** `forbidden-value`: the key's value is none of `values`. */
import { reportValues } from './allowed-values';
import type { CustomRuleKind } from './scope';

export const forbiddenValue: CustomRuleKind = {
  defaultMessage: "{{key}} must not be '{{value}}'",
  describe: (spec) => `Forbid ${(spec.values ?? []).join(', ')} as ${spec.key}`,
  check: (scope) => reportValues(scope, true),
};
