"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.REPEATABLE = void 0;
exports.canonicalType = canonicalType;
exports.parsePeerFilter = parsePeerFilter;
exports.peerMismatch = peerMismatch;
const ALLOWED = new Set([
    'SERIALNUMBER',
    'MAIL',
    'E',
    'UID',
    'USERID',
    'CN',
    'T',
    'OU',
    'DC',
    'O',
    'STREET',
    'L',
    'ST',
    'SP',
    'S',
    'PC',
    'C',
    'UNSTRUCTUREDNAME',
    'UNSTRUCTUREDADDRESS',
    'DNQ',
]);
const CANONICAL = {
    E: 'MAIL',
    EMAILADDRESS: 'MAIL',
    USERID: 'UID',
    SP: 'ST',
    S: 'ST',
    PC: 'POSTALCODE',
    T: 'TITLE',
};
exports.REPEATABLE = new Set(['OU', 'DC']);
function canonicalType(type) {
    const t = type.toUpperCase();
    return CANONICAL[t] ?? t;
}
function parsePeerFilter(text) {
    const attributes = [];
    const errors = [];
    let i = 0;
    const seen = new Set();
    while (i < text.length) {
        while (i < text.length && /[\s,;]/.test(text.charAt(i)))
            i++;
        if (i >= text.length)
            break;
        const start = i;
        while (i < text.length && text[i] !== '=' && !/[,;]/.test(text.charAt(i)))
            i++;
        const rawType = text.slice(start, i);
        if (text[i] !== '=') {
            errors.push({ message: `'${rawType.trim()}' has no '=value'`, offset: start });
            continue;
        }
        if (/\s$/.test(rawType))
            errors.push({ message: `blank before '=' after '${rawType.trim()}' (MQ allows no space there)`, offset: start });
        const type = rawType.trim();
        i++;
        let value = '';
        while (i < text.length && text[i] === ' ')
            i++;
        if (text[i] === '"') {
            const close = text.indexOf('"', i + 1);
            if (close < 0) {
                errors.push({ message: 'unterminated "quoted" value', offset: i });
                value = text.slice(i + 1);
                i = text.length;
            }
            else {
                value = text.slice(i + 1, close);
                i = close + 1;
            }
        }
        else {
            const vs = i;
            while (i < text.length && !/[,;]/.test(text.charAt(i)))
                i++;
            value = text.slice(vs, i).trim();
        }
        if (!ALLOWED.has(type.toUpperCase()))
            errors.push({
                message: `'${type}' is not an attribute MQ accepts in a peer name (use CN, OU, O, L, ST, C, DC, SERIALNUMBER, MAIL, UID…)`,
                offset: start,
            });
        else if (type !== type.toUpperCase())
            errors.push({ message: `attribute type '${type}' must be upper case ('${type.toUpperCase()}')`, offset: start });
        const inner = value.replace(/^\*/, '').replace(/\*$/, '');
        if (inner.includes('*'))
            errors.push({
                message: `'*' in the middle of '${value}': MQ allows a wildcard only at the start or end of a value`,
                offset: start,
            });
        const canonical = canonicalType(type);
        if (!exports.REPEATABLE.has(canonical) && seen.has(canonical))
            errors.push({ message: `'${type}' appears more than once (only OU and DC may repeat)`, offset: start });
        seen.add(canonical);
        attributes.push({ type: canonical, value, offset: start });
    }
    if (attributes.length === 0 && errors.length === 0 && text.trim())
        errors.push({ message: 'no TYPE=value pair', offset: 0 });
    return { attributes, errors };
}
function valueMatches(pattern, actual) {
    const p = pattern.toLowerCase();
    const a = actual.toLowerCase();
    const starts = p.startsWith('*');
    const ends = p.endsWith('*') && p.length > 1;
    const core = p.replace(/^\*/, '').replace(/\*$/, '');
    if (starts && ends)
        return a.includes(core);
    if (starts)
        return a.endsWith(core);
    if (ends)
        return a.startsWith(core);
    return a === p;
}
/**
 * The certificate's serial number as IBM MQ shows it in the peer DN it matches SSLPEER against, hex byte pairs joined
 * by colons (`SERIALNUMBER=78:40:26:54:E5:D4:80:E4,CN=QM1,…`, an AMQ9636E in a queue manager's error log), and the same
 * without colons and leading zeros: the forms a filter may be written in.
 */
function serialForms(serial) {
    const hex = serial.replace(/[^0-9a-f]/gi, '').toUpperCase();
    const even = hex.length % 2 ? `0${hex}` : hex;
    return [even.replace(/(..)(?!$)/g, '$1:'), hex.replace(/^0+(?=.)/, '')];
}
/**
 * Why a DN fails a filter (first failing attribute), or undefined when it matches. `serial`: the certificate's serial
 * number (hex), which MQ puts in front of the subject as SERIALNUMBER when the subject has none; without it such a
 * SERIALNUMBER filter is not judged.
 */
function peerMismatch(filter, dn, serial) {
    const of = (type) => dn.filter((a) => canonicalType(a.type) === type).map((a) => a.value);
    const repeated = new Map();
    for (const attr of filter.attributes) {
        if (attr.type === 'SERIALNUMBER' && of(attr.type).length === 0) {
            if (serial === undefined)
                continue;
            const forms = serialForms(serial);
            const bare = attr.value.replace(/:/g, '').replace(/^0+(?=.)/, '');
            if (forms.some((f) => valueMatches(attr.value, f)) || valueMatches(bare, forms[1]))
                continue;
            return `the certificate's serial number is ${forms[0]}, filter wants SERIALNUMBER=${attr.value}`;
        }
        const values = of(attr.type);
        if (exports.REPEATABLE.has(attr.type)) {
            const index = repeated.get(attr.type) ?? 0;
            repeated.set(attr.type, index + 1);
            const actual = values[index];
            if (actual === undefined)
                return `the certificate has no ${ordinal(index + 1)} ${attr.type} (filter wants ${attr.type}=${attr.value})`;
            if (!valueMatches(attr.value, actual))
                return `${ordinal(index + 1)} ${attr.type} is '${actual}', filter wants '${attr.value}'`;
            continue;
        }
        if (values.length === 0)
            return `the certificate has no ${attr.type} (filter wants ${attr.type}=${attr.value})`;
        if (!values.some((v) => valueMatches(attr.value, v)))
            return `${attr.type} is '${values.join("', '")}', filter wants '${attr.value}'`;
    }
    return undefined;
}
function ordinal(n) {
    return n === 1 ? 'first' : n === 2 ? 'second' : n === 3 ? 'third' : `${n}th`;
}
