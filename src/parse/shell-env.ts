import type { Range } from '../core/types';
import type { Comment, Entry, FormatHandler, ParsedDocument, ParseProblem, SourceFile } from './types';
import { LineIndex } from './text';
import { basenameOf, logicalLines, propertyEntries, type JvmOptionsData, type JvmProperty } from './java/jvm-args';
import { scanLaunchProperties } from './java/java-launch';
import { scanJavaHomes, type JavaHomeReference } from './java/java-home';
import { environmentEntries, scanSpringEnvironment } from './java/spring-environment';
import { scanSpringArguments } from './java/spring-arguments';
import { isSolrInclude, solrIncludeEntry } from './solr-include';
import { failedFirstCommand, failedFirstCommandProblem } from './byte-order-mark';

/**
 * Shell and batch start scripts that set JVM options: Tomcat `setenv.sh`/`setenv.bat`,
 * Liberty `server.env`, and any `.sh`/`.bat`/`.cmd` that sets `JAVA_OPTS`, `CATALINA_OPTS`,
 * `JAVA_TOOL_OPTIONS`, `JDK_JAVA_OPTIONS`, `IBM_JAVA_OPTIONS`, `JVM_ARGS`, passes TLS `-D` options or picks the
 * Spring profile or passes Spring's TLS settings as arguments, and Solr's include file (`solr.in.sh`, `solr.in.cmd`),
 * whose `SOLR_SSL_*` lines are entries too (./solr-include.ts).
 * Every `-Dname=value` outside comments is read, with the variable it is assigned to.
 */
const JVM_VARIABLES =
  /\b(JAVA_OPTS|CATALINA_OPTS|JAVA_TOOL_OPTIONS|JDK_JAVA_OPTIONS|_JAVA_OPTIONS|IBM_JAVA_OPTIONS|JVM_ARGS|JVM_OPTS|JAVA_ARGS)\b/;
const JVM_ASSIGNMENT = new RegExp(`^\\s*(export\\s+)?${JVM_VARIABLES.source.replace(/\\b/g, '')}=`, 'm');
const TLS_OPTION = /-D(jdk\.tls\.|https\.protocols|com\.ibm\.jsse2\.|javax\.net\.ssl\.|java\.security\.properties)/;
/**
 * A start script that picks the Spring profile or the configuration's location, or passes Spring's TLS settings as
 * arguments or `-D` options (names only Spring uses), or a Java start that exports `SERVER_SSL_*`.
 */
const SPRING_START =
  /\bSPRING_(PROFILES_ACTIVE|CONFIG_LOCATION)=|(-D|--)spring\.(profiles\.active|config\.location)=|(-D|--)server\.(ssl\.[\w.-]+|port)=/;
/** Spring Boot's environment spelling of a server.ssl setting, and a script line that starts a JVM. */
const SPRING_SSL_VARIABLE = /\bSERVER_SSL_[A-Z_]+=/;
const JAVA_COMMAND = /(^|[\s/"'])java(\.exe)?\s|\s-jar\s/m;
/** A command that prints its arguments. */
const PRINTS = /^@?(echo|printf)\b/i;
/** A start script that names its JDK by an absolute path (issue 13: runtimes attached as installs are laid out). */
const JDK_PATH = /\b(JAVA_HOME|JRE_HOME)=["']?\/|\/bin\/java(?![\w.-])/;

export const shellEnvFormat: FormatHandler<JvmOptionsData> = {
  id: 'shell-env',
  classify(filePath, head) {
    const base = basenameOf(filePath);
    if (/^setenv\.(sh|bat|cmd)$/.test(base) || base === 'server.env' || isSolrInclude(filePath))
      return 'java.shell-env';
    if (
      /\.(sh|bash|ksh|bat|cmd|env)$/.test(base) &&
      (JVM_VARIABLES.test(head) || TLS_OPTION.test(head) || JDK_PATH.test(head))
    )
      return 'java.shell-env';
    // Not `.env` files: Docker Compose reads those for its own substitutions, not as the app's environment.
    if (/\.(sh|bash|ksh|bat|cmd)$/.test(base) && SPRING_START.test(head)) return 'java.shell-env';
    // SERVER_SSL_* only where the script starts Java: Kibana's start reads SERVER_SSL_ENABLED too.
    if (/\.(sh|bash|ksh|bat|cmd)$/.test(base) && SPRING_SSL_VARIABLE.test(head) && JAVA_COMMAND.test(head))
      return 'java.shell-env';
    // Environment files a service manager reads (`/etc/default/…`, `/etc/sysconfig/…`, `*.default`): by content.
    if (
      (/\.default$/.test(base) || /(^|[\\/])(default|sysconfig)[\\/][^\\/.]+$/.test(filePath)) &&
      JVM_ASSIGNMENT.test(head)
    )
      return 'java.shell-env';
    return undefined;
  },
  parse(file, kind): ParsedDocument<JvmOptionsData> {
    const index = new LineIndex(file.text);
    const batch = /\.(bat|cmd)$/i.test(file.path);
    const comments: Comment[] = [];
    const properties: JvmProperty[] = [];
    /** Secret `-D` words no application's JVM receives (./java/java-launch.ts): still secrets in the file. */
    const elsewhereSecrets: JvmProperty[] = [];
    const environment: JvmProperty[] = [];
    const springArguments: JvmProperty[] = [];
    const javaHomes: JavaHomeReference[] = [];
    const solrSettings: Entry[] = [];
    const solr = isSolrInclude(file.path);
    const continuation = batch ? /\^$/ : /\\$/;
    for (const logical of logicalLines(file.text, continuation)) {
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
      const solrSetting = solr && lead === 0 ? solrIncludeEntry(file, index, logical.start, end) : undefined;
      if (solrSetting) solrSettings.push(solrSetting);
      const assigned = /^(?:export\s+|set\s+"?|setx\s+)?([A-Za-z_][\w]*)=/i.exec(body);
      const launched = scanLaunchProperties(file.text, index, logical.start, end, assigned?.[1], { cmd: batch });
      properties.push(...launched.jvm);
      elsewhereSecrets.push(...launched.elsewhere.filter((p) => p.secret));
      // A line that prints (`echo java -jar app.jar --spring.profiles.active=test` in usage text) runs nothing.
      if (!PRINTS.test(body)) {
        for (const setting of scanSpringEnvironment(file.text, index, logical.start, end)) environment.push(setting);
        for (const argument of scanSpringArguments(file.text, index, logical.start, end))
          springArguments.push(argument);
      }
      for (const reference of scanJavaHomes(file.text, index, logical.start, end)) javaHomes.push(reference);
    }
    const problems = batch
      ? []
      : firstCommandNotRun(file, index, { properties, environment, springArguments, javaHomes });
    return {
      file,
      kind,
      entries: [
        ...propertyEntries(properties),
        ...propertyEntries(elsewhereSecrets),
        ...environmentEntries(environment),
        ...propertyEntries(springArguments),
        ...solrSettings,
      ],
      comments,
      problems,
      data: { properties, javaHomes, springEnvironment: environment, springArguments },
    };
  },
};

/**
 * A script that starts with a UTF-8 byte order mark: its first command does not run in bash or dash
 * (./byte-order-mark.ts), nor Liberty's server.env's first line in Liberty's server script: what it sets is removed
 * from `found` and said.
 */
function firstCommandNotRun(
  file: SourceFile,
  index: LineIndex,
  found: {
    properties: JvmProperty[];
    environment: JvmProperty[];
    springArguments: JvmProperty[];
    javaHomes: JavaHomeReference[];
  },
): ParseProblem[] {
  const failed = failedFirstCommand(file, basenameOf(file.path) === 'server.env', firstCommandEnd);
  if (!failed) return [];
  const inFailed = (range: Range) => index.offsetAt(range.start) < failed.end;
  const dropped: string[] = [];
  const keep = <T>(list: T[], rangeOf: (item: T) => Range, nameOf: (item: T) => string) => {
    const kept: T[] = [];
    for (const item of list)
      if (inFailed(rangeOf(item))) dropped.push(nameOf(item));
      else kept.push(item);
    list.splice(0, list.length, ...kept);
  };
  keep(
    found.properties,
    (p) => p.nameRange,
    (p) => `-D${p.name}`,
  );
  keep(
    found.environment,
    (p) => p.nameRange,
    (p) => p.via ?? p.name,
  );
  keep(
    found.springArguments,
    (p) => p.nameRange,
    (p) => `--${p.name}`,
  );
  keep(
    found.javaHomes,
    (h) => h.range,
    (h) => h.via,
  );
  if (dropped.length === 0) return [];
  return [failedFirstCommandProblem(failed, index.rangeAt(0, failed.word.length), [...new Set(dropped)])];
}

function trailingCommentAt(line: string): number {
  return unquotedIndex(line, (i) => line[i] === '#' && (i === 0 || /\s/.test(line.charAt(i - 1))));
}

/**
 * Where the shell's first command in `text` ends: at a line end, `;`, `|`, `||`, `&` or a comment; `&&` carries a
 * failure on to the next command, so it does not end it.
 */
function firstCommandEnd(text: string): number {
  const end = unquotedIndex(text, (i) => {
    const ch = text[i];
    if (ch === '#') return /\s/.test(text.charAt(i - 1));
    if (ch === '&') return text[i + 1] !== '&' && text[i - 1] !== '&';
    return ch === '\n' || ch === ';' || ch === '|';
  });
  return end === -1 ? text.length : end;
}

/** The first index of `text` outside quotes and escapes where `stops` holds, or -1. */
function unquotedIndex(text: string, stops: (index: number) => boolean): number {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"') i++;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '\\') i++;
    else if (stops(i)) return i;
  }
  return -1;
}
