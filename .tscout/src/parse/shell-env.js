"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.shellEnvFormat = void 0;
const text_1 = require("./text");
const jvm_args_1 = require("./java/jvm-args");
const java_launch_1 = require("./java/java-launch");
const java_home_1 = require("./java/java-home");
const spring_environment_1 = require("./java/spring-environment");
const spring_arguments_1 = require("./java/spring-arguments");
/**
 * Shell and batch start scripts that set JVM options: Tomcat `setenv.sh`/`setenv.bat`,
 * Liberty `server.env`, and any `.sh`/`.bat`/`.cmd` that sets `JAVA_OPTS`, `CATALINA_OPTS`,
 * `JAVA_TOOL_OPTIONS`, `JDK_JAVA_OPTIONS`, `IBM_JAVA_OPTIONS`, `JVM_ARGS`, passes TLS `-D` options or picks the
 * Spring profile or passes Spring's TLS settings as arguments.
 * Every `-Dname=value` outside comments is read, with the variable it is assigned to.
 */
const JVM_VARIABLES = /\b(JAVA_OPTS|CATALINA_OPTS|JAVA_TOOL_OPTIONS|JDK_JAVA_OPTIONS|_JAVA_OPTIONS|IBM_JAVA_OPTIONS|JVM_ARGS|JVM_OPTS|JAVA_ARGS)\b/;
const JVM_ASSIGNMENT = new RegExp(`^\\s*(export\\s+)?${JVM_VARIABLES.source.replace(/\\b/g, '')}=`, 'm');
const TLS_OPTION = /-D(jdk\.tls\.|https\.protocols|com\.ibm\.jsse2\.|javax\.net\.ssl\.|java\.security\.properties)/;
/**
 * A start script that picks the Spring profile or the configuration's location, or passes Spring's TLS settings as
 * arguments or `-D` options (names only Spring uses), or a Java start that exports `SERVER_SSL_*`.
 */
const SPRING_START = /\bSPRING_(PROFILES_ACTIVE|CONFIG_LOCATION)=|(-D|--)spring\.(profiles\.active|config\.location)=|(-D|--)server\.(ssl\.[\w.-]+|port)=/;
/** Spring Boot's environment spelling of a server.ssl setting, and a script line that starts a JVM. */
const SPRING_SSL_VARIABLE = /\bSERVER_SSL_[A-Z_]+=/;
const JAVA_COMMAND = /(^|[\s/"'])java(\.exe)?\s|\s-jar\s/m;
/** A command that prints its arguments. */
const PRINTS = /^@?(echo|printf)\b/i;
/** A start script that names its JDK by an absolute path (issue 13: runtimes attached as installs are laid out). */
const JDK_PATH = /\b(JAVA_HOME|JRE_HOME)=["']?\/|\/bin\/java(?![\w.-])/;
exports.shellEnvFormat = {
    id: 'shell-env',
    classify(filePath, head) {
        const base = (0, jvm_args_1.basenameOf)(filePath);
        if (/^setenv\.(sh|bat|cmd)$/.test(base) || base === 'server.env')
            return 'java.shell-env';
        if (/\.(sh|bash|ksh|bat|cmd|env)$/.test(base) &&
            (JVM_VARIABLES.test(head) || TLS_OPTION.test(head) || JDK_PATH.test(head)))
            return 'java.shell-env';
        // Not `.env` files: Docker Compose reads those for its own substitutions, not as the app's environment.
        if (/\.(sh|bash|ksh|bat|cmd)$/.test(base) && SPRING_START.test(head))
            return 'java.shell-env';
        // SERVER_SSL_* only where the script starts Java: Kibana's start reads SERVER_SSL_ENABLED too.
        if (/\.(sh|bash|ksh|bat|cmd)$/.test(base) && SPRING_SSL_VARIABLE.test(head) && JAVA_COMMAND.test(head))
            return 'java.shell-env';
        // Environment files a service manager reads (`/etc/default/…`, `/etc/sysconfig/…`, `*.default`): by content.
        if ((/\.default$/.test(base) || /(^|[\\/])(default|sysconfig)[\\/][^\\/.]+$/.test(filePath)) &&
            JVM_ASSIGNMENT.test(head))
            return 'java.shell-env';
        return undefined;
    },
    parse(file, kind) {
        const index = new text_1.LineIndex(file.text);
        const batch = /\.(bat|cmd)$/i.test(file.path);
        const comments = [];
        const properties = [];
        /** Secret `-D` words no application's JVM receives (./java/java-launch.ts): still secrets in the file. */
        const elsewhereSecrets = [];
        const environment = [];
        const springArguments = [];
        const javaHomes = [];
        const continuation = batch ? /\^$/ : /\\$/;
        for (const logical of (0, jvm_args_1.logicalLines)(file.text, continuation)) {
            const text = file.text.slice(logical.start, logical.end);
            const lead = text.length - text.trimStart().length;
            const body = text.trimStart();
            const comment = batch ? /^(rem\b|::|@rem\b)/i.exec(body) : /^#/.exec(body);
            if (comment) {
                const start = index.positionAt(logical.start + lead);
                comments.push({ text: body.slice(comment[0].length), range: { start, end: index.positionAt(logical.end) } });
                continue;
            }
            // A trailing `# comment` on a shell line (outside quotes) is a comment too.
            let end = logical.end;
            if (!batch) {
                const hash = trailingCommentAt(text);
                if (hash !== -1) {
                    end = logical.start + hash;
                    comments.push({ text: text.slice(hash + 1), range: index.rangeAt(end, logical.end) });
                }
            }
            const assigned = /^(?:export\s+|set\s+"?|setx\s+)?([A-Za-z_][\w]*)=/i.exec(body);
            const launched = (0, java_launch_1.scanLaunchProperties)(file.text, index, logical.start, end, assigned?.[1], { cmd: batch });
            properties.push(...launched.jvm);
            elsewhereSecrets.push(...launched.elsewhere.filter((p) => p.secret));
            // A line that prints (`echo java -jar app.jar --spring.profiles.active=test` in usage text) runs nothing.
            if (!PRINTS.test(body)) {
                for (const setting of (0, spring_environment_1.scanSpringEnvironment)(file.text, index, logical.start, end))
                    environment.push(setting);
                for (const argument of (0, spring_arguments_1.scanSpringArguments)(file.text, index, logical.start, end))
                    springArguments.push(argument);
            }
            for (const reference of (0, java_home_1.scanJavaHomes)(file.text, index, logical.start, end))
                javaHomes.push(reference);
        }
        return {
            file,
            kind,
            entries: [
                ...(0, jvm_args_1.propertyEntries)(properties),
                ...(0, jvm_args_1.propertyEntries)(elsewhereSecrets),
                ...(0, spring_environment_1.environmentEntries)(environment),
                ...(0, jvm_args_1.propertyEntries)(springArguments),
            ],
            comments,
            problems: [],
            data: { properties, javaHomes, springEnvironment: environment, springArguments },
        };
    },
};
function trailingCommentAt(line) {
    let quote;
    for (let i = 0; i < line.length; i++) {
        const ch = line[i];
        if (quote) {
            if (ch === quote)
                quote = undefined;
            else if (ch === '\\' && quote === '"')
                i++;
        }
        else if (ch === '"' || ch === "'")
            quote = ch;
        else if (ch === '\\')
            i++;
        else if (ch === '#' && (i === 0 || /\s/.test(line.charAt(i - 1))))
            return i;
    }
    return -1;
}
