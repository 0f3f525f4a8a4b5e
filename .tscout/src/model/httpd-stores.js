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
exports.httpdServerTrust = httpdServerTrust;
exports.httpdProxyTrust = httpdProxyTrust;
/** Key and trust stores of Apache httpd ends: a virtual host (SSLCertificateFile, SSLCACertificateFile) and its proxy. */
const path = __importStar(require("node:path"));
const store_files_1 = require("./store-files");
const nginx_stores_1 = require("./nginx-stores");
const haproxy_stores_1 = require("./haproxy-stores");
/** PEM files an httpd end names: relative paths are relative to the ServerRoot (measured), else to the file. */
function pemOf(component, stores, mounts) {
    const file = component.location.file;
    const root = component.attributes.serverRoot;
    return (0, nginx_stores_1.pemThroughMounts)(file, stores, mounts, 'httpd', root ? [root, path.dirname(file)] : [path.dirname(file)]);
}
/**
 * httpd (OpenSSL) as a server: its first SSLCertificateFile presents the chain in file order (with
 * SSLCertificateChainFile's certificates); SSLCACertificateFile holds the anchors client certificates are checked against.
 */
function httpdServerTrust(component, stores, mounts) {
    const pem = pemOf(component, stores, mounts);
    const trust = (0, haproxy_stores_1.opensslServerTrust)(component.tls?.certificate, component.attributes.caFile, pem);
    const chain = component.attributes.chainFile;
    if (trust.keyStore && chain && !store_files_1.PLACEHOLDER.test(chain.value))
        trust.chainStores = [pem(chain)];
    return trust;
}
/**
 * httpd as a client of an https backend: SSLProxyMachineCertificateFile is the client certificate it sends,
 * SSLProxyCACertificateFile the anchors it checks the backend against — with SSLProxyVerify require, optional or
 * optional_no_ca (default none: nothing is checked).
 */
function httpdProxyTrust(component, stores, mounts) {
    const pem = pemOf(component, stores, mounts);
    const { verify, caFile, machineCertificate, caUnknown } = component.attributes;
    // A backend always sends its certificate, so `optional` fails the proxied request on a verify error as `require`
    // does; `optional_no_ca` forgives an unknown issuer only (measured: test/interop/httpd-proxy-level.test.ts).
    const trust = {
        defaultTrust: 'none',
        verifiesPeer: { value: verify.value !== 'none', from: verify.from },
        ...(verify.value === 'optional_no_ca' ? { acceptsUnknownIssuer: true } : {}),
    };
    if (machineCertificate && !store_files_1.PLACEHOLDER.test(machineCertificate.value))
        trust.keyStore = pem(machineCertificate);
    if (caFile && !store_files_1.PLACEHOLDER.test(caFile.value))
        trust.trustStore = pem(caFile);
    // mod_ssl loads no system store: without SSLProxyCACertificateFile nothing is trusted, unless a file the tree does not
    // hold sets one.
    else if ((verify.value === 'require' || verify.value === 'optional') && caUnknown)
        trust.unknown = { why: caUnknown, at: verify.from.kind === 'file' ? verify.from.location : component.location };
    return trust;
}
