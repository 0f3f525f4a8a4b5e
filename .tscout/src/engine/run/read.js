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
exports.MAX_FILE_BYTES = void 0;
exports.readDocuments = readDocuments;
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const text_1 = require("../../parse/text");
const registry_1 = require("../../parse/registry");
const unlock_1 = require("../../parse/keystore/unlock");
const jdk_1 = require("../../parse/jdk");
const embedded_1 = require("../../parse/embedded");
const template_1 = require("../../parse/template");
const build_files_1 = require("../../core/build-files");
const safe_fs_1 = require("../../core/safe-fs");
const template_terraform_1 = require("../../parse/template-terraform");
const numbered_pieces_1 = require("./numbered-pieces");
const script_substitutions_1 = require("../../parse/script-substitutions");
const runmqsc_input_1 = require("../../parse/runmqsc-input");
const helm_chart_1 = require("./helm-chart");
const template_names_1 = require("./template-names");
const compose_env_1 = require("./compose-env");
const parse_cache_1 = require("./parse-cache");
const parse_template_1 = require("./parse-template");
const spring_1 = require("../../parse/spring");
const env_file_1 = require("../../parse/env-file");
const spring_config_locations_1 = require("../../model/spring-config-locations");
/** Files above this size are not parsed (configuration files are small; this bounds memory). */
exports.MAX_FILE_BYTES = 8 * 1024 * 1024;
/** How much of a file classification may look at. */
const HEAD_CHARS = 64 * 1024;
/**
 * Whether a file's bytes can give nothing: no format reads its name (src/parse/registry.ts neverConfiguration), no
 * `#!` (a script), no `java.security.properties` (a command line in a source or a README names an override file to
 * read). Not decoded nor scanned: eugenp/tutorials@2430217 holds 25,000 Java sources among 35,000 files.
 */
function nothingToRead(file, bytes) {
    return ((0, registry_1.neverConfiguration)(file) && !(bytes[0] === 0x23 && bytes[1] === 0x21) && !bytes.includes('java.security.properties'));
}
/** Whether the first HEAD_CHARS bytes of a file classify it (for files too large to read whole). */
function classifiedByHead(file) {
    let fd;
    try {
        fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
        const head = Buffer.alloc(HEAD_CHARS);
        const read = fs.readSync(fd, head, 0, HEAD_CHARS, 0);
        const decoded = (0, text_1.decodeFile)(head.subarray(0, read));
        return decoded.ok && (0, registry_1.classifyFile)(file, decoded.text) !== undefined;
    }
    catch {
        return false;
    }
    finally {
        if (fd !== undefined)
            fs.closeSync(fd);
    }
}
/**
 * One open, fstat and read per file (a statSync before readFileSync looked the path up twice). O_NONBLOCK:
 * a FIFO that replaced a file since the walk is opened without blocking, then refused by its fstat.
 */
function openRegularFile(file) {
    const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    try {
        const stat = fs.fstatSync(fd);
        if (!stat.isFile())
            return { notRegular: true };
        if (stat.size > exports.MAX_FILE_BYTES)
            return { tooLarge: stat.size };
        const bytes = Buffer.allocUnsafe(stat.size);
        let length = 0;
        for (let read = -1; length < bytes.length && read !== 0; length += read)
            read = fs.readSync(fd, bytes, length, bytes.length - length, null);
        // Like readFileSync: up to the size fstat gave (a file that shrank since is read to its end).
        return { bytes: length < bytes.length ? bytes.subarray(0, length) : bytes };
    }
    finally {
        fs.closeSync(fd);
    }
}
/** A build file's text (the first 256 KB), or undefined when it cannot be read. */
function readBuildFile(file) {
    const read = (0, safe_fs_1.readRegularFile)(file, 256 * 1024);
    return read.ok ? read.bytes.toString('utf8') : undefined;
}
/**
 * Reads, decodes, classifies and parses files. Never throws: every problem is a finding. With a
 * `ParseCache`, a content already parsed in an earlier deployment of the run is not parsed again.
 */
function readDocuments(files, cache, root) {
    cache?.nextDeployment();
    const documents = [];
    const findings = [];
    const fileFinding = (file, code, severity, message) => {
        findings.push({
            ruleId: `parse/${code}`,
            severity,
            message,
            location: { file },
            fingerprint: `parse/${code}|${file}`,
        });
    };
    const notUnderstood = (file, why, range) => {
        findings.push({
            ruleId: 'parse/not-understood',
            severity: 'info',
            message: `Not understood: ${why}; it is not checked`,
            location: { file, range },
            fingerprint: `parse/not-understood|${path.basename(file)}|${why}`,
        });
    };
    // Files named by `-Djava.security.properties=<file>` are java.security files whatever their name.
    const securityFiles = new Set();
    const charts = new helm_chart_1.HelmCharts(findings);
    const composeEnv = new compose_env_1.ComposeEnvFiles();
    const notReadAsSecurity = [];
    const gradleOnly = (0, build_files_1.inGradleOnlyProject)(files.filter(build_files_1.isBuildFile), readBuildFile);
    for (const file of files) {
        // Whether the name alone says it is a configuration file: only asked when the file cannot be read.
        const byName = () => (0, registry_1.classifyFile)(file, '');
        let bytes;
        try {
            const opened = openRegularFile(file);
            if ('notRegular' in opened) {
                // FIFOs, sockets, devices: never read (reading a FIFO would block); named like a config, said so.
                if (byName())
                    fileFinding(file, 'not-a-regular-file', 'info', 'This is not a regular file: it is never opened');
                continue;
            }
            if ('tooLarge' in opened) {
                // Named like a config, or whose first 64 KB look like one: said, never silently dropped.
                if (byName() || classifiedByHead(file))
                    fileFinding(file, 'file-too-large', 'warning', `File is ${Math.round(opened.tooLarge / 1048576)} MB, over the ${exports.MAX_FILE_BYTES / 1048576} MB limit for a configuration file: not checked`);
                continue;
            }
            bytes = opened.bytes;
        }
        catch (error) {
            const code = error.code ?? 'EIO';
            fileFinding(file, 'unreadable-file', byName() ? 'error' : 'warning', `Cannot read file (${code}): it is not checked`);
            continue;
        }
        // Key stores are binary: read from their bytes, before any text decoding.
        const binary = (0, registry_1.classifyBinary)(file, bytes);
        if (binary) {
            try {
                const source = { path: file, text: '', hadBom: false, bytes };
                documents.push(cache
                    ? cache.parse(binary.handler, binary.kind, source, (0, parse_cache_1.contentHash)(bytes))
                    : binary.handler.parse(source, binary.kind));
            }
            catch (error) {
                fileFinding(file, 'parser-crash', 'error', `The ${binary.handler.id} parser failed on this file (${error.message}); please report it`);
            }
            continue;
        }
        if (nothingToRead(file, bytes)) {
            notReadAsSecurity.push(file);
            continue;
        }
        const decoded = (0, text_1.decodeFile)(bytes);
        if (!decoded.ok) {
            if (byName())
                fileFinding(file, decoded.reason === 'binary' ? 'binary-file' : 'invalid-encoding', 'error', `${decoded.message}; lint-deploy cannot check it`);
            continue;
        }
        // A template is classified by the name it renders to (`nginx.conf.j2` is nginx.conf) and its text
        // with the template syntax set aside (src/parse/template.ts).
        const inner = (0, template_1.innerTemplateName)(file);
        const template = (0, template_1.scanTemplate)(decoded.text, inner !== undefined, (0, template_1.mavenFiltered)(inner ?? file) && !gradleOnly(file), (0, template_terraform_1.isTerraformTemplateName)(file), (0, template_names_1.rendersYaml)(inner ?? file));
        // In a Helm chart, plain `{{ .Values.x }}` get the chart's defaults (positions mapped back to the template).
        const helm = template && charts.render(file, decoded.text, template);
        const text = helm?.masked.text ?? template?.masked ?? decoded.text;
        const asNamed = (0, registry_1.classifyFile)(inner ?? file, text.slice(0, HEAD_CHARS));
        // `.env.example` documents the variables of `.env` and nothing runs with it (src/parse/env-file.ts): its name is
        // no template of `.env` whose sample values would be the environment's (SuperSon7/doktori-cloud@8e031b9).
        const classified = asNamed?.kind === 'env-file' && inner !== undefined && (0, env_file_1.isEnvFileExample)(file) ? undefined : asNamed;
        const source = { path: file, text: decoded.text, hadBom: decoded.hadBom };
        if (decoded.text.includes('java.security.properties'))
            for (const m of decoded.text.matchAll(jdk_1.SECURITY_PROPERTIES_OPTION))
                securityFiles.add((0, jdk_1.securityFileName)(m[2]));
        if (classified?.kind !== 'java.security')
            notReadAsSecurity.push(file);
        // A Compose file gets the values of the `.env` beside it (src/parse/compose-env.ts; positions mapped back).
        const compose = !template && classified?.kind === 'compose' ? composeEnv.render(file, decoded.text) : undefined;
        // Named like a file lint-deploy reads (also as a template of one) but its content is not: say so. Not for a
        // script (`#!`): it is named for what it does (a buildpack's bin/release), not for a file it should be.
        const named = classified || decoded.text.startsWith('#!') ? undefined : (0, registry_1.classifyFile)(inner ?? file, '');
        if (named)
            notUnderstood(file, `its name says ${named.kind}${inner ? ' (a template)' : ''} but its content does not look like one`);
        try {
            if (classified)
                documents.push(template
                    ? (0, parse_template_1.parseTemplate)(classified, source, template, (0, template_names_1.isFragmentName)(inner ?? file), helm ? undefined : cache, helm)
                    : compose
                        ? (0, parse_template_1.parseTemplate)(classified, source, compose.template, false, undefined, { masked: compose.rendered })
                        : (0, parse_template_1.parseWith)(classified, source, cache, bytes));
            // What a script replaces in configuration files when it runs (`sed s|REPLACE|…|`): placeholders, not values.
            const substituted = (0, script_substitutions_1.scriptSubstitutions)(source);
            if (substituted)
                documents.push(substituted);
            // MQSC files the script feeds runmqsc (`runmqsc QM1 < dev.mqsc`): the model ties them to their queue manager.
            const fed = (0, runmqsc_input_1.runmqscInputs)(source);
            if (fed)
                documents.push(fed);
            // Configuration embedded in this file (ConfigMap keys, heredocs to runmqsc), each a document of its own.
            const embedded = (0, embedded_1.parseEmbedded)(source, (0, template_names_1.helmManifestName)(file) ?? inner ?? file, text, classified?.kind);
            for (const doc of embedded.documents) {
                helm?.masked.remap(doc);
                documents.push(template ? { ...doc, problems: (0, parse_template_1.problemsOfEachRendering)(doc.problems, template), template } : doc);
            }
            for (const region of embedded.notUnderstood) {
                if (helm)
                    region.range = {
                        start: helm.masked.toSource(region.range.start, 'start'),
                        end: helm.masked.toSource(region.range.end, 'end'),
                    };
                notUnderstood(file, `${region.container} is named like a configuration file but its content is not one lint-deploy reads`, region.range);
            }
        }
        catch (error) {
            // A parser bug must not lose the other files' findings.
            fileFinding(file, 'parser-crash', 'error', `The ${classified?.handler.id ?? 'embedded configuration'} parser failed on this file (${error.message}); please report it`);
        }
    }
    for (const file of notReadAsSecurity) {
        if (securityFiles.has((0, jdk_1.securityFileName)(file)))
            documents.push(...readDocumentsAs(file, jdk_1.javaSecurityFormat, jdk_1.SECURITY_OVERRIDE_KIND));
    }
    // The files a Spring Cloud Config server serves (`config-repo/orders-service.yml`), named after the app they configure.
    for (const file of (0, spring_config_locations_1.servedFilesToRead)(documents, files, root ?? commonDirectory(files)))
        documents.push(...readDocumentsAs(file, spring_1.springFormat, /\.properties$/.test(file) ? 'spring.properties' : 'spring.yaml'));
    // The `.env` files Compose files took values from: documents too (their secrets are masked and judged there).
    const read = new Set(documents.map((d) => d.file.path));
    documents.push(...composeEnv.documents(read));
    // PKCS#12 stores whose certificates need a password: tried with the passwords the configuration gives.
    return { documents: (0, numbered_pieces_1.markNumberedPieces)((0, unlock_1.unlockStores)(documents, smallTreeFile(new Set(files))), files), findings };
}
/** Largest file read as a password by itself (a Confluent credentials file holds one line). */
const MAX_PASSWORD_FILE_BYTES = 4096;
/** A reader of the deployment's own small files (any other path, or a larger file, reads as undefined). */
function smallTreeFile(listed) {
    return (file) => {
        if (!listed.has(file))
            return undefined;
        try {
            const opened = openRegularFile(file);
            return 'bytes' in opened && opened.bytes.length <= MAX_PASSWORD_FILE_BYTES
                ? opened.bytes.toString('utf8')
                : undefined;
        }
        catch {
            return undefined;
        }
    };
}
/** The directory that holds every file (a caller that names no deployment root). */
function commonDirectory(files) {
    let common = path.dirname(files[0] ?? '.');
    for (const file of files)
        while (!file.startsWith(common + path.sep) && path.dirname(common) !== common)
            common = path.dirname(common);
    return common;
}
/** A file read again as the given kind (a java.security override under another name). */
function readDocumentsAs(file, handler, kind) {
    const decoded = (0, text_1.decodeFile)(fs.readFileSync(file));
    if (!decoded.ok)
        return [];
    const source = { path: file, text: decoded.text, hadBom: decoded.hadBom };
    const template = (0, template_1.scanTemplate)(decoded.text, (0, template_1.innerTemplateName)(file) !== undefined, false, (0, template_terraform_1.isTerraformTemplateName)(file), (0, template_names_1.rendersYaml)((0, template_1.innerTemplateName)(file) ?? file));
    return [template ? (0, parse_template_1.parseTemplate)({ handler, kind }, source, template, false) : handler.parse(source, kind)];
}
