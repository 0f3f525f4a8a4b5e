"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ajpConnectorsWithoutSecret = ajpConnectorsWithoutSecret;
const tomcat_1 = require("../knowledge/tomcat");
const tomcat_legacy_1 = require("./tomcat-legacy");
const tomcat_properties_1 = require("./tomcat-properties");
const AJP_PROTOCOL = new RegExp(tomcat_1.TOMCAT_AJP_SECRET.protocols);
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|0:0:0:0:0:0:0:1|\[::1\]|localhost)$/i;
/** The release that runs the file, as the AJP verdict needs it: named, a floating tag of the official image, or unknown. */
function ajpRelease(answer, images) {
    if (answer && 'read' in answer) {
        const { release, text, at, majorOnly } = answer.read;
        const patch = /^\d+\.\d+\.\d+/.test(release);
        return {
            kind: 'named',
            release,
            text,
            at,
            requiresSecret: (0, tomcat_1.tomcatRequiresAjpSecret)(release),
            branchOnly: !patch || majorOnly,
        };
    }
    if (answer && 'conflicting' in answer)
        return {
            kind: 'unknown',
            why: `the images that run it name different Tomcat releases (${answer.conflicting.map((c) => c.text).join(', ')})`,
        };
    // `FROM tomcat` or `tomcat:jdk17`: the official image's current release, whichever it is.
    const floating = [...images.copied, ...images.mounted].find((i) => (0, tomcat_1.officialTomcatImage)(i.image));
    if (floating)
        return { kind: 'current', text: floating.text, at: floating.at };
    return { kind: 'unknown', why: 'the tree names no Tomcat release' };
}
/** The file's AJP connectors that set no secret and do not turn secretRequired off. */
function ajpConnectorsWithoutSecret(connectors, file, relative, scope, answer, images) {
    const found = [];
    for (const connector of connectors) {
        // ConnectorCreateRule reads `protocol` by its exact name; `AJP/1.3` is matched case-sensitively (Connector.java).
        const protocol = connector.attributes.find((a) => a.name === 'protocol')?.value ?? '';
        if (!AJP_PROTOCOL.test(protocol))
            continue;
        // `secret` (9.0.31+), or `requiredSecret`, its older name (a value from a property counts: it is set).
        const secret = tomcat_1.TOMCAT_AJP_SECRET.secretAttributes.map((name) => (0, tomcat_legacy_1.setterAttribute)(connector, name)).find((a) => a !== undefined);
        if (secret && secret.value.trim() !== '')
            continue;
        // secretRequired is a boolean setter: any value but `true` (any case) turns it off (IntrospectionUtils).
        const required = (0, tomcat_legacy_1.setterAttribute)(connector, 'secretRequired');
        if (required && (0, tomcat_properties_1.readWritten)(required, file, scope)?.value.trim().toLowerCase() !== 'true')
            continue;
        const port = (0, tomcat_legacy_1.setterAttribute)(connector, 'port')?.value;
        const addressFound = (0, tomcat_legacy_1.setterAttribute)(connector, 'address');
        const addressRead = addressFound ? (0, tomcat_properties_1.readWritten)(addressFound, file, scope) : undefined;
        found.push({
            at: { file, range: connector.range },
            server: `Tomcat AJP connector ${port ?? '(no port)'} (${relative})`,
            ...(port === undefined ? {} : { port }),
            ...(secret ? { emptySecret: { name: secret.name, at: { file, range: secret.valueRange } } } : {}),
            ...(addressFound
                ? {
                    address: {
                        value: addressRead?.value ?? addressFound.value,
                        loopback: addressRead ? LOOPBACK.test(addressRead.value.trim()) : undefined,
                        at: { file, range: addressFound.valueRange },
                    },
                }
                : {}),
            release: ajpRelease(answer, images),
        });
    }
    return found;
}
