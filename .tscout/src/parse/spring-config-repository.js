"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.springConfigRepositoryFormat = void 0;
const jvm_args_1 = require("./java/jvm-args");
const spring_1 = require("./spring");
/**
 * A Spring property at the start of a line: `spring:` (YAML, the top level) or `spring.…` (properties, or YAML's dotted
 * keys). Every Spring Boot application's configuration sets something under `spring` (its name, data source, cloud).
 */
const SPRING_AT_LINE_START = /^spring(?::(?:[ \t]|\r?$)|\.[\w-])/m;
/** The kinds of a config repository's files: Spring's (`spring.`), but no component of the tree (discover/environments.ts). */
const SERVED_YAML_KIND = 'spring.served.yaml';
const SERVED_PROPERTIES_KIND = 'spring.served.properties';
/** YAML or properties named after the app a config server serves it to (`orders-service.yml`, `gateway-dev.properties`). */
const SERVED_NAME = /^[\w][\w.-]*\.(properties|ya?ml)$/;
/**
 * Files whose names say what else they are: Gradle's and Maven's own properties, a Helm chart's values (read for
 * its templates' defaults: parse/helm-values.ts) and helpers (`_application.yaml`, Go templates the chart renders).
 */
const OTHER_FILE = /^(?:gradle|gradle-wrapper|maven-wrapper|local|settings|sonar-project)\.properties$|^_|^values(?:[-.][\w.-]+)?\.ya?ml$|[-.]values\.ya?ml$/;
/**
 * The files of a Spring Cloud Config repository (https://docs.spring.io/spring-cloud-config/reference/server/
 * environment-repository/git-backend.html): `{application}.yml`, `{application}-{profile}.properties`, kept in a
 * repository of their own, whose server and apps are elsewhere. Each is Spring Boot configuration for the app it is
 * served to, so its settings are judged as Spring's (secrets, YAML a server cannot serve) — asked after every other
 * format, and only for a file that sets a `spring` property and lies outside a build project's sources, where
 * Spring Boot reads only `application*` and `bootstrap*` (./spring.ts). The model makes no app of such a file unless a
 * config server of the tree serves it (model/spring-config-server.ts): the app it configures is not in the tree.
 */
exports.springConfigRepositoryFormat = {
    id: 'spring-config-repository',
    classify(filePath, head) {
        const base = (0, jvm_args_1.basenameOf)(filePath);
        const name = SERVED_NAME.exec(base);
        if (!name || OTHER_FILE.test(base))
            return undefined;
        const posix = filePath.split('\\').join('/');
        if (/(?:^|\/)(?:src|templates)\//.test(posix) || !SPRING_AT_LINE_START.test(head))
            return undefined;
        return name[1] === 'properties' ? SERVED_PROPERTIES_KIND : SERVED_YAML_KIND;
    },
    parse(file, kind) {
        const doc = spring_1.springFormat.parse(file, kind === SERVED_PROPERTIES_KIND ? 'spring.properties' : 'spring.yaml');
        return { ...doc, kind, data: { ...doc.data, servedFile: true } };
    },
};
