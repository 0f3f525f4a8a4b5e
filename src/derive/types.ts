/** What the derive stage computes once per deployment, after the model is built (src/derive/derive.ts). */
import type { Endpoint } from '../handshake/endpoint';
import type { AnsibleRoleTree } from '../model/ansible-role-files';
import type { LinkPrediction } from '../handshake/links';
import type { ChannelAccess } from '../model/mq-access';
import type { ChlauthRecord } from '../model/mq-chlauth';
import type { MqscData } from '../parse/mqsc';
import type { TreeCertificate } from '../model/mq-certs';
import type { LevelRefusals } from './openssl-levels';
import type { NamedCertificates } from './presented';
import type { TlsStack } from './stack';
import type { MarkedPemFile } from './pem-byte-order-mark';
import type { LinkTrust } from './trust';
import type { Location, Range, RelatedLocation } from '../core/types';
import type { Component, Deployment, Link, UnservedTls } from '../model/types';
import type { PemData } from '../parse/pem';
import type { ParsedDocument } from '../parse/types';

/** A link whose two ends are components of the deployment. */
export interface ResolvedLink {
  link: Link;
  client: Component;
  server: Component;
  /** Both ends as the predictor sees them and the predicted handshake; absent when an end has no usable TLS settings. */
  predicted?: LinkPrediction;
}

/** A component's endpoints, by the role it plays (a component may be asked for both). */
export interface ComponentEndpoints {
  client?: Endpoint;
  server?: Endpoint;
}

export interface DerivedModel {
  /** Every certificate in the tree, each assigned to the component directory that holds it. */
  certificates: TreeCertificate[];
  /**
   * By component id: each certificate its TLS settings name (`certificate`, then `moreCertificates`) with the tree's
   * certificates it names (src/derive/presented.ts); components naming none are absent.
   */
  presented: ReadonlyMap<string, readonly NamedCertificates[]>;
  /** Which certificate and store files of the tree the components name (src/derive/derive.ts `certificateFileUse`). */
  certificateFiles: CertificateFileUse;
  /** The deployment's links whose two ends exist, in link order. */
  links: ResolvedLink[];
  /** Links only a name coincidence makes (`Link.unconfirmed`): not in `links`, never predicted nor judged. */
  unconfirmed: ResolvedLink[];
  /** The links with a prediction (both ends have TLS settings with a known implementation), in link order. */
  predictions: LinkPrediction[];
  /** Endpoints by component id: each TLS component in its own role, and every link end in its link role. */
  endpoints: ReadonlyMap<string, ComponentEndpoints>;
  /** The TLS stack each component runs, by component id (src/derive/stack.ts). */
  stacks: ReadonlyMap<string, TlsStack>;
  /** Certificate trust per link, both ways: the server's chain against the client's anchors, and the client certificate (src/derive/trust.ts). */
  trust: LinkTrust[];
  /**
   * The queue manager's access decision for each inbound channel of each MQSC script (src/model/mq-access.ts), by
   * `channelAccessKey`: the channels the script sets and the shipped objects it leaves (six mq/* rules read them).
   */
  channelAccess: ReadonlyMap<string, ChannelAccess>;
  /** Each MQSC script's effective channel authentication records (src/model/mq-chlauth-records.ts effectiveChlauthRecords). */
  chlauthRecords: ReadonlyMap<ParsedDocument<MqscData>, ChlauthRecord[]>;
  /** The MQSC scripts of queue managers created with MQSNOAUT: their access is decided without a password check. */
  scriptsWithoutAuthorityManager: ReadonlyMap<ParsedDocument<MqscData>, Location>;
  /** The MQSC scripts of queue managers the tree creates, with where: no channel authentication record the tree does not show. */
  scriptsOfCreatedQueueManagers: ReadonlyMap<ParsedDocument<MqscData>, Location>;
  /** The MQSC scripts of queue managers the IBM MQ Operator runs under the developer licence (spec.license.use), with where. */
  scriptsOfDeveloperLicence: ReadonlyMap<ParsedDocument<MqscData>, RelatedLocation>;
  /**
   * Byte-identical copies of one queue manager's MQSC file, each with the file it copies: their findings are related
   * places of the first file's (src/derive/mq-identical-copies.ts).
   */
  identicalMqscCopies: ReadonlyMap<string, string>;
  /** The deployment's PEM files (certificates, keys, DH parameters) by path: a server's key file is found beside its certificate. */
  pemFiles: ReadonlyMap<string, ParsedDocument<PemData>>;
  /** The PEM files Tomcat connectors on JSSE read whose byte order mark hides their first block (src/derive/pem-byte-order-mark.ts). */
  markedPemFiles: MarkedPemFile[];
  /**
   * What the OpenSSL security level of each nginx end refuses of the certificates it loads and the upstream chains
   * it verifies (src/derive/openssl-levels.ts).
   */
  levelRefusals: LevelRefusals;
  /**
   * Whether a file of the deployment starts HAProxy with `-dV` (default server verification off: a server line verifies
   * only with an explicit verify); false when the deployment has no HAProxy server line (src/derive/haproxy-verify-off.ts).
   */
  haproxyVerifyOff: boolean;
  /**
   * The tree's Ansible YAML as the question whether a run deploys a role's template or file reads it
   * (src/model/ansible-role-files.ts): the engine demotes findings in role files no run deploys.
   */
  ansibleRoles: AnsibleRoleTree;
}

/**
 * What the components of a deployment name as their certificate, key store or trust store. A certificate in a
 * file nothing names — test data, a copy left behind — is seen by no peer lint-deploy knows of.
 */
export interface CertificateFileUse {
  /** Tree files named (resolved to the file), with where each is named. */
  inUse: ReadonlyMap<string, RelatedLocation[]>;
  /**
   * Files of `inUse` that every naming is of some of their embedded documents only (the keys of a Kubernetes Secret a
   * container mounts: StoreRef/CertificateRef.embeddedAt), with those documents' ranges: the manifest's other
   * certificates are not in use by them.
   */
  embeddedUse?: ReadonlyMap<string, readonly Range[]>;
  /**
   * File names of references the tree does not resolve (`/etc/ssl/app.p12` → `app.p12`), with where each is named:
   * a tree file of that name may be the one deployed.
   */
  namedOutside: ReadonlyMap<string, RelatedLocation[]>;
  /**
   * The key entry each named file is selected by, by file (and by `name:<file name>` for files named outside the
   * tree): the aliases the naming key-store settings give, or 'any' when one gives none (or a trust store names it).
   */
  keyAliases: ReadonlyMap<string, ReadonlySet<string> | 'any'>;
  /**
   * Tree files that every component naming them names as its trust store (none as its key store or certificate), with
   * those components: a verifier's anchors, or leaves it trusts directly, that no component of the tree presents.
   */
  trustOnly: ReadonlyMap<string, readonly TrustingEnd[]>;
  /**
   * Tree files that components (or ends linked to no peer whose stores are read) name as their key store or
   * certificate, by file: who presents the file as its own identity, each named `name@file:line` of its place. A file
   * named only as a trust store, by a server serving no TLS, or by an end of unknown use is absent.
   */
  presentedBy: ReadonlyMap<string, ReadonlySet<string>>;
  /** References whose file name is a placeholder nothing resolves (`/cert/${KEYSTORE_NAME}`): any certificate may be the one. */
  unresolved: readonly UnresolvedReference[];
  /** Certificate files a component reads where Docker Compose mounts a host path the tree does not hold (CertificateRef.mountedFromOutside). */
  mountedOutside: readonly { component: Component; path: string; at: Location }[];
  /**
   * Tree files that servers serving no TLS name as their key or trust store, or own as a Liberty server's
   * certificates (Deployment.unservedTls): why no handshake presents them, by file.
   */
  notServed: ReadonlyMap<string, readonly NotServedBy[]>;
  /**
   * Tree files only ends whose use the tree does not show name (UnlinkedEnd.useUnknown: a Spring SSL bundle no setting
   * hands over), with those ends: a peer may or may not see their certificates.
   */
  useUnknown: ReadonlyMap<string, readonly StoreNamer[]>;
}

/** What names a store: a component, or an end the model links to no peer (Deployment.unlinkedEnds). */
export interface StoreNamer {
  name: string;
  location: Location;
}

/** An end that names a file as its trust store, and whether it verifies on JSSE (which does not date-check anchors). */
export interface TrustingEnd {
  name: string;
  jsse: boolean;
  /**
   * An OpenSSL end that verifies its peers against the file (an nginx server's `ssl_verify_client on|optional`, an nginx
   * proxy's `proxy_ssl_verify on`, an HAProxy `verify required`): where that is set, the component's place when by default.
   */
  opensslVerifies?: Location;
  /**
   * An Erlang/OTP end (a RabbitMQ listener, knowledge rabbitmq.json cacertfileUse): `verifies`, where it asks for client
   * certificates and verifies them against the file (`ssl_options.verify` verify_peer), absent when it verifies none (the
   * file then only completes the chain it sends); `image`, the official image that runs it, when the tree names one.
   */
  erlang?: { verifies?: Location; image?: string };
}

/**
 * A certificate or store reference whose file name is a placeholder nothing resolves, with the store type its settings
 * give (`keystore.type=PKCS12`: it names a PKCS#12 or JKS store, never a PEM file; absent when they give none).
 */
export interface UnresolvedReference {
  component: StoreNamer;
  path: string;
  at?: Location;
  type?: string;
  /** The store the setting names: the component's own key store, or its trust store (absent: a certificate file). */
  role?: 'key' | 'trust';
  /**
   * A trust store an OpenSSL end verifies its peers against (TrustingEnd.opensslVerifies), and whether that end is an
   * HAProxy `server` line (its certificate check fails the server's health checks too).
   */
  opensslVerifies?: { at: Location; haproxyServer: boolean };
  /**
   * A path relative to a directory the tree does not show (the server's working directory, the classpath) that names
   * no file beside its configuration, or an absolute path the tree does not place: only a tree file of its name may be
   * it, and which one is unknown.
   */
  relative?: true;
}

/** A server that names (or owns) a store it does not serve, and where its setting names the store (absent: owned by directory). */
export interface NotServedBy {
  server: UnservedTls;
  namedAt?: Location;
}

/** A deployment with its derived data: what rules and formatters read. */
export interface DerivedDeployment extends Deployment {
  derived: DerivedModel;
}
