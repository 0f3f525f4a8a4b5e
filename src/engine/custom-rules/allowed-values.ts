/** `allowed-values`: the key's value is one of `values`. */
import { entryLocation } from '../../parse/types';
import type { CustomRuleKind, CustomRuleScope } from './scope';

/** Reports each setting of the key whose value is (`listed`) or is not in `values`: forbidden-value shares it. */
export function reportValues(scope: CustomRuleScope, listed: boolean): void {
  const { spec, values, settingsOf, data, componentOf, report } = scope;
  for (const s of settingsOf(spec.key)) {
    if (values.includes(s.value) !== listed) continue;
    report({
      data: data(s),
      location: entryLocation(s.doc, s.entry, 'value'),
      fingerprint: [componentOf(s.doc), s.entry.key, s.value],
    });
  }
}

export const allowedValues: CustomRuleKind = {
  defaultMessage: "{{key}} is '{{value}}'; allowed: {{values}}",
  describe: (spec) => `Allow only ${(spec.values ?? []).join(', ')} as ${spec.key}`,
  check: (scope) => reportValues(scope, false),
};
