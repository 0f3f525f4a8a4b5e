/** `same-value`: the key has one value in every file of these kinds (the majority value is the reference). */
import { entryLocation } from '../../parse/types';
import { majority, nameInDeployment } from '../../rules/_lib/majority';
import { kindsText, type CustomRuleKind, type Setting } from './scope';

export const sameValue: CustomRuleKind = {
  defaultMessage: "{{key}} is '{{value}}' here but '{{expected}}' in {{other}}; they must be the same",
  describe: (spec) => `Require the same ${spec.key} in every ${kindsText(spec.kinds)} file`,
  check({ spec, deployment, settingsOf, shown, data, componentOf, report }) {
    // Per key (a `*` key can match several): the majority value is the reference; ties go to the first file.
    const byKey = new Map<string, Setting[]>();
    for (const s of settingsOf(spec.key)) {
      const list = byKey.get(s.entry.key);
      if (list) list.push(s);
      else byKey.set(s.entry.key, [s]);
    }
    for (const settings of byKey.values()) {
      const best = majority(settings, (s) => s.value);
      if (!best) continue;
      for (const s of settings) {
        if (s.value === best.value) continue;
        const other = nameInDeployment(deployment, best.witness.doc.file.path);
        report({
          data: data(s, { expected: shown(best.witness), other }),
          location: entryLocation(s.doc, s.entry),
          related: [
            {
              ...entryLocation(best.witness.doc, best.witness.entry),
              message: `'${shown(best.witness)}' set here`,
            },
          ],
          fingerprint: [componentOf(s.doc), s.entry.key, s.value, best.value],
        });
      }
    }
  },
};
