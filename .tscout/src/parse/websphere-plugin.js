"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.webspherePluginFormat = void 0;
exports.parsePluginCfg = parsePluginCfg;
const xml_1 = require("./xml");
const xml_values_1 = require("./mq/xml-values");
const path_name_1 = require("../core/path-name");
/** An attribute by name without case: the plug-in reads `Hostname`, hand-written files hold `hostname` too. */
function attrNoCase(element, name) {
    const wanted = name.toLowerCase();
    const a = element.attributes.find((x) => x.name.toLowerCase() === wanted);
    return a ? { value: a.value, range: a.valueRange } : undefined;
}
function propertiesOf(element) {
    return element.children.flatMap((child) => {
        if (child.localName !== 'Property')
            return [];
        const name = attrNoCase(child, 'Name');
        const value = attrNoCase(child, 'Value');
        return name ? [{ name, ...(value ? { value } : {}), element: child }] : [];
    });
}
function transportOf(element) {
    const hostname = attrNoCase(element, 'Hostname');
    const port = attrNoCase(element, 'Port');
    const protocol = attrNoCase(element, 'Protocol');
    return {
        element,
        ...(hostname ? { hostname } : {}),
        ...(port ? { port } : {}),
        ...(protocol ? { protocol } : {}),
        properties: propertiesOf(element),
    };
}
const childrenNamed = (element, name) => element.children.filter((c) => c.localName === name);
function clusterOf(element) {
    const name = attrNoCase(element, 'Name');
    // `<PrimaryServers>`/`<BackupServers>` name servers by reference only (`<Server Name=…/>`): the definitions are
    // the cluster's own `<Server>` children.
    const servers = childrenNamed(element, 'Server').map((server) => {
        const serverName = attrNoCase(server, 'Name');
        return {
            element: server,
            ...(serverName ? { name: serverName } : {}),
            transports: childrenNamed(server, 'Transport').map(transportOf),
        };
    });
    return { element, ...(name ? { name } : {}), servers };
}
/** Blank lines or spaces before the XML declaration (robert0714/vagrant_ihs_liberty_sticky-session's four plugin-cfg files). */
const LATE_DECLARATION = /^(\s+)(<\?xml\b[^>]*\?>)/;
function parsePluginCfg(file, kind = 'was.plugin-cfg') {
    // Not well-formed XML, and Java's parsers refuse it (Liberty's pluginUtility merge reads these files so); the plug-in
    // reads its file with a parser of its own, which IBM does not document. An info, and the file is read on: the
    // declaration is blanked in place (same length, same lines), so that the parser does not stop at it.
    const late = LATE_DECLARATION.exec(file.text);
    const text = late ? `${late[1]}${late[2].replace(/[^\n]/g, ' ')}${file.text.slice(late[0].length)}` : file.text;
    const { entries, comments, problems, data: xml } = (0, xml_1.parseXml)(text);
    if (late) {
        const line = late[1].split('\n').length - 1;
        const character = late[1].length - late[1].lastIndexOf('\n') - 1;
        const at = { line, character };
        problems.push({
            code: 'invalid-xml',
            severity: 'info',
            message: "Not well-formed XML: the XML declaration is not at the start of the file (blank space before '<?xml'). Java's XML parsers refuse it (Liberty's pluginUtility merge, WebSphere's tools); whether the web server plug-in's own parser does is not documented. Remove what comes before '<?xml'",
            range: { start: at, end: at },
        });
    }
    const config = xml.root?.localName === 'Config' ? xml.root : undefined;
    const clusters = config ? childrenNamed(config, 'ServerCluster').map(clusterOf) : [];
    const properties = config ? propertiesOf(config) : [];
    return {
        file,
        kind,
        entries,
        comments,
        problems,
        data: { xml, ...(config ? { config } : {}), properties, clusters },
    };
}
exports.webspherePluginFormat = {
    id: 'websphere-plugin',
    classify(path, head) {
        const base = (0, path_name_1.lastPathSegment)(path).toLowerCase();
        if (!base.endsWith('.xml'))
            return undefined;
        // By name (`plugin-cfg.xml`, `plugin-cfg-web1.xml`…), or a `<Config>` root that holds the plug-in's elements.
        if (/^plugin-cfg\b.*\.xml$/.test(base))
            return (0, xml_values_1.rootElementName)(head) === 'Config' ? 'was.plugin-cfg' : undefined;
        return (0, xml_values_1.rootElementName)(head) === 'Config' && /<(ServerCluster|UriGroup|VirtualHostGroup)\b/.test(head)
            ? 'was.plugin-cfg'
            : undefined;
    },
    parse(file, kind) {
        return parsePluginCfg(file, kind);
    },
};
