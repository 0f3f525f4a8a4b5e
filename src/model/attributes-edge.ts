/**
 * The typed `attributes` of the edge components, nginx and HAProxy (re-exported by ./attributes). Types only.
 */
import type { Traced } from '../core/traced';
import type { Location, RelatedLocation } from '../core/types';
import type { ClientUrl, ServerEndpointAttributes } from './attributes-tls';

/** What a floating tag of the official image runs when built or pulled now (knowledge/floating-images.ts), and where. */
export interface FloatingOpenssl {
  image: string;
  at: Location;
  series: string;
  /** The lowest release the tag names now (`nginx 1.26.0`), and since when when a source says. */
  lowest: string;
  since?: string;
  bases: string[];
  /** The name Compose builds the image under: a container may run an earlier build of it, of an older release. */
  prebuilt?: { image: string; at: Location };
}

/** `attributes` of `nginx.server` and `nginx.tls-policy` components. */
export interface NginxServerAttributes extends ServerEndpointAttributes {
  defaultServer: boolean;
  /** `ssl_ciphers` as written (OpenSSL cipher-string syntax). */
  ciphersAsWritten?: string;
  /** Elements of `ssl_ciphers` that this OpenSSL build does not know. */
  unknownCipherElements: string[];
  /**
   * The OpenSSL the cipher string was read against (derived once, from the tree's image, by the nginx contributor):
   * its release series, whether it was assumed, and when the tree names it, the release and how (`nginx:1.14 → debian:stretch`).
   */
  openssl?: {
    series: string;
    assumed: boolean;
    source: string;
    release?: string;
    via?: string;
    at?: Location;
    /** When assumed: the official image under a tag naming no release that runs it, as built or pulled now. */
    floating?: FloatingOpenssl;
  };
  /** An `@` command of `ssl_ciphers` this OpenSSL does not know (`@SECLEVEL=0` on 1.0.2): nginx does not start. */
  invalidCipherCommand?: string;
  /** DHE suites the cipher string selects that nginx will not use: no `ssl_dhparam` (nginx 1.11.0+). */
  dheWithoutParameters?: string[];
  /** The certificate and trust directives in effect (src/model/stores.ts turns them into `tls.trust`). */
  storeDirectives?: NginxStoreDirectives;
  /** The OpenSSL security levels nginx may load its certificates and DH parameters at (src/model/openssl-level.ts). */
  securityLevel?: NginxSecurityLevel;
  /** `ssl_dhparam` as written, and where. */
  dhParameters?: { file: string; location: Location };
  /** Why nginx refuses to start because of this server's TLS settings (src/model/nginx-startup.ts). */
  startupFailure?: NginxStartupFailure;
  /** `ssl_certificate_key` files as written, in order: the key of the `tls.certificate` / `moreCertificates` in the same place. */
  certificateKeys?: { file: string; reference: Location }[];
  /** `ssl_spiffe on` (SPIFFE's nginx fork): its certificate and the anchors it checks clients with come at run time. */
  workloadApi?: NginxWorkloadApi;
  /** Whether nginx reads the file of a `*-available` directory it comes from (src/model/nginx-unloaded.ts). */
  loading?: NginxLoading;
}

/**
 * Whether nginx reads a file of a `*-available` directory (sites-available, conf-available), which no include of the
 * tree reaches beside a configuration nginx does read (src/model/nginx-unloaded.ts); unset for any other file, which
 * is judged as loaded.
 */
export type NginxLoading = NginxUnloaded | NginxMaybeEnabled;

/** Nothing of the tree enables it: what would stop nginx there stops it only once someone enables the file. */
export interface NginxUnloaded {
  kind: 'unloaded';
  /** Its directory's name: `sites-available`, `confs-available`. */
  directory: string;
  /** A file of the configuration nginx does read, beside it (an nginx.conf, a conf.d or `*-enabled` file). */
  loads: Location;
  /** What the tree shows putting it elsewhere than where nginx reads (a Pod mounting a ConfigMap of it at sites-available). */
  elsewhere?: RelatedLocation[];
}

/** Something of the tree may enable it (a link, a Dockerfile or script command, an Ansible task): judged as loaded. */
export interface NginxMaybeEnabled {
  kind: 'maybe-enabled';
  directory: string;
  /** What may enable it, each with what it is (`ln -s …/sites-available/x …/sites-enabled/: may enable it`). */
  by: RelatedLocation[];
}

/** Where SPIFFE's nginx fork is told to take certificates and trust from the SPIFFE Workload API (`ssl_spiffe on`). */
export interface NginxWorkloadApi {
  directive: string;
  at: Location;
}

/** A security level nginx's OpenSSL may run at, and why. */
export interface SecurityLevelCandidate {
  level: number;
  /** Where it comes from (`@SECLEVEL=1 in ssl_ciphers`, `nginx:1.25 → debian:bookworm: OpenSSL 3.0 …`). */
  origin: string;
  /** The directive or Dockerfile FROM that sets it, when the tree does. */
  at?: Location;
  /** Set for the level of an image the tree names without tying this configuration to it (./openssl-level.ts). */
  untied?: true;
}

/**
 * The security levels of an nginx end: one when the tree settles it, several (each a possibility) when it does not.
 * Certificates are loaded at `certificates`; DH parameters and handshakes run at `handshake` (nginx sets the cipher
 * string, and its @SECLEVEL, before ssl_dhparam in every release, but before its certificates only from 1.21.2).
 */
/** Why an end's level is open (several candidates), and what settles it. */
export interface Unsettled {
  why: string;
  todo: string;
}

export interface NginxSecurityLevel {
  certificates: SecurityLevelCandidate[];
  /** Set when `certificates` holds several levels. */
  certificatesUnsettled?: Unsettled;
  handshake: SecurityLevelCandidate[];
  /** Set when `handshake` holds several levels. */
  unsettled?: Unsettled;
  /** The cipher directive a level is set with (`ssl_ciphers`, `proxy_ssl_ciphers`, `grpc_ssl_ciphers`). */
  directive: string;
  /**
   * Whether @SECLEVEL in that directive applies to loading certificates, by the nginx release the image names (and
   * its FROM); absent when the release is unknown.
   */
  cipherLevelReachesCertificates?: { value: boolean; release: string; at: Location };
}

/** Why nginx refuses to start, said on the server block that causes it (src/model/nginx-startup.ts). */
export type NginxStartupFailure =
  | { kind: 'no-certificate'; level: 'http' | 'stream'; listen: string; at: Location }
  | { kind: 'no-key'; level: 'http' | 'stream'; certificate: string; at: Location }
  /**
   * `ssl_verify_client on|optional` (`at`) without `ssl_client_certificate`: nginx has no default trust store and
   * refuses to start. `trusted`: the server has `ssl_trusted_certificate`, which the image's nginx (before 1.27.2)
   * does not take for it.
   */
  | {
      kind: 'no-client-ca';
      level: 'http' | 'stream';
      mode: string;
      at: Location;
      trusted?: { at: Location; nginx: { release: string; at: Location } };
    };

/** nginx directive values the stores need (kept by the nginx contributor in `attributes.storeDirectives`). */
export type NginxStoreDirectives = Partial<
  Record<
    'ssl_client_certificate' | 'ssl_trusted_certificate' | 'ssl_verify_depth',
    { value: string; location: Location }
  >
>;

/**
 * `attributes` of an `nginx.proxy` component: one `proxy_pass https://…` (or `grpc_pass grpcs://…`, or a stream
 * `proxy_pass` with `proxy_ssl on`) as a TLS client of the servers behind it.
 */
export interface NginxProxyAttributes {
  /** The directive (`proxy_pass`, `grpc_pass`) and its target as written. */
  directive: string;
  target: string;
  /** The `upstream` block the target names, when it names one. */
  upstream?: { name: string; location: Location };
  /** The servers it connects to (the target, or each `server` of its upstream), for linking. */
  urls: ClientUrl[];
  /** The `server` block the directive is in: a proxy never reaches that block itself (it would loop). */
  serverBlock?: Location;
  /**
   * Set when the target holds a variable (`$backend`, resolved by nginx per request; or `${BACKEND}` of a template
   * rendered when the container starts): no server is known. `location`: the target as written.
   */
  unresolvedTarget?: { written: string; location: Location };
  /** `proxy_ssl_verify` (default off: the upstream's certificate is not checked at all). */
  verify: Traced<boolean>;
  /** `proxy_ssl_server_name` (default off: no SNI) and `proxy_ssl_name` (default: the target's host). */
  serverName: Traced<boolean>;
  sslName?: Traced<string>;
  /** The OpenSSL nginx runs with (as on `nginx.server`). */
  openssl?: NginxServerAttributes['openssl'];
  ciphersAsWritten?: string;
  unknownCipherElements: string[];
  /** The image `FROM` whose nginx release settles the default protocols (when none are set and the image names it). */
  defaultsFrom?: { release: string; at: Location };
  /** An `@` command of proxy_ssl_ciphers this OpenSSL does not know: nginx does not start. */
  invalidCipherCommand?: string;
  /** The client certificate and trust directives in effect (src/model/stores.ts turns them into `tls.trust`). */
  storeDirectives: NginxProxyStoreDirectives;
  /** The OpenSSL security levels its client certificate is loaded at and the upstream's chain verified at. */
  securityLevel?: NginxSecurityLevel;
  /** `proxy_ssl_spiffe on` (SPIFFE's nginx fork): its client certificate and the upstream's anchors come at run time. */
  workloadApi?: NginxWorkloadApi;
  /** Whether nginx reads the file of a `*-available` directory it comes from (src/model/nginx-unloaded.ts). */
  loading?: NginxLoading;
}

/** The `<prefix>_ssl_*` store directives of a proxy, under their `proxy_ssl_` names. */
export type NginxProxyStoreDirectives = Partial<
  Record<
    'proxy_ssl_certificate' | 'proxy_ssl_trusted_certificate' | 'proxy_ssl_verify_depth',
    { value: string; location: Location; written: string }
  >
>;

/** The OpenSSL an OpenSSL end reads its cipher string against (as on `nginx.server`). */
export type OpensslAttribute = NonNullable<NginxServerAttributes['openssl']>;

/** `attributes` of a `haproxy.bind` component: one `bind … ssl` line of a `frontend` or `listen` section. */
export interface HaproxyBindAttributes extends ServerEndpointAttributes {
  /** The section (`frontend web`, `listen https`). */
  proxy: string;
  /** The bind's address as written (`*:443`, `:8443,:9443`). tlsPorts: its ports (none for a placeholder or a socket); hostnames: the DNS names it gives (`api.example.internal:8443`), none for `*`, an IP or a socket. */
  address: string;
  /** The cipher string in effect as written (`ciphers`, else global `ssl-default-bind-ciphers`). */
  ciphersAsWritten?: string;
  unknownCipherElements: string[];
  openssl: OpensslAttribute;
  /** `crt` / `crt-list` / `ca-file` as written (after `crt-base` / `ca-base`), and where. */
  crt: HaproxyPath[];
  crtList: HaproxyPath[];
  caFile?: HaproxyPath;
  /** `strict-sni`: a client whose SNI matches no certificate is refused. */
  strictSni: boolean;
  /** The line (or its section) is inside a `.if` block: HAProxy reads it only when the condition holds at start-up. */
  conditional?: true;
  /** `verify optional|required` on lines of its crt-lists that name no ca-file of their own. */
  crtListVerifyWithoutCaFile?: Location[];
  /** Why the line does not say for certain which certificates it loads (`.if`, a placeholder word, `ech`), and where. */
  certificatesUnknown?: { why: string; at: Location };
  /**
   * Files a `crt <directory>` loads that hold no certificate (a README, a DER file): HAProxy refuses to start
   * (src/model/haproxy-crt-directory.ts). Only where a bind mount or a COPY puts the whole tree directory there.
   */
  crtDirectoryStrays?: {
    file: string;
    crt: Location;
    directory: string;
    via: RelatedLocation;
    /** Loaded only by the release the tree names (a .key file before 2.2, a dotfile before 2.6). */
    release?: { value: string; at: Location };
  }[];
  /** Where HAProxy looks for the key of a certificate file that holds none (global ssl-load-extra-* settings). */
  keyFile: HaproxyKeyFileLookup;
  /** The HAProxy release the tree's `haproxy` image names, and where. */
  release?: { value: string; at: Location };
}

/**
 * How HAProxy names a certificate's separate key file (doc/configuration.txt ssl-load-extra-del-ext, ssl-load-extra-files):
 * `appended` (the default: `site.pem` → `site.pem.key`), `extension-replaced` (ssl-load-extra-del-ext: `site.crt` →
 * `site.key`, other extensions appended), `none` (ssl-load-extra-files without key or all: no key file is read),
 * `unknown` (a placeholder in ssl-load-extra-files). `at`: the global line that sets it.
 */
export interface HaproxyKeyFileLookup {
  name: 'appended' | 'extension-replaced' | 'none' | 'unknown';
  at?: Location;
  /**
   * The release decides too (a key file is read from `since`, 2.2): `value` and `at` the release the tree names when it
   * reads none (then `name` is `none`), absent when the tree names no release (a key file then is read or not).
   * `refusal`: what a release that reads no key file says when the crt file holds no key.
   */
  byRelease?: { since: string; refusal: string; value?: string; at?: Location };
}

/** `attributes` of a `haproxy.server` component: one `server … ssl` line of a `backend` or `listen` section. */
export interface HaproxyServerAttributes {
  /** The section (`backend app`, `listen https`). */
  proxy: string;
  /** The server's name on its line (`server app1 …`). */
  serverName: string;
  /** The address as written (`tomcat:8443`, `10.0.0.1:443`). */
  address: string;
  /** The server it connects to, for linking (none when the address holds a placeholder or no port). */
  urls: ClientUrl[];
  /** Whether HAProxy checks the server's certificate: `verify`, else global `ssl-server-verify` (default required). */
  verify: Traced<'none' | 'required'>;
  /** A `verify required` the line writes before the `verify none` that wins (HAProxy keeps the last verify). */
  verifyOverrides?: Location;
  /**
   * The address is a loopback one (127.0.0.0/8, ::1, localhost): the network namespace HAProxy's `localhost` is, where
   * only a process of it could answer.
   */
  loopback?: HaproxyLocalhost;
  caFile?: HaproxyPath;
  /** The line (or its section) is inside a `.if` block: HAProxy reads it only when the condition holds at start-up. */
  conditional?: true;
  /** `crt`: the client certificate (and key) HAProxy presents. */
  crt?: HaproxyPath;
  /** `sni <expression>` and `verifyhost <name>` as written. */
  sni?: HaproxyPath;
  verifyhost?: HaproxyPath;
  ciphersAsWritten?: string;
  unknownCipherElements: string[];
  openssl: OpensslAttribute;
}

/**
 * The network namespace HAProxy's `localhost` is: the host that runs it (no container of the tree does), a Pod's, the
 * host's network a Compose service shares (`network_mode: host`), the container of the service it joins
 * (`network_mode: service:<joined>`), or a Compose service's own container; `evidence`: the Compose or Pod lines that
 * say so.
 */
export type HaproxyLocalhost =
  | { in: 'host' }
  | { in: 'pod' | 'host-network' | 'container'; service: string; evidence: RelatedLocation[] }
  | { in: 'joined'; service: string; joined: string; evidence: RelatedLocation[] };

/** A file path an HAProxy keyword names (after `crt-base`/`ca-base`), as written and where. */
export interface HaproxyPath {
  value: string;
  location: Location;
}
