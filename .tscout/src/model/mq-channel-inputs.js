"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.definedInScript = definedInScript;
exports.documentChannels = documentChannels;
exports.channelAccessKey = channelAccessKey;
const knowledge_1 = require("../knowledge");
const mq_chlauth_1 = require("./mq-chlauth");
const SHIPPED = ['SVRCONN', 'RCVR', 'RQSTR', 'CLUSRCVR'];
/** Whether the script DEFINEs the channel (an ALTER-only channel is defined elsewhere). */
function definedInScript(channel) {
    return channel.definedBy !== undefined;
}
/** The tree's inbound channels of one MQSC document plus the shipped SYSTEM.DEF.* objects it does not touch. */
function documentChannels(doc) {
    const out = [];
    for (const ch of doc.data.objects.channels.values()) {
        if (ch.deleted || !ch.chltype || !(0, knowledge_1.mqInboundChannelType)(ch.chltype))
            continue;
        const location = (0, mq_chlauth_1.paramLocation)(doc.file.path, ch.nameParam);
        out.push({ name: ch.name, chltype: ch.chltype, attributes: ch.attributes, defined: definedInScript(ch), location });
    }
    for (const chltype of SHIPPED) {
        const name = (0, knowledge_1.mqInboundChannelType)(chltype).defaultObject;
        if (!doc.data.objects.channels.has(name))
            out.push({ name, chltype, defined: false });
    }
    if (!doc.data.objects.channels.has('SYSTEM.AUTO.SVRCONN'))
        out.push({ name: 'SYSTEM.AUTO.SVRCONN', chltype: 'SVRCONN', defined: false });
    // SYSTEM.DEF.AMQP exists only where the AMQP service is installed: counted when the script talks about AMQP.
    const texts = (doc.data.members ?? [doc]).map((d) => d.file.text);
    if (!doc.data.objects.channels.has('SYSTEM.DEF.AMQP') && texts.some((text) => /AMQP/i.test(text)))
        out.push({ name: 'SYSTEM.DEF.AMQP', chltype: 'AMQP', defined: false });
    return out;
}
/**
 * The key of a channel's access decision in the derived model: its script, name, type, and whether the tree sets it. A
 * script embedded in a file is one of several there (each `echo "…" | runmqsc` line of a shell script, each MQSC key of
 * a ConfigMap file): its place in the file tells it from the others, whose channels of the same name are other objects.
 */
function channelAccessKey(script, input) {
    const at = script.embedded ? `@${script.embedded.range.start.line}:${script.embedded.range.start.character}` : '';
    return `${script.file.path}${at}\0${input.name}\0${input.chltype}\0${input.attributes ? 'tree' : 'shipped'}`;
}
