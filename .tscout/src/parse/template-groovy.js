"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.withGroovyExpressions = withGroovyExpressions;
/**
 * The Groovy GString expressions `${…}` of a file named as a template, added to its other tags, when one of them is
 * an expression rather than a plain name (`${jvm.id.getId()}`, `${a ? 'b' : 'c'}`): a plain `${catalina.base}` is
 * just as much a Tomcat property or an envsubst placeholder, and a Groovy template writes a literal one `\${…}`.
 * An expression ends at its matching brace on the same line; one alone on its line writes text (attributes, lines).
 */
function withGroovyExpressions(text, tags) {
    const found = [];
    for (let open = text.indexOf('${'); open >= 0; open = text.indexOf('${', open + 2)) {
        if (text[open - 1] === '\\' || tags.some((t) => t.start <= open && open < t.end))
            continue;
        let depth = 0;
        let end = -1;
        for (let k = open + 1; k < text.length && text[k] !== '\n' && text[k] !== '\r'; k++) {
            if (text[k] === '{')
                depth++;
            else if (text[k] === '}' && --depth === 0) {
                end = k + 1;
                break;
            }
        }
        if (end > 0)
            found.push({ engine: 'groovy', kind: 'value', role: 'none', start: open, end });
    }
    const expression = (t) => !GSTRING_NAME.test(text.slice(t.start, t.end));
    return found.some(expression) ? [...tags, ...found].sort((a, b) => a.start - b.start) : tags;
}
/** `${name}`, `${a.b.c}`, and the shell forms `${VAR:-default}` `${VAR?error}`: not enough to say Groovy. */
const GSTRING_NAME = /^\$\{\s*[A-Za-z_][\w.]*(?:\s*|:?[-=?+][^}]*)\}$/;
