import type { FormatHandler } from './types';
import { lastPathSegment, namedSourceOrData } from '../core/path-name';
import { cleartrustServerFormat, webagentFormat } from './cleartrust';
import { javaSecurityFormat, jdkReleaseFormat } from './jdk';
import { mqscFormat } from './mqsc';
import { ccdtFormat } from './ccdt';
import { mqIniFormat } from './mq-ini';
import { websphereFormat } from './websphere';
import { wsadminFormat } from './wsadmin';
import { webspherePluginFormat } from './websphere-plugin';
import { libertyBootstrapFormat, libertyFormat } from './liberty';
import { libertyVariablesFormat } from './liberty-variables';
import { microprofileConfigFormat } from './microprofile-config';
import { pemFormat } from './pem';
import { tomcatCatalinaPropertiesFormat, tomcatServerXmlFormat, tomcatUsersFormat } from './tomcat';
import { springFormat } from './spring';
import { springConfigRepositoryFormat } from './spring-config-repository';
import { dropwizardFormat } from './dropwizard';
import { jettyModuleFormat, jettyStartFormat, jettyXmlFormat } from './jetty';
import { jvmOptionsFormat } from './jvm-options';
import { systemdFormat } from './systemd';
import { dockerfileFormat } from './dockerfile';
import { composeFormat } from './compose';
import { inNginxDirectory, nginxFormat } from './nginx';
import { haproxyFormat } from './haproxy';
import { haproxyCrtListFormat } from './haproxy-crt-list';
import { httpdFormat } from './httpd';
import { shellEnvFormat } from './shell-env';
import { mqClientEnvFormat } from './mq-env';
import { keystoreFormat } from './keystore/format';
import { tomcatCatalinaJarFormat } from './tomcat-catalina-jar';
import { envFileFormat } from './env-file';
import { kubernetesFormat } from './kubernetes';
import { imageBuildFormat } from './image-build';
import { dockerignoreFormat } from './dockerignore';
import { jbossServerFormat } from './jboss';
import { jbossCliFormat } from './jboss-cli';
import { kafkaPropertiesFormat } from './kafka-properties';
import { kafkaConnectorConfigFormat } from './kafka-connector-config';
import { keycloakConfFormat } from './keycloak-conf';
import { rabbitmqConfFormat } from './rabbitmq-conf';
import { logstashPipelineFormat } from './logstash-pipeline';
import { searchNodeFormat } from './search-node';
import { certutilInstancesFormat } from './certutil-instances';
import { kibanaBeatsFormat } from './kibana-beats';
import { logstashSettingsFormat } from './logstash-settings';
import { jaasFormat } from './jaas';
import { activemqBrokerFormat } from './activemq';
import { activemqJndiFormat } from './activemq-jndi';
import { artemisUsersFormat } from './artemis-users';
import { activemqUsersFormat } from './activemq-users';
import { jmsBindingsFormat } from './jms-bindings';
import { ansibleFormat } from './ansible';
import { modjkWorkersFormat } from './modjk-workers';
import { modjkUriMapFormat } from './modjk-urimap';

/**
 * Every format lint-deploy reads, most specific first: the first handler
 * whose `classify` returns a kind owns the file.
 */
export const FORMAT_HANDLERS: readonly FormatHandler[] = [
  tomcatCatalinaJarFormat,
  keystoreFormat,
  rabbitmqConfFormat,
  logstashPipelineFormat,
  webagentFormat,
  cleartrustServerFormat,
  jdkReleaseFormat,
  javaSecurityFormat,
  mqscFormat,
  kafkaConnectorConfigFormat,
  ccdtFormat,
  mqIniFormat,
  jettyStartFormat,
  jettyModuleFormat,
  websphereFormat,
  wsadminFormat,
  webspherePluginFormat,
  jbossServerFormat,
  jbossCliFormat,
  libertyFormat,
  pemFormat,
  tomcatServerXmlFormat,
  jettyXmlFormat,
  activemqBrokerFormat,
  artemisUsersFormat,
  activemqUsersFormat,
  tomcatUsersFormat,
  tomcatCatalinaPropertiesFormat,
  modjkWorkersFormat,
  modjkUriMapFormat,
  springFormat,
  dropwizardFormat,
  keycloakConfFormat,
  certutilInstancesFormat,
  searchNodeFormat,
  kibanaBeatsFormat,
  logstashSettingsFormat,
  libertyBootstrapFormat,
  libertyVariablesFormat,
  microprofileConfigFormat,
  kafkaPropertiesFormat,
  activemqJndiFormat,
  jmsBindingsFormat,
  jaasFormat,
  jvmOptionsFormat,
  systemdFormat,
  dockerfileFormat,
  dockerignoreFormat,
  composeFormat,
  kubernetesFormat,
  imageBuildFormat,
  haproxyFormat,
  haproxyCrtListFormat,
  httpdFormat,
  nginxFormat,
  shellEnvFormat,
  mqClientEnvFormat,
  envFileFormat,
  springConfigRepositoryFormat,
  ansibleFormat,
];

export interface Classification {
  kind: string;
  handler: FormatHandler;
}

export function classifyFile(path: string, head: string): Classification | undefined {
  for (const handler of FORMAT_HANDLERS) {
    const kind = handler.classify(path, head);
    if (kind) return { kind, handler };
  }
  return undefined;
}

/** A binary file a handler reads from its bytes (key stores), classified before text decoding. */
export function classifyBinary(path: string, bytes: Uint8Array): Classification | undefined {
  for (const handler of FORMAT_HANDLERS) {
    const kind = handler.classifyBytes?.(path, bytes);
    if (kind) return { kind, handler };
  }
  return undefined;
}

/**
 * Whether lint-deploy may read a file at this path, whatever it holds (a dangling symbolic link has no content to
 * look at): a handler takes the name alone (Dockerfile, qm.ini, key.p12), the name has an extension (the content
 * decides for server.xml, a PEM bundle, haproxy.cfg) or nginx reads its directory (sites-enabled/default). An
 * extensionless name no handler takes (Makefile, LICENSE, `ci`, a program's directory) is never read, nor a name no
 * format reads whatever it holds ({@link neverConfiguration}).
 */
export function mayBeRead(path: string): boolean {
  const base = path.split(/[\\/]/).at(-1) ?? '';
  if (classifyFile(path, '') !== undefined || inNginxDirectory(path)) return true;
  // A name no format reads whatever it holds (`java.1.gz`, a man page an /etc/alternatives copy links to /usr/share/man:
  // sweep44's anandjbangad/kafka_kerberose gave 41 infos of those).
  return /\.[^.]+$/.test(base) && !neverConfiguration(path);
}

/** Sources, web assets, documents, images and archives: no format's name test admits these names. */
const NOT_CONFIGURATION_NAME =
  /\.(java|kt|css|scss|less|html?|md|adoc|png|jpe?g|gif|svg|ico|class|jar|war|ear|woff2?|ttf|pdf|zip|gz|tgz)$/i;

/**
 * Whether no format reads a file at this path whatever it holds: a name of {@link NOT_CONFIGURATION_NAME} that no
 * handler claims, outside a directory nginx reads (where content decides). Its content may still name other files
 * (a README's `-Djava.security.properties=…`).
 */
export function neverConfiguration(path: string): boolean {
  return NOT_CONFIGURATION_NAME.test(path) && !inNginxDirectory(path) && classifyFile(path, '') === undefined;
}

/**
 * The files of `files` not read yet (`read`) that a content test may still read as configuration when another file names
 * them (an nginx include, a runmqsc input): never one named like source code, a document or data, nor one no format reads.
 */
export function unreadNameable(files: readonly string[], read: ReadonlySet<string>): string[] {
  return files.filter(
    (file) => !read.has(file) && !namedSourceOrData(lastPathSegment(file)) && !neverConfiguration(file),
  );
}
