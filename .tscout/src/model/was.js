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
exports.wasContributor = void 0;
exports.cipherMappings = cipherMappings;
exports.jmsAlias = jmsAlias;
exports.cfComponent = cfComponent;
const path = __importStar(require("node:path"));
const mq_certs_1 = require("./mq-certs");
const liberty_config_1 = require("./liberty-config");
const liberty_variable_values_1 = require("../parse/liberty-variable-values");
const was_ciphers_1 = require("./was-ciphers");
const knowledge_1 = require("../knowledge");
function mv(file, l) {
    return l ? { value: l.value, location: { file, range: l.range }, templated: /\$\{|\{\{/.test(l.value) } : undefined;
}
function cipherMappings(runtime) {
    const prop = runtime?.systemProperties['com.ibm.mq.cfg.useIBMCipherMappings'];
    if (prop)
        return { value: prop.value.trim().toLowerCase() !== 'false', from: prop.from };
    return {
        value: true,
        from: { kind: 'default', origin: 'IBM MQ classes for JMS: com.ibm.mq.cfg.useIBMCipherMappings defaults to true' },
    };
}
/** JMS connection factories of WebSphere traditional (resources.xml) and Liberty (server.xml) that connect to IBM MQ in client mode. */
exports.wasContributor = {
    id: 'was',
    reads: ['was.', 'liberty.server-xml'],
    contribute(ctx) {
        const root = ctx.deployment.root;
        const certs = ctx.certificates();
        const repertoires = ctx.documentsOf('was.security-xml').flatMap((d) => d.data.repertoires.map((r) => ({ doc: d, r })));
        const sslOf = (file, r, runtime) => withLevelCiphers({
            alias: mv(file, r.alias),
            enabledCiphers: mv(file, r.setting.enabledCiphers),
            securityLevel: mv(file, r.setting.securityLevel),
            sslProtocol: mv(file, r.setting.sslProtocol),
            jsseProvider: mv(file, r.setting.jsseProvider),
        }, runtime, ctx.memo);
        for (const doc of ctx.documentsOf('was.resources-xml')) {
            for (const cf of doc.data.connectionFactories) {
                const a = cf.attrs;
                const file = doc.file.path;
                const sslType = (a.sslType?.value ?? '').toUpperCase();
                const wanted = sslType === 'SPECIFIC' ? a.sslConfiguration?.value : undefined;
                const rep = (wanted && repertoires.find((x) => x.r.alias.value === wanted)) ||
                    (sslType !== 'NONE' && !wanted
                        ? (repertoires.find((x) => x.r.alias.value === 'NodeDefaultSSLSettings') ??
                            repertoires.find((x) => x.r.alias.value === 'CellDefaultSSLSettings') ??
                            (repertoires.length === 1 ? repertoires[0] : undefined))
                        : undefined);
                const cipherProp = cf.properties['SSLCIPHERSUITE'] ?? cf.properties['SCPHS'];
                const runtime = ctx.runtimeFor(file, { product: 'was-traditional' });
                const attrs = {
                    product: 'websphere',
                    factoryName: a.jndiName?.value ?? a.name?.value ?? 'connection factory',
                    channelName: a.channel?.value?.toUpperCase(),
                    channel: mv(file, a.channel),
                    queueManager: mv(file, a.queueManager),
                    host: mv(file, a.host ?? a.connectionNameList),
                    sslCipherSuite: mv(file, a.sslCipherSuite ?? cipherProp),
                    sslPeerName: mv(file, a.sslPeerName ?? cf.properties['SSLPEERNAME']),
                    sslConfig: rep ? sslOf(rep.doc.file.path, rep.r, runtime) : undefined,
                    useIBMCipherMappings: cipherMappings(runtime),
                    certificate: (0, mq_certs_1.ownCertificate)(certs, path.dirname(rep?.doc.file.path ?? file)),
                };
                ctx.addComponent(cfComponent(ctx.hostOf(file), doc, { file, range: cf.element.range }, attrs, runtime, root, rep?.doc));
            }
        }
        // One configuration per Liberty server: includes merged and `${…}` resolved from its variables.
        for (const server of (0, liberty_config_1.libertyServersOf)(ctx)) {
            const d = server.data;
            const sslId = d.sslDefault?.outboundSSLRef?.value ?? d.sslDefault?.sslRef?.value ?? 'defaultSSLConfig';
            const ssl = d.ssl.find((s) => s.attrs.id?.value === sslId);
            const sslFile = ssl ? server.fileOf(ssl.element) : server.root.file.path;
            for (const cf of d.connectionFactories) {
                const file = server.fileOf(cf.element);
                const doc = server.documents.find((x) => x.file.path === file) ?? server.root;
                const p = cf.properties;
                const runtime = ctx.runtimeFor(file);
                const value = (f, l) => libertyMqValue(f, l, server);
                const attrs = {
                    product: 'liberty',
                    factoryName: cf.jndiName?.value ?? cf.id?.value ?? cf.element.localName,
                    channel: value(file, p.channel),
                    queueManager: value(file, p.queueManager),
                    host: value(file, p.hostName ?? p.connectionNameList),
                    sslCipherSuite: value(file, p.sslCipherSuite),
                    sslPeerName: value(file, p.sslPeerName),
                    sslConfig: ssl && ssl.attrs.id
                        ? withLevelCiphers({
                            alias: mv(sslFile, ssl.attrs.id),
                            enabledCiphers: value(server.fileOfAttribute(ssl.attrs.enabledCiphers) ?? sslFile, ssl.attrs.enabledCiphers),
                            securityLevel: value(server.fileOfAttribute(ssl.attrs.securityLevel) ?? sslFile, ssl.attrs.securityLevel),
                            sslProtocol: value(server.fileOfAttribute(ssl.attrs.sslProtocol) ?? sslFile, ssl.attrs.sslProtocol),
                        }, runtime, ctx.memo)
                        : undefined,
                    useIBMCipherMappings: cipherMappings(runtime),
                    certificate: (0, mq_certs_1.ownCertificate)(certs, path.dirname(file)),
                };
                attrs.channelName = attrs.channel && !attrs.channel.templated ? attrs.channel.value.toUpperCase() : undefined;
                ctx.addComponent(cfComponent(ctx.hostOf(file), doc, { file, range: cf.element.range }, attrs, runtime, root, ssl && sslFile !== file ? server.documents.find((x) => x.file.path === sslFile) : undefined));
            }
        }
    },
};
/**
 * A Liberty attribute with its `${…}` parts resolved from the server's variables; a part nothing sets
 * leaves the value templated (unknown: never judged by its text). `via` names the variables used.
 */
function libertyMqValue(file, l, server) {
    const written = mv(file, l);
    if (!written || !/\$\{/.test(written.value))
        return written;
    const resolved = (0, liberty_variable_values_1.resolveLibertyValue)(server.variables, written.value);
    const via = resolved.used.flatMap(({ name, variable }) => variable.location ? [{ ...variable.location, message: `\${${name}} = '${variable.value}' set here` }] : []);
    return resolved.value === undefined
        ? { ...written, templated: true, via }
        : { value: resolved.value, location: written.location, templated: /\{\{/.test(resolved.value), via };
}
/** Adds the securityLevel expansion when the SSL configuration names no ciphers (enabledCiphers overrides securityLevel). */
function withLevelCiphers(config, runtime, memo) {
    if (config.enabledCiphers?.value.trim() || config.securityLevel?.templated)
        return config;
    const levelCiphers = (0, was_ciphers_1.securityLevelCiphers)(config.securityLevel, config.alias.location, runtime, 'client', memo);
    return levelCiphers ? { ...config, levelCiphers } : config;
}
/**
 * An alias SSLCIPHERSUITE (`*ANY`, `*TLS12ORHIGHER`…): the MQ classes for JMS enable the alias's protocols themselves
 * (`*ANY`: TLS 1.2 or higher), so the JRE's default protocols do not apply. `jmsAlias(component)` tells the endpoint.
 */
function aliasProtocols(attrs) {
    const suite = attrs.sslCipherSuite;
    const alias = suite && !suite.templated ? (0, knowledge_1.jmsAliasProtocols)(suite.value) : undefined;
    if (!suite || !alias)
        return undefined;
    return {
        value: alias.protocols,
        from: {
            kind: 'file',
            location: suite.location,
            note: `MQ classes for JMS: SSLCIPHERSUITE ${suite.value.trim()} enables ${alias.protocols.join(', ')} (${alias.source.split(' ')[0]})`,
        },
    };
}
/** The alias CipherSuite whose protocols a JMS connection factory's tls.protocols holds (see aliasProtocols). */
function jmsAlias(component) {
    const attrs = component.attributes;
    if (attrs.sslConfig?.sslProtocol && !attrs.sslConfig.sslProtocol.templated)
        return undefined;
    const suite = attrs.sslCipherSuite;
    return suite && !suite.templated ? (0, knowledge_1.jmsAliasProtocols)(suite.value)?.alias : undefined;
}
const PRODUCT_NAMES = {
    websphere: 'WebSphere',
    liberty: 'Liberty',
    spring: 'Spring Boot',
};
function cfComponent(host, doc, location, attrs, runtime, root, sslDoc) {
    // An alias (`*ANY`, `*TLS12ORHIGHER`, or its CipherSpec name `ANY_TLS12_OR_HIGHER`) names no suite: see aliasProtocols.
    const specific = attrs.sslCipherSuite &&
        attrs.sslCipherSuite.value.trim() &&
        !attrs.sslCipherSuite.value.startsWith('*') &&
        !(0, knowledge_1.jmsAliasProtocols)(attrs.sslCipherSuite.value) &&
        !attrs.sslCipherSuite.templated
        ? attrs.sslCipherSuite
        : undefined;
    const enabled = attrs.sslConfig?.enabledCiphers &&
        attrs.sslConfig.enabledCiphers.value.trim() &&
        !attrs.sslConfig.enabledCiphers.templated
        ? attrs.sslConfig.enabledCiphers
        : undefined;
    // A value nothing in the tree resolves decides what the client offers: its links' outcome is unknown.
    const templated = [attrs.sslCipherSuite, attrs.sslConfig?.enabledCiphers, attrs.sslConfig?.sslProtocol].filter((v) => !!v?.templated);
    const unknownValues = templated.map((v) => `'${v.value}' (${path.relative(root, v.location.file).split(path.sep).join('/')}:${(v.location.range?.start.line ?? 0) + 1})`);
    const cipherSuites = specific
        ? {
            value: [specific.value.trim()],
            from: { kind: 'file', location: specific.location, ...(specific.via?.length ? { via: specific.via } : {}) },
        }
        : !attrs.sslCipherSuite && enabled
            ? {
                value: enabled.value.split(/[\s,]+/).filter(Boolean),
                from: { kind: 'file', location: enabled.location, ...(enabled.via?.length ? { via: enabled.via } : {}) },
            }
            : !attrs.sslCipherSuite
                ? attrs.sslConfig?.levelCiphers?.suites
                : undefined;
    const tlsOn = Boolean(attrs.sslCipherSuite?.value.trim());
    const rel = path.relative(root, doc.file.path).split(path.sep).join('/');
    return {
        id: `jms.connection-factory:${rel}#${attrs.factoryName}`,
        type: 'jms.connection-factory',
        name: `JMS connection factory ${attrs.factoryName} (${PRODUCT_NAMES[attrs.product]})`,
        role: 'client',
        location,
        host,
        runtime,
        documents: sslDoc ? [doc, sslDoc] : [doc],
        attributes: attrs,
        tls: {
            enabled: attrs.sslCipherSuite
                ? { value: tlsOn, from: { kind: 'file', location: attrs.sslCipherSuite.location } }
                : undefined,
            cipherSuites,
            protocols: attrs.sslConfig?.sslProtocol && !attrs.sslConfig.sslProtocol.templated
                ? {
                    value: [attrs.sslConfig.sslProtocol.value],
                    from: { kind: 'file', location: attrs.sslConfig.sslProtocol.location },
                }
                : aliasProtocols(attrs),
            ...(unknownValues.length
                ? {
                    unknownValues,
                    unknownAt: templated.map((v) => ({
                        ...v.location,
                        message: `'${v.value}' is not resolved by anything in the tree`,
                    })),
                }
                : {}),
            certificate: (0, mq_certs_1.certificateRef)(attrs.certificate),
            // WebSphere traditional runs its own IBM SDK, whose provider is IBMJSSE2.
            implementation: attrs.product === 'websphere' ||
                (attrs.sslConfig?.jsseProvider?.value ?? '').toUpperCase() === 'IBMJSSE2' ||
                runtime?.vendor.value === 'ibm'
                ? 'ibmjsse2'
                : 'jsse',
        },
    };
}
