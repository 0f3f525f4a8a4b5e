/** nginx directives as the nginx contributors see them: with the file they were written in and the includes that brought them. */
import type { Range, RelatedLocation } from '../core/types';
import type { NginxDirective } from '../parse/nginx';
import { protocolRank } from '../knowledge/ciphers';
import { CRYPTO_POLICY_WHY } from '../knowledge/openssl';
import { traced } from './java-shared';
import type { TlsSettings, Traced } from './types';

/** A directive together with the file it was written in (includes bring directives from other files). */
export interface Placed {
  directive: NginxDirective;
  file: string;
  block?: Placed[];
  /** The `include` directives that brought it, outermost first (related places of findings on it). */
  via?: RelatedLocation[];
}

/** The last `name` directive of a scope (outer levels first, so the innermost setting wins). */
export function last(list: Placed[], name: string): Placed | undefined {
  return [...list].reverse().find((p) => !p.block && p.directive.name === name);
}

/**
 * The directives of the innermost block that has any of that name, `levels` outermost first: how a bitmask setting
 * (`ssl_protocols`, `proxy_ssl_protocols`) is decided — each one of a block adds its values
 * (ngx_conf_set_bitmask_slot only warns on a repeated value, it refuses no second directive) and the innermost block
 * that has one replaces the outer ones (ngx_conf_merge_bitmask_value) — and how `ssl_conf_command` is inherited
 * ("if and only if there are no ssl_conf_command directives defined on the current level").
 */
export function innermostDirectives(levels: readonly Placed[][], name: string): Placed[] {
  for (let i = levels.length - 1; i >= 0; i--) {
    const here = (levels[i] ?? []).filter((p) => !p.block && p.directive.name === name);
    if (here.length > 0) return here;
  }
  return [];
}

/**
 * The protocols a block's `ssl_protocols` (`proxy_ssl_protocols`) directives enable together, traced to the one that
 * enables the oldest (the place a finding on a legacy protocol names); undefined when there is none.
 */
export function protocolsOf(directives: readonly Placed[]): Traced<string[]> | undefined {
  const [first] = directives;
  if (!first) return undefined;
  const written = (p: Placed) => p.directive.args.map((a) => a.value);
  if (directives.length === 1) return tracedAt(first, written(first));
  // Unknown names rank -1 and so are never the oldest: nginx refuses them anyway.
  const oldest = (p: Placed) =>
    Math.min(
      ...written(p)
        .map((v) => protocolRank(v))
        .filter((r) => r >= 0),
      Infinity,
    );
  const enabling = directives.reduce((best, p) => (oldest(p) < oldest(best) ? p : best));
  return tracedAt(enabling, [...new Set(directives.flatMap(written))]);
}

/** nginx's bitmask settings: the directives of one block add up (innermostDirectives). */
export const isBitmaskSetting = (name: string) => name.endsWith('_protocols');

/** From the first argument to the last (the directive's name when it has none). */
export function argsRange(p: Placed): Range {
  const args = p.directive.args;
  const [first] = args;
  const last = args.at(-1);
  return first && last ? { start: first.range.start, end: last.range.end } : p.directive.nameRange;
}

/** A value traced to the directive's arguments, with the includes that brought it. */
export function tracedAt<T>(p: Placed, value: T): Traced<T> {
  const t = traced(value, p.file, argsRange(p));
  return p.via && t.from.kind === 'file' ? { value, from: { ...t.from, via: p.via } } : t;
}

/**
 * `ssl_conf_command` / `proxy_ssl_conf_command` (nginx 1.19.4+): OpenSSL configuration commands, which can set the
 * protocols and ciphers themselves (`Ciphersuites`, `MinProtocol`…). lint-deploy does not apply them, so an end that
 * has them has unknown lists.
 */
export function confCommandsUnknown(
  levels: readonly Placed[][],
  name: string,
): { unknownValues: string[]; unknownAt: RelatedLocation[] } | undefined {
  const commands = innermostDirectives(levels, name);
  if (commands.length === 0) return undefined;
  return {
    unknownValues: commands.map((p) => `${name} ${p.directive.args.map((a) => a.value).join(' ')}`),
    unknownAt: commands.map((p) => ({
      file: p.file,
      range: argsRange(p),
      message: 'OpenSSL configuration commands lint-deploy does not apply',
    })),
  };
}

/** The settings with these unknown values added to any they have. */
export function withUnknown(
  tls: TlsSettings,
  extra: { unknownValues: string[]; unknownAt: RelatedLocation[] } | undefined,
): void {
  if (!extra) return;
  tls.unknownValues = [...(tls.unknownValues ?? []), ...extra.unknownValues];
  tls.unknownAt = [...(tls.unknownAt ?? []), ...extra.unknownAt];
}

/**
 * A cipher string that names a crypto-policy profile (`PROFILE=SYSTEM`): the suites are unknown from the tree (links to
 * the end are unknown, never "no cipher match" nor a weak-suite verdict), said where the directive is.
 */
export function cryptoPolicyUnknown(
  tls: TlsSettings & { unknown?: string[] },
  ciphers: Placed,
  directive: string,
  cipherString: string,
): void {
  delete tls.cipherSuites;
  delete tls.credentialSuites;
  if (tls.unknown) tls.unknown = [];
  tls.unknownValues = [...(tls.unknownValues ?? []), `${directive} ${cipherString}`];
  tls.unknownAt = [
    ...(tls.unknownAt ?? []),
    { file: ciphers.file, range: argsRange(ciphers), message: `${directive} names ${CRYPTO_POLICY_WHY}` },
  ];
}
