"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.sarif = void 0;
exports.toSarif = toSarif;
const node_url_1 = require("node:url");
const types_1 = require("./types");
const LEVEL = { error: 'error', warning: 'warning', info: 'note' };
const FINGERPRINT_KEY = 'lintDeployFingerprint/v1';
/** A relative path as a URI reference: each segment percent-encoded, `/` kept. */
function uriOf(file, cwd) {
    return (0, types_1.displayPath)(file, cwd)
        .split('/')
        .map((s) => (s === '..' || s === '.' ? s : encodeURIComponent(s)))
        .join('/');
}
function physicalLocation(location, cwd) {
    const out = { artifactLocation: { uri: uriOf(location.file, cwd), uriBaseId: '%SRCROOT%' } };
    if (location.range) {
        const at = (0, types_1.oneBased)(location);
        out.region = { startLine: at.line, startColumn: at.column, endLine: at.endLine, endColumn: at.endColumn };
    }
    return out;
}
function ruleDescriptor(id, meta) {
    const description = meta?.description ??
        (id.startsWith('parse/')
            ? 'A file lint-deploy reads could not be parsed'
            : id === 'internal-error'
                ? 'A rule crashed'
                : id);
    return {
        id,
        name: id.replace(/[^a-zA-Z0-9]+(.)?/g, (_, c) => (c ? c.toUpperCase() : '')),
        shortDescription: { text: description },
        fullDescription: {
            text: meta?.symptoms?.length ? `${description}. Run-time symptoms: ${meta.symptoms.join('; ')}` : description,
        },
        helpUri: (0, types_1.ruleDocsUrl)(id),
        help: { text: `See ${(0, types_1.ruleDocsUrl)(id)}` },
        defaultConfiguration: { level: LEVEL[meta?.severity ?? 'error'] },
        properties: { tags: [...new Set(['security', 'tls', id.split('/')[0]])] },
    };
}
function result(f, ruleIndex, context) {
    const out = {
        ruleId: f.ruleId,
        ruleIndex,
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [{ physicalLocation: physicalLocation(f.location, context.cwd) }],
    };
    if (f.related?.length) {
        out.relatedLocations = f.related.map((r, id) => ({
            id,
            physicalLocation: physicalLocation(r, context.cwd),
            message: { text: r.message },
        }));
    }
    if (f.fingerprint)
        out.partialFingerprints = { [FINGERPRINT_KEY]: f.fingerprint };
    if (f.outcome)
        out.properties = { outcome: f.outcome };
    if (f.suppressed) {
        out.suppressions = [
            {
                kind: f.suppressed.kind === 'inSource' ? 'inSource' : 'external',
                status: 'accepted',
                justification: f.suppressed.reason,
            },
        ];
    }
    return out;
}
/** SARIF 2.1.0 log for GitHub code scanning and other viewers (schemas/sarif-2.1.0.json). */
function toSarif(findings, context) {
    const metaById = new Map(context.rules.map((m) => [m.id, m]));
    const ids = [...new Set([...context.rules.map((m) => m.id), ...findings.map((f) => f.ruleId)])].sort();
    const index = new Map(ids.map((id, i) => [id, i]));
    const cwdUri = (0, node_url_1.pathToFileURL)(context.cwd).href;
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: context.toolName,
                        version: context.toolVersion,
                        semanticVersion: context.toolVersion,
                        informationUri: 'https://github.com/lint-deploy/lint-deploy',
                        rules: ids.map((id) => ruleDescriptor(id, metaById.get(id))),
                    },
                },
                originalUriBaseIds: { '%SRCROOT%': { uri: cwdUri.endsWith('/') ? cwdUri : `${cwdUri}/` } },
                columnKind: 'utf16CodeUnits',
                results: findings.map((f) => result(f, index.get(f.ruleId) ?? 0, context)),
            },
        ],
    };
}
const sarif = (findings, context) => JSON.stringify(toSarif(findings, context), null, 2) + '\n';
exports.sarif = sarif;
