"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.jaasFormat = exports.JAAS_KIND = void 0;
exports.jaasOptions = jaasOptions;
exports.holdsJaasEntry = holdsJaasEntry;
const types_1 = require("./types");
const jvm_args_1 = require("./java/jvm-args");
const text_1 = require("./text");
exports.JAAS_KIND = 'java.jaas';
/** Tokens of JAAS text: words, quoted strings (contents only), and the punctuation `{ } ; =`; comments collected apart. */
function tokenize(text, comments) {
    const tokens = [];
    let i = 0;
    while (i < text.length) {
        const c = text[i];
        if (/\s/.test(c)) {
            i++;
        }
        else if (c === '/' && text[i + 1] === '/') {
            const end = text.indexOf('\n', i);
            const stop = end < 0 ? text.length : end;
            comments?.push({ text: text.slice(i + 2, stop), start: i, end: stop });
            i = stop;
        }
        else if (c === '/' && text[i + 1] === '*') {
            const end = text.indexOf('*/', i + 2);
            const stop = end < 0 ? text.length : end + 2;
            comments?.push({ text: text.slice(i + 2, end < 0 ? text.length : end), start: i, end: stop });
            i = stop;
        }
        else if (c === '"' || c === "'") {
            const end = text.indexOf(c, i + 1);
            const stop = end < 0 ? text.length : end;
            tokens.push({ text: text.slice(i + 1, stop), start: i + 1, end: stop, quoted: true });
            i = stop + 1;
        }
        else if ('{};='.includes(c)) {
            tokens.push({ text: c, start: i, end: i + 1, quoted: false });
            i++;
        }
        else {
            const m = /[^\s{};="']+/y;
            m.lastIndex = i;
            const word = m.exec(text)[0];
            tokens.push({ text: word, start: i, end: i + word.length, quoted: false });
            i += word.length;
        }
    }
    return tokens;
}
const isWord = (t, text) => t !== undefined && !t.quoted && !'{};='.includes(t.text) && (text === undefined || t.text === text);
const SECRET_OPTION = /^user_./;
/**
 * The options of the login module entries in `text` (a whole configuration, or one `sasl.jaas.config` value, which
 * has entries without a `Name { }` around them).
 */
function jaasOptions(text, comments) {
    const tokens = tokenize(text, comments);
    const options = [];
    let section;
    for (let i = 0; i < tokens.length;) {
        const t = tokens[i];
        if (isWord(t) && tokens[i + 1]?.text === '{' && !tokens[i + 1].quoted) {
            section = t.text;
            i += 2;
            continue;
        }
        if (t.text === '}' && !t.quoted) {
            section = undefined;
            i++;
            continue;
        }
        // A module entry: class, flag, then name=value pairs up to `;`.
        if (isWord(t) && isWord(tokens[i + 1]) && /^(required|requisite|sufficient|optional)$/i.test(tokens[i + 1].text)) {
            const module = t.text;
            i += 2;
            while (i < tokens.length && !(tokens[i].text === ';' && !tokens[i].quoted)) {
                const [name, equals, value] = [tokens[i], tokens[i + 1], tokens[i + 2]];
                if (isWord(name) && equals?.text === '=' && !equals.quoted && value && (value.quoted || isWord(value))) {
                    options.push({
                        ...(section !== undefined && { section }),
                        module,
                        name: name.text,
                        value: value.text,
                        nameStart: name.start,
                        valueStart: value.start,
                        valueEnd: value.end,
                        secret: SECRET_OPTION.test(name.text) || (0, types_1.isSecretKey)(name.text),
                    });
                    i += 3;
                }
                else if (tokens[i].text === '}' && !tokens[i].quoted)
                    break;
                else
                    i++;
            }
            continue;
        }
        i++;
    }
    return options;
}
/** Whether a value holds a login module entry (`… LoginModule required …;`): asked of every value of every file. */
function holdsJaasEntry(value) {
    return value.includes('LoginModule') && /LoginModule\s+(required|requisite|sufficient|optional)\b/i.test(value);
}
const FILE_NAME = /(^|[._-])jaas([._-][\w.-]*)?\.(conf|config|cfg)$|\.jaas$|^jaas\.(conf|config|cfg)$/i;
exports.jaasFormat = {
    id: 'jaas',
    classify(filePath, head) {
        return FILE_NAME.test((0, jvm_args_1.basenameOf)(filePath)) && holdsJaasEntry(head) ? exports.JAAS_KIND : undefined;
    },
    parse(file, kind) {
        const index = new text_1.LineIndex(file.text);
        const found = [];
        const options = jaasOptions(file.text, found);
        const range = (start, end) => index.rangeAt(start, end);
        const comments = found.map((c) => ({ text: c.text, range: range(c.start, c.end) }));
        const entries = options.map((o) => ({
            key: o.section !== undefined ? `${o.section}.${o.name}` : o.name,
            value: o.value,
            keyRange: range(o.nameStart, o.nameStart + o.name.length),
            valueRange: range(o.valueStart, o.valueEnd),
            ...(o.section !== undefined && { section: o.section }),
            secret: o.secret,
        }));
        return { file, kind, entries, comments, problems: [], data: { options } };
    },
};
