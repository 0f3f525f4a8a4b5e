"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.runtimeUses = runtimeUses;
const knowledge_1 = require("../knowledge");
/**
 * Each JDK attachment of a deployment and the components it runs (issue 13: every attachment keeps its
 * provenance, shown in `--format json`). Plain data, so worker threads and the cache can carry it.
 */
function runtimeUses(deployment, mask = (text) => text) {
    const byAttachment = new Map();
    for (const component of deployment.components) {
        const runtime = component.runtime;
        if (!runtime)
            continue;
        const from = mask(runtime.attachment?.text ?? 'JDK of unknown origin');
        const jdk = (0, knowledge_1.describeJdk)(runtime.vendor.value, runtime.version.value);
        const key = `${jdk}\u0000${from}`;
        const use = byAttachment.get(key) ?? {
            deployment: deployment.name ?? deployment.root,
            jdk,
            from,
            location: runtime.attachment?.location,
            components: [],
        };
        use.components.push(mask(component.name));
        byAttachment.set(key, use);
    }
    return [...byAttachment.values()];
}
