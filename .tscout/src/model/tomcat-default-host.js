"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.missingDefaultHostConfig = missingDefaultHostConfig;
exports.noDefaultHostConfig = noDefaultHostConfig;
const paths_1 = require("./paths");
const tomcat_legacy_1 = require("./tomcat-legacy");
const tomcat_properties_1 = require("./tomcat-properties");
/**
 * What an SSL-enabled connector with `<SSLHostConfig>`s lacks, or undefined when one of them is for the default name
 * or the tree does not settle it: a `${…}` in a name that `read` (Tomcat's digester: conf/catalina.properties, `-D`
 * options, ./tomcat-properties.ts) cannot fill, or (8.5 and 9, or a release the tree does not name) Connector TLS
 * attributes, which make the connector's own SSLHostConfig for that name (./tomcat-legacy.ts).
 */
function missingDefaultHostConfig(connector, hostConfigs, readsConnectorTls, read = () => undefined) {
    if (hostConfigs.length === 0)
        return undefined;
    const ignoredConnectorTls = (0, tomcat_legacy_1.defaultHostConfigAttributes)(connector).length > 0;
    if (readsConnectorTls !== false && ignoredConnectorTls)
        return undefined;
    const via = [];
    let unsettled = false;
    /** The name Tomcat reads from an attribute: its `${…}` filled in, or undefined (unknown) when the tree cannot. */
    const valueOf = (attribute) => {
        if (!attribute)
            return '_default_';
        if (!(0, tomcat_properties_1.namesTomcatProperty)(attribute.value))
            return attribute.value;
        const filled = read(attribute);
        if (!filled || (0, tomcat_properties_1.namesTomcatProperty)(filled.value))
            unsettled = true;
        else
            via.push(...(filled.via ?? []));
        return filled?.value ?? attribute.value;
    };
    const nameAttribute = (0, tomcat_legacy_1.setterAttribute)(connector, 'defaultSSLHostConfigName');
    const name = valueOf(nameAttribute);
    const hostNames = hostConfigs.map((hostConfig) => {
        const attribute = (0, tomcat_legacy_1.setterAttribute)(hostConfig, 'hostName');
        return { name: valueOf(attribute), hostConfig, ...(attribute ? { attribute } : {}) };
    });
    if (unsettled)
        return undefined;
    if (hostNames.some((h) => h.name.toLowerCase() === name.toLowerCase()))
        return undefined;
    return {
        name: name.toLowerCase(),
        ...(nameAttribute ? { nameAttribute } : {}),
        hostNames,
        ignoredConnectorTls,
        via,
    };
}
/** The connector as a server that serves no TLS: Tomcat does not start it. */
function noDefaultHostConfig(ctx, connector, file, missing, port, release) {
    const decidedBy = missing.ignoredConnectorTls && release.read ? release.read : undefined;
    return {
        server: `Tomcat connector ${port ?? '(no port)'} (${(0, paths_1.relativePosix)(ctx.deployment.root, file)})`,
        why: {
            kind: 'tomcat-no-default-host-config',
            at: { file, range: connector.range },
            defaultName: missing.name,
            ...(missing.nameAttribute ? { defaultNameAt: { file, range: missing.nameAttribute.valueRange } } : {}),
            hostNames: missing.hostNames.map((h) => ({
                name: h.name,
                at: { file, range: h.attribute?.valueRange ?? h.hostConfig.range },
            })),
            ...(port ? { port } : {}),
            ...(decidedBy ? { release: { named: release.named, at: decidedBy.at } } : {}),
            ...(missing.via.length ? { via: missing.via } : {}),
        },
        stores: [],
    };
}
