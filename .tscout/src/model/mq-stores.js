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
exports.mqTrust = mqTrust;
/**
 * MQ's key repositories: a queue manager's SSLKEYR (a CMS .kdb, or a z/OS key ring) with its CERTLABL, a client's
 * MQSSLKEYR or mqclient.ini SSLKeyRepository with its certificate label. Paths only: stash files are never read.
 */
const path = __importStar(require("node:path"));
const java_shared_1 = require("./java-shared");
const store_files_1 = require("./store-files");
/** MQ: the queue manager's key repository (SSLKEYR, a CMS .kdb) holds its key (CERTLABL) and its anchors; clients use mqclient.ini's. */
function mqTrust(component, stores, clientInis, clientEnvs) {
    const attrs = component.attributes;
    const trust = {};
    // Each names the key repository by its stem: the .kdb extension is added. `resolved`: the path to look for (a
    // script's variables resolved); null when a variable is not resolved: the repository is named, its file unknown.
    const repository = (value, location, setting, resolved = value) => {
        const kdb = (v) => `${v.replace(/\.(kdb|sth|rdb|crl)$/i, '')}.kdb`;
        const written = {
            value: kdb(value),
            from: { kind: 'file', location, note: `${setting} names the key repository without its .kdb extension` },
        };
        const type = { value: 'CMS', from: { kind: 'file', location } };
        const bases = [path.dirname(location.file)];
        // z/OS: SSLKEYR names a RACF key ring (`MQW1RING`), no file (IBM MQ ALTER QMGR SSLKEYR).
        if (setting === 'SSLKEYR' && !/[\\/.]/.test(value))
            return {
                path: { value, from: { kind: 'file', location } },
                type: { value: 'KEYRING', from: { kind: 'file', location } },
                setting,
            };
        if (resolved === null)
            return { path: written, type, setting };
        return { ...(0, store_files_1.storeRef)(written, bases, stores, type, undefined, kdb(resolved)), setting };
    };
    const mqsc = attrs.qmgr?.mqsc;
    if (mqsc) {
        const sslkeyr = mqsc.data.objects.qmgr.get('SSLKEYR');
        if (sslkeyr?.value && !sslkeyr.templated) {
            const location = { file: sslkeyr.file ?? mqsc.file.path, range: sslkeyr.valueRange ?? sslkeyr.keywordRange };
            trust.keyStore = repository(sslkeyr.value, location, 'SSLKEYR');
            trust.trustStore = trust.keyStore;
        }
        const label = attrs.certlabl?.value ? attrs.certlabl : undefined;
        const qmLabel = mqsc.data.objects.qmgr.get('CERTLABL');
        if (label)
            trust.keyAlias = { value: label.value, from: { kind: 'file', location: label.location } };
        else if (qmLabel?.value)
            trust.keyAlias = (0, java_shared_1.traced)(qmLabel.value, qmLabel.file ?? mqsc.file.path, qmLabel.valueRange ?? qmLabel.keywordRange);
        return trust;
    }
    // A client channel (CCDT, CLNTCONN): MQSSLKEYR in the nearest script that sets it, else the nearest mqclient.ini's
    // SSL stanza (the environment variable takes precedence over the file).
    const dir = path.dirname(component.location.file);
    const nearest = (docs) => docs
        .filter((d) => dir.startsWith(path.dirname(d.file.path)))
        .sort((a, b) => b.file.path.length - a.file.path.length)[0];
    const script = nearest(clientEnvs.filter((d) => d.data.assignments.some((a) => a.name === 'MQSSLKEYR')));
    const variable = script?.data.assignments.filter((a) => a.name === 'MQSSLKEYR').at(-1);
    const ini = nearest(clientInis);
    const entry = ini?.entries.find((e) => /SSLKeyRepository$/i.test(e.key) && !/Password/i.test(e.key));
    if (script && variable?.value) {
        const location = { file: script.file.path, range: variable.valueRange };
        // A variable the script does not resolve leaves the repository unknown: named, never found.
        trust.keyStore = repository(variable.value, location, 'MQSSLKEYR', variable.resolved ?? null);
        trust.trustStore = trust.keyStore;
    }
    else if (ini && entry && entry.value) {
        trust.keyStore = repository(entry.value, { file: ini.file.path, range: entry.valueRange }, 'SSLKeyRepository');
        trust.trustStore = trust.keyStore;
    }
    // The channel's label, else mqclient.ini's SSL CertificateLabel (MQ 8+; without either, ibmwebspheremq<user id>).
    const iniLabel = ini?.entries.find((e) => e.section?.toUpperCase() === 'SSL' && /^CertificateLabel$/i.test(e.key) && e.value);
    if (attrs.certlabl?.value)
        trust.keyAlias = { value: attrs.certlabl.value, from: { kind: 'file', location: attrs.certlabl.location } };
    else if (ini && iniLabel)
        trust.keyAlias = {
            value: iniLabel.value,
            from: { kind: 'file', location: { file: ini.file.path, range: iniLabel.valueRange } },
        };
    return trust.keyStore || trust.keyAlias ? trust : undefined;
}
