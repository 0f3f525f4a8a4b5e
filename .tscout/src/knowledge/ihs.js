"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.IHS_NOT_INHERITED = exports.IHS_LABEL_NOT_FOUND = exports.IHS_INHERITED = void 0;
/** IBM HTTP Server's mod_ibm_ssl facts (data/ihs.json), each with its source there. */
const ihs_json_1 = __importDefault(require("./data/ihs.json"));
/** SSL directives a virtual host inherits from the main server (lower case, as the httpd parser keys them). */
exports.IHS_INHERITED = new Set(ihs_json_1.default.inherited.directives.map((d) => d.toLowerCase()));
/** What IHS logs when SSLServerCert's label is not in the key database, and when (each handshake, or at start). */
exports.IHS_LABEL_NOT_FOUND = { message: ihs_json_1.default.labelNotFound.message, when: ihs_json_1.default.labelNotFound.when };
/** SSL directives an SSLEnable virtual host does not take from the main server (IBM names SSLCipherSpec). */
exports.IHS_NOT_INHERITED = new Set(ihs_json_1.default.notInherited.directives.map((d) => d.toLowerCase()));
