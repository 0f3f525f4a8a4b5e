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
exports.haproxyBindTrust = haproxyBindTrust;
exports.opensslServerTrust = opensslServerTrust;
exports.haproxyServerTrust = haproxyServerTrust;
/** Key and trust stores of HAProxy ends: a `bind … ssl` (crt, ca-file) and a `server … ssl` (crt, ca-file, verify). */
const path = __importStar(require("node:path"));
const store_files_1 = require("./store-files");
function pemOf(component, stores) {
    const bases = [path.dirname(component.location.file)];
    return (p) => (0, store_files_1.storeRef)({ value: p.value, from: { kind: 'file', location: p.location } }, bases, stores, {
        value: 'PEM',
        from: { kind: 'file', location: p.location },
    });
}
/**
 * HAProxy (OpenSSL) as a server: the first crt file presents its chain in file order; ca-file holds the anchors client
 * certificates are verified against; nothing else is trusted (HAProxy loads no default store for a bind).
 */
function haproxyBindTrust(component, stores) {
    return opensslServerTrust(component.tls?.certificate, component.attributes.caFile, pemOf(component, stores));
}
/**
 * An OpenSSL server's stores (HAProxy bind, httpd virtual host): its first certificate file presents its chain in file
 * order, the CA file holds the anchors client certificates are verified against, nothing else is trusted.
 */
function opensslServerTrust(certificate, anchors, pem) {
    const trust = { defaultTrust: 'none' };
    if (certificate?.file && certificate.reference && !store_files_1.PLACEHOLDER.test(certificate.file))
        trust.keyStore = pem({ value: certificate.file, location: certificate.reference });
    if (anchors && !store_files_1.PLACEHOLDER.test(anchors.value))
        trust.trustStore = pem(anchors);
    return trust;
}
/**
 * HAProxy as a client of a server line: crt is the client certificate it sends; ca-file the anchors it checks the
 * server against when verify is required (HAProxy's default), nothing when verify none.
 */
function haproxyServerTrust(component, stores) {
    const pem = pemOf(component, stores);
    const { verify, caFile, crt } = component.attributes;
    const trust = {
        defaultTrust: 'none',
        verifiesPeer: { value: verify.value === 'required', from: verify.from },
    };
    if (crt && !store_files_1.PLACEHOLDER.test(crt.value))
        trust.keyStore = pem(crt);
    if (caFile && !store_files_1.PLACEHOLDER.test(caFile.value))
        trust.trustStore = pem(caFile);
    return trust;
}
