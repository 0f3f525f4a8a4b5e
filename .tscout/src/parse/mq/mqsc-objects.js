"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.resolveMqscObjects = resolveMqscObjects;
exports.mqGenericMatch = mqGenericMatch;
const OBJECT_VERBS = new Set(['DEFINE', 'ALTER', 'DELETE']);
/**
 * The objects an MQSC script leaves on its queue manager, applying its commands in order as MQ does: a DEFINE creates
 * (REPLACE replaces), an ALTER changes only the attributes it names, a DELETE removes, ALTER QMGR and SET CHLAUTH
 * apply in turn. A command MQ refuses changes nothing and is listed in `failed`.
 */
function resolveMqscObjects(commands) {
    const channels = new Map();
    const qmgr = new Map();
    const chlauth = [];
    const authinfo = new Map();
    const failed = [];
    const keyOf = (noun, name) => (noun === 'AUTHINFO' ? name.toUpperCase() : name);
    // The last DEFINE of each object: an ALTER before it fails on a new queue manager.
    const lastDefine = new Map();
    commands.forEach((c, i) => {
        if (c.verb === 'DEFINE' && (c.noun === 'CHANNEL' || c.noun === 'AUTHINFO') && c.name?.value !== undefined)
            lastDefine.set(`${c.noun}\0${keyOf(c.noun, c.name.value)}`, i);
    });
    commands.forEach((command, index) => {
        const { verb, noun, name } = command;
        if ((noun === 'CHANNEL' || noun === 'AUTHINFO') && name?.value !== undefined && OBJECT_VERBS.has(verb)) {
            const objects = noun === 'CHANNEL' ? channels : authinfo;
            const key = keyOf(noun, name.value);
            const object = `${noun}(${name.value})`;
            let current = objects.get(key);
            if (verb === 'DELETE') {
                if (current) {
                    current.deleted = true;
                    current.commands.push(command);
                }
                return;
            }
            const laterDefine = lastDefine.get(`${noun}\0${key}`);
            // Shipped SYSTEM.* objects exist before any script runs: an ALTER of one before its DEFINE succeeds.
            const definedLater = laterDefine !== undefined && laterDefine > index && !key.startsWith('SYSTEM.');
            if (verb === 'ALTER' && (current?.deleted || (!current && definedLater))) {
                const other = current ? current.commands.at(-1) : commands[laterDefine]; // set when definedLater
                failed.push({ command, reason: 'not-found', object, noun, key, other });
                return;
            }
            const replace = command.params.some((p) => p.keyword === 'REPLACE');
            if (verb === 'DEFINE' && current?.definedBy && !current.deleted && !replace) {
                failed.push({ command, reason: 'exists', object, noun, key, other: current.definedBy });
                return;
            }
            if (!current || verb === 'DEFINE') {
                current = { name: key, nameParam: name, attributes: new Map(), commands: [], deleted: false };
                objects.set(key, current);
            }
            if (verb === 'DEFINE')
                current.definedBy = command;
            current.commands.push(command);
            for (const p of command.params) {
                if (noun === 'CHANNEL' && p.keyword === 'CHLTYPE' && p.value)
                    current.chltype = p.value.toUpperCase();
                current.attributes.set(p.keyword, p);
            }
        }
        else if (noun === 'QMGR' && verb === 'ALTER') {
            for (const p of command.params)
                qmgr.set(p.keyword, p);
        }
        else if (noun === 'CHLAUTH' && verb === 'SET' && name?.value !== undefined) {
            const attributes = new Map();
            for (const p of command.params)
                attributes.set(p.keyword, p);
            const action = attributes.get('ACTION')?.value?.toUpperCase();
            const type = attributes.get('TYPE')?.value?.toUpperCase();
            if (action === 'REMOVE' || action === 'REMOVEALL') {
                const removed = (r) => r.profile === name.value && (action === 'REMOVEALL' || r.type === type);
                chlauth.splice(0, chlauth.length, ...chlauth.filter((r) => !removed(r)));
                return;
            }
            chlauth.push({ profile: name.value, profileParam: name, type, attributes, command });
        }
    });
    return { channels, authinfo, qmgr, chlauth, failed };
}
/** MQ generic-name match: a trailing `*` matches any suffix; otherwise names are compared exactly. */
function mqGenericMatch(pattern, name) {
    if (pattern === '*')
        return true;
    if (pattern.endsWith('*'))
        return name.startsWith(pattern.slice(0, -1));
    return pattern === name;
}
