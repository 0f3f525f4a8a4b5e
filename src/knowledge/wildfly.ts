/**
 * WildFly / JBoss EAP TLS facts (data/wildfly.json): what an Elytron `server-ssl-context` serves where it sets
 * nothing, and which directory `relative-to="jboss.server.config.dir"` names.
 */
import data from './data/wildfly.json';

const context = data.elytronServerSslContext;

/** The protocols an Elytron server-ssl-context enables when it sets no `protocols` (the JDK still drops what it disables). */
export const ELYTRON_DEFAULT_PROTOCOLS: readonly string[] = context.defaultProtocols;

/** Elytron server-ssl-context defaults, each with its public source. */
export const ELYTRON_SERVER_SSL_CONTEXT = {
  protocolsSource: context.protocolsSource,
  defaultCipherSuiteFilter: context.defaultCipherSuiteFilter,
  /** TLS 1.3 suites come only from `cipher-suite-names` (no default): without it no TLS 1.3 handshake is possible. */
  tls13SuitesOnlyFromCipherSuiteNames: context.tls13SuitesOnlyFromCipherSuiteNames,
  cipherSuitesSource: context.cipherSuitesSource,
  useCipherSuitesOrderDefault: context.useCipherSuitesOrderDefault,
  useCipherSuitesOrderSource: context.useCipherSuitesOrderSource,
} as const;

/** `relative-to` of the server's configuration directory, the directory name it has in a server's layout, and why. */
export const JBOSS_CONFIG_DIR = data.configDir;

/** Directories where the server keeps copies of its configuration file's history (written by it, not run). */
export const JBOSS_HISTORY_DIRECTORIES: readonly string[] = data.history.directories;

/** The configuration file a standalone server (and the CLI's `embed-server`) reads when no `--server-config` names one. */
export const JBOSS_DEFAULT_SERVER_CONFIG: string = data.defaultServerConfig.file;
