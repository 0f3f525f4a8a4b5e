import { namedSourceOrData } from '../core/path-name';
import type { Range } from '../core/types';
import type { Comment, Entry, FormatHandler, ParsedDocument, ParseProblem } from './types';
import { isSecretKey } from './types';
import { LineIndex } from './text';
import { byteOrderMarkProblem } from './byte-order-mark';
import { basenameOf } from './java/jvm-args';

export interface NginxArg {
  value: string;
  range: Range;
}

export interface NginxDirective {
  name: string;
  nameRange: Range;
  args: NginxArg[];
  /** From the name to the `;` or the closing `}`. */
  range: Range;
  /** Child directives when the directive is a block (`http { … }`). */
  block?: NginxDirective[];
}

export interface NginxData {
  directives: NginxDirective[];
}

/** Whether nginx configuration lives at this path by its directory (sites-enabled/default has no extension). */
export function inNginxDirectory(filePath: string): boolean {
  return (
    /(^|[\\/])(sites-(enabled|available)|nginx)[\\/]/.test(filePath) ||
    /[^\\/]*nginx[^\\/]*[\\/](.*[\\/])?templates[\\/]/.test(filePath)
  );
}

/**
 * `nginx-vhost-live` (from `nginx-vhost-live.tpl`), `nginx_site`: the name says nginx, as a word of its own, and has no
 * extension (`nginx.xs`, `nginx.8`, `nginx.ctmpl` are Perl, a man page, a template syntax not set aside).
 */
const NAMED_NGINX = /^(?:[\w-]*[^a-z.])?nginx(?:[^a-z.][\w-]*)?$/i;

/**
 * A block head: its `{` is outside quotes (`location ~ "\.(css|js)$" {`) and is no `${…}` (a shell test
 * `if [ -d ${dir} ]`, nslcd.conf's `map passwd homeDirectory "${homeDirectory:-/home/$uid}"`). nginx's `if` takes its
 * condition in parentheses (ngx_http_rewrite_if refuses any other: "invalid condition"); rsyslog's RainerScript
 * `if $programname == "x" then {` has none.
 */
const BLOCK_HEAD =
  /^\s*(?:(?:http|server|events|stream|upstream|location|mail|map|types)\b|if\s*\()(?:[^;{"'$]|\$(?!\{)|"[^"\n]*"|'[^'\n]*')*\{/m;
/**
 * A BIND named.conf block (`options {`, `acl "x" {`, `zone "x" IN {`, `view`, `controls`, `logging`): none is an nginx
 * context, while its `include "/etc/rndc.key";` is an nginx directive too.
 */
const BIND_BLOCK = /^\s*(?:options|controls|logging|acl\s+\S+|view\s+\S+|zone\s+"[^"\n]*"(?:\s+\w+)?)\s*\{/m;
/**
 * A file whose first setting line is an INI section header (`[PARSER]`, `[program:nginx]`) is no nginx, whatever its
 * name: nginx has no such line ("unknown directive"), while Fluent Bit parsers and supervisord programs kept as
 * `nginx.conf` start so. A comment is `[^\r\n]*`, not `[^\n]*`: with CRLF lines the `\r` could go to either, and a
 * file of comment lines that does not match backtracked through every split (2^n: a Windows-edited
 * httpd.conf-linux.sample of robert0714/vagrant_ihs_liberty_sticky-session hung the run).
 */
const INI_SECTION_FIRST = /^(?:[ \t]*(?:[#;][^\r\n]*)?\r?\n)*[ \t]*\[[\w .:-]+\][ \t]*(?:\r?\n|$)/;
/**
 * Text outside comments that starts with no directive name (nginx matches names case-sensitively and every one is
 * lowercase: `unknown directive "Im"`) and ends no statement (no `;`, `{` or `}`). A placeholder named nginx.conf
 * (`Im is a nginx config`, srdrcn/kustomize_example@cd5ee2a overlays/dev/nginx.conf, which no container mounts) is no
 * configuration to check line by line: it is named as not understood. An empty or comment-only nginx.conf, or a
 * directive without its `;` (`ssl_protocols TLSv1.2`), is still nginx's.
 */
function onlyProse(head: string): boolean {
  const code = head.replace(/#[^\r\n]*/g, '');
  const firstWord = /\S+/.exec(code)?.[0];
  return firstWord !== undefined && !/^[a-z_][a-z0-9_]*$/.test(firstWord) && !/[;{}]/.test(code);
}
const DIRECTIVE =
  /^\s*(ssl_[a-z_]+|listen|server_name|include|proxy_pass|proxy_ssl_[a-z_]+|worker_processes|worker_connections|keepalive_timeout|error_log|access_log|root|add_header|return|sendfile)\s+[^=\n]*;/m;

/**
 * nginx configuration (http://nginx.org/en/docs/beginners_guide.html#conf_structure):
 * directives of words and quoted strings ending in `;`, blocks in `{ }`, `#` comments.
 * Classified by name (`nginx.conf`, files under an `nginx` directory or `sites-*`/`conf.d`)
 * and by content (block heads or well-known directives), never `key = value` files.
 */
export const nginxFormat: FormatHandler<NginxData> = {
  id: 'nginx',
  classify(filePath, head) {
    const base = basenameOf(filePath);
    if (INI_SECTION_FIRST.test(head)) return undefined;
    if (base === 'nginx.conf') return onlyProse(head) ? undefined : 'nginx.conf';
    // Source code, documents and data files are never nginx configuration, whatever directory holds them, even in a
    // glob: a JavaScript `if (…) {` / `return x;` reads like nginx (NginxProxyManager/nginx-proxy-manager
    // backend/routes/nginx/*.js).
    if (namedSourceOrData(base)) return undefined;
    // Also fragments of an nginx role or module (`ansible-role-nginx/templates/vhost.j2`), and files named for nginx
    // (`roles/loadbalancer/templates/nginx-vhost-live.tpl`, shyanta/part-up@750c780), by content below.
    if (!/\.conf$/.test(base) && !inNginxDirectory(filePath) && !NAMED_NGINX.test(base)) return undefined;
    return readsAsNginx(head) ? 'nginx.conf' : undefined;
  },
  parse(file, kind): ParsedDocument<NginxData> {
    const { directives, comments, problems: textProblems } = parseNginx(file.text);
    const bom = byteOrderMarkProblem(file, 'nginx');
    const problems = bom ? [bom, ...textProblems] : textProblems;
    const entries: Entry[] = [];
    const walk = (list: NginxDirective[], section: string) => {
      for (const d of list) {
        if (d.block) {
          walk(d.block, section ? `${section}/${d.name}` : d.name);
          continue;
        }
        const first = d.args[0]?.range.start ?? d.nameRange.end;
        const last = d.args[d.args.length - 1]?.range.end ?? d.nameRange.end;
        entries.push({
          key: d.name,
          value: d.args.map((a) => a.value).join(' '),
          keyRange: d.nameRange,
          valueRange: { start: first, end: last },
          section: section || undefined,
          secret: isSecretKey(d.name),
        });
      }
    };
    walk(directives, '');
    return { file, kind, entries, comments, problems, data: { directives } };
  },
};

/** The paths every `include` of a list of directives names, those inside blocks too, in file order. */
export function nginxIncludePaths(directives: readonly NginxDirective[], out: string[] = []): string[] {
  for (const directive of directives) {
    const first = directive.args[0]?.value;
    if (directive.name === 'include' && first) out.push(first);
    if (directive.block) nginxIncludePaths(directive.block, out);
  }
  return out;
}

/** Whether a file's first characters read as nginx configuration, whatever its name (block heads or well-known directives). */
export function readsAsNginx(head: string): boolean {
  if (INI_SECTION_FIRST.test(head)) return false;
  // A script (`#!/usr/bin/env bash`) is never nginx configuration, even when its here-documents write some: a Terraform
  // user-data `userdata.tpl` under `terraform/nginx/` (rwlxxvii/containers@81bd1d5) `tee`s server blocks into place.
  if (head.startsWith('#!')) return false;
  // A page a role ships beside its nginx templates (`templates/www/index.html.j2`) is markup, never nginx.
  if (/^\s*</.test(head)) return false;
  if (/^\s*[\w.-]+\s*=/m.test(head) && !BLOCK_HEAD.test(head)) return false;
  if (looksLikeHocon(head) || BIND_BLOCK.test(head)) return false;
  return BLOCK_HEAD.test(head) || DIRECTIVE.test(head);
}

/**
 * HOCON (`jicofo.conf`, `jvb.conf`, Akka/Typesafe config) also has `name {` blocks, but its settings are
 * `key = value` / `key: value` without `;`. More of those than `;`-terminated lines: not nginx.
 */
function looksLikeHocon(head: string): boolean {
  let assignments = 0;
  let terminated = 0;
  for (const line of head.split(/\r\n|\r|\n/)) {
    // Commented-out settings count too: Gatling's gatling.conf comments out every `key = value` of its
    // `http { ssl { } }` blocks, as nginx files comment out directives (`#gzip on;`). In a comment only
    // `key = value` is a setting (`# Default: off` and URLs are prose).
    const commented = /^\s*#/.test(line);
    const body = line
      .replace(/^\s*#+/, '')
      .replace(/\s#.*$/, '')
      .trim();
    const assignment = commented ? /^[\w.-]+\s*=\s*\S/ : /^[\w."-]+\s*[=:]\s*[^\s{]/;
    if (body.endsWith(';')) terminated++;
    else if (assignment.test(body) && !/^(location|if)\b/.test(body)) assignments++;
  }
  return assignments > terminated;
}

interface Token {
  kind: 'word' | '{' | '}' | ';';
  value: string;
  start: number;
  end: number;
}

/**
 * lua-nginx-module's and stream-lua-nginx-module's block directives (`init_by_lua_block`, `content_by_lua_block`,
 * `ssl_certificate_by_lua_block`, `set_by_lua_block $var`…): https://github.com/openresty/lua-nginx-module#directives.
 */
const LUA_BLOCK = /^[a-z_]+_by_lua_block$/;

/**
 * The offset of the `}` that closes a Lua block opened at `open`, or -1: braces inside Lua strings, long brackets
 * (`[[…]]`, `[==[…]==]`) and comments (`--`, `--[[…]]`) do not count, as lua-nginx-module's
 * ngx_http_lua_conf_lua_block_parse reads them (openresty/lua-nginx-module src/ngx_http_lua_directive.c).
 */
function luaBlockEnd(text: string, open: number): number {
  /** The end of a long bracket starting at `at` (`[`, `=`*, `[`), or undefined when none starts there. */
  const longBracketEnd = (at: number): number | undefined => {
    const opening = /^\[(=*)\[/.exec(text.slice(at, at + 66));
    if (!opening) return undefined;
    const close = text.indexOf(`]${opening[1]}]`, at + opening[0].length);
    return close < 0 ? text.length : close + opening[0].length - 1;
  };
  let depth = 1;
  for (let i = open + 1; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '-' && text.charAt(i + 1) === '-') {
      i = longBracketEnd(i + 2) ?? text.indexOf('\n', i);
      if (i < 0) return -1;
    } else if (ch === '[') {
      i = longBracketEnd(i) ?? i;
    } else if (ch === '"' || ch === "'") {
      for (i++; i < text.length && text.charAt(i) !== ch && text.charAt(i) !== '\n'; i++)
        if (text.charAt(i) === '\\') i++;
    } else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i;
  }
  return -1;
}

export function parseNginx(text: string): {
  directives: NginxDirective[];
  comments: Comment[];
  problems: ParseProblem[];
} {
  const index = new LineIndex(text);
  const comments: Comment[] = [];
  const problems: ParseProblem[] = [];
  const tokens: Token[] = [];
  /** Where the statement being read starts in `tokens`: its first word is the directive's name. */
  let statementStart = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '#') {
      let end = i;
      while (end < text.length && text.charAt(end) !== '\n' && text.charAt(end) !== '\r') end++;
      comments.push({ text: text.slice(i + 1, end), range: index.rangeAt(i, end) });
      i = end;
    } else if (ch === '{' || ch === '}' || ch === ';') {
      tokens.push({ kind: ch, value: ch, start: i, end: i + 1 });
      // The body of an OpenResty `*_by_lua_block { … }` is Lua, read by lua-nginx-module's own reader: an empty block.
      const luaEnd = ch === '{' && LUA_BLOCK.test(tokens[statementStart]?.value ?? '') ? luaBlockEnd(text, i) : -1;
      if (luaEnd > 0) {
        tokens.push({ kind: '}', value: '}', start: luaEnd, end: luaEnd + 1 });
        i = luaEnd;
      }
      i++;
      statementStart = tokens.length;
    } else if (ch === '"' || ch === "'") {
      let end = i + 1;
      let value = '';
      while (end < text.length && text.charAt(end) !== ch) {
        if (text.charAt(end) === '\\' && end + 1 < text.length) {
          value +=
            text.charAt(end + 1) === ch || text.charAt(end + 1) === '\\'
              ? text.charAt(end + 1)
              : text.charAt(end) + text.charAt(end + 1);
          end += 2;
        } else value += text.charAt(end++);
      }
      if (end >= text.length) {
        problems.push({
          code: 'unterminated-string',
          severity: 'error',
          message: 'Unterminated quoted string: nginx refuses to start ("unexpected end of file")',
          range: index.rangeAt(i, text.length),
        });
      }
      tokens.push({ kind: 'word', value, start: i + 1, end: Math.min(end, text.length) });
      i = end + 1;
    } else {
      let end = i;
      let value = '';
      // Inside a word, quotes and `#` are ordinary characters (`location ~ ^/([^/?'"]+)$`): nginx
      // starts a quoted string or a comment only where a token starts.
      while (end < text.length && !/[\s;{}]/.test(text.charAt(end))) {
        if (text.charAt(end) === '\\' && end + 1 < text.length) {
          value += text.charAt(end + 1);
          end += 2;
        } else if (text.charAt(end) === '$' && text.charAt(end + 1) === '{') {
          // `${var}` is one word even though it holds braces.
          const close = text.indexOf('}', end);
          const stop = close === -1 ? text.length : close + 1;
          value += text.slice(end, stop);
          end = stop;
        } else value += text.charAt(end++);
      }
      tokens.push({ kind: 'word', value, start: i, end });
      i = end;
    }
  }

  let t = 0;
  const readBlock = (closing: boolean): NginxDirective[] => {
    const list: NginxDirective[] = [];
    for (let token = tokens[t]; token !== undefined; token = tokens[t]) {
      if (token.kind === '}') {
        if (closing) return list;
        problems.push({
          code: 'unexpected-brace',
          severity: 'error',
          message: 'Unexpected "}": nginx refuses to start',
          range: index.rangeAt(token.start, token.end),
        });
        t++;
        continue;
      }
      if (token.kind !== 'word') {
        problems.push({
          code: 'unexpected-token',
          severity: 'error',
          message: `Unexpected "${token.value}": nginx refuses to start`,
          range: index.rangeAt(token.start, token.end),
        });
        t++;
        continue;
      }
      const nameToken = token;
      t++;
      const args: NginxArg[] = [];
      for (let arg = tokens[t]; arg?.kind === 'word'; arg = tokens[++t])
        args.push({ value: arg.value, range: index.rangeAt(arg.start, arg.end) });
      const directive: NginxDirective = {
        name: nameToken.value,
        nameRange: index.rangeAt(nameToken.start, nameToken.end),
        args,
        range: index.rangeAt(nameToken.start, tokens[t]?.end ?? text.length),
      };
      const end = tokens[t];
      if (end?.kind === ';') {
        t++;
      } else if (end?.kind === '{') {
        t++;
        directive.block = readBlock(true);
        const close = tokens[t];
        if (close?.kind === '}') {
          directive.range = index.rangeAt(nameToken.start, close.end);
          t++;
        } else {
          problems.push({
            code: 'unclosed-block',
            severity: 'error',
            message: `Block "${nameToken.value}" is not closed: nginx reports "unexpected end of file, expecting }"`,
            range: directive.nameRange,
          });
        }
      } else {
        problems.push({
          code: 'missing-semicolon',
          severity: 'error',
          message: `Directive "${nameToken.value}" is not terminated by ";"`,
          range: directive.nameRange,
        });
      }
      list.push(directive);
    }
    return list;
  };
  const directives = readBlock(false);
  return { directives, comments, problems };
}
