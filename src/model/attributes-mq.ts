/**
 * The typed `attributes` of IBM MQ channels and JMS connection factories, and the tree certificates and WAS/Liberty
 * cipher levels they hold; re-exported by ./attributes. Types only: this module imports nothing from the model.
 */
import type { Traced } from '../core/traced';
import type { Location, RelatedLocation } from '../core/types';
import type { CcdtChannel } from '../parse/ccdt';
import type { StoreEntry, StoreType, KeystoreData } from '../parse/keystore/format';
import type { MqIniData } from '../parse/mq-ini';
import type { MqscChannel, MqscData } from '../parse/mqsc';
import type { PemData } from '../parse/pem';
import type { PemCertificate } from '../parse/certificate';
import type { ParsedDocument } from '../parse/types';

/** A value of an MQ component with where it is written. */
export interface MqValue {
  value: string;
  location: Location;
  templated: boolean;
  /** Where the parts of the value come from when it was written with variables (Liberty `${…}`): related places of findings. */
  via?: RelatedLocation[];
}

/** Facts about the queue manager a server-side channel belongs to. */
export interface MqQueueManagerFacts {
  /** Name hints: path segments and file stem of the MQSC, and names its deploy scripts give (matched against clients' queueManager). */
  nameHints: string[];
  /** The names deploy scripts beside the MQSC give (`helm install <release>`, `crtmqm QM1`), with where. */
  namedBy: ScriptQueueManagerName[];
  mqsc: ParsedDocument<MqscData>;
  qmIni?: ParsedDocument<MqIniData>;
  /** qm.ini `SSL: AllowedCipherSpecs` (ordered and enabled list), when set. */
  allowedCipherSpecs?: MqValue;
  allowWeakCipherSpec?: MqValue;
  certificate?: TreeCertificate;
  /** Directory of the MQSC file (the queue manager's home in the tree). */
  homeDir: string;
  /** The Compose services and `docker run`s whose containers run it (./mq-image-queue-managers.ts runnerKey). */
  runners?: string[];
  /** Where the queue manager is created with MQSNOAUT set: no object authority manager, no authority check (src/model/mq-oam.ts). */
  oamSwitchedOff?: { value: string; location: RelatedLocation; tiedBy?: RelatedLocation; readBy?: RelatedLocation };
  /** Where the tree creates the queue manager, so that it has no channel authentication record the tree does not show (src/model/mq-qmgr-created.ts). */
  createdBy?: RelatedLocation;
  /** Where the IBM MQ Operator's QueueManager that applies it selects IBM MQ Advanced for Developers (src/model/mq-resources.ts). */
  developerLicence?: RelatedLocation;
  /**
   * The AMQ_* variables the queue manager's container gets (the `environment:` of the Compose service that runs it,
   * the `env` of the qmgr container of the QueueManager resource that applies it, then `ENV AMQ_SSL_WEAK_CIPHER_ENABLE=…`
   * in the Dockerfile at or above the MQSC whose FROM is an IBM MQ image; src/model/mq-compose.ts, mq-release.ts):
   * switches that re-enable deprecated CipherSpecs as qm.ini's SSL stanza does.
   */
  environment?: { name: string; value: MqValue; service?: string }[];
  /**
   * When two or more Docker Compose services (or scripts' `docker run`s) run the MQSC (each its own queue manager): each
   * service, as a message names it (`said`), with the release its image names. An `environment` entry with a `service` is that service's alone (src/model/mq-compose.ts).
   */
  runs?: { service: string; said: string; release?: NonNullable<MqQueueManagerFacts['release']> }[];
  /** The IBM MQ release it runs, when the tree names it (its QueueManager resource, a Dockerfile's or Compose service's MQ image; src/model/mq-release.ts). */
  release?: {
    value: string;
    location: Location;
    via: string;
    source: string;
    /**
     * The script command that ties the MQSC to the image's container when it is written in another file than the MQSC
     * (`docker exec -i qm1 runmqsc QM1 < dev.mqsc`: src/model/mq-runmqsc-inputs.ts): part of how the tree names it.
     */
    tiedBy?: RelatedLocation;
  };
  /**
   * When the MQSC runs on several queue managers whose Compose images name different releases (two services mount it,
   * or scripts run it in two containers): each release, once, with the service that names it first; `release` is then
   * absent, and a rule that judges by release judges each (src/model/mq-compose.ts).
   */
  releasesByRun?: NonNullable<MqQueueManagerFacts['release']>[];
}

/** `attributes` of `mq.svrconn` / `mq.sender` / `mq.clntconn` / `mq.ccdt-channel` components. */
export interface MqChannelAttributes {
  channelName: string;
  chltype: string;
  nameLocation: Location;
  sslciph?: MqValue;
  sslpeer?: MqValue;
  sslcauth?: MqValue;
  mcauser?: MqValue;
  certlabl?: MqValue;
  /** Queue manager the client wants (CCDT queueManager / CLNTCONN QMNAME). */
  queueManager?: MqValue;
  /** The queue manager that owns the channel (server side and sending end; a CLNTCONN's script only builds a CCDT). */
  qmgr?: MqQueueManagerFacts;
  /**
   * A CLNTCONN of an MQSC script: the queue manager whose runmqsc defines it into the CCDT, which checks its SSLCIPH
   * (AMQ8242) by its own release and qm.ini; the client that later reads the CCDT connects elsewhere.
   */
  definedOn?: MqQueueManagerFacts;
  /** The MQSC channel (server side, sending end and CLNTCONN), when defined in MQSC. */
  mqscChannel?: MqscChannel;
  ccdtChannel?: CcdtChannel;
  /** A client end (CCDT channel, CLNTCONN): the nearest mqclient.ini, whose SSL stanza the client reads. */
  clientIni?: ParsedDocument<MqIniData>;
  /** Certificate this end presents, when found in the tree. */
  certificate?: TreeCertificate;
}

/** A certificate found in the tree, with its file and the directory whose component it belongs to. */
export interface TreeCertificate {
  cert: PemCertificate;
  /** The PEM file, or the key store that holds the certificate (then `store` says where in it). */
  doc: ParsedDocument<PemData> | ParsedDocument<KeystoreData>;
  /** Set for a certificate read from a key store: its entry's alias and kind, and its place in the entry's chain (0 = the entry's own certificate). */
  store?: { alias: string; entry: StoreEntry['entry']; chainIndex: number; type: StoreType };
  /** Absolute directory of the nearest config file above (or beside) the PEM: the component home that owns it. */
  ownerDir: string;
  /** A private key for this certificate sits in the same owner directory (it is that component's own identity). */
  hasPrivateKey: boolean;
  /** The PEM file that holds that private key, for a PEM certificate (a key store's key entry holds its own). */
  privateKeyFile?: string;
  /**
   * When `ownerDir` holds an MQ, WebSphere or Liberty configuration, that file: its component may use files of its home
   * without a setting naming them (MQ selects certificates by label; a `<keyStore>` the tree does not settle).
   */
  homeConfig?: string;
  /** The products whose configuration `homeConfig`'s directory holds (what the directory may use the file for). */
  homeProducts?: ConfigProduct[];
}

/** A product whose configuration picks files of its own directory (TreeCertificate.homeConfig). */
export type ConfigProduct = 'mq' | 'was' | 'liberty';

/** A queue manager name a deploy script gives, and where. */
export interface ScriptQueueManagerName {
  name: string;
  location: RelatedLocation;
  /**
   * What else ties the name to the MQSC: the `env_file:` item of the Compose service when its env file names it, the
   * Dockerfile whose image holds the MQSC when a Compose service builds that image.
   */
  via?: RelatedLocation[];
  /**
   * Named by a QueueManager resource of the IBM MQ Operator that applies the MQSC (`spec.queueManager.name`, else
   * `metadata.name`): the queue manager itself, wherever the operator runs it (./mq-qmgr-names.ts).
   */
  byResource?: true;
}

/** WAS/Liberty `securityLevel` cipher groups. */
export type WasSecurityLevel = 'HIGH' | 'MEDIUM' | 'LOW';

/**
 * The suites a WAS/Liberty SSL configuration without `enabledCiphers` enables for `securityLevel`
 * (HIGH when unset): the runtime's default-enabled suites for that side (knowledge base,
 * effectiveJdkTls) that fall in the level's group, in the runtime's order. Undefined when the level is
 * CUSTOM/templated, the runtime is unknown, or nothing is left (the tree does not tell).
 */
export interface LevelCiphers {
  /** The expanded suites (IANA names), provenance `default` / `inferred`. */
  suites: Traced<string[]>;
  level: WasSecurityLevel;
  /** The `securityLevel` attribute, or the SSL configuration when it is unset (HIGH by default). */
  location: Location;
}

/** The WAS/Liberty SSL configuration a JMS connection factory uses. */
export interface JmsSslConfig {
  alias: MqValue;
  enabledCiphers?: MqValue;
  securityLevel?: MqValue;
  sslProtocol?: MqValue;
  jsseProvider?: MqValue;
  /** Without `enabledCiphers`: the runtime's default suites for `securityLevel` (HIGH when unset), inferred. */
  levelCiphers?: LevelCiphers;
}

/** `attributes` of a `jms.connection-factory` component (IBM MQ messaging provider / resource adapter). */
export interface JmsConnectionFactoryAttributes {
  /**
   * Where the factory is defined: WAS resources.xml, Liberty server.xml, IBM MQ's Spring Boot starter (`ibm.mq.*`), or
   * a JNDI file context's `.bindings` (JMSAdmin, MQ Explorer).
   */
  product: 'websphere' | 'liberty' | 'spring' | 'jndi-bindings';
  factoryName: string;
  channelName?: string;
  channel?: MqValue;
  queueManager?: MqValue;
  host?: MqValue;
  sslCipherSuite?: MqValue;
  sslPeerName?: MqValue;
  sslConfig?: JmsSslConfig;
  /** `com.ibm.mq.cfg.useIBMCipherMappings` as the JVM sees it (default true). */
  useIBMCipherMappings: Traced<boolean>;
  certificate?: TreeCertificate;
  /** IBM MQ's Spring Boot starter: the app's active Spring profiles, when the tree says which. */
  activeProfiles?: string[];
}
