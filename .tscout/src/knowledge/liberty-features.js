"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.libertyFeatureSsl = libertyFeatureSsl;
/**
 * Which Open Liberty features enable SSL (data/liberty-features.json): Liberty starts an httpEndpoint's HTTPS
 * listener, and reads `<keyStore>`/`<ssl>` for inbound TLS, only when the ssl-1.0 feature is among the server's
 * features, named itself, as transportSecurity-1.0, or through a feature that includes it (appSecurity-*, mpJwt-*,
 * restConnector-2.0, microProfile-1.2+…). A feature neither list names is unknown.
 */
const lazy_1 = require("../core/lazy");
/**
 * The feature lists (data/liberty-features.json, 40 KB), read on first use: a run whose tree holds no Liberty server
 * never loads them (the bundle keeps them in a chunk of their own, scripts/build.mjs).
 */
const featureLists = (0, lazy_1.lazy)(() => {
    const data = require('./data/liberty-features.json');
    const releases = data.releases.map((r) => r.release).join(', ');
    return {
        enabling: new Map(data.enabling.map((e) => [e.name.toLowerCase(), e.via])),
        none: new Set(data.none.features.map((f) => f.toLowerCase())),
        source: `Open Liberty feature manifests, include closure for releases ${releases} (${data.manifests.source.split(';')[0]})`,
    };
});
/** Whether a `<feature>` of server.xml (any case, surrounding blanks ignored) enables SSL, by the feature lists of the releases the data names. */
function libertyFeatureSsl(feature) {
    const name = feature.trim().toLowerCase();
    const { enabling, none, source } = featureLists();
    const via = enabling.get(name);
    if (via)
        return { ssl: 'enables', via, source };
    return { ssl: none.has(name) ? 'none' : 'unknown', source };
}
