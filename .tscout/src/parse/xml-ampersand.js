"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.firstBareAmpersand = firstBareAmpersand;
/**
 * The first `&` of an XML text that starts no reference (`&amp;`, `&name;`, `&#38;`, `&#x26;`), outside comments,
 * CDATA sections and processing instructions. saxes reads everything after such an `&` as an entity name that never
 * ends, so the only error it gives is `unclosed tag` at the end of the file; Java's parser (Xerces) stops at the `&`
 * itself (`The reference to entity "b" must end with the ';' delimiter`, `The entity name must immediately follow the
 * '&' in the entity reference`). A JDBC URL's `?a=1&b=2` in a Tomcat Resource and apache/activemq-artemis@6700541 soak-test
 * broker.xml's `&&REPLACE-HERE&&` are such ampersands.
 */
const REFERENCE = /&(?:#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z_:][\w.:-]*);/y;
const SKIPPED = [
    ['<!--', '-->'],
    ['<![CDATA[', ']]>'],
    ['<?', '?>'],
];
/** The offset of the first `&` that starts no reference, before `end`; undefined when there is none. */
function firstBareAmpersand(text, end = text.length) {
    let at = 0;
    while (at < end) {
        const next = text.indexOf('&', at);
        const open = text.indexOf('<', at);
        if (next < 0 || next >= end)
            return undefined;
        if (open >= 0 && open < next) {
            const skipped = SKIPPED.find(([o]) => text.startsWith(o, open));
            if (skipped) {
                const close = text.indexOf(skipped[1], open + skipped[0].length);
                if (close < 0)
                    return undefined;
                at = close + skipped[1].length;
            }
            else
                at = open + 1;
            continue;
        }
        REFERENCE.lastIndex = next;
        if (!REFERENCE.test(text))
            return next;
        at = REFERENCE.lastIndex;
    }
    return undefined;
}
