import * as path from 'node:path';
import type { Range } from '../core/types';
import { range } from '../core/types';
import { parseProperties } from './properties';
import { splitLines } from './text';
import type { Comment, Entry, FormatHandler, ParsedDocument, ParseProblem } from './types';
import { isSecretKey, lineForMessage } from './types';

/** ClearTrust (RSA Access Manager) server roles, keyed by file kind. */
export const CLEARTRUST_ROLES: Record<string, string> = {
  'cleartrust.aserver': 'Authorization Server',
  'cleartrust.eserver': 'Entitlements Server',
  'cleartrust.dispatcher': 'Dispatcher',
  'cleartrust.admingui': 'Admin Console',
  'cleartrust.keyserver': 'Key Server',
  'cleartrust.lserver': 'Log Server',
  'cleartrust.iserver': 'Instrumentation Server',
  'cleartrust.webagent': 'Web Agent',
};

const KIND_BY_BASENAME: Record<string, string> = {
  'aserver.conf': 'cleartrust.aserver',
  'eserver.conf': 'cleartrust.eserver',
  'dispatcher.conf': 'cleartrust.dispatcher',
  'admingui.cfg': 'cleartrust.admingui',
  'keyserver.conf': 'cleartrust.keyserver',
  'lserver.conf': 'cleartrust.lserver',
  'iserver.conf': 'cleartrust.iserver',
  'webagent.conf': 'cleartrust.webagent',
};

/**
 * Content markers for `.conf`/`.cfg` files with other names (e.g. `authz-prod.conf`).
 * Order matters: the first marker found wins, most specific first.
 */
const KIND_BY_MARKER: [RegExp, string][] = [
  [/^\s*<(Global|Pool)\b/m, 'cleartrust.webagent'],
  [/^\s*cleartrust\.agent\./m, 'cleartrust.webagent'],
  [/^\s*cleartrust\.admingui\./m, 'cleartrust.admingui'],
  [/^\s*cleartrust\.eserver\./m, 'cleartrust.eserver'],
  [/^\s*cleartrust\.(aserver\.|runtime_api\.)/m, 'cleartrust.aserver'],
  [/^\s*cleartrust\.dispatcher\./m, 'cleartrust.dispatcher'],
  [/^\s*cleartrust\.(keyserver|key_server)\./m, 'cleartrust.keyserver'],
  [/^\s*cleartrust\.(lserver|logserver|log_server)\./m, 'cleartrust.lserver'],
  [/^\s*cleartrust\.(iserver|instrumentation)\./m, 'cleartrust.iserver'],
];

function classifyCleartrust(filePath: string, head: string): string | undefined {
  const base = path.basename(filePath).toLowerCase();
  const byName = KIND_BY_BASENAME[base];
  if (byName) return byName;
  if (!/\.(conf|cfg|properties)$/.test(base)) return undefined;
  if (!/cleartrust\./.test(head)) return undefined;
  return KIND_BY_MARKER.find(([marker]) => marker.test(head))?.[1];
}

export const cleartrustServerFormat: FormatHandler<undefined> = {
  id: 'cleartrust-properties',
  classify(filePath, head) {
    const kind = classifyCleartrust(filePath, head);
    return kind && kind !== 'cleartrust.webagent' ? kind : undefined;
  },
  parse(file, kind): ParsedDocument<undefined> {
    // The server files are Java properties: `\` continuations and `:` separators apply.
    const { entries, comments, problems } = parseProperties(file.text);
    return { file, kind, entries, comments, problems, data: undefined };
  },
};

export interface WebagentSection {
  /** `Global`, `Pool`, `VirtualHost`… */
  name: string;
  attributes: Record<string, string>;
  /** Range of the opening tag. */
  range: Range;
}

export interface WebagentData {
  sections: WebagentSection[];
}

export const webagentFormat: FormatHandler<WebagentData> = {
  id: 'cleartrust-webagent',
  classify(filePath, head) {
    return classifyCleartrust(filePath, head) === 'cleartrust.webagent' ? 'cleartrust.webagent' : undefined;
  },
  parse(file, kind) {
    return { file, kind, ...parseWebagent(file.text) };
  },
};

/**
 * webagent.conf as found in the field: Apache-like `<Section attr=value>` …
 * `</Section>` blocks, `key=value` lines (blanks around `=` allowed, TAB
 * indentation), `#` comments (also commenting out section tags), no
 * continuations. Values keep their case; rules compare case-insensitively.
 */
export function parseWebagent(text: string): {
  entries: Entry[];
  comments: Comment[];
  problems: ParseProblem[];
  data: WebagentData;
} {
  const entries: Entry[] = [];
  const comments: Comment[] = [];
  const problems: ParseProblem[] = [];
  const sections: WebagentSection[] = [];
  const open: { section: WebagentSection; label: string; seen: Map<string, number> }[] = [];
  const topSeen = new Map<string, number>();

  splitLines(text).forEach((line, lineNo) => {
    const start = line.search(/\S/);
    if (start === -1) return;
    const body = line.slice(start).trimEnd();
    const end = start + body.length;
    if (body.startsWith('#')) {
      comments.push({ text: body.slice(1), range: range(lineNo, start, lineNo, end) });
      return;
    }
    const closing = /^<\/\s*([\w.-]+)\s*>$/.exec(body);
    if (closing) {
      const top = open[open.length - 1];
      if (!top || top.section.name.toLowerCase() !== closing[1]!.toLowerCase()) {
        problems.push({
          code: 'unbalanced-section',
          severity: 'error',
          ...(top
            ? {
                message: '</{{closing}}> closes <{{opened}}> (opened on line {{openedAt}})',
                data: { closing: closing[1]!, opened: top.section.name },
                lines: { openedAt: { ...top.section.range.start } },
              }
            : { message: `</${closing[1]}> has no matching opening tag` }),
          range: range(lineNo, start, lineNo, end),
        });
      }
      if (top) open.pop();
      return;
    }
    const opening = /^<\s*([\w.-]+)((?:\s+[^>]*)?)>$/.exec(body);
    if (opening) {
      const section: WebagentSection = {
        name: opening[1]!,
        attributes: parseAttributes(opening[2]!),
        range: range(lineNo, start, lineNo, end),
      };
      sections.push(section);
      open.push({ section, label: `${opening[1]}${opening[2]}`.trim(), seen: new Map() });
      return;
    }
    const eq = line.indexOf('=', start);
    if (eq === -1) {
      problems.push({
        code: 'invalid-line',
        severity: 'warning',
        message: `Line is neither 'key=value', a section tag nor a comment: '${lineForMessage(body)}'`,
        range: range(lineNo, start, lineNo, end),
      });
      return;
    }
    const key = line.slice(start, eq).trimEnd();
    const valueStart = eq + 1 + (line.slice(eq + 1).length - line.slice(eq + 1).trimStart().length);
    const value = line.slice(valueStart).trimEnd();
    const current = open[open.length - 1];
    const entry: Entry = {
      key,
      value,
      keyRange: range(lineNo, start, lineNo, start + key.length),
      valueRange: range(lineNo, valueStart, lineNo, valueStart + value.length),
      section: current?.label,
      secret: isSecretKey(key),
    };
    entries.push(entry);
    const seen = current?.seen ?? topSeen;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({
        code: 'duplicate-key',
        severity: 'warning',
        message: `Duplicate key '{{key}}'${current ? ' in <{{section}}>' : ''} (first set on line {{first}}); which one the agent uses is undocumented`,
        data: { key, ...(current ? { section: current.section.name } : {}) },
        lines: { first: { line: first, character: 0 } },
        range: entry.keyRange,
      });
    } else {
      seen.set(key, lineNo);
    }
  });
  for (const unclosed of open) {
    problems.push({
      code: 'unbalanced-section',
      severity: 'error',
      message: `<${unclosed.section.name}> is never closed`,
      range: unclosed.section.range,
    });
  }
  return { entries, comments, problems, data: { sections } };
}

function parseAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of text.matchAll(/([\w.-]+)\s*=\s*("([^"]*)"|\S+)/g)) {
    attributes[match[1]!] = match[3] ?? match[2]!;
  }
  return attributes;
}
