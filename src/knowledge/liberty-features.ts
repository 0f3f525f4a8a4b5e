/**
 * Which Open Liberty features enable SSL (data/liberty-features.json): Liberty starts an httpEndpoint's HTTPS
 * listener, and reads `<keyStore>`/`<ssl>` for inbound TLS, only when the ssl-1.0 feature is among the server's
 * features, named itself, as transportSecurity-1.0, or through a feature that includes it (appSecurity-*, mpJwt-*,
 * restConnector-2.0, microProfile-1.2+…). A feature neither list names is unknown.
 */
import data from './data/liberty-features.json';

export interface LibertyFeatureSsl {
  /** `enables`: some include path reaches ssl-1.0; `none`: no path does; `unknown`: the knowledge does not list it. */
  ssl: 'enables' | 'none' | 'unknown';
  /** The features one include path passes through to ssl-1.0 (symbolic names), when it enables SSL. */
  via?: string[];
  source: string;
}

const ENABLING = new Map(data.enabling.map((e) => [e.name.toLowerCase(), e.via]));
const NONE = new Set(data.none.features.map((f) => f.toLowerCase()));
const RELEASES = data.releases.map((r) => r.release).join(', ');

/** Whether a `<feature>` of server.xml (any case, surrounding blanks ignored) enables SSL, by the feature lists of `RELEASES`. */
export function libertyFeatureSsl(feature: string): LibertyFeatureSsl {
  const name = feature.trim().toLowerCase();
  const via = ENABLING.get(name);
  const source = `Open Liberty feature manifests, include closure for releases ${RELEASES} (${data.manifests.source.split(';')[0]})`;
  if (via) return { ssl: 'enables', via, source };
  return { ssl: NONE.has(name) ? 'none' : 'unknown', source };
}
