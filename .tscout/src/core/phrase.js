"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Phrase = void 0;
exports.said = said;
exports.ours = ours;
exports.renderPhrase = renderPhrase;
/**
 * Message text made of our own words and values taken from the tree (DESIGN.md "Secrets"): only the values are masked,
 * never the words around them. A rule writes `said\`keeps it on ${host}\`` or `ours('the loopback address only')` where
 * a message value holds fixed text; a plain string value is the tree's and is masked whole. A password that is a common
 * word (`only`, `vault`, `password`) then never turns our words into `***`.
 */
class Phrase {
    words;
    values;
    constructor(
    /** Our words: one more than `values`, as a tagged template's strings. */
    words, values) {
        this.words = words;
        this.values = values;
    }
    /** A phrase is rendered with its values masked (renderPhrase), never turned into a string as it is. */
    toString() {
        throw new Error('a Phrase is rendered with renderPhrase, which masks its values');
    }
}
exports.Phrase = Phrase;
/** A phrase whose literal parts are ours and whose `${…}` values are the tree's: said`on ${host} only`. */
function said(words, ...values) {
    return new Phrase([...words], values);
}
/** Text that is wholly ours (a fixed phrase, knowledge text): never masked. */
function ours(text) {
    return new Phrase([text], []);
}
/** The text of a message value: a tree string masked whole, a number as written, a phrase with only its values masked. */
function renderPhrase(value, mask) {
    if (typeof value === 'number' || value === undefined)
        return String(value);
    if (typeof value === 'string')
        return mask(value);
    let out = value.words[0] ?? '';
    for (let i = 0; i < value.values.length; i++)
        out += renderPhrase(value.values[i], mask) + (value.words[i + 1] ?? '');
    return out;
}
