"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.jbossSystemProperties = jbossSystemProperties;
exports.resolveJboss = resolveJboss;
const xml_1 = require("../parse/xml");
const EXPRESSION = /\$\{([^{}]*)\}/g;
/** The `<system-properties>` of a configuration file, by name (the last written wins). */
function jbossSystemProperties(data) {
    const properties = new Map();
    for (const element of data.elements) {
        if (element.localName !== 'property' || element.parent?.localName !== 'system-properties')
            continue;
        const name = (0, xml_1.attr)(element, 'name')?.value;
        const value = (0, xml_1.attr)(element, 'value')?.value;
        if (name && value !== undefined && !/\$\{/.test(value))
            properties.set(name, value);
    }
    return properties;
}
/** `written` with its expressions resolved from `properties` or their defaults; undefined when one stays unknown. */
function resolveJboss(written, properties) {
    let unknown = false;
    const defaults = [];
    const value = written.replace(EXPRESSION, (whole, body) => {
        const colon = body.indexOf(':');
        const names = (colon < 0 ? body : body.slice(0, colon)).split(',').map((n) => n.trim());
        for (const name of names) {
            const set = name.startsWith('env.') ? undefined : properties.get(name);
            if (set !== undefined)
                return set;
        }
        if (colon < 0) {
            unknown = true;
            return whole;
        }
        defaults.push(whole);
        return body.slice(colon + 1);
    });
    return unknown ? undefined : { value, defaults };
}
