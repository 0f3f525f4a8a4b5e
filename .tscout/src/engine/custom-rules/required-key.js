"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.requiredKey = void 0;
/** `required-key`: every file of these kinds sets the key. */
const scope_1 = require("./scope");
exports.requiredKey = {
    defaultMessage: '{{key}} is not set in this file',
    describe: (spec) => `Require ${spec.key} in every ${(0, scope_1.kindsText)(spec.kinds)} file`,
    check({ spec, deployment, inScope, componentOf, report }) {
        const match = (0, scope_1.keyMatcher)(spec.key);
        for (const doc of deployment.documents) {
            if (!inScope(doc) || doc.entries.some((e) => match(e.key)))
                continue;
            report({
                data: { key: spec.key, value: '', expected: '', other: '', values: '' },
                location: { file: doc.file.path },
                fingerprint: [componentOf(doc), spec.key],
            });
        }
    },
};
