/**
 * A shell line (a Dockerfile `RUN`) as the simple commands it runs, each as its words: split at unquoted `&&`, `||`
 * and `;`, quotes removed, `>`, `>>` and `|` kept as words of their own. Enough to read what a command does to a
 * file (sed, echo, keytool), not a shell: expansions stay as written.
 */
export function simpleCommands(text: string): string[][] {
  const commands: string[][] = [[]];
  let word: string | undefined;
  const push = () => {
    if (word !== undefined) commands[commands.length - 1]!.push(word);
    word = undefined;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      const quoted = text.slice(i + 1, end < 0 ? text.length : end);
      word = (word ?? '') + (c === '"' ? quoted.replace(/\\(["\\$`])/g, '$1') : quoted);
      i = end < 0 ? text.length : end;
    } else if (c === '\\' && i + 1 < text.length) {
      word = (word ?? '') + text.charAt(++i);
    } else if (/\s/.test(c)) push();
    else if ((c === '&' || c === '|') && text[i + 1] === c) {
      push();
      commands.push([]);
      i++;
    } else if (c === ';') {
      push();
      commands.push([]);
    } else if (c === '>' || c === '|') {
      push();
      const op = c === '>' && text[i + 1] === '>' ? '>>' : c;
      commands[commands.length - 1]!.push(op);
      if (op === '>>') i++;
    } else word = (word ?? '') + c;
  }
  push();
  return commands.filter((c) => c.length > 0);
}
