/**
 * Text outside the root element. saxes notices it only where the text ends (`2:1: text data outside of root node.`, at
 * the `<` after it), so the place said was the line after the text; Java's parser (Xerces, JDK 17.0.15 measured) names
 * the text's first character: 'Content is not allowed in prolog.' before the root element, 'Content is not allowed in
 * trailing section.' after it. A file whose stray text is a Markdown code fence or heading (OktaySavdi/Liberty@44188e5
 * Example/SpringBoot_server.xml: a fence line, three backticks and `xml`, then the server.xml) is a Markdown snippet
 * saved under an XML name, and is said to be.
 */
/** The messageId of a Markdown snippet's problem (src/engine/run/markdown-snippets.ts finds them by it). */
export const MARKDOWN_SNIPPET = 'markdown-snippet';

const OUTSIDE_ROOT = /text data outside of root node/;
const MARKDOWN_FENCE = /^(?:```|~~~)[^\r\n]*/;
const MARKDOWN_HEADING = /^#{1,6}[ \t][^\r\n]*/;

export interface StrayText {
  /** Offset of the stray text's first character. */
  at: number;
  message: string;
  /** The stray text is Markdown: the file is no XML file at all. */
  markdown: boolean;
}

/** The stray text a saxes error noticed at `noticed`, or undefined when the error is another one. */
export function strayText(text: string, noticed: number, error: string, rootSeen: boolean): StrayText | undefined {
  if (!OUTSIDE_ROOT.test(error)) return undefined;
  let at = text.lastIndexOf('>', noticed - 1) + 1;
  while (at < noticed && /\s/.test(text[at]!)) at++;
  if (at >= noticed) return undefined;
  const javaWords = rootSeen ? 'Content is not allowed in trailing section.' : 'Content is not allowed in prolog.';
  const markdown = MARKDOWN_FENCE.exec(text.slice(at)) ?? MARKDOWN_HEADING.exec(text.slice(at));
  const where = rootSeen ? 'after the root element' : 'before the root element';
  return {
    at,
    markdown: markdown !== null,
    message: markdown
      ? `Not XML: Markdown ${where} (${markdown[0].startsWith('#') ? 'a heading' : 'a code fence'} '${markdown[0].trim().slice(0, 40)}'), a snippet of a document saved under an XML name; an XML parser stops here (Java's: '${javaWords}')`
      : `Not well-formed XML: text ${where}, where XML allows only markup, comments and white space (Java's: '${javaWords}')`,
  };
}
