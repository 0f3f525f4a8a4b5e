"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.engineHostNames = engineHostNames;
exports.plainHttpConnector = plainHttpConnector;
const paths_1 = require("./paths");
const tomcat_legacy_1 = require("./tomcat-legacy");
const tomcat_properties_1 = require("./tomcat-properties");
/** The names the Engine of a Connector's Service answers to: its `<Host name>`s and their `<Alias>`es. */
function engineHostNames(connector) {
    return (connector.parent?.children ?? [])
        .filter((c) => c.localName === 'Engine')
        .flatMap((engine) => engine.children.filter((c) => c.localName === 'Host'))
        .flatMap((host) => [
        (0, tomcat_legacy_1.setterAttribute)(host, 'name')?.value,
        ...host.children.filter((c) => c.localName === 'Alias').map((a) => a.text),
    ])
        .filter((n) => !!n && !(0, tomcat_properties_1.namesTomcatProperty)(n));
}
/**
 * The Connector as a server that serves no TLS, when it is written for TLS (an `<SSLHostConfig>` child, or an
 * `SSLEnabled` in another case that says true) and `enabled`, the SSLEnabled Tomcat sets, is absent or reads other than
 * true; undefined otherwise. `enabledRead`: its value as Tomcat fills it in, undefined when the tree does not settle it
 * (then whether the port speaks TLS is unknown, and the caller keeps the connector as TLS).
 */
function plainHttpConnector(ctx, connector, file, enabled, port) {
    if (enabled.attribute && enabled.read === undefined)
        return undefined;
    const hostConfigs = connector.children.filter((h) => h.localName === 'SSLHostConfig');
    const miscased = connector.attributes.find((a) => a.name.toLowerCase() === 'sslenabled' && !(0, tomcat_legacy_1.sameSetter)(a.name, 'SSLEnabled') && /^\s*true\s*$/i.test(a.value));
    if (hostConfigs.length === 0 && !miscased)
        return undefined;
    const written = miscased ?? enabled.attribute;
    const hostConfig = hostConfigs[0];
    const hostNames = [
        ...hostConfigs.map((h) => (0, tomcat_legacy_1.setterAttribute)(h, 'hostName')?.value ?? '_default_').filter((h) => h !== '_default_'),
        ...engineHostNames(connector),
    ].map((h) => h.toLowerCase());
    return {
        server: `Tomcat connector ${port.value ?? '(no port)'} (${(0, paths_1.relativePosix)(ctx.deployment.root, file)})`,
        why: {
            kind: 'tomcat-ssl-not-enabled',
            at: { file, range: connector.range },
            ...(written
                ? {
                    written: {
                        name: written.name,
                        value: written.value,
                        at: { file, range: { start: written.nameRange.start, end: written.valueRange.end } },
                    },
                }
                : {}),
            ...(hostConfig ? { hostConfigAt: { file, range: hostConfig.range } } : {}),
            ...(port.value ? { port: port.value } : {}),
        },
        stores: (0, tomcat_legacy_1.connectorStores)(ctx, connector, file, (0, tomcat_legacy_1.connectorTlsAttributes)(connector, file)),
        closedHttpsPorts: port.number !== undefined && port.at
            ? [{ port: port.number, at: { file, range: port.at.valueRange }, hostnames: hostNames, host: ctx.hostOf(file) }]
            : [],
    };
}
