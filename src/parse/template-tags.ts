/**
 * The tags of a template text (Go/Helm `{{ }}`, Jinja `{% %}` `{{ }}` `{# #}`, ERB/EJS `<% %>`, Template Toolkit
 * `[% %]`), each with its engine, what it stands for (a value, a directive, generated lines, a comment) and its role in
 * a block (opens, `else`, ends). src/parse/template.ts builds spans and branches from them.
 */
/**
 * `env`: `${VAR}`/`$VAR` placeholders of a file named as a template (envsubst, sed). `maven`: `@name@` placeholders
 * that Maven resource filtering replaces when the app is built (Spring Boot's parent POM filters
 * `application*.{yml,yaml,properties}` under `src/main/resources` with the `@` delimiter).
 */
/** `script`: a literal a script of the tree replaces with `sed` before the file is used (src/parse/script-substitutions.ts). */
/** `mustache`: Mustache/Handlebars' own tags (`{{#x}}`, `{{^x}}`, `{{/x}}`, `{{! }}`, `{{> }}`); `{{ x }}` alone reads as `go`. */
/**
 * `fill-in`: an upper-case name in angle brackets where XML cannot hold it (`connectionUrl="tcp://<CICSTG_IP_ADDRESS>"`),
 * which the file's user replaces before it is used (./template-fill-ins.ts).
 */
/** `compose`: a Compose file's `${VAR}` that the `.env` beside it sets (src/parse/compose-env.ts). */
/**
 * `tt`: Template Toolkit's `[% name %]` (Perl's Template Toolkit syntax), also the literal placeholders an installer
 * replaces (DIGI-UW/OpenELIS-Global-2 install/installerTemplate/linux/setup_OpenELIS.py replaces `[% oe_name %]`).
 */
/**
 * `groovy`: Groovy's SimpleTemplateEngine / GStringTemplateEngine `${expression}` (their `<% %>` and `<%= %>` read as
 * ERB's), https://docs.groovy-lang.org/latest/html/api/groovy/text/SimpleTemplateEngine.html.
 */
/** `terraform`: Terraform's `${…}` and `%{ … }` in a file templatefile() renders (./template-terraform.ts). */
/**
 * `php`: PHP's `<?php … ?>` and `<?= … ?>` in a configuration file PHP renders (Inist-CNRS/pkgi writes every file of
 * its environments, apache2.conf and Tomcat's server.xml among them, through `php`): `<?xml … ?>` is no such tag.
 */
/**
 * `thymeleaf`: Thymeleaf's textual template modes (TEXT, JAVASCRIPT, CSS): elements `[# th:if="${x}"]` … `[/]` (also
 * `[#th:block …]` … `[/th:block]`), `[# th:text="${x}"/]`, and inlined expressions `[[${x}]]`, `[(${x})]`
 * (https://www.thymeleaf.org/doc/tutorials/3.1/usingthymeleaf.html#textual-syntax). eclipse/microprofile-starter
 * renders every configuration file of the projects it generates from such templates (application.properties.tpl,
 * server.xml.tpl).
 */
export type TemplateEngine =
  | 'go'
  | 'mustache'
  | 'jinja'
  | 'erb'
  | 'tt'
  | 'groovy'
  | 'terraform'
  | 'thymeleaf'
  | 'php'
  | 'env'
  | 'maven'
  | 'script'
  | 'compose'
  | 'fill-in';

export type TemplateSpanKind =
  /** An output expression inside a line: its value is unknown until rendered. */
  | 'value'
  /** An output expression alone on its line(s), or an include: unknown generated content. */
  | 'generated'
  /** A control directive (`if`, `range`, `end`, `{% for %}`, `<% end %>`) or assignment. */
  | 'directive'
  | 'comment';

export type Role = 'open' | 'else' | 'end' | 'none';

export interface Tag {
  engine: TemplateEngine;
  kind: TemplateSpanKind;
  role: Role;
  start: number;
  end: number;
}

const GO_OPEN = /^(if|range|with|define|block)\b/;
const GO_GENERATED = /^(template|include)\b/;
const JINJA_OPEN = /^(if|for|macro|call|filter|block|raw|with|autoescape)\b/;
const JINJA_GENERATED = /^(include|import|from|extends)\b/;
const ERB_OPEN = /^(if|unless|case|while|until|for|begin)\b|\bdo(\s*\|[^|]*\|)?\s*$/;

/** Finds the template tags of a text; undefined when it holds none. */
const RAW = /^[-+]?\s*raw\s*[-+]?$/;
const ENDRAW = /\{%[-+]?\s*endraw\s*[-+]?%\}/g;

export function scanTags(text: string): Tag[] {
  const tags: Tag[] = [];
  // Whether the text holds a Thymeleaf element: only then is `[/]` its end tag (not a character class `[/]`).
  let thymeleafElements: boolean | undefined;
  let i = 0;
  while (i < text.length) {
    const open = nextOpening(text, i);
    if (open < 0) break;
    const two = text.slice(open, open + 2);
    if (two === '[#' || two === '[/' || two === '[[' || two === '[(') {
      const tag = thymeleafTag(text, open, (thymeleafElements ??= THYMELEAF_ANY_ELEMENT.test(text)));
      if (tag) tags.push(tag);
      i = tag ? tag.end : open + 2;
      continue;
    }
    if (two === '[%') {
      // One line, spaced inside (`[% name %]`, `[%- IF x -%]`): `[%t] %-5p` in a log pattern is no tag.
      const lineEnd = text.indexOf('\n', open);
      const tag = TT_TAG.exec(text.slice(open, lineEnd < 0 ? text.length : lineEnd));
      if (tag) tags.push(classifyTtTag(tag[1]!, open, open + tag[0].length));
      i = open + (tag ? tag[0].length : 2);
      continue;
    }
    const close = two === '<%' ? '%>' : two === '<?' ? '?>' : two === '{%' ? '%}' : two === '{#' ? '#}' : '}}';
    const end = text.indexOf(close, open + 2);
    // `{#` unmatched nearby is not a Jinja comment (`${#array}` in shell, a literal brace).
    if (end < 0 || (two === '{#' && end - open > 4000)) {
      i = open + 2;
      continue;
    }
    // Mustache's triple braces (`{{{cert}}}`, output without HTML escaping) close with three.
    const tripled = two === '{{' && text[open + 2] === '{' && text[end + 2] === '}';
    const tagEnd = tripled ? end + 3 : end + 2;
    const content = tripled ? text.slice(open + 3, end) : text.slice(open + 2, end);
    tags.push(classifyTag(two, content, open, tagEnd));
    i = tagEnd;
    // Jinja's `{% raw %}` … `{% endraw %}`: the text between is output as written, tag-like characters and all
    // (an Apache LogFormat's `%{%s}t` inside would otherwise open a tag that runs to the next `%}`).
    if (two === '{%' && RAW.test(content)) {
      ENDRAW.lastIndex = tagEnd;
      const endRaw = ENDRAW.exec(text);
      if (endRaw) {
        tags.push(classifyTag('{%', endRaw[0].slice(2, -2), endRaw.index, endRaw.index + endRaw[0].length));
        i = endRaw.index + endRaw[0].length;
      }
    }
  }
  return tags;
}

function nextOpening(text: string, from: number): number {
  for (let i = from; i < text.length - 1; i++) {
    const c = text[i];
    const n = text[i + 1];
    if (c === '{' && (n === '{' || n === '%' || n === '#')) {
      // `${{ … }}` (GitHub Actions) and `${#var}` (shell) are not these templates.
      if (text[i - 1] === '$') continue;
      return i;
    }
    if (c === '<' && n === '%' && text[i + 2] !== '%') return i;
    if (c === '<' && n === '?' && PHP_OPENING.test(text.slice(i + 2, i + 6))) return i;
    if (c === '[' && (n === '%' || n === '#' || n === '/' || n === '[' || n === '(')) return i;
  }
  return -1;
}

/** A Template Toolkit tag at the start of the text: `[%` `-`/`+`/`#`, a space, the body, a space, `-`/`+`, `%]`. */
const TT_TAG = /^\[%([-+#]?[ \t][^\r\n]*?[ \t][-+]?)%\]/;
const TT_OPEN = /^(IF|UNLESS|FOREACH|FOR|WHILE|BLOCK|WRAPPER|SWITCH|FILTER|MACRO\b.*\bBLOCK)\b/;

function classifyTtTag(inner: string, start: number, end: number): Tag {
  const body = inner
    .replace(/^[-+]?\s*/, '')
    .replace(/\s*[-+]?$/, '')
    .trim();
  const tag = (kind: TemplateSpanKind, role: Role = 'none'): Tag => ({ engine: 'tt', kind, role, start, end });
  if (inner.startsWith('#')) return tag('comment');
  if (/^END\b/.test(body)) return tag('directive', 'end');
  if (/^(ELSE|ELSIF|CASE)\b/.test(body)) return tag('directive', 'else');
  if (TT_OPEN.test(body)) return tag('directive', 'open');
  if (/^(INCLUDE|PROCESS|INSERT)\b/.test(body)) return tag('generated');
  if (/^(SET|DEFAULT|CALL|USE|LAST|NEXT|RETURN|STOP)\b/.test(body) || /^\w+\s*=[^=]/.test(body))
    return tag('directive');
  return tag('value');
}

/** A Thymeleaf textual element: `[#`, `th:block` or not, `th:` attributes, `]` or `/]` (one line). */
const THYMELEAF_ELEMENT = /^\[#(?:th:block)?((?:[ \t]+th:[\w-]+(?:[ \t]*=[ \t]*"[^"\r\n]*")?)+)[ \t]*(\/?)\]/;
const THYMELEAF_END = /^\[\/(?:th:block)?\]/;
const THYMELEAF_ANY_ELEMENT = /\[#(?:th:block)?[ \t]+th:[\w-]/;
/** An inlined expression: `[[…]]` escaped, `[(…)]` unescaped, around a `${…}`, `*{…}`, `#{…}`, `@{…}` or `~{…}`. */
const THYMELEAF_INLINE = /^(?:\[\[[$*#@~]\{[^\r\n]*?\}\]\]|\[\([$*#@~]\{[^\r\n]*?\}\)\])/;
/** Attributes that write their value in place of the element. */
const THYMELEAF_OUTPUT = /\bth:(text|utext|insert|replace)\b/;

/** The Thymeleaf textual tag at `open`, or undefined when the text there is not one (a `[/path]`, a TOML `[[x]]`). */
function thymeleafTag(text: string, open: number, elements: boolean): Tag | undefined {
  const lineEnd = text.indexOf('\n', open);
  const line = text.slice(open, lineEnd < 0 ? text.length : lineEnd);
  const tag = (kind: TemplateSpanKind, role: Role, length: number): Tag => ({
    engine: 'thymeleaf',
    kind,
    role,
    start: open,
    end: open + length,
  });
  const element = THYMELEAF_ELEMENT.exec(line);
  if (element) {
    if (!element[2]) return tag('directive', 'open', element[0].length);
    return tag(THYMELEAF_OUTPUT.test(element[1]!) ? 'value' : 'directive', 'none', element[0].length);
  }
  const end = elements ? THYMELEAF_END.exec(line) : null;
  if (end) return tag('directive', 'end', end[0].length);
  const inline = THYMELEAF_INLINE.exec(line);
  return inline ? tag('value', 'none', inline[0].length) : undefined;
}

/** After `<?`: `php` and a space (or the tag's end), or `=` (short echo). */
const PHP_OPENING = /^(php(\s|\?|$)|=)/i;

/**
 * A PHP tag's role: `<?= $x ?>` and `echo`/`print` write a value; braces open and close blocks as in EJS
 * (`<?php if ($x) { ?>`, `<?php } else { ?>`, `<?php } ?>`), and so does the alternative syntax (`if ($x):`, `else:`,
 * `endif;`). https://www.php.net/manual/en/control-structures.alternative-syntax.php
 */
function classifyPhpTag(inner: string, start: number, end: number): Tag {
  const tag = (kind: TemplateSpanKind, role: Role = 'none'): Tag => ({ engine: 'php', kind, role, start, end });
  if (inner.startsWith('=')) return tag('value');
  const body = inner
    .replace(/^php/i, '')
    .trim()
    .replace(/[\s;]+$/, '');
  if (/^(echo|print)\b/i.test(body)) return tag('value');
  if (/^(\/\/|#|\/\*)/.test(body) && !/[\r\n]/.test(body)) return tag('comment');
  if (/^\}[\s)]*$/.test(body) || /^end(if|foreach|for|while|switch)$/i.test(body)) return tag('directive', 'end');
  if (/^\}.*\{$/.test(body) || /^(else|elseif|else\s+if)\b.*:$/i.test(body)) return tag('directive', 'else');
  if (/\{$/.test(body) || /^(if|foreach|for|while|switch)\b.*:$/i.test(body)) return tag('directive', 'open');
  return tag('directive');
}

function classifyTag(opening: string, inner: string, start: number, end: number): Tag {
  if (opening === '<?') return classifyPhpTag(inner, start, end);
  const body = inner
    .replace(/^[-+=~#]*\s*/, '')
    .replace(/\s*[-+]$/, '')
    .trim();
  const tag = (engine: TemplateEngine, kind: TemplateSpanKind, role: Role = 'none'): Tag => ({
    engine,
    kind,
    role,
    start,
    end,
  });
  if (opening === '{#') return tag('jinja', 'comment');
  if (opening === '<%') {
    if (inner.startsWith('#')) return tag('erb', 'comment');
    if (inner.startsWith('=')) return tag('erb', 'value');
    // EJS (JavaScript in the same tags, Yeoman generators' templates) opens and closes blocks with braces:
    // `<% if (x) { %>`, `<% } else { %>`, `<% } %>`; `<%_ … _%>` slurp whitespace.
    const js = body.replace(/^_\s*/, '').replace(/\s*_$/, '');
    if (/^end\b/.test(body) || /^\}[\s);]*$/.test(js)) return tag('erb', 'directive', 'end');
    if (/^(else|elsif|when|rescue|ensure)\b/.test(body) || /^\}.*\{$/.test(js)) return tag('erb', 'directive', 'else');
    return tag('erb', 'directive', ERB_OPEN.test(body) || /\{$/.test(js) ? 'open' : 'none');
  }
  if (opening === '{%') {
    if (/^end\w*\b/.test(body)) return tag('jinja', 'directive', 'end');
    if (/^(elif|else)\b/.test(body)) return tag('jinja', 'directive', 'else');
    if (JINJA_GENERATED.test(body)) return tag('jinja', 'generated');
    // `{% set x %}…{% endset %}` is a block; `{% set x = 1 %}` is not.
    if (/^set\b/.test(body)) return tag('jinja', 'directive', body.includes('=') ? 'none' : 'open');
    return tag('jinja', 'directive', JINJA_OPEN.test(body) ? 'open' : 'none');
  }
  // `{{ }}`: Go control words, else an output expression (Go or Jinja alike).
  if (body.startsWith('/*')) return tag('go', 'comment');
  // Mustache and Handlebars (consul-template's `.ctmpl` is Go; `.mustache` files are these): a section `{{#name}}`
  // or `{{^name}}` (inverted) opens, `{{/name}}` closes, `{{^}}` is Handlebars' else, `{{! … }}` a comment,
  // `{{> partial}}` other content. None of these is Go syntax. https://mustache.github.io/mustache.5.html
  const mustache = inner.replace(/^~/, '').replace(/~$/, '').trim();
  if (mustache.startsWith('!')) return tag('mustache', 'comment');
  if (mustache.startsWith('>')) return tag('mustache', 'generated');
  if (mustache === '^') return tag('mustache', 'directive', 'else');
  if (/^[#^][^\s}]/.test(mustache)) return tag('mustache', 'directive', 'open');
  if (/^\/[^*\s]/.test(mustache)) return tag('mustache', 'directive', 'end');
  if (/^end\b/.test(body)) return tag('go', 'directive', 'end');
  if (/^else\b/.test(body)) return tag('go', 'directive', 'else');
  if (GO_OPEN.test(body)) return tag('go', 'directive', 'open');
  if (/^(break|continue)\b/.test(body) || /^\$[\w]*\s*:?=/.test(body)) return tag('go', 'directive');
  if (GO_GENERATED.test(body)) return tag('go', 'generated');
  return tag('go', 'value');
}
