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
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ALWAYS_IGNORED = void 0;
exports.discover = discover;
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const ignore_1 = __importDefault(require("ignore"));
const types_1 = require("../core/types");
const walk_1 = require("./walk");
const environments_1 = require("./environments");
const config_1 = require("../core/config");
const safe_fs_1 = require("../core/safe-fs");
exports.ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];
/** lint-deploy's own files: a directory outside every deployment glob holding only these is no deployment. */
const OWN_FILES = new Set([
    ...config_1.CONFIG_FILE_NAMES,
    '.lint-deployignore',
    'package.json',
    'lint-deploy.baseline.json',
    config_1.DEFAULT_CACHE_FILE,
]);
/**
 * Turns command-line paths into deployments (DESIGN.md "Deployments", docs/deployments.md):
 * a directory holds several deployments when config `deployments` globs match inside it, else
 * when its content splits into environments (src/discover/environments.ts), else it is one.
 * A single file is linted with the rest of the deployment that holds it: the glob root, else the
 * nearest config file's directory, else the environment of its git root that holds it (or the git
 * root), else its own directory — never the working directory.
 */
function discover(options) {
    const { cwd, config } = options;
    const isIgnored = makeIgnoreFilter(options);
    // Deployment roots share their parent directories: each directory's real path is looked up once.
    const realpath = (0, safe_fs_1.realPathResolver)();
    if (config.confined)
        checkDeploymentGlobs(config);
    // fast-glob is loaded only when the config names deployments (start-up of the one-directory run).
    const globRoots = config.deployments.length
        ? require('fast-glob')
            .sync(config.deployments, {
            cwd: config.baseDir,
            onlyDirectories: true,
            absolute: true,
            dot: true,
            ignore: exports.ALWAYS_IGNORED,
            suppressErrors: true,
        })
            .map((p) => path.resolve(p))
            .sort()
        : [];
    if (config.confined) {
        const base = fs.realpathSync(config.baseDir);
        const outside = globRoots.find((root) => !(0, safe_fs_1.isInside)(root, base, realpath));
        if (outside)
            throw new types_1.UsageError(`Config file ${config.file ?? config.baseDir}: "deployments" reaches ${outside}, outside the config's directory: not linted (name such a config with --config)`);
    }
    const byRoot = new Map();
    const wholeRoots = new Set();
    const leftovers = new Set();
    /** Roots of environments that are not deployments of this run but whose files belong to no other. */
    const fenced = new Set();
    /** Files already walked for content detection: deployments under these roots are not walked again. */
    const walkedTrees = [];
    const add = (root, reason, focus, members) => {
        const key = members ? (0, environments_1.fileSetName)(root, members) : root;
        const deployment = byRoot.get(key) ?? (members ? { root, members, name: key, files: [], reason } : { root, files: [], reason });
        byRoot.set(key, deployment);
        if (!focus) {
            // A request for the whole deployment supersedes requests for some of its files.
            wholeRoots.add(key);
            deployment.focus = undefined;
        }
        else if (!wholeRoots.has(key)) {
            deployment.focus ??= new Set();
            for (const f of focus)
                deployment.focus.add(f);
        }
    };
    const containingGlobRoot = (p) => globRoots.filter((r) => p === r || p.startsWith(r + path.sep)).pop();
    const detected = new Map();
    /** Environments under `dir` detected from content (each tree once per run). */
    const environmentsUnder = (dir) => {
        let detection = detected.get(dir);
        if (!detection) {
            const walked = (0, walk_1.walk)(dir, isIgnored);
            detection = (0, environments_1.detectEnvironments)(dir, walked.files);
            detected.set(dir, detection);
            walkedTrees.push({ root: dir, walked });
        }
        return detection.environments;
    };
    /** Whether a file is one lint-deploy reads, when content detection classified it. */
    const unrecognised = (file) => [...detected.values()].every((d) => !d.recognised.has(file));
    const globReason = (root) => `config "deployments" in ${path.relative(cwd, config.file ?? config.baseDir) || '.'} matches ${path.relative(config.baseDir, root).split(path.sep).join('/') || '.'}`;
    for (const given of options.paths.length ? options.paths : ['.']) {
        let absolute;
        let stat;
        try {
            // The real path: the working directory is real too, so reported paths stay short and stable
            // when a path on the command line goes through a symbolic link.
            absolute = fs.realpathSync(path.resolve(cwd, given));
            stat = fs.statSync(absolute);
        }
        catch (error) {
            const code = error.code;
            throw new types_1.UsageError(code === 'ENOENT' ? `No such file or directory: ${given}` : `Cannot read ${given}: ${code ?? String(error)}`);
        }
        if (stat.isDirectory()) {
            const holder = containingGlobRoot(absolute);
            if (holder && holder !== absolute) {
                add(holder, globReason(holder), (0, walk_1.walk)(absolute, isIgnored).files);
                continue;
            }
            const inner = globRoots.length
                ? globRoots.filter((r) => r === absolute || r.startsWith(absolute + path.sep))
                : [];
            const environments = globRoots.length ? [] : environmentsUnder(absolute);
            if (inner.length || environments.length) {
                for (const r of inner)
                    add(r, globReason(r));
                for (const e of environments)
                    add(e.root, (0, environments_1.describeEnvironment)(e, cwd), undefined, e.members);
                // Files outside every deployment still get linted, as a deployment of their own.
                if (!inner.includes(absolute)) {
                    add(absolute, 'files outside every deployment');
                    leftovers.add(absolute);
                }
                continue;
            }
            add(absolute, 'the path itself');
        }
        else {
            const globRoot = containingGlobRoot(absolute);
            const configDir = globRoot ? undefined : nearestConfigDir(absolute);
            const repository = globRoot || configDir ? undefined : gitRoot(absolute);
            const environments = repository ? environmentsUnder(repository) : [];
            const environment = holderOf(absolute, environments);
            // The file is linted with its environment's files alone: no other environment's, nested ones included.
            for (const e of environments)
                for (const dir of e.members ?? [e.root])
                    fenced.add(dir);
            if (globRoot)
                add(globRoot, globReason(globRoot), [absolute]);
            else if (configDir)
                add(configDir, `the directory of the nearest config file above ${given}`, [absolute]);
            else if (environment)
                add(environment.root, (0, environments_1.describeEnvironment)(environment, cwd), [absolute], environment.members);
            else if (repository)
                add(repository, `the git root above ${given}`, [absolute]);
            else
                add(path.dirname(absolute), `the directory of ${given} (no config file or git root above it)`, [absolute]);
        }
    }
    // Files of a nested deployment root belong to it, not to the enclosing one: the walk does not enter
    // other roots (a Set lookup per directory; filtering every file against every root was O(files × roots)). A file
    // set claims its members' directories, not its root.
    const claimedRoots = new Set(fenced);
    for (const d of byRoot.values())
        for (const dir of d.members ?? [d.root])
            claimedRoots.add(dir);
    const partitions = new Map();
    for (const deployment of byRoot.values()) {
        const tree = walkedTrees.find((t) => deployment.root === t.root || deployment.root.startsWith(t.root + path.sep));
        let walked;
        if (tree) {
            let parts = partitions.get(tree.walked);
            if (!parts)
                partitions.set(tree.walked, (parts = partition(tree.walked, claimedRoots)));
            walked = joinParts(parts, deployment.members ?? [deployment.root]);
        }
        else {
            walked = (0, walk_1.walk)(deployment.root, isIgnored, claimedRoots, realpath);
        }
        deployment.files = walked.files;
        deployment.notes = walked.notes;
    }
    const worthLinting = (d) => detected.has(d.root)
        ? d.files.some((f) => !unrecognised(f))
        : d.files.some((f) => !OWN_FILES.has(path.basename(f)));
    return [...byRoot.values()]
        .filter((d) => !leftovers.has(d.root) || worthLinting(d) || (d.notes?.length ?? 0) > 0)
        .sort((a, b) => {
        const [ka, kb] = [a.name ?? a.root, b.name ?? b.root];
        return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
}
/**
 * The environment that holds a file: the one with the nearest directory above it (a chart below a group rooted at
 * its parent directory is the chart's; a file set's directories are its members), or none.
 */
function holderOf(file, environments) {
    let holder;
    for (const environment of environments)
        for (const dir of environment.members ?? [environment.root])
            if (file.startsWith(dir + path.sep) && (!holder || dir.length > holder.dir.length))
                holder = { environment, dir };
    return holder?.environment;
}
/** The files and notes of some claimed directories, sorted as a walk's. */
function joinParts(parts, dirs) {
    const own = dirs.map((dir) => parts.get(dir)).filter((part) => part !== undefined);
    if (own.length <= 1)
        return own[0] ?? { files: [], notes: [] };
    return { files: own.flatMap((part) => part.files).sort(), notes: own.flatMap((part) => part.notes) };
}
/** An already walked tree split by claimed root: each file and note goes to the nearest root above it. */
function partition(tree, claimedRoots) {
    const ownerOf = new Map();
    const ownerOfDir = (start) => {
        const seen = [];
        let owner;
        for (let dir = start;; dir = path.dirname(dir)) {
            if (ownerOf.has(dir)) {
                owner = ownerOf.get(dir);
                break;
            }
            seen.push(dir);
            if (claimedRoots.has(dir)) {
                owner = dir;
                break;
            }
            if (dir === path.dirname(dir))
                break;
        }
        for (const dir of seen)
            ownerOf.set(dir, owner);
        return owner;
    };
    const parts = new Map();
    const partOf = (file) => {
        const owner = ownerOfDir(path.dirname(file));
        if (owner === undefined)
            return undefined;
        let part = parts.get(owner);
        if (!part)
            parts.set(owner, (part = { files: [], notes: [] }));
        return part;
    };
    for (const file of tree.files)
        partOf(file)?.files.push(file);
    for (const note of tree.notes)
        partOf(note.location.file)?.notes.push(note);
    return parts;
}
/** A config found in the tree names deployments inside its own directory: no absolute path, no `..`. */
function checkDeploymentGlobs(config) {
    const bad = config.deployments.find((glob) => path.isAbsolute(glob) || /^[a-zA-Z]:/.test(glob) || glob.split(/[\\/]/).includes('..'));
    if (bad !== undefined)
        throw new types_1.UsageError(`Config file ${config.file ?? config.baseDir}: "deployments" pattern '${bad}' reaches outside the config's directory: not linted (name such a config with --config)`);
}
/** An ignore file larger than this is refused (real ones are a few lines). */
const MAX_IGNORE_FILE_BYTES = 1024 * 1024;
function makeIgnoreFilter(options) {
    const filters = [];
    const addFile = (dir) => {
        const file = path.join(dir, '.lint-deployignore');
        const read = (0, safe_fs_1.readRegularFile)(file, MAX_IGNORE_FILE_BYTES);
        if (read.ok)
            filters.push({ base: dir, ig: (0, ignore_1.default)().add(read.bytes.toString('utf8')) });
        else if (read.reason !== 'missing')
            throw new types_1.UsageError(`${file} ${(0, safe_fs_1.describeReadFailure)(read, MAX_IGNORE_FILE_BYTES)}: not read (it decides which files are linted)`);
    };
    addFile(options.cwd);
    if (options.config.baseDir !== options.cwd)
        addFile(options.config.baseDir);
    if (options.ignorePatterns?.length)
        filters.push({ base: options.cwd, ig: (0, ignore_1.default)().add(options.ignorePatterns) });
    if (options.config.ignorePatterns.length)
        filters.push({ base: options.config.baseDir, ig: (0, ignore_1.default)().add(options.config.ignorePatterns) });
    return (file) => filters.some(({ base, ig }) => {
        const relative = path.relative(base, file);
        return (relative !== '' &&
            !relative.startsWith('..') &&
            !path.isAbsolute(relative) &&
            ig.ignores(relative.split(path.sep).join('/')));
    });
}
/** The directory of the nearest config file above a file, up to its git root (a config above the repository is someone else's). */
function nearestConfigDir(file) {
    for (let dir = path.dirname(file);; dir = path.dirname(dir)) {
        if (config_1.CONFIG_FILE_NAMES.some((name) => fs.existsSync(path.join(dir, name))))
            return dir;
        if (dir === path.dirname(dir) || fs.existsSync(path.join(dir, '.git')))
            return undefined;
    }
}
function gitRoot(file) {
    for (let dir = path.dirname(file);; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, '.git')))
            return dir;
        if (dir === path.dirname(dir))
            return undefined;
    }
}
