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
exports.websphereClientKeyStore = websphereClientKeyStore;
const path = __importStar(require("node:path"));
const phrase_1 = require("../../../core/phrase");
const CLIENT_PROPS_KIND = 'was.ssl-client-props';
/**
 * Where a WebSphere client configuration (ssl.client.props, com.ibm.ssl.keyStore) names the store of a key entry's
 * certificate, when such configurations are all that name it (`by`, the places certificateUse found). Such a store
 * holds the client's own certificate, which JSSE sends only to a server that asks for one (a CertificateRequest: client
 * authentication); WebSphere's profile creation writes the setting into every profile, whether any server asks or not.
 */
function websphereClientKeyStore(deployment, c, by) {
    if (c.store?.entry !== 'private-key' || by.length === 0)
        return undefined;
    const props = deployment.documents.filter((d) => d.kind === CLIENT_PROPS_KIND);
    if (!by.every((place) => props.some((d) => d.file.path === place.file)))
        return undefined;
    const store = path.basename(c.doc.file.path);
    for (const d of props)
        for (const e of d.entries)
            if (e.key === 'com.ibm.ssl.keyStore' && e.value.split(/[\\/]/).at(-1) === store)
                return {
                    file: d.file.path,
                    range: e.valueRange,
                    message: (0, phrase_1.said) `${path.basename(d.file.path)}, a WebSphere client configuration, names ${store} as its key store here`,
                };
    return undefined;
}
