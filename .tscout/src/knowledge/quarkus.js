"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.QUARKUS_HTTPS = void 0;
/**
 * The Quarkus HTTP server's HTTPS defaults (data/quarkus.json): its port, and the protocols it enables when the
 * legacy `quarkus.http.ssl.protocols` or a TLS registry configuration's `protocols` is not written.
 */
const quarkus_json_1 = __importDefault(require("./data/quarkus.json"));
exports.QUARKUS_HTTPS = {
    port: quarkus_json_1.default.httpsPort.value,
    portOrigin: `Quarkus's quarkus.http.ssl-port default (${quarkus_json_1.default.httpsPort.source})`,
    protocols: (source) => ({
        value: quarkus_json_1.default.protocols[source].value,
        origin: source === 'legacy'
            ? `Quarkus's quarkus.http.ssl.protocols default (${quarkus_json_1.default.protocols.legacy.source})`
            : `Quarkus's TLS registry protocols default (${quarkus_json_1.default.protocols.registry.source})`,
    }),
};
