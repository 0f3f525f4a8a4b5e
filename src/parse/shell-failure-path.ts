/** A line that runs nothing: blank, or a comment. */
const NOTHING = /^\s*(#.*)?$/;
/** `exit 1` (any status but 0) as a command of its own. */
const FAILING_EXIT = /^\s*exit\s+[1-9]\d*\s*;?\s*(#.*)?$/;
/** `exit`, `exit 0` ending a command list (`then echo ready; exit;`). */
const SUCCESS_EXIT = /(^|[;\s])exit(\s+0)?\s*;?\s*(#.*)?$/;
const FI = /^\s*fi\b/;

/**
 * The first line of a script's failure path, when it has one: the script ends with `exit 1` (any status but 0), and
 * the `if` branch before it that succeeds ends with `exit` (`if [ $phase == Running ]; then echo ready; exit; fi`).
 * The lines between run only when the deployment failed: what they write (a CCDT, an MQSC file) is no configuration
 * of the running system. isalkovic/cp4i-mq-samples@72d93b9 18-monitorPrometheus/deploy-qm18-qmgr.sh writes a TLS
 * ccdt.json there, left from the TLS sample, for a channel its README runs without TLS on purpose.
 */
export function failurePathStart(lines: readonly string[]): number | undefined {
  let last = lines.length - 1;
  while (last >= 0 && NOTHING.test(lines[last]!)) last--; // last < lines.length
  if (last < 0 || !FAILING_EXIT.test(lines[last]!)) return undefined; // 0 <= last
  for (let i = last - 1; i >= 0; i--) {
    const line = lines[i]!; // i < last
    if (/\bfi\s*;?\s*(#.*)?$/.test(line) && SUCCESS_EXIT.test(line.replace(/;?\s*fi\s*;?\s*(#.*)?$/, ''))) return i + 1;
    if (!SUCCESS_EXIT.test(line)) continue;
    let next = i + 1;
    while (next < last && NOTHING.test(lines[next]!)) next++; // next < last
    return FI.test(lines[next]!) ? next + 1 : undefined; // next <= last
  }
  return undefined;
}
