/** What the model keeps of a WebSphere web server plug-in transport (plugin-cfg.xml) besides its TLS settings. */
import type { Location } from '../core/types';
import type { ClientUrl } from './attributes-tls';

/** A `<Property Name= Value=>` of the plug-in's configuration, as written and where. */
export interface PluginSetting {
  /** The property's name as written (`keyring`, `Keyring`, `Keyfile`). */
  name: string;
  value: string;
  location: Location;
}

/** An https `<Transport>` of a `<Server>` of a `<ServerCluster>`: `was.plugin`. */
export interface WasPluginAttributes {
  cluster?: string;
  server?: string;
  /** `Hostname:Port` as written. */
  target: string;
  /** The application server end it connects to, for linking (none when the host or port is a placeholder). */
  urls: ClientUrl[];
  /** The transport's `<Property Name="keyring">`: the GSKit key database its handshakes use. */
  keyring?: PluginSetting;
  stashfile?: PluginSetting;
  certLabel?: PluginSetting;
  /** A `Keyring`/`Keyfile` property written directly under `<Config>`, not in the transport. */
  configKeyring?: PluginSetting;
  /**
   * `UseInsecure="true"` on `<Config>` (or as a `<Property>` there): an HTTPS request the plug-in cannot send over the
   * https transport goes over the server's http transport instead.
   */
  useInsecure?: PluginSetting;
  /** Why the transport's properties are not all known (a template writes a property's name). */
  propertiesUnknown?: string;
  /** The transport's `<Transport>` start tag. */
  transport: Location;
  /** The same `<Server>`'s plain-HTTP transport, when it has one (`Hostname:Port`). */
  httpTransport?: { target: string; location: Location };
}

/** An SSL configuration of WebSphere traditional a wsadmin script creates or modifies: `was.ssl-config`. */
export interface WasSslConfigAttributes {
  /** The configuration's `-alias`. */
  alias: string;
  /** Whether the script creates it (`createSSLConfig`) or only changes some of its settings (`modifySSLConfig`). */
  created: boolean;
}
