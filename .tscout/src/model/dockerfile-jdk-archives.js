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
exports.unpackedJdkArchives = unpackedJdkArchives;
exports.jdkUnpackedAt = jdkUnpackedAt;
exports.trimSlash = trimSlash;
const path = __importStar(require("node:path"));
const knowledge_1 = require("../knowledge");
const dockerfile_stages_1 = require("../parse/dockerfile-stages");
const shell_commands_1 = require("../parse/shell-commands");
/** A file name ending like an archive, in a URL or a path (`…/download/jdk-17.0.9%2B9/OpenJDK17U-…_17.0.9_9.tar.gz`). */
const ARCHIVE_NAME = /[\w.+%-]+\.(?:tar\.gz|tgz|tar\.xz|tar\.bz2|tar|zip)(?![\w.])/g;
/** What ADD unpacks: a local tar archive, compressed or not (https://docs.docker.com/reference/dockerfile/#adding-local-tar-archives). */
const TAR = /\.(tar|tar\.gz|tgz|tar\.xz|txz|tar\.bz2|tbz2?)$/i;
/** A versioned archive of a named product (`apache-tomcat-9.0.24.tar.gz`, `apache-maven-3.8.1-bin.tar.gz`). */
const PRODUCT_ARCHIVE = /^[a-z]+(-[a-z]+)*-\d/i;
/** The directory a JDK archive unpacks to: `jdk-11`, `jdk-17.0.9+9`, `jdk1.8.0_202`, `amazon-corretto-17…`, `zulu17…`. */
const JDK_TOP_DIRECTORY = /^(jdk|jre|amazon-corretto-|zulu)/i;
/**
 * The JDK archives the running image's instructions unpack: a `tar` that extracts into an absolute directory, in a RUN
 * that names a JDK archive (`curl -O …/openjdk-11+28_linux-x64_bin.tar.gz && tar xf … -C /usr/lib/jvm`; the eclipse-temurin
 * image's `BINARY_URL='…/OpenJDK17U-jdk_x64_linux_hotspot_17.0.9_9.tar.gz'` then `tar --file /tmp/openjdk.tar.gz
 * --directory "$JAVA_HOME"`), or whose file an earlier RUN or a COPY names; and a local tar archive ADD unpacks.
 */
function unpackedJdkArchives(data) {
    const out = [];
    const runs = (0, dockerfile_stages_1.heldCommands)(data).filter((c) => c.instruction === 'RUN');
    const texts = runs.map((run) => knownVariables(run.joined, run.variables ?? {}));
    for (const [i, run] of runs.entries()) {
        const named = jdkArchivesIn(texts[i]);
        // `cd /opt/oraclejdk && curl -L …/jdk-17_linux-x64_bin.tar.gz | tar zx --strip-components=1`: tar's directory.
        let cwd;
        for (const words of (0, shell_commands_1.simpleCommands)(texts[i]).flatMap(pipeline)) {
            const tar = words[0] === 'sudo' ? words.slice(1) : words;
            if (tar[0] === 'cd') {
                cwd = absolute(tar[1], cwd);
                continue;
            }
            const dir = tar[0] === 'tar' ? extractDirectory(tar, cwd) : undefined;
            if (dir === undefined)
                continue;
            const file = tarFile(tar);
            const fromFile = file === undefined ? [] : jdkArchivesIn(path.posix.basename(file));
            // A renamed download (`wget -O /tmp/jdk.tgz …/jdk-8u202-linux-x64.tar.gz`): the RUN that fetched it names it.
            const fetched = file === undefined ? [] : texts.slice(0, i).flatMap((text) => (text.includes(file) ? jdkArchivesIn(text) : []));
            // `tar xf apache-tomcat-9.0.24.tar.gz -C /opt/tomcat` in a RUN that also fetches a JDK: another product's archive.
            const otherProduct = file !== undefined && !fromFile.length && PRODUCT_ARCHIVE.test(path.posix.basename(file));
            const found = fromFile.length ? fromFile : otherProduct ? [] : named.length ? named : fetched;
            for (const archive of found)
                out.push({ dir, ...archive, range: run.range });
        }
    }
    for (const copy of (0, dockerfile_stages_1.heldCopies)(data)) {
        const destination = copy.written[copy.written.length - 1];
        if (copy.instruction !== 'ADD' ||
            copy.from !== undefined ||
            !destination?.startsWith('/') ||
            destination.includes('$'))
            continue;
        for (const source of copy.sources)
            if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(source) && TAR.test(source))
                for (const archive of jdkArchivesIn(path.posix.basename(source)))
                    out.push({ dir: trimSlash(destination), ...archive, range: copy.range });
    }
    return out;
}
/**
 * The one JDK the archives unpacked where `home` points give (`JAVA_HOME=/usr/lib/jvm/jdk-11/` below `tar -C
 * /usr/lib/jvm`, or the directory itself after `--strip-components 1`); undefined when none, or when they disagree.
 */
function jdkUnpackedAt(archives, home) {
    const normal = trimSlash(path.posix.normalize(home));
    const at = archives.filter((a) => normal === a.dir ||
        (normal.startsWith(`${a.dir}/`) && JDK_TOP_DIRECTORY.test(normal.slice(a.dir.length + 1).split('/')[0])));
    const [first] = at;
    const same = (jdk) => jdk.vendor === first?.jdk.vendor && jdk.version === first.jdk.version && jdk.feature === first.jdk.feature;
    return first && at.every((a) => same(a.jdk)) ? first : undefined;
}
/** The JDK archives a text names, each once, by file name (`%2B` read as `+`). */
function jdkArchivesIn(text) {
    const seen = new Set();
    const out = [];
    for (const m of text.matchAll(ARCHIVE_NAME)) {
        const name = m[0].replace(/%2B/gi, '+');
        const jdk = seen.has(name) ? undefined : (0, knowledge_1.jdkFromArchive)(name);
        seen.add(name);
        if (jdk)
            out.push({ name, jdk });
    }
    return out;
}
/** The commands of a pipeline (`curl -L … | tar zx`), each as its words. */
function pipeline(words) {
    const out = [[]];
    for (const word of words)
        if (word === '|')
            out.push([]);
        else
            out[out.length - 1].push(word);
    return out.filter((c) => c.length > 0);
}
/** A directory as an absolute path (relative to `cwd`), without a trailing `/`; undefined when unknown. */
function absolute(dir, cwd) {
    if (!dir || dir.includes('$'))
        return undefined;
    if (dir.startsWith('/'))
        return trimSlash(path.posix.normalize(dir));
    return cwd === undefined ? undefined : trimSlash(path.posix.join(cwd, dir));
}
/**
 * The absolute directory a `tar` extracts into (`-x` … `-C dir`, `--directory dir`, `--directory=dir`), else the
 * directory a `cd` of the same RUN went to.
 */
function extractDirectory(words, cwd) {
    const options = words.slice(1);
    const extracts = options.some((w, i) => w === '--extract' || w === '--get' || (/^-?[A-Za-wyz]*x/.test(w) && (i === 0 || w.startsWith('-'))));
    if (!extracts)
        return undefined;
    for (const [i, word] of options.entries()) {
        const dir = word === '-C' || word === '--directory'
            ? options[i + 1]
            : word.startsWith('--directory=')
                ? word.slice('--directory='.length)
                : undefined;
        if (dir !== undefined)
            return absolute(dir, cwd);
    }
    return cwd;
}
/** The archive a `tar` reads (`-f file`, `xzf file`, `--file file`, `--file=file`); undefined when it reads stdin. */
function tarFile(words) {
    const options = words.slice(1);
    for (const [i, word] of options.entries()) {
        if (word === '--file')
            return options[i + 1];
        if (word.startsWith('--file='))
            return word.slice('--file='.length);
        if (/^-?[A-Za-z]*f$/.test(word) && !word.startsWith('--') && (i === 0 || word.startsWith('-')))
            return options[i + 1];
    }
    return undefined;
}
/** `$NAME` / `${NAME}` replaced where the stage gives the variable a value; others (a shell's own) kept as written. */
function knownVariables(text, variables) {
    return text.replace(/\$\{([A-Za-z_]\w*)\}|\$([A-Za-z_]\w*)/g, (whole, braced, bare) => {
        const value = variables[(braced ?? bare)];
        return value ?? whole;
    });
}
/** A directory without its trailing `/` (the root stays `/`). */
function trimSlash(dir) {
    return dir.length > 1 ? dir.replace(/\/+$/, '') : dir;
}
