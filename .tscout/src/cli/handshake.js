"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.HANDSHAKE_USAGE = void 0;
exports.handshakeReport = handshakeReport;
exports.formatHandshakeReport = formatHandshakeReport;
exports.runHandshakeCommand = runHandshakeCommand;
/**
 * `lint-deploy handshake --client <file[#component]> --server <file[#component]>`: the predictor asked
 * directly: finds the two components in their files' deployment and prints the prediction as text or JSON.
 */
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const node_util_1 = require("node:util");
const types_1 = require("../core/types");
const args_1 = require("./args");
const config_1 = require("../core/config");
const lint_1 = require("../engine/lint");
const endpoint_1 = require("../handshake/endpoint");
const predict_1 = require("../handshake/predict");
/**
 * Predicts the handshake between two components, each with its deployment's defaults (its JDK when the
 * component names none); throws when one has no usable TLS settings.
 */
function handshakeReport(client, server, deployment, serverDeployment = deployment) {
    const c = (0, endpoint_1.endpointFor)(client, 'client', deployment);
    const s = (0, endpoint_1.endpointFor)(server, 'server', serverDeployment);
    if (!c)
        throw new Error(`${client.name} has no TLS settings with a known implementation`);
    if (!s)
        throw new Error(`${server.name} has no TLS settings with a known implementation`);
    return {
        client: { component: client.id, side: c.side, notes: c.notes },
        server: { component: server.id, side: s.side, notes: s.notes },
        prediction: (0, predict_1.predictHandshake)(c.side, s.side),
    };
}
function formatHandshakeReport(r, format) {
    if (format === 'json')
        return JSON.stringify(r, null, 2) + '\n';
    const p = r.prediction;
    const head = p.ok
        ? `OK: ${p.protocol} ${p.cipherSuite}`
        : `FAILS (${p.reason}): the ${p.failingSide} aborts${p.alert !== 'none' ? ` with alert ${p.alert}` : ''}\n  client logs: ${p.messages.client}\n  server logs: ${p.messages.server}`;
    const notes = [...r.client.notes.map((n) => `client: ${n}`), ...r.server.notes.map((n) => `server: ${n}`)];
    return ([
        `${r.client.component} → ${r.server.component}: ${head}`,
        ...p.explanation.map((e) => `  - ${e}`),
        ...notes.map((n) => `  note: ${n}`),
    ].join('\n') + '\n');
}
/** `lint-deploy handshake` usage (printed by --help and on usage errors). */
exports.HANDSHAKE_USAGE = `Usage: lint-deploy handshake --client <file[#component]> --server <file[#component]> [--format text|json]
                            [--root <dir>] [--java-version <v>] [--java-vendor <v>]

Predicts the TLS handshake between two components of a deployment: the protocol and cipher suite,
or the failure, the side that aborts, its alert and the message each runtime logs, with the reasoning.
<file> is a configuration file of the component (application.yml, nginx.conf, server.xml, *.mqsc, ccdt.json,
aserver.conf…); #component picks one when the file defines several (its id, name, or part of its name).
The files' common directory is read as the deployment (JDK release files, jvm.options…), or --root <dir>;
files of two projects side by side (each with its .git or lint-deploy.config.json) are read project by project.
Exit status: 0 when the handshake succeeds, 1 when it fails, 2 on a usage error.`;
function parseSelector(raw, cwd) {
    const hash = raw.indexOf('#');
    const file = path.resolve(cwd, hash >= 0 ? raw.slice(0, hash) : raw);
    const component = hash >= 0 ? raw.slice(hash + 1).trim() || undefined : undefined;
    if (!fs.existsSync(file))
        throw new types_1.UsageError(`handshake: no such file: ${raw}`);
    // Never a device, FIFO or directory: /dev/zero would also make the common directory of the two files `/`.
    if (!fs.statSync(file).isFile())
        throw new types_1.UsageError(`handshake: ${raw} is not a regular file`);
    return { file, component };
}
/** The deepest directory holding both files. */
function commonDirectory(a, b) {
    const parts = (p) => path.dirname(p).split(path.sep);
    const x = parts(a);
    const y = parts(b);
    let i = 0;
    while (i < x.length && i < y.length && x[i] === y[i])
        i++;
    return x.slice(0, i).join(path.sep) || path.sep;
}
/** Entries (files and directories) a common directory may hold before the command asks for --root. */
const MAX_COMMON_ENTRIES = 20_000;
/**
 * The directories the two files' deployment is read from: --root when given (it must hold both); the two
 * projects when the files lie in different ones below their common directory (two repositories side by side);
 * else the common directory, unless it is the file system's root or holds more than MAX_COMMON_ENTRIES entries
 * (a temporary or home directory full of unrelated trees: reading all of it took minutes).
 */
function treesToRead(client, server, rootOption, cwd, files) {
    if (rootOption !== undefined) {
        const root = path.resolve(cwd, rootOption);
        if (!fs.existsSync(root) || !fs.statSync(root).isDirectory())
            throw new types_1.UsageError(`handshake: --root ${rootOption} is not a directory`);
        if (!isInside(client.file, root) || !isInside(server.file, root))
            throw new types_1.UsageError(`handshake: --root ${rootOption} must hold both files`);
        return [root];
    }
    const common = commonDirectory(client.file, server.file);
    const projects = [projectRoot(client.file, common), projectRoot(server.file, common)];
    if (projects[0] && projects[1] && projects[0] !== projects[1])
        return projects;
    if (common === path.parse(common).root)
        throw new types_1.UsageError(`handshake: ${files} share no directory below ${common}: every file under it would be read (put them in one tree, or name it with --root <dir>)`);
    if (entriesBeyond(common, MAX_COMMON_ENTRIES))
        throw new types_1.UsageError(`handshake: the common directory of ${files}, ${common}, holds more than ${MAX_COMMON_ENTRIES.toLocaleString('en')} files and directories: name the deployment's directory with --root <dir>`);
    return [common];
}
function isInside(file, dir) {
    const relative = path.relative(dir, file);
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
/** The nearest directory above a file, strictly below `common`, that starts a project (`.git`, a lint-deploy configuration). */
function projectRoot(file, common) {
    for (let dir = path.dirname(file); dir !== common && isInside(dir, common); dir = path.dirname(dir)) {
        if (['.git', ...config_1.CONFIG_FILE_NAMES].some((name) => fs.existsSync(path.join(dir, name))))
            return dir;
    }
    return undefined;
}
/** Whether a directory holds more than `limit` entries, counted without following links and stopping at the limit. */
function entriesBeyond(dir, limit) {
    let count = 0;
    const pending = [dir];
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
        let entries;
        try {
            entries = fs.readdirSync(next, { withFileTypes: true });
        }
        catch {
            continue; // an unreadable directory: the lint reports it
        }
        count += entries.length;
        if (count > limit)
            return true;
        for (const entry of entries)
            if (entry.isDirectory())
                pending.push(path.join(next, entry.name));
    }
    return false;
}
function pick(deployments, selector, role, raw) {
    const fits = (c) => role === 'client' ? c.role === 'client' || c.role === 'both' : c.role === 'server' || c.role === 'both';
    const inFile = deployments.flatMap((deployment) => deployment.components
        .filter((c) => fits(c) && (c.location.file === selector.file || c.documents.some((d) => d.file.path === selector.file)))
        .map((component) => ({ component, deployment })));
    const wanted = selector.component;
    const chosen = wanted
        ? inFile.filter(({ component: c }) => c.id === wanted || c.name === wanted || c.id.endsWith(wanted) || c.name.includes(wanted))
        : inFile;
    const [only, ...others] = chosen;
    if (only && others.length === 0)
        return only;
    const candidates = inFile.map(({ component: c }) => `  ${c.id}  (${c.name})`).join('\n');
    if (inFile.length === 0)
        throw new types_1.UsageError(`handshake: ${raw} defines no TLS ${role} component lint-deploy knows`);
    if (chosen.length === 0)
        throw new types_1.UsageError(`handshake: no ${role} component matches '${wanted}' in ${raw}; it defines:\n${candidates}`);
    throw new types_1.UsageError(`handshake: ${raw} defines several ${role} components; add #<component> to pick one:\n${candidates}`);
}
function parseHandshakeArgs(argv) {
    try {
        return (0, node_util_1.parseArgs)({
            args: argv,
            options: {
                client: { type: 'string' },
                server: { type: 'string' },
                format: { type: 'string', short: 'f', default: 'text' },
                root: { type: 'string' },
                'java-version': { type: 'string' },
                'java-vendor': { type: 'string' },
                help: { type: 'boolean', short: 'h' },
            },
            strict: true,
            allowPositionals: false,
        });
    }
    catch (error) {
        throw new types_1.UsageError(`handshake: ${error.message}\n${exports.HANDSHAKE_USAGE}`);
    }
}
/** Runs `lint-deploy handshake …` (argv without the word `handshake`); returns the exit code. Throws UsageError. */
function runHandshakeCommand(argv, io) {
    const { values } = parseHandshakeArgs(argv);
    if (values.help) {
        io.stdout(`${exports.HANDSHAKE_USAGE}\n`);
        return 0;
    }
    if (!values.client || !values.server)
        throw new types_1.UsageError(`handshake needs --client and --server\n${exports.HANDSHAKE_USAGE}`);
    const format = values.format;
    if (format !== 'text' && format !== 'json')
        throw new types_1.UsageError(`handshake: --format must be text or json, not '${format}'`);
    const client = parseSelector(values.client, io.cwd);
    const server = parseSelector(values.server, io.cwd);
    const paths = treesToRead(client, server, values.root, io.cwd, `${values.client} and ${values.server}`);
    const javaVersion = values['java-version'];
    (0, args_1.checkJavaVersionOption)(javaVersion);
    const javaVendor = values['java-vendor'];
    const result = (0, lint_1.lint)({
        paths,
        cwd: io.cwd,
        config: (0, config_1.defaultConfig)(paths[0]),
        java: javaVersion || javaVendor ? { version: javaVersion, vendor: javaVendor } : undefined,
    });
    const c = pick(result.deployments, client, 'client', values.client);
    const s = pick(result.deployments, server, 'server', values.server);
    let report;
    try {
        report = handshakeReport(c.component, s.component, c.deployment, s.deployment);
    }
    catch (error) {
        throw new types_1.UsageError(`handshake: ${error.message}`);
    }
    io.stdout(formatHandshakeReport(report, format));
    return report.prediction.ok ? 0 : 1;
}
