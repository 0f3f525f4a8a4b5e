"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.scanJavaHomes = scanJavaHomes;
/** `JAVA_HOME=/…` / `JRE_HOME=/…` (shell, systemd `Environment=`, Dockerfile `ENV K=V`) and `ENV JAVA_HOME /…`. */
const HOME_ASSIGNMENT = /\b(JAVA_HOME|JRE_HOME)(?:\s*=\s*|\s+)(["']?)(\/[^\s"';:$`]+)/g;
/** An absolute `…/bin/java` command (not `javac`, `javaw`, `java.security`). */
const JAVA_COMMAND = /(^|[\s"'=[,(])(\/[^\s"';:$`=]+?)\/bin\/java(?![\w.-])/g;
/**
 * Absolute JDK paths named in `text[from, to)`. Paths holding a variable (`$CATALINA_HOME/jre`) are
 * not read: what they expand to is not in the file.
 */
function scanJavaHomes(text, index, from = 0, to = text.length) {
    const slice = text.slice(from, to);
    const found = [];
    for (const m of slice.matchAll(HOME_ASSIGNMENT)) {
        const start = from + (m.index ?? 0) + m[0].length - m[3].length;
        if (/\$/.test(slice.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 1)))
            continue;
        found.push({ path: m[3], range: index.rangeAt(start, start + m[3].length), via: m[1] });
    }
    for (const m of slice.matchAll(JAVA_COMMAND)) {
        const start = from + (m.index ?? 0) + m[1].length;
        if (found.some((f) => f.path === m[2] || m[2].startsWith(f.path)))
            continue; // `$JAVA_HOME/bin/java` after `JAVA_HOME=…` names nothing new
        found.push({ path: m[2], range: index.rangeAt(start, start + m[2].length), via: 'java command' });
    }
    return found;
}
