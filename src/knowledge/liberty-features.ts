/**
 * Which Open Liberty features enable SSL (data/liberty-features.json): Liberty starts an httpEndpoint's HTTPS
 * listener, and reads `<keyStore>`/`<ssl>` for inbound TLS, only when the ssl-1.0 feature is among the server's
 * features, named itself, as transportSecurity-1.0, or through a feature that includes it (appSecurity-*, mpJwt-*,
 * restConnector-2.0, microProfile-1.2+…). A feature neither list names is unknown.
 */
import { lazy } from '../core/lazy';

export interface LibertyFeatureSsl {
  /** `enables`: some include path reaches ssl-1.0; `none`: no path does; `unknown`: the knowledge does not list it. */
  ssl: 'enables' | 'none' | 'unknown';
  /** The features one include path passes through to ssl-1.0 (symbolic names), when it enables SSL. */
  via?: string[];
  source: string;
}

type LibertyFeaturesData = typeof import('./data/liberty-features.json');
interface FeatureLists {
  enabling: Map<string, string[]>;
  none: Set<string>;
  source: string;
}
/**
 * The feature lists (data/liberty-features.json, 40 KB), read on first use: a run whose tree holds no Liberty server
 * never loads them (the bundle keeps them in a chunk of their own, scripts/build.mjs).
 */
const featureLists = lazy((): FeatureLists => {
  const data = require('./data/liberty-features.json') as LibertyFeaturesData;
  const releases = data.releases.map((r) => r.release).join(', ');
  return {
    enabling: new Map(data.enabling.map((e) => [e.name.toLowerCase(), e.via])),
    none: new Set(data.none.features.map((f) => f.toLowerCase())),
    source: `Open Liberty feature manifests, include closure for releases ${releases} (${data.manifests.source.split(';')[0]})`,
  };
});

/** Whether a `<feature>` of server.xml (any case, surrounding blanks ignored) enables SSL, by the feature lists of the releases the data names. */
export function libertyFeatureSsl(feature: string): LibertyFeatureSsl {
  const name = feature.trim().toLowerCase();
  const { enabling, none, source } = featureLists();
  const via = enabling.get(name);
  if (via) return { ssl: 'enables', via, source };
  return { ssl: none.has(name) ? 'none' : 'unknown', source };
}
