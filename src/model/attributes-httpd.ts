/** What the model keeps of an Apache httpd (mod_ssl) end besides its TLS settings. */
import type { Location, RelatedLocation } from '../core/types';
import type { Traced } from '../core/traced';
import type { ClientUrl, ServerEndpointAttributes } from './attributes-tls';
import type { NginxSecurityLevel, OpensslAttribute } from './attributes-edge';

/** A file path a mod_ssl directive names, as written and where. */
export interface HttpdPath {
  value: string;
  location: Location;
}

/** `SSLProtocol TLSv1.2 TLSv1.3`: the word without + or - replaces the ones before it (ssl_cmd_protocol_parse, AH02532). */
export interface HttpdProtocolOverride {
  directive: string;
  /** The line's words as written, the first word without sign after others, and what the line enables. */
  written: string;
  word: string;
  enabled: string[];
  location: Location;
}

/** An `SSLEngine on` virtual host (or the main server): `httpd.server`. */
export interface HttpdServerAttributes extends ServerEndpointAttributes {
  /** The `<VirtualHost>` addresses as written (`*:443`, `_default_:443`); none for the main server. */
  addresses: string[];
  openssl: OpensslAttribute;
  /** `SSLCipherSuite` as written (OpenSSL cipher-string syntax), when set. */
  ciphersAsWritten?: string;
  unknownCipherElements: string[];
  /**
   * The OpenSSL security levels mod_ssl may load its certificates at (src/model/openssl-level.ts); absent when a
   * placeholder, a crypto-policy profile, an SSLOpenSSLConfCmd or a configuration the tree does not hold may set it.
   */
  securityLevel?: NginxSecurityLevel;
  /** `SSLCertificateKeyFile` files in order: the key of the certificate in the same place. */
  certificateKeys?: HttpdPath[];
  /** The certificate and key files mod_ssl loads together (no key: the certificate file holds it), when the tree says. */
  certificatePairs?: { certificate: HttpdPath; key?: HttpdPath }[];
  /** The ServerRoot relative paths are read from (the main configuration's place in the tree), when the tree holds it. */
  serverRoot?: string;
  /** The `Include`s that brought the virtual host into the main configuration, outermost first. */
  includedBy?: RelatedLocation[];
  /** Why no SSLCertificateFile may still be set, when the tree holds none for it (a level it does not hold may). */
  certificateUnknown?: string;
  /** `SSLCertificateChainFile` (deprecated since 2.4.8, still read): certificates sent after the certificate file's. */
  chainFile?: HttpdPath;
  /** `SSLCACertificateFile`: the anchors client certificates are verified against. */
  caFile?: HttpdPath;
  protocolOverride?: HttpdProtocolOverride;
}

/** A `ProxyPass` / `BalancerMember` towards an `https://` backend: `httpd.proxy`. */
export interface HttpdProxyAttributes {
  /** The directive (`ProxyPass`, `BalancerMember`, `ProxyPassMatch`) and its target as written. */
  directive: string;
  target: string;
  /** The backend it connects to, for linking (none when the target holds a placeholder). */
  urls: ClientUrl[];
  /** `SSLProxyEngine` (default off: httpd answers every request to the backend with 500). */
  engine: Traced<boolean>;
  /** Why `engine` is not known when no held level writes SSLProxyEngine (the main configuration is not in the tree). */
  engineUnknown?: string;
  /** `SSLProxyVerify` (default none: the backend's certificate is not checked). */
  verify: Traced<'none' | 'optional' | 'require' | 'optional_no_ca'>;
  /**
   * SSLProxyCheckPeerName, SSLProxyCheckPeerCN, SSLProxyCheckPeerExpire (each on by default): checks mod_ssl makes on
   * the backend's certificate whatever SSLProxyVerify says.
   */
  peerChecks: { name: Traced<boolean>; cn: Traced<boolean>; expire: Traced<boolean> };
  /** Why a peer check no held level writes may still be turned off (the main configuration is not in the tree). */
  peerChecksUnknown?: string;
  /** `ProxyPreserveHost on`: the name sent and checked is the client's Host header, not the backend URL's host. */
  preserveHost?: Location;
  caFile?: HttpdPath;
  /** `SSLProxyCACertificatePath`: a directory of CA certificates by hash (anchors the model does not list). */
  caPath?: HttpdPath;
  /** Why SSLProxyCACertificateFile, set in no held level, may still be set (the main configuration is not in the tree). */
  caUnknown?: string;
  serverRoot?: string;
  /** The `Include`s that brought the directive into the main configuration, outermost first. */
  includedBy?: RelatedLocation[];
  /** `SSLProxyMachineCertificateFile`: the client certificate (and key) httpd presents. */
  machineCertificate?: HttpdPath;
  /**
   * The OpenSSL security levels the proxy's SSL_CTX may run at (SSLProxyCipherSuite's @SECLEVEL, else the image's
   * OpenSSL's): with SSLProxyVerify other than none, the backend's chain is verified at it (derive/openssl-levels.ts).
   * Absent where the tree does not settle it.
   */
  securityLevel?: NginxSecurityLevel;
  /** The virtual host the directive is in: a proxy never reaches that host itself. */
  serverBlock?: Location;
  openssl: OpensslAttribute;
  ciphersAsWritten?: string;
  unknownCipherElements: string[];
  protocolOverride?: HttpdProtocolOverride;
}

/** A line httpd refuses when it reads its configuration, and what it says. */
export interface HttpdRefusedDirective {
  at: Location;
  directive: string;
  /** httpd's message. */
  message: string;
  /**
   * A mod_proxy `secret=` httpd does not take (./httpd-ajp-passes.ts): given to a balancer (every release), or to a
   * worker by a release before the parameter (the release, and the image tag that names it).
   */
  secret?: { onBalancer: true } | { release: string; at: Location };
}

/** A mod_ssl line httpd takes when it reads the configuration and refuses when it starts (./httpd-start.ts). */
export interface HttpdStartRefusal {
  at: Location;
  directive: string;
  /** The line's value as written. */
  written: string;
  /** The end whose SSL context fails (a virtual host, the main server, or its proxy). */
  server: string;
  /** httpd's log code and words. */
  code: string;
  httpdSays: string;
  /** Why, in our words. */
  why: string;
  /** The image that names the OpenSSL the verdict rests on (a cipher string): its `FROM`, how, and the release. */
  openssl?: { at: Location; via: string; release: string };
}

/** A virtual host with SSLEngine on that no TLS connection reaches: a plain one comes first on its addresses (./httpd-order.ts). */
export interface HttpdTlsBehindPlain {
  /** Its `<VirtualHost` line. */
  at: Location;
  /** `<VirtualHost *:443>` as written. */
  vhost: string;
  /** The addresses it is behind a plain virtual host on (`*:443`). */
  address: string;
  /** The first plain virtual host, as written. */
  first: string;
  /** That virtual host, its SSLEngine line, the Listen line, and the Include lines that bring them in. */
  related: RelatedLocation[];
}

/** SSLProxy* lines saying the hop to a backend is authenticated, where every pass they apply to is plain (./httpd-proxy-ignored.ts). */
export interface HttpdIgnoredProxyTls {
  /** The lines as written (`SSLProxyVerify require`), with the includes that brought each. */
  directives: { name: string; written: string; at: Location; via?: RelatedLocation[] }[];
  /** The plain passes (`ProxyPass`, `BalancerMember`, `RewriteRule`), their targets as written and their scheme (`http`). */
  passes: { written: string; target: string; scheme: string; at: Location }[];
}

/**
 * An IBM HTTP Server virtual host (or main server) with `SSLEnable` (mod_ibm_ssl, GSKit): `ihs.server`. Its certificate
 * is a personal certificate of the CMS key database `KeyFile` names, chosen by `SSLServerCert`; the protocols and suites
 * GSKit offers are not modelled (unknown, never mod_ssl's defaults).
 */
export interface IhsServerAttributes extends ServerEndpointAttributes {
  /** The `<VirtualHost>` addresses as written; none for the main server. */
  addresses: string[];
  /** The `SSLEnable` line in effect (a virtual host inherits the main server's). */
  enabledAt: Location;
  /** `KeyFile` in effect (inherited from the main server): the key database's path as written. */
  keyFile?: HttpdPath;
  /** Why the key database is not a file of the tree to read (`KeyFile /saf ring`: a z/OS key ring). */
  keyFileUnknown?: string;
  /** `SSLServerCert` in effect (inherited): its words as written (a label; `token:label` names a PKCS#11 token). */
  serverCert?: { labels: string[]; location: Location };
  /** The ServerRoot relative paths are read from (the main configuration's place in the tree), when the tree holds it. */
  serverRoot?: string;
  /** The `Include`s that brought the virtual host into the main configuration, outermost first. */
  includedBy?: RelatedLocation[];
  /**
   * Main-server lines of directives IHS does not copy into virtual hosts (`SSLCipherSpec`, `SSLProtocolDisable`…):
   * written there, they do not apply to this virtual host (`ownToo`: it writes its own). Only for a virtual host of a
   * main configuration.
   */
  globalNotApplied?: { directive: string; location: Location; ownToo?: true }[];
}

/** A `JkMount` whose worker mod_jk's worker map does not hold (./modjk-mounts.ts): its requests get a 500. */
/** A worker property mod_jk refuses, in the map an httpd configuration reads: httpd does not start (./modjk-refused.ts). */
export interface JkRefusedProperty {
  at: Location;
  /** `attribute`: a `worker.` property whose name ends with no attribute mod_jk knows; `type`: a listed worker's type. */
  reason: 'attribute' | 'type';
  key: string;
  /** Written on a JkWorkerProperty line (a syntax error), not in the workers file. */
  jkWorkerProperty?: true;
  worker?: string;
  type?: string;
  related: RelatedLocation[];
}

export interface JkMountUnknownWorker {
  at: Location;
  worker: string;
  /** The mounted path; none inside `<Location>`, whose path it mounts. */
  uri?: string;
  /** A line of the mount file a JkMountFile names (`/path=worker`), not a JkMount. */
  mountFile?: true;
  /** The workers of the map (worker.list, or mod_jk's default list). */
  listed: string[];
  /** The listed balancer whose member the mount names: members are not in the worker map. */
  memberOf?: string;
  /** The workers file sets the worker's attributes, but worker.list does not name it. */
  definedNotListed?: true;
  /** No worker.list anywhere: mod_jk's default list. */
  defaultList?: true;
  /** The mount serves requests (a virtual host's, or the main server's with no virtual host or JkMountCopy); false: not known. */
  reached: boolean;
  related: RelatedLocation[];
}
