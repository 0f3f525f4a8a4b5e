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
const path = __importStar(require("node:path"));
const kafka_properties_1 = require("../../parse/kafka-properties");
const types_1 = require("../../parse/types");
const types_2 = require("../types");
const phrase_1 = require("../../core/phrase");
/** librdkafka's false for a bool property (rd_kafka_anyconf_set_prop: `false`, `f` in any case, or `0`). */
const FALSE = /^(?:false|f|0)$/i;
/** The security protocols over TLS (librdkafka matches them in any case). */
const TLS_PROTOCOL = /^(?:ssl|sasl_ssl)$/i;
/**
 * A librdkafka client (`kcat -F` file, a C/Python/Go/.NET client's configuration) that turns certificate verification
 * off: `enable.ssl.certificate.verification=false`. librdkafka then accepts whatever certificate the broker presents —
 * no chain to a trusted CA, no dates, no name (confluentinc/librdkafka CONFIGURATION.md: "Enable OpenSSL's builtin
 * broker (server) certificate verification"; on by default since v1.1.0, whose release notes say "disable with
 * enable.ssl.certificate.verification=false"). Said only where the file's security.protocol is ssl or sasl_ssl (the
 * default is plaintext, and then the switch is inert). Real case: ermineaweb/kafka-tls1.3@d81137c kcat/ssl.conf.
 */
exports.default = (0, types_2.defineRule)({
    meta: {
        id: 'kafka/librdkafka-verification-disabled',
        description: 'Warn when a librdkafka client (kcat, confluent-kafka) sets enable.ssl.certificate.verification=false: it accepts any certificate from the brokers',
        severity: 'warning',
        messages: {
            disabled: "enable.ssl.certificate.verification={{value}} in {{file}} (a librdkafka client's configuration: kcat -F, confluent-kafka): over security.protocol {{protocol}} librdkafka then accepts whatever certificate the broker presents — no chain to a trusted CA, no dates, no name — so anyone on the path to the brokers can stand in for them and read or change the messages. {{fix}}",
        },
        options: {},
        appliesTo: { documents: ['kafka.librdkafka'] },
        symptoms: [],
    },
    check(ctx) {
        for (const doc of ctx.deployment.documents) {
            if (doc.kind !== kafka_properties_1.LIBRDKAFKA_PROPERTIES_KIND)
                continue;
            // Each line is set in turn (rd_kafka_conf_set): the last value of a key wins.
            const settings = new Map(doc.entries.map((e) => [e.key, e]));
            const verification = settings.get('enable.ssl.certificate.verification');
            const protocol = settings.get('security.protocol');
            if (!verification || !protocol)
                continue;
            const value = verification.value.trim();
            if (!FALSE.test(value) || !TLS_PROTOCOL.test(protocol.value.trim()))
                continue;
            const ca = settings.get('ssl.ca.location')?.value.trim();
            const fix = ca
                ? `Remove it: librdkafka verifies by default, against the CA certificates ssl.ca.location names (${ca})`
                : "Remove it (librdkafka verifies by default) and set ssl.ca.location to the CA certificates that issued the brokers' certificates";
            ctx.report({
                messageId: 'disabled',
                data: { value, file: path.basename(doc.file.path), protocol: protocol.value.trim(), fix },
                location: (0, types_1.entryLocation)(doc, verification),
                related: [
                    { ...(0, types_1.entryLocation)(doc, protocol), message: (0, phrase_1.ours)('the client uses TLS: its security.protocol is set here') },
                ],
                fingerprint: [path.basename(doc.file.path), 'enable.ssl.certificate.verification'],
            });
        }
    },
});
