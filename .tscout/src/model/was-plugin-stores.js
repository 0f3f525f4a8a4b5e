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
exports.wasPluginTrust = wasPluginTrust;
/**
 * The WebSphere plug-in's stores: the GSKit key database its https transport's `keyring` property names is both the
 * signers it trusts and the certificate it would present (certLabel). lint-deploy does not read CMS key databases, so
 * a keyring in the tree is still unknown, said as what it is.
 */
const path = __importStar(require("node:path"));
const store_files_1 = require("./store-files");
function wasPluginTrust(component, stores) {
    const { keyring, certLabel, transport } = component.attributes;
    if (!keyring || store_files_1.PLACEHOLDER.test(keyring.value))
        return {
            defaultTrust: 'none',
            unknown: {
                why: keyring
                    ? `${component.name}'s keyring ${keyring.value} is a placeholder the tree does not resolve`
                    : `${component.name} names no keyring (the key database of the signers it trusts)`,
                at: keyring?.location ?? transport,
            },
        };
    const from = { kind: 'file', location: keyring.location };
    const store = {
        ...(0, store_files_1.storeRef)({ value: keyring.value, from }, [path.dirname(transport.file)], stores, { value: 'CMS', from }),
        setting: keyring.name,
    };
    return {
        defaultTrust: 'none',
        keyStore: store,
        trustStore: store,
        ...(certLabel
            ? { keyAlias: { value: certLabel.value, from: { kind: 'file', location: certLabel.location } } }
            : {}),
    };
}
