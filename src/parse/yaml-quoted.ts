/**
 * libyaml, and so Docker Compose (go-yaml), Kubernetes and SnakeYAML (Spring Boot), read a quoted scalar whose
 * continuation lines are indented no deeper than its key (`JAVA_OPTS: '` … a closing `'` under the key, as
 * Alfresco/alfresco-docker-installer's compose templates write it); the yaml library refuses it (YAML 1.2 wants them
 * deeper). The same text with the line breaks before such lines folded into spaces, as YAML folds them anyway: every
 * character keeps its offset. Undefined when no quoted scalar has such a line.
 */
export function foldShallowQuotedLines(text: string): string | undefined {
  const chars = text.split('');
  let changed = false;
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const OPEN = /^([ ]*)(?:- +)*(?:[^\s#'"{[\-][^#]*?[ ]*:[ ]+|- +)(['"])/;
  for (let l = 0; l < lineStarts.length; l++) {
    const start = lineStarts[l]!;
    const end = l + 1 < lineStarts.length ? lineStarts[l + 1]! - 1 : text.length;
    const line = text.slice(start, end);
    const m = OPEN.exec(line);
    if (!m) continue;
    const indent = m[1]!.length;
    const quote = m[2]!;
    let i = start + m[0].length;
    // Find the closing quote: `''` is an escaped quote in '…', `\"` in "…".
    let close = -1;
    for (; i < text.length; i++) {
      const c = text[i];
      if (quote === '"' && c === '\\') {
        i++;
        continue;
      }
      if (c !== quote) continue;
      if (quote === "'" && text[i + 1] === "'") {
        i++;
        continue;
      }
      close = i;
      break;
    }
    if (close < 0) return changed ? chars.join('') : undefined;
    // Continuation lines between the opening line and the closing quote, indented no deeper than the key.
    let k = l + 1;
    for (; k < lineStarts.length && lineStarts[k]! <= close; k++) {
      const ls = lineStarts[k]!;
      const lead = /^[ ]*/.exec(text.slice(ls, ls + 200))![0].length;
      const blank = /^[ ]*\r?$/.test(text.slice(ls, (lineStarts[k + 1] ?? text.length + 1) - 1));
      if (!blank && lead <= indent) {
        chars[ls - 1] = ' ';
        if (chars[ls - 2] === '\r') chars[ls - 2] = ' ';
        changed = true;
      }
    }
    l = k - 1;
  }
  return changed ? chars.join('') : undefined;
}
