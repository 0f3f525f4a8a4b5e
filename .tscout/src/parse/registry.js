"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FORMAT_HANDLERS = void 0;
exports.classifyFile = classifyFile;
exports.classifyBinary = classifyBinary;
exports.mayBeRead = mayBeRead;
exports.neverConfiguration = neverConfiguration;
const cleartrust_1 = require("./cleartrust");
const jdk_1 = require("./jdk");
const mqsc_1 = require("./mqsc");
const ccdt_1 = require("./ccdt");
const mq_ini_1 = require("./mq-ini");
const websphere_1 = require("./websphere");
const websphere_plugin_1 = require("./websphere-plugin");
const liberty_1 = require("./liberty");
const liberty_variables_1 = require("./liberty-variables");
const microprofile_config_1 = require("./microprofile-config");
const pem_1 = require("./pem");
const tomcat_1 = require("./tomcat");
const spring_1 = require("./spring");
const spring_config_repository_1 = require("./spring-config-repository");
const dropwizard_1 = require("./dropwizard");
const jetty_1 = require("./jetty");
const jvm_options_1 = require("./jvm-options");
const systemd_1 = require("./systemd");
const dockerfile_1 = require("./dockerfile");
const compose_1 = require("./compose");
const nginx_1 = require("./nginx");
const haproxy_1 = require("./haproxy");
const haproxy_crt_list_1 = require("./haproxy-crt-list");
const httpd_1 = require("./httpd");
const shell_env_1 = require("./shell-env");
const mq_env_1 = require("./mq-env");
const format_1 = require("./keystore/format");
const tomcat_catalina_jar_1 = require("./tomcat-catalina-jar");
const env_file_1 = require("./env-file");
const kubernetes_1 = require("./kubernetes");
const image_build_1 = require("./image-build");
const dockerignore_1 = require("./dockerignore");
const jboss_1 = require("./jboss");
const jboss_cli_1 = require("./jboss-cli");
const kafka_properties_1 = require("./kafka-properties");
const jaas_1 = require("./jaas");
const activemq_1 = require("./activemq");
const activemq_jndi_1 = require("./activemq-jndi");
/**
 * Every format lint-deploy reads, most specific first: the first handler
 * whose `classify` returns a kind owns the file.
 */
exports.FORMAT_HANDLERS = [
    tomcat_catalina_jar_1.tomcatCatalinaJarFormat,
    format_1.keystoreFormat,
    cleartrust_1.webagentFormat,
    cleartrust_1.cleartrustServerFormat,
    jdk_1.jdkReleaseFormat,
    jdk_1.javaSecurityFormat,
    mqsc_1.mqscFormat,
    ccdt_1.ccdtFormat,
    mq_ini_1.mqIniFormat,
    jetty_1.jettyStartFormat,
    jetty_1.jettyModuleFormat,
    websphere_1.websphereFormat,
    websphere_plugin_1.webspherePluginFormat,
    jboss_1.jbossServerFormat,
    jboss_cli_1.jbossCliFormat,
    liberty_1.libertyFormat,
    pem_1.pemFormat,
    tomcat_1.tomcatServerXmlFormat,
    jetty_1.jettyXmlFormat,
    activemq_1.activemqBrokerFormat,
    tomcat_1.tomcatUsersFormat,
    tomcat_1.tomcatCatalinaPropertiesFormat,
    spring_1.springFormat,
    dropwizard_1.dropwizardFormat,
    liberty_1.libertyBootstrapFormat,
    liberty_variables_1.libertyVariablesFormat,
    microprofile_config_1.microprofileConfigFormat,
    kafka_properties_1.kafkaPropertiesFormat,
    activemq_jndi_1.activemqJndiFormat,
    jaas_1.jaasFormat,
    jvm_options_1.jvmOptionsFormat,
    systemd_1.systemdFormat,
    dockerfile_1.dockerfileFormat,
    dockerignore_1.dockerignoreFormat,
    compose_1.composeFormat,
    kubernetes_1.kubernetesFormat,
    image_build_1.imageBuildFormat,
    haproxy_1.haproxyFormat,
    haproxy_crt_list_1.haproxyCrtListFormat,
    httpd_1.httpdFormat,
    nginx_1.nginxFormat,
    shell_env_1.shellEnvFormat,
    mq_env_1.mqClientEnvFormat,
    env_file_1.envFileFormat,
    spring_config_repository_1.springConfigRepositoryFormat,
];
function classifyFile(path, head) {
    for (const handler of exports.FORMAT_HANDLERS) {
        const kind = handler.classify(path, head);
        if (kind)
            return { kind, handler };
    }
    return undefined;
}
/** A binary file a handler reads from its bytes (key stores), classified before text decoding. */
function classifyBinary(path, bytes) {
    for (const handler of exports.FORMAT_HANDLERS) {
        const kind = handler.classifyBytes?.(path, bytes);
        if (kind)
            return { kind, handler };
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
function mayBeRead(path) {
    const base = path.split(/[\\/]/).at(-1) ?? '';
    if (classifyFile(path, '') !== undefined || (0, nginx_1.inNginxDirectory)(path))
        return true;
    // A name no format reads whatever it holds (`java.1.gz`, a man page an /etc/alternatives copy links to /usr/share/man:
    // sweep44's anandjbangad/kafka_kerberose gave 41 infos of those).
    return /\.[^.]+$/.test(base) && !neverConfiguration(path);
}
/** Sources, web assets, documents, images and archives: no format's name test admits these names. */
const NOT_CONFIGURATION_NAME = /\.(java|kt|css|scss|less|html?|md|adoc|png|jpe?g|gif|svg|ico|class|jar|war|ear|woff2?|ttf|pdf|zip|gz|tgz)$/i;
/**
 * Whether no format reads a file at this path whatever it holds: a name of {@link NOT_CONFIGURATION_NAME} that no
 * handler claims, outside a directory nginx reads (where content decides). Its content may still name other files
 * (a README's `-Djava.security.properties=…`).
 */
function neverConfiguration(path) {
    return NOT_CONFIGURATION_NAME.test(path) && !(0, nginx_1.inNginxDirectory)(path) && classifyFile(path, '') === undefined;
}
