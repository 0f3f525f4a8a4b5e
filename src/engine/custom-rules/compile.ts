/**
 * Declarative custom rules from config `customRules`, compiled into ordinary
 * rules (passed to lint() as `extraRules`). Five types, one module each, all over the generic
 * key/value entries every parser produces (./scope.ts):
 *
 *   same-value       the key has one value in every file of these kinds
 *   allowed-values   the key's value is one of `values`
 *   forbidden-value  the key's value is none of `values`
 *   required-key     every file of these kinds sets the key
 *   value-order      the key's value is not above `notAbove.key`'s in `order` (e.g. clear < anon < auth)
 */
import { UsageError } from '../../core/types';
import type { AnyRule } from '../../rules/types';
import { defineRule } from '../../rules/types';
import { allowedValues } from './allowed-values';
import { forbiddenValue } from './forbidden-value';
import { requiredKey } from './required-key';
import { sameValue } from './same-value';
import { customRuleScope, type CustomRuleKind } from './scope';
import { readCustomRuleSpec, type CustomRuleSpec, type CustomRuleType } from './spec';
import { valueOrder } from './value-order';

export type { CustomRuleSpec } from './spec';

const KINDS: Record<CustomRuleType, CustomRuleKind> = {
  'same-value': sameValue,
  'allowed-values': allowedValues,
  'forbidden-value': forbiddenValue,
  'required-key': requiredKey,
  'value-order': valueOrder,
};

function compileCustomRule(spec: CustomRuleSpec): AnyRule {
  const kind = KINDS[spec.type];
  const scopeOf = customRuleScope(spec);
  return defineRule({
    meta: {
      id: spec.id,
      description: spec.description ?? kind.describe(spec),
      severity: spec.severity ?? 'error',
      messages: { [spec.type]: spec.message ?? kind.defaultMessage },
      defaultOptions: {},
      symptoms: spec.symptoms,
    },
    check(ctx) {
      kind.check(scopeOf(ctx.deployment, (d) => ctx.report({ messageId: spec.type, ...d })));
    },
  });
}

/** Compiles every `customRules` entry; ids must be unique and must not shadow built-in rules. */
export function compileCustomRules(specs: readonly unknown[], builtInIds: Set<string>): AnyRule[] {
  const seen = new Set<string>();
  return specs.map((raw, i) => {
    const spec = readCustomRuleSpec(raw, i);
    if (builtInIds.has(spec.id))
      throw new UsageError(
        `customRules[${i}].id '${spec.id}' is a built-in rule id; use your own area, e.g. "custom/${spec.id.split('/')[1]}"`,
      );
    if (seen.has(spec.id)) throw new UsageError(`customRules[${i}].id '${spec.id}' is used twice`);
    seen.add(spec.id);
    return compileCustomRule(spec);
  });
}
