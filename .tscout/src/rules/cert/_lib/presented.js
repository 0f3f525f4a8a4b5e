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
exports.presentedCertificates = presentedCertificates;
exports.certificateReference = certificateReference;
exports.certificateMount = certificateMount;
exports.relatedCertificate = relatedCertificate;
exports.resolvedLinks = resolvedLinks;
exports.javaRuntimeOf = javaRuntimeOf;
exports.displayPath = displayPath;
const path = __importStar(require("node:path"));
const shared_1 = require("./shared");
const phrase_1 = require("../../../core/phrase");
/** The certificates of the PEM file a component's TLS settings name, when the tree holds it (leaf first). */
function presentedCertificates(deployment, component) {
    return deployment.derived.presented.get(component.id)?.[0]?.certificates ?? [];
}
/** Where the server's configuration names its certificate (falls back to the component). */
function certificateReference(component) {
    return component.tls?.certificate?.reference ?? component.location;
}
/** Where Docker Compose (or a Dockerfile COPY) puts the certificate file at the path the configuration names, when it does. */
function certificateMount(component) {
    const at = component.tls?.certificate?.mountedAt;
    const copied = component.tls?.certificate?.copiedAt;
    return at
        ? [{ ...at, message: (0, phrase_1.said) `Docker Compose mounts the certificate file at the path ${component.name} names` }]
        : copied
            ? [{ ...copied, message: (0, phrase_1.said) `the Dockerfile copies the certificate file to the path ${component.name} names` }]
            : [];
}
function relatedCertificate(c, message) {
    return { ...(0, shared_1.certLocation)(c), message };
}
function resolvedLinks(deployment) {
    return deployment.derived.links;
}
/** The JDK a component validates peer certificates with, when it is a Java endpoint. */
function javaRuntimeOf(deployment, component) {
    if (component.tls && component.tls.implementation !== 'jsse' && component.tls.implementation !== 'ibmjsse2')
        return undefined;
    if (!component.tls && !component.runtime)
        return undefined;
    return component.runtime ?? deployment.runtime;
}
function displayPath(root, file) {
    return path.relative(root, file).split(path.sep).join('/') || path.basename(file);
}
