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
exports.libertyTlsOf = libertyTlsOf;
const path = __importStar(require("node:path"));
const liberty_features_1 = require("../knowledge/liberty-features");
const xml_1 = require("../parse/xml");
const liberty_config_1 = require("./liberty-config");
/** `ARG`/`ENV` settings by which the Liberty container images' build scripts add features in configDropins. */
const IMAGE_FEATURE_SETTING = /(?:^|\s)(TLS|SSL|SEC_SSO_PROVIDERS)(?:=("[^"]*"|'[^']*'|\S*)|\s+(\S+)|\s*$)/;
/**
 * What a Dockerfile of the tree may add to a Liberty server's features: the Open Liberty and WebSphere Liberty
 * images' `features.sh` copies tls.xml (transportSecurity-1.0) into configDropins/overrides when `TLS` or `SSL` is
 * true, and SSO snippets for `SEC_SSO_PROVIDERS` (OpenLiberty/ci.docker releases/latest/kernel-slim/helpers/build/
 * features.sh); a `COPY`/`ADD` into configDropins brings a file the tree holds elsewhere, or not at all.
 */
function dockerfileAdditions(doc) {
    const images = doc.data.stages;
    // A Dockerfile whose every stage is a known image other than Liberty's builds something else.
    if (images.length > 0 && images.every((s) => s.image !== undefined && !/liberty/i.test(s.image)))
        return [];
    const out = [];
    const name = path.basename(doc.file.path);
    for (const line of doc.file.text.replace(/\\\r?\n/g, ' ').split(/\r?\n/)) {
        const instruction = /^\s*(ARG|ENV|COPY|ADD)\s+(.*)$/i.exec(line);
        if (!instruction)
            continue;
        const verb = instruction[1] ?? '';
        const rest = instruction[2] ?? '';
        if (/^(COPY|ADD)$/i.test(verb)) {
            if (/configDropins/i.test(rest.trim().split(/\s+/).at(-1) ?? ''))
                out.push(`${name} copies a file into configDropins`);
            continue;
        }
        for (const part of rest.split(/\s+(?=[A-Za-z_]\w*=)/)) {
            const m = IMAGE_FEATURE_SETTING.exec(` ${part}`);
            if (!m)
                continue;
            const value = (m[2] ?? m[3] ?? '').replace(/^["']|["']$/g, '').toLowerCase();
            if (m[1] !== 'SEC_SSO_PROVIDERS' && value === 'false')
                continue;
            out.push(`${name} sets ${m[1]}${value ? `=${value}` : ' at build time'}`);
        }
    }
    return out;
}
function libertyTlsFeatures(config, dockerfiles) {
    const features = config.data.features.map((f) => f.trim()).filter(Boolean);
    const enabling = features.find((f) => (0, liberty_features_1.libertyFeatureSsl)(f).ssl === 'enables');
    if (enabling)
        return { state: 'enabled', feature: enabling, unsettled: [] };
    const unsettled = [];
    if ((0, xml_1.elementsNamed)(config.data.xml, 'featureManager').length === 0)
        unsettled.push('no <featureManager>: the file may be a fragment another configuration includes');
    for (const f of features)
        if (/\$\{/.test(f))
            unsettled.push(`feature ${f} is named by a variable`);
        else if ((0, liberty_features_1.libertyFeatureSsl)(f).ssl === 'unknown')
            unsettled.push(`feature ${f} is not in the knowledge base`);
    for (const include of config.unresolvedIncludes)
        unsettled.push(`include ${include.written} is not resolved`);
    for (const include of config.missingIncludes)
        unsettled.push(`include ${include.written} is not in the tree`);
    for (const doc of dockerfiles)
        unsettled.push(...dockerfileAdditions(doc));
    return { state: unsettled.length > 0 ? 'unknown' : 'absent', unsettled };
}
/** Each Liberty server of the deployment (by its root server.xml) with whether it serves TLS; computed once per model build. */
function libertyTlsOf(ctx) {
    return ctx.once('libertyTls', () => {
        const dockerfiles = ctx.deployment.documents.filter((d) => d.kind === 'dockerfile');
        return new Map((0, liberty_config_1.libertyServersOf)(ctx).map((c) => [c.root.file.path, libertyTlsFeatures(c, dockerfiles)]));
    });
}
