/**
 * WildFly / JBoss EAP management CLI scripts (`jboss-cli.sh --file=configure.cli`), as images and installers commit
 * them to configure a server: operations `/subsystem=elytron/key-store=ks:add(path=…, credential-reference=
 * {clear-text=…})`, `…:write-attribute(name=password, value=…)` and commands `data-source add --password=…`
 * (https://docs.wildfly.org/32/Admin_Guide.html#Command_Line_Interface). Read for the settings they write, each an entry
 * keyed by the resource and the parameter (`key-store=ks.credential-reference.clear-text`), so that a password written
 * in the script is judged as one in standalone.xml is. Each operation keeps its address, name and where its values are
 * written, so that what it does to the server's Elytron and Undertow resources can be modelled as the standalone.xml
 * elements it writes (../model/jboss-cli-configuration.ts); its `embed-server` lines keep the configuration file they
 * start the server on (`--server-config=`, `-c`), the file the script edits (../model/jboss-cli-target.ts).
 * Lines continue after a trailing `\`; `#` starts a comment line. Parsing is lenient: what does not read as a
 * parameter is skipped, never a crash.
 */
import type { Range } from '../core/types';
import { isSecretKey, type Comment, type Entry, type FormatHandler, type ParsedDocument } from './types';
import { basenameOf } from './java/jvm-args';
import { LineIndex } from './text';

export const JBOSS_CLI_KIND = 'jboss.cli';

/** An operation on a management resource: `/subsystem=…` (or `./`, a `:` operation on the current node is not one). */
const OPERATION_LINE =
  /^[ \t]*\.?\/(?:subsystem|core-service|socket-binding-group|interface|profile|host|deployment|system-property|path)=/m;

/**
 * Elytron parameters that name another resource, never a secret: a filesystem realm's (or an encryption expression
 * resolver's) `credential-store` is the name of a credential store and `secret-key` the alias of the key in it
 * (`filesystem-realm=fsRealm:add(…, credential-store=credstore, secret-key=key)`,
 * wildfly-security-incubator/elytron-examples@9d6e80a encryption-filesystem-realm/configure-elytron.cli; WildFly's
 * filesystem-realm model: "secret-key: The alias of the secret key in the credential store").
 */
const NAMES_A_RESOURCE = /^(credential-store|secret-key)$/;

/** A parameter name: letters, digits, `-` and `_` (`credential-reference`, `clear-text`, `key-store`). */
const NAME = /[A-Za-z_][\w-]*/y;

/** One operation of a script: its last resource (`key-store=ks`) and the parameters it writes, by name as keyed. */
export interface CliOperation {
  resource: string;
  /** `credential-reference.clear-text` → value, `key-store` → value: the keys below the resource. */
  params: Map<string, string>;
  /** An operation's whole address (`subsystem=elytron/key-store=ks`) and name (`add`, `write-attribute`); not a command's. */
  address?: string;
  operation?: string;
  /** The logical line; where the last resource's name and each parameter's value are written. */
  range: Range;
  nameRange?: Range;
  valueRanges: Map<string, Range>;
}

/** An `embed-server` line: the server it starts in the CLI's own process, on the configuration file it names. */
interface EmbeddedServer {
  /** `--server-config=` (or `-c`) as written; undefined: the server's default file. */
  serverConfig?: string;
  range: Range;
}

export interface JbossCliData {
  operations: CliOperation[];
  /** The script's `embed-server` lines, in order. */
  embeds: EmbeddedServer[];
}

/** `embed-server [--server-config=standalone-full.xml | -c standalone-full.xml] …` (wildfly-core EmbedServerHandler). */
const EMBED_SERVER = /^[ \t]*embed-server(?=\s|$)/;
const EMBED_SERVER_LINE = /^[ \t]*embed-server(?=\s|$)/m;
const SERVER_CONFIG = /\s(?:--server-config|-c)(?:=|[ \t]+)("[^"]*"|[^\s"]+)/;

interface Parameter {
  /** The parameter's name below its resource (`credential-reference.clear-text`). */
  key: string;
  value: string;
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
  /** The name of the parameter that names a secret by itself (`password`), or `clear-text` inside a credential reference. */
  secret: boolean;
}

export const jbossCliFormat: FormatHandler<JbossCliData> = {
  id: 'jboss-cli',
  classify(filePath, head) {
    // A script that only embeds the server and runs others (`run-batch --file=…`) names the file they edit.
    return /\.cli$/i.test(basenameOf(filePath)) && (OPERATION_LINE.test(head) || EMBED_SERVER_LINE.test(head))
      ? JBOSS_CLI_KIND
      : undefined;
  },
  parse(file, kind): ParsedDocument<JbossCliData> {
    const index = new LineIndex(file.text);
    const entries: Entry[] = [];
    const operations: CliOperation[] = [];
    const comments: Comment[] = [];
    const embeds: EmbeddedServer[] = [];
    for (const line of logicalLines(file.text)) {
      const text = file.text.slice(line.start, line.end);
      if (/^[ \t]*#/.test(text)) {
        comments.push({ text: text.trim().replace(/^#\s*/, ''), range: index.rangeAt(line.start, line.end) });
        continue;
      }
      if (EMBED_SERVER.test(text)) {
        const config = SERVER_CONFIG.exec(text)?.[1]?.replace(/^"(.*)"$/, '$1');
        embeds.push({ ...(config && { serverConfig: config }), range: index.rangeAt(line.start, line.end) });
      }
      const written = parametersOf(file.text, line.start, line.end);
      if (!written) continue;
      operations.push({
        resource: written.resource,
        params: new Map(written.params.map((p) => [p.key, p.value])),
        ...(written.address !== undefined && { address: written.address, operation: written.operation }),
        range: index.rangeAt(line.start, line.end),
        ...(written.nameAt && { nameRange: index.rangeAt(written.nameAt[0], written.nameAt[1]) }),
        valueRanges: new Map(written.params.map((p) => [p.key, index.rangeAt(p.valueStart, p.valueEnd)])),
      });
      for (const p of written.params)
        entries.push({
          key: `${written.resource}.${p.key}`,
          value: p.value,
          keyRange: index.rangeAt(p.keyStart, p.keyEnd),
          valueRange: index.rangeAt(p.valueStart, p.valueEnd),
          secret: p.secret,
        });
    }
    return { file, kind, entries, comments, problems: [], data: { operations, embeds } };
  },
};

/** [start, end) of each line joined with the lines a trailing `\` continues it onto. */
function logicalLines(text: string): { start: number; end: number }[] {
  const lines: { start: number; end: number }[] = [];
  let start = 0;
  let at = 0;
  while (at <= text.length) {
    const newline = text.indexOf('\n', at);
    const end = newline < 0 ? text.length : newline;
    const content = text.slice(at, end).replace(/\r$/, '');
    if (content.endsWith('\\') && newline >= 0) {
      at = newline + 1;
      continue;
    }
    lines.push({ start, end: end - (text[end - 1] === '\r' ? 1 : 0) });
    if (newline < 0) break;
    start = at = newline + 1;
  }
  return lines;
}

/**
 * The parameters a line writes: an operation's `(name=value, …)` keyed by its last resource (`key-store=ks`), a
 * `write-attribute(name=…, value=…)` as that attribute, and a command's `--name=value` arguments keyed by the command.
 */
function parametersOf(
  text: string,
  start: number,
  end: number,
):
  | { resource: string; address?: string; operation?: string; nameAt?: [number, number]; params: Parameter[] }
  | undefined {
  const line = text.slice(start, end);
  const operation = /^[ \t]*\.?((?:\/[\w-]+=[^/:(\s]+)+):([\w-]+)\(/.exec(line);
  if (operation) {
    const resource = /\/([\w-]+=[^/:(\s]+)$/.exec(operation[1]!)![1]!;
    const addressEnd = start + operation[0].indexOf(operation[1]!) + operation[1]!.length;
    const nameAt: [number, number] = [addressEnd - (resource.length - resource.indexOf('=') - 1), addressEnd];
    const found = { resource, address: operation[1]!.slice(1), operation: operation[2]!, nameAt };
    const open = start + operation[0].length;
    const params = readObject(text, open, end, ')', '', false);
    if (operation[2] !== 'write-attribute') return { ...found, params };
    const name = params.find((p) => p.key === 'name');
    const value = params.find((p) => p.key === 'value');
    return { ...found, params: name && value ? [{ ...value, key: name.value, secret: isSecretKey(name.value) }] : [] };
  }
  const command = /^[ \t]*([a-z][\w-]*(?:[ \t]+[a-z][\w-]*)?)[ \t]+--/.exec(line);
  if (!command) return undefined;
  const params: Parameter[] = [];
  const resource = command[1]!.replace(/[ \t]+/g, '.');
  for (const m of line.matchAll(/(?:^|[ \t])--([\w-]+)=("(?:[^"\\]|\\.)*"|[^\s"]+)/g)) {
    const keyStart = start + m.index + m[0].indexOf('--') + 2;
    const raw = m[2]!;
    const quoted = raw.startsWith('"');
    const valueStart = start + m.index + m[0].length - raw.length + (quoted ? 1 : 0);
    params.push({
      key: m[1]!,
      value: quoted ? raw.slice(1, -1) : raw,
      keyStart,
      keyEnd: keyStart + m[1]!.length,
      valueStart,
      valueEnd: valueStart + raw.length - (quoted ? 2 : 0),
      secret: isSecretKey(m[1]!),
    });
  }
  return { resource, params };
}

/**
 * `name=value` pairs (also `name => value`) up to `close` from `at`: a value is a quoted string, a nested `{…}` (its
 * pairs keyed below the name), a `[…]` list (kept as written) or a word. `inReference`: inside a
 * `credential-reference`, where `clear-text` is the password.
 */
function readObject(
  text: string,
  at: number,
  end: number,
  close: string,
  prefix: string,
  inReference: boolean,
): Parameter[] {
  const params: Parameter[] = [];
  let i = at;
  const skipSpace = () => {
    while (i < end && /[\s,\\]/.test(text[i]!)) i++;
  };
  while (i < end) {
    skipSpace();
    if (i >= end || text[i] === close) break;
    NAME.lastIndex = i;
    const name = NAME.exec(text);
    if (!name) {
      i++;
      continue;
    }
    const keyStart = i;
    i += name[0].length;
    while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
    if (text.startsWith('=>', i)) i += 2;
    else if (text[i] === '=') i++;
    else continue;
    while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
    const key = prefix ? `${prefix}.${name[0]}` : name[0];
    if (text[i] === '{') {
      params.push(...readObject(text, i + 1, end, '}', key, name[0] === 'credential-reference'));
      i = matching(text, i, end, '{', '}') + 1;
      continue;
    }
    const valueStart = text[i] === '"' ? i + 1 : i;
    let valueEnd: number;
    if (text[i] === '"') {
      valueEnd = i + 1;
      while (valueEnd < end && text[valueEnd] !== '"') valueEnd += text[valueEnd] === '\\' ? 2 : 1;
      i = Math.min(valueEnd + 1, end);
    } else if (text[i] === '[') {
      valueEnd = matching(text, i, end, '[', ']') + 1;
      i = valueEnd;
    } else {
      valueEnd = i;
      while (valueEnd < end && !/[\s,]/.test(text[valueEnd]!) && text[valueEnd] !== close)
        // An expression `${env.KS_PASSWORD}` (`${a:${b}}`) is one word, its braces its own.
        valueEnd = text.startsWith('${', valueEnd) ? matching(text, valueEnd + 1, end, '{', '}') + 1 : valueEnd + 1;
      i = valueEnd;
    }
    valueEnd = Math.min(valueEnd, end);
    params.push({
      key,
      value: text.slice(valueStart, valueEnd),
      keyStart,
      keyEnd: keyStart + name[0].length,
      valueStart,
      valueEnd,
      secret: (inReference && name[0] === 'clear-text') || (isSecretKey(name[0]) && !NAMES_A_RESOURCE.test(name[0])),
    });
  }
  return params;
}

/** The offset of the bracket that closes the one at `open` (or `end` when none does). */
function matching(text: string, open: number, end: number, opening: string, closing: string): number {
  let depth = 0;
  let quoted = false;
  for (let i = open; i < end; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === opening) depth++;
    else if (c === closing && --depth === 0) return i;
  }
  return end;
}
