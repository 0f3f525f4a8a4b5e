"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isTerraformTemplateName = void 0;
exports.terraformTags = terraformTags;
/** A `.tftpl` file: Terraform's own name for a template file. */
const isTerraformTemplateName = (filePath) => /\.tftpl$/i.test(filePath);
exports.isTerraformTemplateName = isTerraformTemplateName;
/**
 * The Terraform tags of a text: every `${…}` and `%{…}` of a `.tftpl` file (`all`), else only the directives whose
 * keyword is Terraform's (`%{ for x in xs ~}` in a `.tpl` that templatefile renders); a `%{Referer}i` of an access log
 * pattern is none. A tag ends at its matching brace on the same line.
 */
function terraformTags(text, all) {
    const tags = [];
    const opening = /[$%]\{/g;
    for (let m = opening.exec(text); m; m = opening.exec(text)) {
        const open = m.index;
        const sigil = text[open];
        // `%%{` writes a literal `%{`. `$${NAME}` writes `${NAME}`: a placeholder of the program that reads the rendered
        // file (Compose, a shell), unknown here as well (synapsestudios/terraform-aws-ec2-terrateam@f14cc47
        // templates/docker-compose.yml.tftpl `TUNNEL_TOKEN: $${TERRATEAM_TUNNEL_TOKEN}`).
        const escaped = sigil === text[open - 1];
        if (escaped && sigil === '%')
            continue;
        const end = closingBrace(text, open + 1);
        if (end < 0)
            continue;
        const body = text
            .slice(open + 2, end - 1)
            .replace(/^~?\s*/, '')
            .replace(/\s*~?$/, '');
        const keyword = /^(if|for|else|endif|endfor)\b/.exec(body)?.[1];
        if (sigil === '%' && (all || keyword)) {
            const role = keyword === 'if' || keyword === 'for' ? 'open' : keyword === 'else' ? 'else' : keyword ? 'end' : 'none';
            tags.push({ engine: 'terraform', kind: 'directive', role, start: open, end });
        }
        else if (sigil === '$' && all)
            tags.push({ engine: 'terraform', kind: 'value', role: 'none', start: escaped ? open - 1 : open, end });
        else
            continue;
        opening.lastIndex = end;
    }
    return tags;
}
/** The offset after the `}` that closes the `{` at `at`, quoted strings skipped; -1 when the line ends first. */
function closingBrace(text, at) {
    let depth = 0;
    let quoted = false;
    for (let k = at; k < text.length && text[k] !== '\n' && text[k] !== '\r'; k++) {
        const c = text[k];
        if (quoted) {
            if (c === '\\')
                k++;
            else if (c === '"')
                quoted = false;
        }
        else if (c === '"')
            quoted = true;
        else if (c === '{')
            depth++;
        else if (c === '}' && --depth === 0)
            return k + 1;
    }
    return -1;
}
