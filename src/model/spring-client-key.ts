/**
 * Whether a Spring app may present a client certificate its JVM options do not show (JavaAppAttributes.ownClientKey),
 * read by the Java application contributor (./java.ts) from the app's Spring settings.
 */
import * as path from 'node:path';
import { ours, said, type Phrase } from '../core/phrase';
import type { Entry, ParsedDocument } from '../parse/types';
import { springBoolean, springKey, springSetting, type SpringConfigData } from '../parse/spring';

/**
 * A Spring SSL bundle's key store (`spring.ssl.bundle.jks|pem.<name>.keystore.location|certificate`), matched on the
 * uniform key (springKey) so that every relaxed spelling Spring binds counts (`key-store`, `keyStore`, `KEYSTORE`).
 */
const BUNDLE_KEY_STORE = /^spring\.ssl\.bundle\.(jks|pem)\.[^.]+\.keystore\.(location|certificate)$/;

/**
 * A setting of the app's own naming a key store file, outside Spring Boot's namespaces (uniform key, value as written
 * or a placeholder's default): Jportela4c/dynamic-portfolio-api@b173abd `ofb.provider.keystore.path:
 * ${OFB_KEYSTORE_PATH:classpath:certs/client.p12}`, which its OFBRestTemplateConfig loads into its RestTemplate's
 * SSLContext as key material (SSLContextBuilder.loadKeyMaterial).
 */
const OWN_KEY_STORE_KEY = /(?:^|\.)[a-z0-9]*keystore[a-z0-9]*(?:\.|$)/;
const KEY_STORE_FILE = /\.(?:p12|pfx|jks|keystore|bcfks)\}?$/i;
const SPRING_BOOT_NAMESPACE = /^(?:spring|server|management)\./;
const namesOwnKeyStore = (entry: Entry) => {
  const key = springKey(entry.key);
  return (
    !entry.secret &&
    !SPRING_BOOT_NAMESPACE.test(key) &&
    OWN_KEY_STORE_KEY.test(key) &&
    KEY_STORE_FILE.test(entry.value.trim().replace(/^(["'])(.*)\1$/, '$2'))
  );
};

/**
 * The key store of the app's own HTTPS server (`server.ssl.key-store`), and whether `server.ssl.enabled: false` in the
 * same file keeps that server from using it. JSSE's default key manager does not read it, but two-way TLS demos load it
 * into their HTTP client: timsazon/two-way-ssl@ad3c272 client/src/main/resources/application.yaml (server off; its
 * TwoWaySslWebClientCustomizer loads ServerProperties' key store into its WebClient),
 * ninjacoderz/two-way-ssl-spring-boot@1b756b3 nt-gateway (server on; NtGatewayApplication loads nt-gateway.jks into
 * its RestTemplate).
 */
function ownServerKeyStore(doc: ParsedDocument<SpringConfigData>): { store: Entry; serverOff: boolean } | undefined {
  const store = springSetting(doc.entries, 'server.ssl.key-store');
  if (!store?.value.trim()) return undefined;
  const enabled = springSetting(doc.entries, 'server.ssl.enabled');
  return { store, serverOff: !!enabled && springBoolean(enabled.value) === false };
}

/**
 * Why a Spring app may present a client certificate that its JVM options do not show (JavaAppAttributes.ownClientKey):
 * an SSL bundle with a key store, which its code can apply to its HTTP client (`RestClient.Builder.apply(ssl)`), or
 * a setting of its own naming a key store file (namesOwnKeyStore), which its code can load the same way, or the key
 * store of its own HTTPS server (ownServerKeyStore), which its code can load too, or Spring
 * settings that are only a Kubernetes ConfigMap laid over an image the tree does not hold (the image's own
 * application.yml is not here). Without any, JSSE's default key manager is empty and the app presents none.
 */
export function withOwnClientKey(
  spring: readonly ParsedDocument<SpringConfigData>[],
  jvm: readonly ParsedDocument[],
): { ownClientKey?: Phrase } {
  for (const doc of spring)
    for (const entry of doc.entries) {
      if (BUNDLE_KEY_STORE.test(springKey(entry.key)))
        return {
          // The bundle's name as written (the uniform key drops its dashes).
          ownClientKey: said`the SSL bundle '${entry.key.split('.')[4]}' (${path.basename(doc.file.path)}) holds a key store its code can give its HTTP client`,
        };
    }
  for (const doc of spring) {
    const own = doc.entries.find(namesOwnKeyStore);
    if (own)
      return {
        ownClientKey: said`its own setting ${own.key} (${path.basename(doc.file.path)}) names a key store its code can give its HTTP client`,
      };
    const server = ownServerKeyStore(doc);
    if (server)
      return {
        ownClientKey: said`${server.store.key} (${path.basename(doc.file.path)}) names the key store of its own HTTPS server${ours(server.serverOff ? ' (server.ssl.enabled is false: that server does not use it)' : '')}, which its code can also give its HTTP client (JSSE's default key manager does not read it)`,
      };
  }
  const overlay = spring.length > 0 && jvm.length === 0 && spring.every((d) => d.embedded) ? spring[0] : undefined;
  return overlay
    ? {
        ownClientKey: said`its Spring settings here are only ${overlay.embedded!.container} in ${path.basename(overlay.file.path)}, laid over an image the tree does not hold`,
      }
    : {};
}
