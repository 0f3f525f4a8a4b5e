"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.mqMessageLinksContributor = void 0;
exports.connamePorts = connamePorts;
exports.listenerPorts = listenerPorts;
const mq_links_1 = require("./mq-links");
const mq_runmqsc_names_1 = require("./mq-runmqsc-names");
/** The receiving channel types each sending type connects to (IBM MQ "Channel types": SDR-RCVR, SDR-RQSTR, SVR-RQSTR, SVR-RCVR, CLUSSDR-CLUSRCVR). */
const PARTNER_TYPES = {
    SDR: ['RCVR', 'RQSTR'],
    SVR: ['RCVR', 'RQSTR'],
    CLUSSDR: ['CLUSRCVR'],
};
/** The default TCP port of an IBM MQ listener and of a CONNAME without a port. */
const DEFAULT_MQ_PORT = 1414;
const isSender = (c) => c.type === 'mq.sender';
const isReceiving = (c) => c.type === 'mq.svrconn';
/** The ports a CONNAME names: `host(port)` entries of a comma-separated list, 1414 where the port is left out. */
function connamePorts(conname) {
    return conname
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean)
        .map((entry) => {
        const port = /\((\d+)\)\s*$/.exec(entry)?.[1];
        return port ? Number(port) : DEFAULT_MQ_PORT;
    });
}
/** The TCP listeners a queue manager's script defines, with where each port is set. */
function listenerPorts(script) {
    const out = [];
    for (const command of script.data.commands) {
        if (command.verb !== 'DEFINE' || command.noun !== 'LISTENER')
            continue;
        const port = command.params.find((p) => p.keyword === 'PORT');
        if (!port?.value || port.templated || !/^\d+$/.test(port.value))
            continue;
        out.push({
            port: Number(port.value),
            location: {
                file: port.file ?? command.file ?? script.file.path,
                range: port.valueRange ?? port.keywordRange,
                message: `listener ${command.name?.value ?? ''} on port ${port.value}`.replace('  ', ' '),
            },
        });
    }
    return out;
}
/**
 * The queue manager script a channel end belongs to (its file when the script is unknown): a heredoc or `echo … |
 * runmqsc` of a shell script is a script of its own, as `runmqsc QM1 <<EOF … EOF` then `runmqsc QM2 <<EOF … EOF`
 * configure two queue managers from one file.
 */
function scriptOf(c) {
    const script = c.attributes.qmgr?.mqsc;
    if (!script)
        return c.location.file;
    return script.embedded ? `${script.file.path}#${script.embedded.range.start.line}` : script.file.path;
}
/** `runmqsc QM1 <<EOF`, `echo "…" | runmqsc -e QM1`: the queue manager named on the command that feeds the script. */
const RUNMQSC_TARGET = /\brunmqsc((?:\s+-[A-Za-z]+)*)\s+([A-Za-z0-9._%/]{1,48})(?=\s*(?:$|[<|;&>]))/;
/**
 * The queue manager a heredoc (or `echo … |`) feeding runmqsc names, when written literally on the command line, or
 * through a variable the script sets once or the one call of the function around it gives (./mq-runmqsc-names.ts);
 * `runmqsc $qm <<EOF` in a loop, or a function called for several, names none. runmqsc's `-m` names the queue manager
 * to administer remotely through, `-w`/`-x` make it indirect: such a command names none either.
 */
function heredocQueueManager(script) {
    if (!script.embedded)
        return undefined;
    const lines = script.file.text.split('\n');
    const first = script.embedded.range.start.line;
    // The command is on the line before a heredoc's body, or on the same line for `echo '…' | runmqsc`.
    for (const line of [lines[first - 1], lines[first]]) {
        const m = line === undefined ? null : RUNMQSC_TARGET.exec(line);
        if (m && !/-[A-Za-z]*[mwx]/.test(m[1] ?? ''))
            return m[2].toUpperCase();
    }
    const named = (0, mq_runmqsc_names_1.queueManagerNamesOfRunmqsc)(script);
    return named.length === 1 ? named[0].name : undefined;
}
/** Whether two channel ends are in scripts of one queue manager: the same script, or heredocs naming the same queue manager. */
function sameQueueManager(a, b) {
    if (scriptOf(a) === scriptOf(b))
        return true;
    const sa = a.attributes.qmgr?.mqsc;
    const sb = b.attributes.qmgr?.mqsc;
    if (!sa?.embedded || !sb?.embedded || sa.file.path !== sb.file.path)
        return false;
    const qa = heredocQueueManager(sa);
    return qa !== undefined && qa === heredocQueueManager(sb);
}
/**
 * The receiving ends a sending end reaches. One candidate in the deployment is the pairing (MQ needs the names equal),
 * unless its queue manager defines listeners and none listens on a port the CONNAME names; several candidates are
 * narrowed to the queue managers listening on a CONNAME port, and stay unconfirmed when that leaves more than one.
 */
function pair(sender, candidates, root) {
    const conname = sender.attributes.mqscChannel?.attributes.get('CONNAME');
    const ports = conname?.value && !conname.templated ? connamePorts(conname.value) : [];
    const listening = (receiver) => {
        const script = receiver.attributes.qmgr?.mqsc;
        const listeners = script ? listenerPorts(script) : [];
        return { listeners, matching: listeners.filter((l) => ports.includes(l.port)) };
    };
    const declare = (receiver) => `declare the link in lint-deploy.config.json \`links\` ({ "client": "${sender.id}", "server": "${receiver.id}" })`;
    const channel = sender.attributes.channelName;
    if (candidates.length === 1) {
        const only = candidates[0];
        const { listeners, matching } = listening(only);
        if (ports.length && listeners.length && !matching.length)
            return {
                receivers: candidates,
                evidence: [],
                unconfirmed: `that ${(0, mq_links_1.definedIn)(only, root)} is the partner of ${sender.attributes.chltype} ${channel}: its CONNAME names port ${ports.join(', ')} but that queue manager listens on ${listeners.map((l) => l.port).join(', ')}; ${declare(only)}`,
            };
        return { receivers: candidates, evidence: matching.map((l) => l.location) };
    }
    const byPort = ports.length ? candidates.filter((c) => listening(c).matching.length > 0) : [];
    if (byPort.length === 1) {
        const only = byPort[0];
        return { receivers: byPort, evidence: listening(only).matching.map((l) => l.location) };
    }
    const left = byPort.length ? byPort : candidates;
    const files = left.map((c) => (0, mq_links_1.definedIn)(c, root));
    return {
        receivers: left,
        evidence: [],
        unconfirmed: `which queue manager ${sender.attributes.chltype} ${channel} reaches: ${left.length} queue managers define its receiving end (${files.join(', ')})${ports.length ? ` and ${byPort.length ? 'listen on' : 'none of them is shown listening on'} CONNAME port ${ports.join(', ')}` : ''}; ${declare(left[0])}`,
    };
}
/**
 * Links each sending end of a message channel (SDR, SVR, CLUSSDR) to the receiving end of the same name in another
 * queue manager of the deployment. Config `links` name pairs the tree cannot tell; a sender with a declared link keeps
 * only its declared links.
 */
exports.mqMessageLinksContributor = {
    id: 'mq-message-links',
    contribute(ctx) {
        const root = ctx.deployment.root;
        const senders = ctx.deployment.components.filter(isSender);
        if (!senders.length)
            return;
        const byName = new Map();
        for (const r of ctx.deployment.components.filter(isReceiving)) {
            const list = byName.get(r.attributes.channelName);
            if (list)
                list.push(r);
            else
                byName.set(r.attributes.channelName, [r]);
        }
        for (const sender of senders) {
            const declared = ctx.config.links
                .filter((l) => (0, mq_links_1.namedByLinkEnd)(sender, l.client))
                .flatMap((l) => [...byName.values()].flat().filter((r) => (0, mq_links_1.namedByLinkEnd)(r, l.server)));
            if (declared.length) {
                for (const receiver of new Set(declared))
                    ctx.addLink({
                        id: `${sender.id}->${receiver.id}`,
                        client: sender.id,
                        server: receiver.id,
                        reason: 'declared in the lint-deploy config `links`',
                        location: sender.location,
                    });
                continue;
            }
            const partnerTypes = PARTNER_TYPES[sender.attributes.chltype] ?? [];
            const candidates = (byName.get(sender.attributes.channelName) ?? []).filter((r) => partnerTypes.includes(r.attributes.chltype) && !sameQueueManager(r, sender));
            if (!candidates.length)
                continue;
            const { receivers, unconfirmed, evidence } = pair(sender, candidates, root);
            for (const receiver of receivers)
                ctx.addLink({
                    id: `${sender.id}->${receiver.id}`,
                    client: sender.id,
                    server: receiver.id,
                    reason: `same message channel name ${sender.attributes.channelName} (${sender.attributes.chltype} → ${receiver.attributes.chltype})${unconfirmed ? ', not confirmed by the tree' : ''}`,
                    location: sender.location,
                    ...(unconfirmed ? { unconfirmed } : {}),
                    ...(evidence.length ? { evidence } : {}),
                });
        }
    },
};
