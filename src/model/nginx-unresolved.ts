/**
 * TLS settings an nginx server may take from an `include` the tree does not hold (certbot's
 * `/etc/letsencrypt/options-ssl-nginx.conf`, an image's `/config/nginx/ssl.conf`). nginx refuses to start when
 * an include without glob characters names no file, so that file exists where nginx runs: a setting the server
 * leaves to nginx's default may be in it, and the default is then a guess, never a verdict.
 */
import * as path from 'node:path';
import type { RelatedLocation } from '../core/types';
import { NGINX_FACTS } from '../knowledge/openssl';
import { argsRange, type Placed } from './nginx-placed';

/** The server settings the model otherwise takes from nginx's defaults and that decide a handshake. */
const DEFAULTED = ['ssl_protocols', 'ssl_ciphers', 'ssl_prefer_server_ciphers', 'ssl_dhparam'] as const;

/** Files nginx installs that hold no TLS setting (`include mime.types;` in every nginx.conf). */
const WITHOUT_TLS = new Set<string>(NGINX_FACTS.includesWithoutTls.value);

/** Includes of the list that the contributor kept because they resolved to no file of the tree. */
function unresolved(list: Placed[]): Placed[] {
  return list.filter((p) => {
    const target = p.directive.args[0]?.value;
    return !p.block && p.directive.name === 'include' && !!target && !WITHOUT_TLS.has(path.posix.basename(target));
  });
}

const sets = (list: Placed[], name: string) => list.some((p) => !p.block && p.directive.name === name);

/**
 * What an unresolved include leaves unknown for a server: `own` are the server block's directives, `inherited`
 * the http level's. A setting of the server block is known (nginx rejects the same directive twice in a block
 * and the server level overrides http); one set only at http level is unknown when the server block has such
 * an include; one set nowhere is unknown when either level has one.
 */
export function settingsOfMissingIncludes(
  own: Placed[],
  inherited: Placed[],
): { unknownValues: string[]; unknownAt: RelatedLocation[] } | undefined {
  const ownIncludes = unresolved(own);
  const inheritedIncludes = unresolved(inherited);
  const names = DEFAULTED.filter(
    (name) => !sets(own, name) && (ownIncludes.length > 0 || (!sets(inherited, name) && inheritedIncludes.length > 0)),
  );
  if (names.length === 0) return undefined;
  // An http-level include may set only what the http level does not set itself.
  const includes = [...(names.some((n) => !sets(inherited, n)) ? inheritedIncludes : []), ...ownIncludes];
  const written = includes.map((p) => p.directive.args[0]?.value ?? '');
  return {
    unknownValues: [
      `${names.join(', ')}, which the server leaves to include ${written.join(', ')}: the tree does not hold ${written.length === 1 ? 'that file' : 'those files'} (add ${written.length === 1 ? 'it' : 'them'} to the tree)`,
    ],
    unknownAt: includes.map((p) => ({
      file: p.file,
      range: argsRange(p),
      message: `include ${p.directive.args[0]?.value ?? ''}: not in the tree, it may set ${names.join(', ')}`,
    })),
  };
}
