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
exports.nginxTrust = nginxTrust;
exports.nginxProxyTrust = nginxProxyTrust;
exports.pemThroughMounts = pemThroughMounts;
/** Key and trust stores of nginx ends: a TLS server (ssl_*) and a proxy to TLS upstreams (proxy_ssl_*). */
const path = __importStar(require("node:path"));
const openssl_1 = require("../knowledge/openssl");
const store_files_1 = require("./store-files");
const compose_mounts_1 = require("./compose-mounts");
/**
 * nginx (OpenSSL): the first ssl_certificate file presents its chain in file order; ssl_client_certificate
 * (else ssl_trusted_certificate) holds the anchors client certificates are verified against, to
 * ssl_verify_depth (default 1); nothing else is trusted. Relative paths are relative to the configuration directory.
 */
function nginxTrust(component, stores, mounts = []) {
    const directives = component.attributes.storeDirectives;
    if (!directives)
        return undefined;
    const pem = pemThroughMounts(component.location.file, stores, mounts);
    const trust = { defaultTrust: 'none' };
    const workloadApi = component.attributes.workloadApi;
    if (workloadApi)
        return { ...trust, ...fromWorkloadApi(workloadApi) };
    // The first ssl_certificate the server block (else the enclosing level) sets, as the nginx contributor found it.
    const certificate = component.tls?.certificate;
    if (certificate?.file && certificate.reference && !store_files_1.PLACEHOLDER.test(certificate.file))
        trust.keyStore = pem({ value: certificate.file, location: certificate.reference });
    const anchors = directives.ssl_client_certificate ?? directives.ssl_trusted_certificate;
    if (anchors && !store_files_1.PLACEHOLDER.test(anchors.value))
        trust.trustStore = pem(anchors);
    const depth = directives.ssl_verify_depth;
    trust.verifyDepth =
        depth && /^\d+$/.test(depth.value)
            ? { value: Number(depth.value), from: { kind: 'file', location: depth.location } }
            : { value: 1, from: { kind: 'default', origin: 'nginx default ssl_verify_depth 1', confidence: 'verified' } };
    return trust;
}
/**
 * nginx as a client (proxy_pass https): proxy_ssl_certificate is the client certificate it sends;
 * proxy_ssl_trusted_certificate the anchors it checks the upstream against, to proxy_ssl_verify_depth (default
 * 1), only with proxy_ssl_verify on (default off: nothing is checked).
 */
function nginxProxyTrust(component, stores, mounts = []) {
    const { storeDirectives: directives, verify } = component.attributes;
    const pem = pemThroughMounts(component.location.file, stores, mounts);
    const trust = { defaultTrust: 'none', verifiesPeer: verify };
    if (component.attributes.workloadApi)
        return { ...trust, ...fromWorkloadApi(component.attributes.workloadApi) };
    const certificate = directives.proxy_ssl_certificate;
    if (certificate && !store_files_1.PLACEHOLDER.test(certificate.value))
        trust.keyStore = pem(certificate);
    const anchors = directives.proxy_ssl_trusted_certificate;
    if (anchors && !store_files_1.PLACEHOLDER.test(anchors.value))
        trust.trustStore = pem(anchors);
    const depth = directives.proxy_ssl_verify_depth;
    trust.verifyDepth =
        depth && /^\d+$/.test(depth.value)
            ? { value: Number(depth.value), from: { kind: 'file', location: depth.location } }
            : {
                value: openssl_1.NGINX_FACTS.proxyVerifyDepthDefault.value,
                from: { kind: 'default', origin: 'nginx default proxy_ssl_verify_depth 1', confidence: 'verified' },
            };
    return trust;
}
/**
 * A PEM file an nginx directive names (relative paths from the configuration's directory), read as the container that
 * Compose mounts the configuration into reads it: the tree file a mount of that container puts at the written path, or,
 * when that mount's host path is not in the tree, a store outside it that no tree file of its name is
 * (microservices-security-in-action/samples@c3c2dcf chapter10/sample03 mounts ./keys/ca/ca_cert.pem, which its
 * gen-key.sh writes, at /etc/nginx/ca_cert.pem; other chapters' ca_cert.pem are not it). With no mount at that path,
 * the written path is resolved as before.
 */
/** PEM files a configuration names, read where the tree holds them (also through Compose mounts into `program`'s container). */
function pemThroughMounts(configFile, stores, mounts, program = 'nginx', bases = [path.dirname(configFile)]) {
    return (d) => {
        const written = { value: d.value, from: { kind: 'file', location: d.location } };
        const type = { value: 'PEM', from: { kind: 'file', location: d.location } };
        const mounted = mounts.length > 0 ? (0, compose_mounts_1.treeFileInContainer)(mounts, configFile, d.value, program) : undefined;
        if (!mounted)
            return (0, store_files_1.storeRef)(written, bases, stores, type);
        const at = { file: mounted.by.file, range: mounted.by.mount.range };
        if (stores.typeOf(mounted.file) === undefined)
            return { path: written, type, mountedFromOutside: at };
        return (0, store_files_1.storeRef)(written, bases, stores, type, undefined, mounted.file);
    };
}
/**
 * SPIFFE's nginx fork with `ssl_spiffe on` / `proxy_ssl_spiffe on`: the SVID it presents and the bundle it checks its
 * peer against come from the SPIFFE Workload API at run time, so both are stores outside the tree (unknown).
 */
function fromWorkloadApi(api) {
    const store = (what) => ({
        path: { value: `the ${what} of the SPIFFE Workload API`, from: { kind: 'file', location: api.at } },
        setting: api.directive,
        fetchedAtRunTime: true,
    });
    return { keyStore: store('X.509-SVID'), trustStore: store('trust bundle') };
}
