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
exports.libertyStoreOf = libertyStoreOf;
/** Liberty `<keyStore>` elements as store references (stores.ts: an `<ssl>` element's key and trust stores). */
const path = __importStar(require("node:path"));
const xml_1 = require("../parse/xml");
const liberty_variable_values_1 = require("../parse/liberty-variable-values");
const liberty_1 = require("../parse/liberty");
const java_shared_1 = require("./java-shared");
const store_files_1 = require("./store-files");
/**
 * The store a Liberty server's `<keyStore id>` names (the last element of that id wins), its location's
 * `${server.config.dir}`, `${server.output.dir}` and variables resolved; `defaultKeyStore` without a location is
 * Liberty's default, resources/security/key.p12 (key.jks through 19.0.0.2). Undefined: no such key store.
 */
function libertyStoreOf(config, id, stores) {
    const data = config.data;
    const serverDir = path.dirname(config.root.file.path);
    const securityDir = path.join(serverDir, 'resources', 'security');
    // Liberty's location symbols end in a slash (SymbolicRootResource adds one: OpenLiberty/open-liberty@d6b44c3
    // dev/com.ibm.ws.kernel.service.location), so `${server.config.dir}resources/security/x.jks` names a file below it
    // (OpenLiberty/liberty-bikes@c0f296a auth-service server.xml); `${server.config.dir}/resources/…` too.
    // A variable's value may name another (`${keystore.dir}` set to `${server.config.dir}/tls`): resolved to the end
    // when every part is known, else the parts that are (a tail may still match a file).
    const symbols = (0, liberty_variable_values_1.libertyLocationSymbols)(serverDir);
    const resolveVars = (value) => (0, liberty_variable_values_1.resolveLibertyValue)(config.variables, value, symbols).value ??
        value.replace(/\$\{([^}]+)\}/g, (whole, name) => name === 'server.config.dir' || name === 'server.output.dir'
            ? serverDir + path.sep
            : (data.variables[name] ?? config.variables.get(name)?.value ?? whole));
    const element = [...data.keyStores].reverse().find((k) => k.attrs.id?.value === id);
    const file = element ? config.fileOf(element.element) : config.root.file.path;
    const location = element?.attrs.location;
    const password = element ? (0, xml_1.attr)(element.element, 'password') : undefined;
    const passwordAt = password ? { file, range: password.valueRange } : undefined;
    const type = element?.attrs.type ? (0, java_shared_1.traced)(element.attrs.type.value, file, element.attrs.type.range) : undefined;
    if (location)
        return (0, store_files_1.storeRef)((0, java_shared_1.traced)(location.value, file, location.range), [securityDir, serverDir], stores, type, passwordAt, resolveVars(location.value));
    if (id !== liberty_1.LIBERTY_DEFAULT_KEY_STORE.id)
        return undefined;
    // defaultKeyStore without a location: resources/security/key.p12 (key.jks through 19.0.0.2).
    const found = liberty_1.LIBERTY_DEFAULT_KEY_STORE.files
        .map((name) => path.join(securityDir, name))
        .find((file) => stores.files.includes(file));
    const origin = 'Liberty defaultKeyStore location ${server.output.dir}/resources/security/key.p12 (key.jks through 19.0.0.2)';
    const ref = {
        path: {
            value: found
                ? `\${server.output.dir}/resources/security/${path.basename(found)}`
                : '${server.output.dir}/resources/security/key.p12',
            from: { kind: 'default', origin, confidence: 'verified' },
        },
    };
    if (found) {
        ref.file = found;
        const detected = stores.typeOf(found);
        if (detected)
            ref.type = {
                value: detected,
                from: { kind: 'file', location: { file: found }, note: 'detected from the file' },
            };
    }
    if (passwordAt)
        ref.passwordAt = passwordAt;
    return ref;
}
