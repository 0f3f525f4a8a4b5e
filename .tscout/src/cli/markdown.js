"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.renderMarkdownForTerminal = renderMarkdownForTerminal;
const marked_1 = require("marked");
const ansi_1 = require("../report/ansi");
/**
 * Markdown (a rule's docs page) as terminal text, for `--explain`: marked's lexer reads the page;
 * headings, emphasis and code are styled when colour is on, markup characters are dropped, links show
 * their address, HTML (the generator's `<!-- begin generated -->` markers) is left out.
 */
function renderMarkdownForTerminal(markdown, color) {
    const c = (0, ansi_1.createColors)(color);
    const blocks = renderBlocks(new marked_1.Lexer().lex(markdown), c, '');
    return (blocks
        .join('\n\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim() + '\n');
}
function renderBlocks(tokens, c, indent) {
    const out = [];
    for (const token of tokens) {
        const text = renderBlock(token, c, indent);
        if (text !== undefined)
            out.push(text);
    }
    return out;
}
function renderBlock(token, c, indent) {
    switch (token.type) {
        case 'heading': {
            const t = token;
            const text = renderInline(t.tokens, c, false);
            return indent + (t.depth === 1 ? c.bold(c.underline(text)) : c.bold(text));
        }
        case 'paragraph':
            return indentLines(renderInline(token.tokens, c, true), indent);
        case 'text': {
            const t = token;
            return indentLines(t.tokens ? renderInline(t.tokens, c, true) : t.text, indent);
        }
        case 'code': {
            const t = token;
            return t.text
                .split('\n')
                .map((line) => `${indent}    ${c.cyan(line)}`)
                .join('\n');
        }
        case 'list':
            return renderList(token, c, indent);
        case 'blockquote':
            return renderBlocks(token.tokens, c, '')
                .join('\n\n')
                .split('\n')
                .map((line) => `${indent}${c.dim('│')} ${line}`)
                .join('\n');
        case 'table':
            return renderTable(token, c, indent);
        case 'hr':
            return indent + c.dim('─'.repeat(40));
        default:
            // 'space', 'html' (generator comments), 'def': nothing to show.
            return undefined;
    }
}
function renderList(list, c, indent) {
    const start = typeof list.start === 'number' ? list.start : 1;
    return list.items
        .map((item, i) => {
        const bullet = list.ordered ? `${start + i}.` : '•';
        const body = renderBlocks(item.tokens, c, indent + ' '.repeat(bullet.length + 1)).join(item.loose ? '\n\n' : '\n');
        return `${indent}${bullet} ${body.slice(indent.length + bullet.length + 1)}`;
    })
        .join(list.loose ? '\n\n' : '\n');
}
function renderTable(table, c, indent) {
    const rows = [table.header, ...table.rows].map((row) => row.map((cell) => renderInline(cell.tokens, c, false)));
    const widths = table.header.map((_, col) => Math.max(...rows.map((row) => visibleLength(row[col] ?? ''))));
    const line = (row) => indent +
        row
            .map((cell, col) => cell + ' '.repeat((widths[col] ?? 0) - visibleLength(cell)))
            .join('  ')
            .trimEnd();
    const [header, ...body] = rows;
    return [c.bold(line(header ?? [])), indent + widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
function renderInline(tokens, c, keepBreaks) {
    return tokens
        .map((token) => {
        switch (token.type) {
            case 'strong':
                return c.bold(renderInline(token.tokens, c, keepBreaks));
            case 'em':
                return c.italic(renderInline(token.tokens, c, keepBreaks));
            case 'del':
                return c.strikethrough(renderInline(token.tokens, c, keepBreaks));
            case 'codespan': {
                const text = unescapeHtml(token.text);
                // Without colour the backticks stay: they are what marks code in plain text.
                return c.isColorSupported ? c.cyan(text) : `\`${text}\``;
            }
            case 'link': {
                const t = token;
                const text = renderInline(t.tokens, c, keepBreaks);
                return text === t.href ? c.underline(t.href) : `${text} (${c.underline(t.href)})`;
            }
            case 'image':
                return `[image: ${token.text}]`;
            case 'br':
                return '\n';
            case 'html':
                return '';
            case 'text': {
                const t = token;
                const text = t.tokens ? renderInline(t.tokens, c, keepBreaks) : unescapeHtml(t.text);
                return keepBreaks ? text : text.replace(/\n/g, ' ');
            }
            default:
                return unescapeHtml(token.text ?? token.raw);
        }
    })
        .join('');
}
function indentLines(text, indent) {
    return text
        .split('\n')
        .map((line) => indent + line)
        .join('\n');
}
/** marked escapes &, <, >, " and ' in text for HTML output; a terminal wants the characters. */
function unescapeHtml(text) {
    return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name] ?? _);
}
const ANSI = /\u001b\[[0-9;]*m/g;
function visibleLength(text) {
    return text.replace(ANSI, '').length;
}
