"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.mavenSpringBoot = mavenSpringBoot;
exports.gradleSpringBoot = gradleSpringBoot;
exports.mavenDropwizard = mavenDropwizard;
exports.gradleDropwizard = gradleDropwizard;
/** The text with comments blanked out (same length, so offsets stay those of the file). */
function withoutComments(text, xml) {
    const blank = (m) => m.replace(/[^\n]/g, ' ');
    return xml
        ? text.replace(/<!--[\s\S]*?-->/g, blank)
        : text.replace(/\/\*[\s\S]*?\*\//g, blank).replace(/^[ \t]*\/\/.*$/gm, blank);
}
const MAVEN_ARTIFACTS = {
    'spring-boot-starter-parent': 'the Maven parent spring-boot-starter-parent',
    'spring-boot-dependencies': 'the Maven BOM spring-boot-dependencies',
    'spring-boot-maven-plugin': 'the version of spring-boot-maven-plugin',
};
/** A pom's `<properties>`, each with where its value starts (the first of a name wins). */
function pomProperties(source) {
    const properties = new Map();
    const block = /<properties>([\s\S]*?)<\/properties>/.exec(source);
    if (block)
        for (const p of block[1].matchAll(/<([\w.-]+)>\s*([^<]*?)\s*<\/\1>/g)) {
            const start = block.index + '<properties>'.length + p.index + p[0].indexOf(p[2], p[1].length + 2);
            if (!properties.has(p[1]))
                properties.set(p[1], { value: p[2], start });
        }
    return properties;
}
/** A pom's Spring Boot release, or undefined. */
function mavenSpringBoot(text, index) {
    const source = withoutComments(text, true);
    const properties = pomProperties(source);
    const found = [];
    for (const element of source.matchAll(/<(parent|dependency|plugin)>([\s\S]*?)<\/\1>/g)) {
        // The element's own coordinates: those of a plugin's nested dependencies or configuration are not its own.
        const own = element[2].split(/<(?:configuration|dependencies|executions|exclusions)>/)[0];
        const artifact = /<artifactId>\s*([^<]+?)\s*<\/artifactId>/.exec(own)?.[1];
        const group = /<groupId>\s*([^<]+?)\s*<\/groupId>/.exec(own)?.[1];
        const version = /<version>\s*([^<]+?)\s*<\/version>/.exec(own);
        if (!artifact || !MAVEN_ARTIFACTS[artifact] || !version)
            continue;
        if (group !== undefined && group !== 'org.springframework.boot')
            continue;
        if (element[1] === 'dependency' && artifact !== 'spring-boot-dependencies')
            continue;
        const at = element.index + element[0].indexOf(element[2]) + version.index + version[0].indexOf(version[1]);
        const written = resolve({ value: version[1], start: at }, properties);
        if (!written)
            continue;
        const rank = element[1] === 'parent' ? 0 : element[1] === 'dependency' ? 1 : 2;
        found.push({ rank, declaration: declaration(written, index, MAVEN_ARTIFACTS[artifact]) });
    }
    return found.sort((a, b) => a.rank - b.rank)[0]?.declaration;
}
const GRADLE_PLUGIN = /\bid\s*\(?\s*["']org\.springframework\.boot["']\s*\)?\s*\.?\s*version\s*\(?\s*["']([^"'\n]+)["']/g;
const GRADLE_COORDINATE = /["']org\.springframework\.boot:spring-boot-(gradle-plugin|dependencies):([^"'\n:@]+)["']/g;
/** A Gradle build script's Spring Boot release, or undefined. */
function gradleSpringBoot(text, index) {
    const source = withoutComments(text, false);
    const variables = new Map();
    // `springBootVersion = '2.7.18'` (an `ext {}` block), `set('springBootVersion', "…")`, `extra["…"] = "…"`.
    const assignment = /(?:\b([\w.]+)\s*=\s*|\bset\(\s*["']([\w.]+)["']\s*,\s*|\bextra\[\s*["']([\w.]+)["']\s*\]\s*=\s*)["']([^"'\n$]+)["']/g;
    for (const m of source.matchAll(assignment)) {
        const name = (m[1] ?? m[2] ?? m[3]).replace(/^(ext|project\.ext)\./, '');
        if (!variables.has(name))
            variables.set(name, { value: m[4], start: m.index + m[0].lastIndexOf(m[4]) });
    }
    for (const m of source.matchAll(GRADLE_PLUGIN)) {
        const written = resolve({ value: m[1], start: m.index + m[0].lastIndexOf(m[1]) }, variables);
        if (written)
            return declaration(written, index, 'the Gradle plugin org.springframework.boot');
    }
    for (const m of source.matchAll(GRADLE_COORDINATE)) {
        const written = resolve({ value: m[2], start: m.index + m[0].lastIndexOf(m[2]) }, variables);
        if (written)
            return declaration(written, index, `org.springframework.boot:spring-boot-${m[1]}`);
    }
    return undefined;
}
/** A written version, or the variable it names (`${spring-boot.version}`, `$springBootVersion`); undefined if unset. */
function resolve(written, variables) {
    const name = /^\$\{([\w.-]+)\}$|^\$([\w.]+)$/.exec(written.value);
    if (!name)
        return written.value.includes('$') ? undefined : written;
    const value = variables.get((name[1] ?? name[2]));
    return value && !value.value.includes('$') ? value : undefined;
}
function declaration(written, index, by) {
    return { version: written.value, range: index.rangeAt(written.start, written.start + written.value.length), by };
}
/**
 * The Dropwizard release of a build file's project, read the same way: Maven, the first `io.dropwizard` artifact
 * with a `<version>` (a `<dependency>` — also the `dropwizard-bom`/`dropwizard-dependencies` import of
 * `<dependencyManagement>` — or the `<parent>` `dropwizard-parent`), `${name}` from the pom's `<properties>`;
 * Gradle, the first `io.dropwizard:<artifact>:<version>` coordinate (`$name` / `${name}` from an `ext` assignment).
 * `io.dropwizard.metrics` and `io.dropwizard.modules` are other groups with their own releases.
 */
function mavenDropwizard(text, index) {
    const source = withoutComments(text, true);
    const properties = pomProperties(source);
    for (const element of source.matchAll(/<(parent|dependency)>([\s\S]*?)<\/\1>/g)) {
        const own = element[2].split(/<(?:exclusions)>/)[0];
        const group = /<groupId>\s*([^<]+?)\s*<\/groupId>/.exec(own)?.[1];
        const artifact = /<artifactId>\s*([^<]+?)\s*<\/artifactId>/.exec(own)?.[1];
        const version = /<version>\s*([^<]+?)\s*<\/version>/.exec(own);
        if (group !== 'io.dropwizard' || !artifact || !version)
            continue;
        const at = element.index + element[0].indexOf(element[2]) + version.index + version[0].indexOf(version[1]);
        const written = resolve({ value: version[1], start: at }, properties);
        if (written)
            return declaration(written, index, `the Maven ${element[1]} io.dropwizard:${artifact}`);
    }
    return undefined;
}
const GRADLE_DROPWIZARD = /["']io\.dropwizard:([\w.-]+):([^"'\n:@]+)["']/g;
function gradleDropwizard(text, index) {
    const source = withoutComments(text, false);
    const variables = new Map();
    for (const m of source.matchAll(/\b([\w.]+)\s*=\s*["']([^"'\n$]+)["']/g)) {
        const name = m[1].replace(/^(ext|project\.ext)\./, '');
        if (!variables.has(name))
            variables.set(name, { value: m[2], start: m.index + m[0].lastIndexOf(m[2]) });
    }
    for (const m of source.matchAll(GRADLE_DROPWIZARD)) {
        const written = resolve({ value: m[2], start: m.index + m[0].lastIndexOf(m[2]) }, variables);
        if (written)
            return declaration(written, index, `io.dropwizard:${m[1]}`);
    }
    return undefined;
}
