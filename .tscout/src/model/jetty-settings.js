"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.settingsOf = settingsOf;
const jetty_1 = require("../knowledge/jetty");
/** The settings that decide a handshake: unknown ones make the end's outcome unknown. */
const DECIDING = new Set([
    'includeprotocols',
    'excludeprotocols',
    'includeciphersuites',
    'excludeciphersuites',
    'needclientauth',
    'wantclientauth',
    'useciphersuitesorder',
]);
function fold(operations) {
    const out = new Map();
    for (const o of operations) {
        const v = o.value;
        if (v.kind === 'skipped')
            continue;
        if (v.kind === 'unknown') {
            out.set(o.setting, v);
            continue;
        }
        if (o.op === 'set') {
            out.set(o.setting, v.kind === 'list' ? { ...v, addsTo: false } : v);
            continue;
        }
        const items = v.kind === 'list' ? v.items : v.value === null ? [] : [v.value];
        const before = out.get(o.setting);
        if (before?.kind === 'unknown')
            continue;
        const prior = before?.kind === 'list' ? before.items : before?.kind === 'value' && before.value ? [before.value] : [];
        out.set(o.setting, {
            kind: 'list',
            items: [...prior, ...items],
            at: v.at ?? before?.at,
            addsTo: !before || (before.kind === 'list' && before.addsTo),
        });
    }
    return out;
}
/** Whether two releases end with the same setting (where it is written does not matter; two unknowns are alike). */
const strip = (f) => f?.kind === 'value' ? f.value : f?.kind === 'list' ? [f.items, f.addsTo] : null;
const same = (a, b) => a?.kind === b?.kind && JSON.stringify(strip(a)) === JSON.stringify(strip(b));
/** The String[] settings: XmlConfiguration gives them an `<Array>`; text or null is not a list Jetty can take. */
const LISTS = new Set(['includeprotocols', 'excludeprotocols', 'includeciphersuites', 'excludeciphersuites']);
/** The settings of a factory given each release's operations (`row` undefined: the tree's own XML, any release). */
function settingsOf(perRow, release) {
    const folded = perRow.map((r) => ({ row: r.row, settings: fold(r.operations) }));
    // A boolean no XML sets keeps the factory's default: a release that writes the default and one that leaves it agree.
    for (const f of folded)
        for (const [name, value] of Object.entries(jetty_1.JETTY_FACTORY.booleanDefaults))
            if (!f.settings.has(name))
                f.settings.set(name, { kind: 'value', value, at: undefined });
    const names = new Set(folded.flatMap((f) => [...f.settings.keys()]));
    const agreed = new Map();
    const unknown = [];
    const rows = perRow.flatMap((r) => (r.row ? [r.row] : []));
    for (const name of names) {
        const values = folded.map((f) => f.settings.get(name));
        const first = values[0];
        if (!values.every((v) => same(v, first))) {
            const why = `Jetty's ssl module sets ${name} differently by release (${rows.map((r) => r.releases).join('; ')}): name the Jetty release (an image tag, FROM jetty:9.4) or set it in the base`;
            agreed.set(name, { kind: 'unknown', why, at: undefined });
        }
        else if (LISTS.has(name) && first?.kind === 'value')
            agreed.set(name, {
                kind: 'unknown',
                why: `${name} is given ${first.value === null ? 'no value' : 'text'} where Jetty takes an <Array>`,
                at: first.at,
            });
        else
            agreed.set(name, first);
        const final = agreed.get(name);
        if (final?.kind === 'unknown' && DECIDING.has(name))
            unknown.push({ what: name, why: final.why, at: final.at });
    }
    const origin = () => {
        const row = rows[0];
        const sources = row
            ? `${row.source}${rows.length > 1 ? `; the same in ${rows.length - 1} other release ranges` : ''}`
            : '';
        if (release)
            return {
                kind: 'file',
                location: release.at,
                note: `Jetty's etc/jetty-ssl-context.xml, for Jetty ${release.version} (${release.by}; ${sources})`,
            };
        return { kind: 'default', origin: `Jetty's etc/jetty-ssl-context.xml (${sources})`, confidence: 'verified' };
    };
    const from = (at) => (at ? { kind: 'file', location: at } : origin());
    const typeDefaults = new Set(rows.map((r) => r.keyStoreTypeDefault));
    const typeDefault = rows[0]?.keyStoreTypeDefault;
    return {
        value(name) {
            const f = agreed.get(name);
            return f?.kind === 'value' && f.value !== null ? { value: f.value.trim(), from: from(f.at) } : undefined;
        },
        writtenAt(name) {
            const f = agreed.get(name);
            return f?.kind === 'value' && f.value !== null ? f.at : undefined;
        },
        isNull(name) {
            const f = agreed.get(name);
            return f === undefined || (f.kind === 'value' && f.value === null);
        },
        list(name, defaults = []) {
            const f = agreed.get(name);
            if (f?.kind !== 'list')
                return undefined;
            return { value: f.addsTo ? [...defaults, ...f.items] : f.items, from: from(f.at) };
        },
        keyStoreTypeDefault: typeDefaults.size === 1 && typeDefault
            ? {
                value: typeDefault,
                from: { kind: 'default', origin: `Jetty SslContextFactory's key store type (${rows[0].source})` },
            }
            : undefined,
        unknown,
    };
}
