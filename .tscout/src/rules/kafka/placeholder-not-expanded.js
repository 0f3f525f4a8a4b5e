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
const template_1 = require("../../parse/template");
const embedded_1 = require("../../parse/embedded");
const script_substitutions_1 = require("../../parse/script-substitutions");
const types_2 = require("../types");
const phrase_1 = require("../../core/phrase");
/**
 * An environment-style placeholder (`${KAFKA_SSL_PASSWORD}`, `${BROKER:-kafka}`): no `:` after the name, so not a
 * config provider's `${provider:[path:]key}`, the only form Kafka replaces (apache/kafka@0f2848f
 * clients/src/main/java/org/apache/kafka/common/config/ConfigTransformer.java DEFAULT_PATTERN
 * `\$\{(.*?):((.*?):)?(.*?)\}`, and only for a provider config.providers names).
 */
const ENV_PLACEHOLDER = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-[^}]*)?\}/;
/** How to give the setting its value: a secret through a config provider, anything else written, or the file rendered. */
function fixFor(key, name) {
    const provider = (0, phrase_1.said) `a config provider (config.providers=env and \${env:${name}} since Kafka 3.5, or file and \${file:/path/secrets.properties:key})`;
    return /password|jaas/.test(key)
        ? (0, phrase_1.said) `reference it through ${provider}, or render the file (envsubst) where it is copied`
        : (0, phrase_1.said) `write the value, reference it through ${provider}, or render the file (envsubst) where it is copied`;
}
/**
 * What Kafka does with the text as written, by the setting's name (JDK 17.0.15, stores made with another password:
 * KeyStore.load "keystore password was incorrect", a key entry read with another password "Cannot recover key" in JKS,
 * "Get Key failed" in PKCS12).
 */
function effectOf(key) {
    if (/ssl\.(keystore|truststore)\.password$/.test(key))
        return (0, phrase_1.ours)("it opens the store with that text as its password, which fails (KafkaException 'Failed to load SSL keystore … of type …', caused by 'keystore password was incorrect'): the client or broker does not start");
    if (/ssl\.key\.password$/.test(key))
        return (0, phrase_1.ours)("it reads the key entry with that text as its password, which fails (UnrecoverableKeyException 'Cannot recover key' or 'Get Key failed'): the client or broker does not start");
    if (/ssl\.(keystore|truststore)\.location$/.test(key))
        return (0, phrase_1.ours)("it looks for a store file of that name, which fails ('Failed to load SSL keystore', NoSuchFileException): the client or broker does not start");
    return (0, phrase_1.ours)('it uses that text as the value');
}
/**
 * `${NAME}` in Apache Kafka's own properties file (a broker's server.properties, a client's `--command-config` file):
 * java.util.Properties keeps the text and Kafka replaces only `${provider:[path:]key}` references of its config
 * providers, so the setting is the placeholder's text itself. Not said for a file named as a template (`.template`,
 * `.j2`, or holding template syntax: rendered first), a file a script writes (a here-document), or one a line of a
 * script or Dockerfile of the tree running envsubst names (rendered there: parse/script-substitutions.ts).
 * Real case: m-stojanovic/kafka-zk-cluster-docker-ssl@452e791 secrets/host.{consumer,producer}.ssl.config, copied
 * into the brokers' /etc/kafka/secrets as is.
 */
exports.default = (0, types_2.defineRule)({
    meta: {
        id: 'kafka/placeholder-not-expanded',
        description: "Report ${NAME} placeholders in Kafka's own properties files: Kafka expands only config providers' ${provider:path:key}, so it reads the placeholder's text as the value",
        severity: 'warning',
        messages: {
            literal: '{{key}} in {{file}} holds {{placeholder}}: Kafka does not replace environment placeholders (it expands only ${provider:[path:]key} references of the config providers config.providers names), so {{effect}}. Unless a step the tree does not show renders this file first, {{fix}}',
        },
        options: {},
        appliesTo: { documents: [kafka_properties_1.KAFKA_PROPERTIES_KIND] },
        symptoms: ['Failed to load SSL keystore', 'keystore password was incorrect'],
    },
    check(ctx) {
        // Files a script or Dockerfile of the tree runs envsubst on: filled when it runs.
        const rendered = new Set(ctx.deployment.documents
            .filter((d) => d.kind === script_substitutions_1.SCRIPT_SUBSTITUTIONS_KIND)
            .flatMap((d) => d.data.rendered ?? []));
        for (const doc of ctx.deployment.documents) {
            if (doc.kind !== kafka_properties_1.KAFKA_PROPERTIES_KIND || (0, template_1.innerTemplateName)(doc.file.path) !== undefined)
                continue;
            // A template (Jinja, Go…: its own syntax is set aside, the rest is rendered with it) and a file a script writes
            // (a here-document, which the shell expands unless its delimiter is quoted: Dwijad/Dockerize-Kafka-Connect@ea2a3c0
            // script/start.sh `cat << EOF > …/connect-distributed.properties`) are filled before Kafka reads them.
            if (doc.template || (doc.embedded && (0, embedded_1.isScript)(doc.file.path, doc.file.text)))
                continue;
            const file = path.basename(doc.file.path);
            if (rendered.has(file))
                continue;
            for (const entry of doc.entries) {
                const found = ENV_PLACEHOLDER.exec(entry.value);
                const name = found?.[1];
                if (!found || !name)
                    continue;
                ctx.report({
                    messageId: 'literal',
                    data: {
                        key: entry.key,
                        file,
                        placeholder: (0, phrase_1.said) `\${${name}}`,
                        effect: effectOf(entry.key),
                        fix: fixFor(entry.key, name),
                    },
                    location: (0, types_1.entryLocation)(doc, entry, 'value'),
                    fingerprint: [file, entry.key, 'placeholder'],
                });
            }
        }
    },
});
