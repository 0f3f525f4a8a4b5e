/** `required-key`: every file of these kinds sets the key. */
import { keyMatcher, kindsText, type CustomRuleKind } from './scope';

export const requiredKey: CustomRuleKind = {
  defaultMessage: '{{key}} is not set in this file',
  describe: (spec) => `Require ${spec.key} in every ${kindsText(spec.kinds)} file`,
  check({ spec, deployment, inScope, componentOf, report }) {
    const match = keyMatcher(spec.key);
    for (const doc of deployment.documents) {
      if (!inScope(doc) || doc.entries.some((e) => match(e.key))) continue;
      report({
        data: { key: spec.key, value: '', expected: '', other: '', values: '' },
        location: { file: doc.file.path },
        fingerprint: [componentOf(doc), spec.key],
      });
    }
  },
};
