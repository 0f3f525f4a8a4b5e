"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.JBOSS_HISTORY_DIRECTORIES = exports.JBOSS_CONFIG_DIR = exports.ELYTRON_SERVER_SSL_CONTEXT = exports.ELYTRON_DEFAULT_PROTOCOLS = void 0;
/**
 * WildFly / JBoss EAP TLS facts (data/wildfly.json): what an Elytron `server-ssl-context` serves where it sets
 * nothing, and which directory `relative-to="jboss.server.config.dir"` names.
 */
const wildfly_json_1 = __importDefault(require("./data/wildfly.json"));
const context = wildfly_json_1.default.elytronServerSslContext;
/** The protocols an Elytron server-ssl-context enables when it sets no `protocols` (the JDK still drops what it disables). */
exports.ELYTRON_DEFAULT_PROTOCOLS = context.defaultProtocols;
/** Elytron server-ssl-context defaults, each with its public source. */
exports.ELYTRON_SERVER_SSL_CONTEXT = {
    protocolsSource: context.protocolsSource,
    defaultCipherSuiteFilter: context.defaultCipherSuiteFilter,
    /** TLS 1.3 suites come only from `cipher-suite-names` (no default): without it no TLS 1.3 handshake is possible. */
    tls13SuitesOnlyFromCipherSuiteNames: context.tls13SuitesOnlyFromCipherSuiteNames,
    cipherSuitesSource: context.cipherSuitesSource,
    useCipherSuitesOrderDefault: context.useCipherSuitesOrderDefault,
    useCipherSuitesOrderSource: context.useCipherSuitesOrderSource,
};
/** `relative-to` of the server's configuration directory, the directory name it has in a server's layout, and why. */
exports.JBOSS_CONFIG_DIR = wildfly_json_1.default.configDir;
/** Directories where the server keeps copies of its configuration file's history (written by it, not run). */
exports.JBOSS_HISTORY_DIRECTORIES = wildfly_json_1.default.history.directories;
