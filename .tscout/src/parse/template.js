"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TEMPLATE_SUFFIX = void 0;
exports.innerTemplateName = innerTemplateName;
exports.scanTemplate = scanTemplate;
exports.mavenFiltered = mavenFiltered;
exports.templateSpanAt = templateSpanAt;
exports.substitutedSpansAt = substitutedSpansAt;
exports.templateBranchAt = templateBranchAt;
const text_1 = require("./text");
const path_name_1 = require("../core/path-name");
const template_groovy_1 = require("./template-groovy");
const template_tags_1 = require("./template-tags");
const template_text_1 = require("./template-text");
const template_terraform_1 = require("./template-terraform");
/** Suffixes that say "this is a template (or sample) of the file named before them". */
exports.TEMPLATE_SUFFIX = /_template$|\.(tpl|tftpl|j2|jinja2?|template|tmpl|gotmpl|gtpl|ctmpl|mustache|erb|epp|sample|example|dist)$/i;
/** `nginx.conf.j2` → `nginx.conf`; undefined when the name has no template suffix. */
function innerTemplateName(filePath) {
    const stripped = filePath.replace(exports.TEMPLATE_SUFFIX, '');
    if (stripped === filePath)
        return undefined;
    const base = (0, path_name_1.lastPathSegment)(stripped);
    // A partial (Helm `_helpers.tpl`) renders to no file of its own.
    return !base.startsWith('_') && (base.includes('.') || /^[\w-]+$/.test(base)) ? stripped : undefined;
}
/**
 * Template syntax of a text, or undefined when it holds none. `namedTemplate`: the file's name says it
 * is a template, so `${VAR}` and `$UPPER_CASE` placeholders (envsubst) are template values too, and Terraform's
 * `%{ for … }` directives are directives. `terraform`: a `.tftpl` file, every `${…}` and `%{…}` is Terraform's.
 * `yaml`: the file renders to YAML (a Helm manifest, `*.yaml.j2`), whose lines a `{{-` tag alone on its line may empty.
 */
function scanTemplate(text, namedTemplate = false, mavenFiltered = false, terraform = false, yaml = false) {
    const scanned = /\{\{|\{%|\{#|<%|\[%|\[#|\[\/|\[\[|\[\(/.test(text) ? (0, template_tags_1.scanTags)(text) : [];
    const terraformScanned = namedTemplate && /[$%]\{/.test(text)
        ? (0, template_terraform_1.terraformTags)(text, terraform).filter((t) => !scanned.some((s) => s.start < t.end && t.start < s.end))
        : [];
    const withTerraform = terraformScanned.length
        ? [...scanned, ...terraformScanned].sort((a, b) => a.start - b.start)
        : scanned;
    const tags = namedTemplate && text.includes('${') ? (0, template_groovy_1.withGroovyExpressions)(text, withTerraform) : withTerraform;
    // Most files of a tree hold no template syntax: they are answered before the line index and the per-character copy
    // below (generator-jhipster@b622d1a: a third of a run's CPU went there for files that are no template).
    if (tags.length === 0 && !namedTemplate && !(mavenFiltered && text.includes('@')))
        return undefined;
    const index = new text_1.LineIndex(text);
    const groovy = tags.some((t) => t.engine === 'groovy');
    // A Groovy template writes a literal dollar `\$`.
    const envSpans = namedTemplate
        ? placeholderSpans(text, index, tags, ENV_PLACEHOLDER, 'env').filter((s) => !groovy || text[s.start - 1] !== '\\')
        : [];
    const mavenSpans = mavenFiltered && text.includes('@')
        ? placeholderSpans(text, index, tags, MAVEN_PLACEHOLDER, 'maven', 'Maven resource filtering puts it in when the app is built')
        : [];
    const chars = (0, template_text_1.codeUnits)(text);
    // A build-time value becomes a same-length `${name}` placeholder, as a template's output expression does.
    for (const span of mavenSpans)
        (0, template_text_1.overwrite)(chars, span.start, placeholder(span.text, 1));
    if (tags.length === 0) {
        const spans = [...envSpans, ...mavenSpans].sort((a, b) => a.start - b.start);
        const engines = [
            ...(envSpans.length ? ['env'] : []),
            ...(mavenSpans.length ? ['maven'] : []),
        ];
        return spans.length > 0 ? { engines, spans, masked: (0, template_text_1.textOf)(chars), branches: [] } : undefined;
    }
    const blank = (out, start, end) => {
        for (let k = start; k < end; k++)
            if (out[k] !== template_text_1.LF && out[k] !== template_text_1.CR)
                out[k] = template_text_1.SPACE;
    };
    const spans = [];
    for (const t of tags) {
        const source = text.slice(t.start, t.end);
        const alone = (0, template_text_1.aloneOnLine)(text, t.start, t.end) || /[\r\n]/.test(source) || rendersBlockBelow(text, t, source);
        // An include inside a line (`Name={{ include "x.name" . }}`) is a value like any other.
        const kind = (t.kind === 'value' || t.kind === 'generated') && !alone ? 'value' : t.kind === 'value' ? 'generated' : t.kind;
        spans.push({
            kind,
            engine: t.engine,
            text: source,
            start: t.start,
            end: t.end,
            range: index.rangeAt(t.start, t.end),
            inline: kind === 'directive' && !alone,
        });
        if (kind === 'value')
            (0, template_text_1.overwrite)(chars, t.start, placeholder(source, 2, t.engine === 'groovy' || t.engine === 'terraform' ? 1 : 2));
        else
            blank(chars, t.start, t.end);
    }
    if (yaml)
        hoistTrimmedLines(chars, tags, text);
    const masked = (0, template_text_1.textOf)(chars);
    const { elseRegions, branches } = conditionals(tags, text, index);
    let firstBranch;
    if (elseRegions.length > 0) {
        const alt = chars.slice();
        for (const [start, end] of elseRegions)
            blank(alt, start, end);
        firstBranch = (0, template_text_1.textOf)(alt);
    }
    const engines = [...new Set(tags.map((t) => t.engine))];
    // `{{ x }}` reads alike in Go and Mustache: a file with Mustache's own tags (sections, comments, partials) is Mustache.
    if (engines.includes('mustache') && engines.includes('go'))
        engines.splice(engines.indexOf('go'), 1);
    if (envSpans.length > 0)
        engines.push('env');
    if (mavenSpans.length > 0)
        engines.push('maven');
    const all = [...spans, ...envSpans, ...mavenSpans].sort((a, b) => a.start - b.start);
    return { engines, spans: all, masked, firstBranch, branches };
}
/** `@project.version@`, `'@spring.profiles.active@'`: a name of two characters or more between `@`s. */
const MAVEN_PLACEHOLDER = /@[A-Za-z_][\w.-]*\w@/g;
/**
 * Whether Maven resource filtering replaces `@name@` in this file when the app is built: the Spring Boot parent
 * POM filters `application*.yml|yaml|properties` under `src/main/resources` with `resource.delimiter` `@`
 * (https://docs.spring.io/spring-boot/how-to/properties-and-configuration.html#howto.properties-and-configuration.expand-properties.maven).
 */
function mavenFiltered(filePath) {
    return /(?:^|[\\/])src[\\/]main[\\/]resources[\\/](?:[^\\/]+[\\/])*application[^\\/]*\.(?:ya?ml|properties)$/.test(filePath);
}
/**
 * `${VAR}` (with a shell default), or `$VAR` whose name starts with a capital or `_` and may go on in mixed case
 * (`$CHANNELa`, `$QMnamea`: jjodl/mqoncp4i's unicluster.yaml_template, filled by envsubst). A name starting lower case
 * (`$host`, `$remote_addr`) is left alone: in an nginx template it is nginx's own variable, which envsubst must keep.
 */
const ENV_PLACEHOLDER = /\$\{[A-Za-z_][A-Za-z0-9_]*(?::?[-=?+][^}]*)?\}|\$[A-Z_][A-Za-z0-9_]*/g;
/** The matches of a placeholder pattern outside the template tags, as template values of that engine. */
function placeholderSpans(text, index, tags, pattern, engine, unknownBecause) {
    const spans = [];
    for (const m of text.matchAll(pattern)) {
        const start = m.index ?? 0;
        const end = start + m[0].length;
        if (tags.some((t) => t.start < end && start < t.end))
            continue;
        const range = index.rangeAt(start, end);
        spans.push({ kind: 'value', engine, text: m[0], start, end, range, ...(unknownBecause ? { unknownBecause } : {}) });
    }
    return spans;
}
/**
 * A Go tag alone on its line that trims the whitespace before it (`{{- if … }}`, `{{- include … | nindent 4 }}`) takes
 * its line away when rendered, line break before it included. Blanked, it left a line of spaces: inside a block scalar
 * (`- |` then `{{- if eq … "auto" }}` then the script: bitnami/charts@5165628 redis and valkey) a line more indented than
 * the text after it, which YAML refuses ("more-indented leading empty lines"). Its spaces move to the end of the line
 * before, whose line break moves down: no other character moves, so every position the parsers report stays.
 * Bottom-up, so that a run of such lines all empty into the line above them. YAML only: trailing blanks end no YAML
 * value, but a `.properties` value keeps them (java.util.Properties trims only leading ones).
 */
function hoistTrimmedLines(chars, tags, text) {
    for (let i = tags.length - 1; i >= 0; i--) {
        const t = tags[i];
        if (t.engine !== 'go' || !text.startsWith('{{-', t.start))
            continue;
        // Line breaks as they stand now: a line below may already have emptied into this one.
        let lineStart = t.start;
        while (lineStart > 0 && chars[lineStart - 1] !== template_text_1.LF)
            lineStart--;
        let lineEnd = t.end;
        while (lineEnd < chars.length && chars[lineEnd] !== template_text_1.LF)
            lineEnd++;
        if (lineStart < 2 || lineEnd === chars.length || chars[lineStart - 2] === template_text_1.CR)
            continue;
        let blank = true;
        for (let k = lineStart; k < lineEnd && blank; k++)
            blank = chars[k] === template_text_1.SPACE || chars[k] === template_text_1.TAB;
        if (!blank)
            continue;
        chars[lineStart - 1] = template_text_1.SPACE;
        chars[lineEnd - 1] = template_text_1.LF;
    }
}
/**
 * A Go template output that ends its line with `| nindent N` writes a newline and an indented block: what the key before
 * it (`labels: {{- include "common.labels.standard" … | nindent 4 }}`) holds starts on the next line, where the lines
 * after it may go on (bitnami/charts@5165628: minio, redis, valkey, grafana templates). Generated lines, like an
 * include alone on its line, not a value in the line: as `${…}` the key held a scalar and the lines below broke the YAML.
 */
function rendersBlockBelow(text, t, source) {
    return t.engine === 'go' && /\|\s*nindent\s+\d+\s*-?\}\}$/.test(source) && (0, template_text_1.blankToLineEnd)(text, t.end);
}
/**
 * `{{ .Env.PORT }}` → `${_Env_PORT____}`: same length, one word, an identifier parsers know as a placeholder.
 * `edge`: the width of the delimiters on each side (2 for `{{ }}`, 1 for Maven's `@ @`).
 */
function placeholder(source, edge = 2, right = edge) {
    const inner = source
        .slice(edge, -right)
        .replace(/^[-+=~]+/, '')
        .replace(/[-+]$/, '')
        .trim();
    let name = inner.replace(/[^A-Za-z0-9_]/g, '_');
    if (!/^[A-Za-z_]/.test(name))
        name = `_${name}`;
    const width = source.length - 3;
    name = (name + '_'.repeat(width)).slice(0, width);
    return `\${${name}}`;
}
/** [start, end) offsets of every `else` branch (from the `else` tag to its block's `end` tag), and every branch with its condition. */
function conditionals(tags, text, index) {
    const elseRegions = [];
    const branches = [];
    const stack = [];
    const tagText = (t) => text.slice(t.start, t.end).trim();
    const close = (top, at) => {
        if (!top.conditional)
            return;
        const condition = tagText(top.branchAt);
        const plainElse = top.branchAt !== top.open && top.elseAt === top.branchAt.start && PLAIN_ELSE.test(condition);
        branches.push({
            condition,
            range: index.rangeAt(top.branchAt.end, at.start),
            ...(plainElse ? { otherwise: tagText(top.open) } : {}),
        });
    };
    for (const t of tags) {
        if (t.role === 'open')
            stack.push({
                open: t,
                branchAt: t,
                conditional: CONDITIONAL.test(text.slice(t.start + 2, t.end - 2).replace(/^[-+=~]*\s*/, '')),
            });
        else if (t.role === 'else') {
            const top = stack[stack.length - 1];
            if (!top)
                continue;
            close(top, t);
            top.branchAt = t;
            top.elseAt ??= t.start;
        }
        else if (t.role === 'end') {
            const top = stack.pop();
            if (!top)
                continue;
            close(top, t);
            if (top.elseAt !== undefined)
                elseRegions.push([top.elseAt, t.start]);
        }
    }
    return { elseRegions, branches };
}
/**
 * Go and Jinja write `if` (Template Toolkit `IF`, Thymeleaf's textual `[# th:if="…"]`); a Mustache section `{{#ssl}}`,
 * `{{^ssl}}` renders or not by its value (Handlebars `{{#if ssl}}`; its `{{#each}}` is a loop).
 */
const CONDITIONAL = /^(th:block\s+)?(th:)?(if|unless|with|case)\b|^[#^](?!each\b)/i;
/** `{% else %}`, `<% else -%>`, `{{- else }}`: no condition of its own (not `elif`, `else if`). */
const PLAIN_ELSE = /^(\{\{|\{%|<%|\[%|%\{)[-+=~_]?\s*else\s*[-+_~]?(%\}|\}\}|%>|%\]|\})$/i;
/** The template span a range rests on (a value, generated lines or a directive inside the line), if any. */
function templateSpanAt(info, range) {
    const before = (a, b) => a.line < b.line || (a.line === b.line && a.character < b.character);
    const same = (a, b) => a.line === b.line && a.character === b.character;
    // An empty range (a parser's error position) is a point: on the span from its first character.
    const point = same(range.start, range.end);
    return info.spans.find((s) => (s.kind === 'value' || s.kind === 'generated' || s.inline) &&
        !s.substituted &&
        (before(s.range.start, range.end) || (point && same(s.range.start, range.start))) &&
        before(range.start, s.range.end));
}
/** The Helm values put in (chart defaults) that a range rests on. */
function substitutedSpansAt(info, range) {
    const before = (a, b) => a.line < b.line || (a.line === b.line && a.character < b.character);
    const same = (a, b) => a.line === b.line && a.character === b.character;
    return info.spans.filter((s) => s.substituted &&
        (before(s.range.start, range.end) || same(s.range.start, range.start)) &&
        before(range.start, s.range.end));
}
/** The innermost conditional branch a position lies in, if any. */
function templateBranchAt(info, at) {
    const le = (a, b) => a.line < b.line || (a.line === b.line && a.character <= b.character);
    let found;
    for (const b of info.branches)
        if (le(b.range.start, at) && le(at, b.range.end) && (!found || le(found.range.start, b.range.start)))
            found = b;
    return found;
}
