"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.JETTY_BASE = void 0;
exports.content = content;
exports.factoryOperations = factoryOperations;
exports.sslFactories = sslFactories;
const xml_1 = require("../parse/xml");
/** `jetty.base` as a value: a path below it is the base's (resolved by the model against the tree). */
exports.JETTY_BASE = '${jetty.base}';
/** Whether an element's own text comes before its one child element: undefined when it cannot be told. */
function textFirst(el, child, env) {
    const between = env.source.text.slice(env.source.index.offsetAt(el.range.end), env.source.index.offsetAt(child.range.start));
    return between.replace(/<!--[\s\S]*?-->/g, '').trim() !== '';
}
const here = (el, env) => env.file ? { file: env.file, range: el.range } : undefined;
const unknown = (why, at) => ({ kind: 'unknown', why, at });
/** `${name}` references inside a start property's value, as start.jar expands them. */
function expand(raw, env, at, depth = 0) {
    let failed;
    const value = raw.replace(/\$\{([^}]+)\}/g, (whole, name) => {
        if (name === 'jetty.base')
            return exports.JETTY_BASE;
        const p = depth < 5 ? env.properties.get(name) : undefined;
        if (!p) {
            failed ??= whole;
            return whole;
        }
        const inner = expand(p.value, env, p.at, depth + 1);
        if (inner.kind !== 'value' || inner.value === null) {
            failed ??= whole;
            return whole;
        }
        return inner.value;
    });
    return failed
        ? unknown(`${failed} is a property the tree's start files do not set`, at)
        : { kind: 'value', value, at };
}
function lookup(name, env) {
    const p = env.properties.get(name);
    if (p === null)
        return unknown(`the start files set ${name} to different values`, undefined);
    return p ? expand(p.value, env, p.at) : undefined;
}
function property(el, env) {
    const name = (0, xml_1.attr)(el, 'name')?.value.trim() ?? '';
    if (name === 'jetty.base')
        return { kind: 'value', value: exports.JETTY_BASE, at: undefined };
    const names = [name, ...((0, xml_1.attr)(el, 'deprecated')?.value.split(',') ?? []).map((n) => n.trim()).filter(Boolean)];
    for (const n of names) {
        const found = lookup(n, env);
        if (found)
            return found;
    }
    const fallback = (0, xml_1.attr)(el, 'default');
    if (fallback)
        return { kind: 'value', value: fallback.value, at: here(el, env) };
    const inner = el.children.find((c) => c.localName === 'Default');
    if (inner)
        return content(inner, env);
    return { kind: 'value', value: null, at: here(el, env) };
}
function element(el, env) {
    switch (el.localName) {
        case 'Property':
            return property(el, env);
        case 'Array': {
            const items = [];
            for (const item of el.children.filter((c) => c.localName === 'Item')) {
                const v = content(item, env);
                if (v.kind === 'unknown')
                    return v;
                if (v.kind !== 'value' || v.value === null)
                    return unknown('an array item without a value', here(item, env));
                items.push(v.value);
            }
            return { kind: 'list', items, at: here(el, env) };
        }
        case 'Call': {
            // XmlConfiguration.resolvePath(base, path): the path itself when absolute, else below the base (Jetty 10.0.2+).
            const args = el.children.filter((c) => c.localName === 'Arg');
            if ((0, xml_1.attr)(el, 'name')?.value !== 'resolvePath' || args.length !== 2)
                break;
            const [base, rel] = args.map((a) => content(a, env));
            if (base?.kind !== 'value' || rel?.kind !== 'value')
                return [base, rel].find((v) => v?.kind === 'unknown') ?? unknown('resolvePath without a path', here(el, env));
            if (rel.value === null)
                return rel;
            return { ...rel, value: rel.value.startsWith('/') ? rel.value : `${base.value ?? '.'}/${rel.value}` };
        }
        default:
            break;
    }
    return unknown(`<${el.name}> is not read here`, here(el, env));
}
/** An element's content: its text, the one element inside it, or `<Property/>/<Property/>` joined as Jetty joins them. */
function content(el, env) {
    const kids = el.children;
    if (kids.length === 0)
        return { kind: 'value', value: el.text, at: here(el, env) };
    if (kids.length === 1 && el.text === '')
        return element(kids[0], env);
    // `<Property name="jetty.base" default="."/>/etc/store.jks`: the value and the text joined in their order.
    if (kids.length === 1) {
        const child = kids[0];
        const v = element(child, env);
        if (v.kind !== 'value' || v.value === null)
            return v.kind === 'unknown' ? v : unknown('a path part without a value', here(el, env));
        return {
            kind: 'value',
            value: textFirst(el, child, env) ? el.text + v.value : v.value + el.text,
            at: v.at ?? here(el, env),
        };
    }
    if (kids.length === 2 && el.text === '/') {
        const [a, b] = kids.map((k) => element(k, env));
        if (a?.kind === 'value' && b?.kind === 'value' && a.value !== null && b.value !== null)
            // Plain concatenation (Jetty 9.x's `<Property name="jetty.base"/>/<Property …/>`): an absolute path lands below the
            // base (Jetty 9.4.57 reads keyStorePath=/opt/k.p12 as ${jetty.base}/opt/k.p12; resolvePath came in 10.0.2).
            return { kind: 'value', value: `${a.value}/${b.value}`, at: b.at ?? a.at };
        return [a, b].find((v) => v?.kind === 'unknown') ?? unknown('a path part without a value', here(el, env));
    }
    return unknown(`<${el.name}> holds content not read here`, here(el, env));
}
/** The `<Set>`s and setter `<Call>`s directly on a factory element, in order. */
function factoryOperations(factory, env) {
    const out = [];
    for (const child of factory.children) {
        const name = (0, xml_1.attr)(child, 'name')?.value.trim() ?? '';
        if (child.localName === 'Set') {
            const prop = (0, xml_1.attr)(child, 'property')?.value.trim();
            const value = prop ? (lookup(prop, env) ?? { kind: 'skipped' }) : content(child, env);
            out.push({ setting: name.toLowerCase(), op: 'set', value });
            continue;
        }
        if (child.localName !== 'Call')
            continue;
        const m = /^(set|add)(\w+)$/.exec(name);
        if (!m)
            continue;
        const args = child.children.filter((c) => c.localName === 'Arg');
        const value = args.length === 1 ? content(args[0], env) : unknown(`${name} with ${args.length} arguments`, here(child, env));
        out.push({ setting: m[2].toLowerCase(), op: m[1] === 'add' ? 'add' : 'set', value });
    }
    return out;
}
/** A server-side SslContextFactory class: Jetty's (`SslContextFactory`, `SslContextFactory$Server`) or a subclass. */
const SERVER_FACTORY = /SslContextFactory(\$Server)?$/;
/** The elements of a Jetty XML file that make or configure a server SslContextFactory, with their ids. */
function sslFactories(data) {
    const out = [];
    for (const el of data.elements) {
        if (el.localName !== 'New' && el.localName !== 'Configure')
            continue;
        const cls = (0, xml_1.attr)(el, 'class')?.value.trim() ?? '';
        const id = (0, xml_1.attr)(el, 'id')?.value.trim();
        if (SERVER_FACTORY.test(cls) || (el.localName === 'Configure' && id === 'sslContextFactory'))
            out.push({ element: el, id, defines: el.localName === 'New' });
    }
    return out;
}
