/**
 * What the model records on a deployment about nginx beside its components (Deployment's nginx lists: plain passes,
 * pass TLS directives nginx ignores or refuses, syntax a release removed): kept apart from ./deployment-records.ts
 * for its size; ./types.ts re-exports them.
 */
import type { Location, RelatedLocation } from '../core/types';
import type { NginxLoading } from './attributes';
import type { ClientUrl } from './attributes-tls';

/** An nginx `proxy_pass http://…` or `grpc_pass grpc://…` with the URLs it calls (its upstream's servers, or its target). */
export interface NginxPlainPass {
  /** The pass in words: `nginx proxy_pass http://app:8443/ (nginx/default.conf:12)`. */
  name: string;
  host: string;
  urls: ClientUrl[];
  at: Location;
  /** The server block it is in. */
  serverBlock?: Location;
}

/** An nginx pass directive (`proxy_pass`, `grpc_pass`, `uwsgi_pass`) and its target as written. */
export interface NginxPassRef {
  directive: string;
  target: string;
  at: Location;
  /** A stream `proxy_pass` (its TLS is `proxy_ssl on`, not a scheme). */
  stream: boolean;
}

/** `*_ssl_*` directives of an nginx file that only plain passes apply: nginx ignores them (./nginx-passes.ts). */
export interface NginxIgnoredPassTls {
  /** The directives as written (`proxy_ssl_verify on`), with the includes that brought each. */
  directives: { name: string; written: string; at: Location; via?: RelatedLocation[] }[];
  /** The plain passes they apply to. */
  passes: NginxPassRef[];
}

/** `*_ssl_verify on` where nginx builds a pass's TLS client without `*_ssl_trusted_certificate`: it does not start. */
export interface NginxVerifyWithoutAnchors {
  verify: { name: string; at: Location };
  /** The passes that make nginx build a TLS client with it (their upstream connection: TLS, or unknown). */
  passes: (NginxPassRef & { transport: 'tls' | 'plain' | 'unknown' })[];
  /** Whether nginx reads the file of a `*-available` directory it comes from (src/model/nginx-unloaded.ts). */
  loading?: NginxLoading;
}

/** The nginx release an image runs, with the line that names it and, when that is no image tag, how the tree leads to it. */
export interface NamedNginxRelease {
  release: string;
  at: Location;
  /** `base/Dockerfile:8 RUN, which downloads nginx-1.13.9spiffe5 (nginx 1.13.9; spiffe5 is a build label)`. */
  how?: string;
  /** The places that lead to `at`: a `FROM` of an image the tree builds, and the Compose `image:` that builds it. */
  via?: Location[];
}

/**
 * nginx syntax a release removed (src/model/nginx-startup.ts): the `ssl` directive, deprecated since 1.15.0 and
 * refused at start from 1.25.1 (knowledge openssl-servers.json nginx.sslDirectiveRemoved); the `spdy` parameter of
 * `listen`, skipped with a warning from 1.9.5 and refused at start from 1.19.7 (nginx.listenSpdyRemoved); the spdy_*
 * directives, on the same releases (nginx.spdyDirectivesRemoved).
 */
export interface NginxRemovedSyntax {
  at: Location;
  /** What it is written with: the argument of `ssl` (`on`, `off`), the address of the `listen` (`443`), the spdy_* name. */
  value: string;
  /** The includes that brought it, outermost first. */
  via?: RelatedLocation[];
  /** The nginx release the image running the file names (`nginx:1.27` → `1.27`), with the line that names it. */
  nginx?: NamedNginxRelease;
  /** When no release is named: the official image under a tag that names none (`FROM nginx`), which pulls a current one. */
  floating?: NginxFloatingImage;
  /** The file is a template: what it renders may differ. */
  template: boolean;
  /** Whether nginx reads the file of a `*-available` directory it lies in (src/model/nginx-unloaded.ts). */
  loading?: NginxLoading;
}

/** The official nginx image under a tag that names no release (src/model/nginx-floating-image.ts). */
export interface NginxFloatingImage {
  /** The image as written (`nginx`, `nginx:alpine`). */
  image: string;
  /** The lowest release its tag names, and since when (knowledge openssl-servers.json nginx.imageFloatingTags). */
  atLeast: string;
  since: string;
  /** The FROM, or the Compose `image:`, that names it. */
  at: Location;
  /** The name a Compose service builds it under: an image of that name built or pushed earlier may run instead. */
  prebuilt?: { image: string; at: Location };
}

export type NginxSslDirective = NginxRemovedSyntax;
export type NginxSpdyListen = NginxRemovedSyntax;
export type NginxSpdyDirective = NginxRemovedSyntax;
