import type { Entry } from '../parse/types';
import { springKeyUnder, springList, springSetting } from '../parse/spring';
import type { SpringSettings } from './spring-settings';

/**
 * A Spring Boot SSL bundle (Boot 3.1+): `spring.ssl.bundle.jks.<name>.*` (a JKS or PKCS#12 key store and
 * trust store) or `spring.ssl.bundle.pem.<name>.*` (PEM certificate and key files), which `server.ssl.bundle`
 * and client starters (IBM MQ's `ibm.mq.sslBundle`) name. https://docs.spring.io/spring-boot/reference/features/ssl.html
 */
export interface SpringBundle {
  name: string;
  format: 'jks' | 'pem';
  /** `keystore.location` (JKS) or `keystore.certificate` (PEM). */
  keyStore?: Entry;
  keyStorePassword?: Entry;
  keyStoreType?: Entry;
  /** `key.alias`: the entry of the key store the bundle uses. */
  keyAlias?: Entry;
  /** `truststore.location` (JKS) or `truststore.certificate` (PEM). */
  trustStore?: Entry;
  trustStorePassword?: Entry;
  trustStoreType?: Entry;
  /** `options.ciphers` and `options.enabled-protocols`: what a server or client using the bundle enables. */
  ciphers?: { values: string[]; entries: Entry[] };
  enabledProtocols?: { values: string[]; entries: Entry[] };
}

/** The bundle of that name among a Spring app's settings (the last setting of a key wins), if the tree defines it. */
export function springBundle(entries: readonly Entry[], name: string): SpringBundle | undefined {
  for (const format of ['jks', 'pem'] as const) {
    const prefix = `spring.ssl.bundle.${format}.${name}.`;
    const own = entries.filter((e) => springKeyUnder(e, prefix));
    if (own.length === 0) continue;
    const get = (key: string) => springSetting(own, prefix + key);
    // PEM text written into the property (BEGIN/END markers) is content, not a location: no file to resolve.
    const location = (key: string) => {
      const entry = get(key);
      return entry && !/-----BEGIN /.test(entry.value) ? entry : undefined;
    };
    const store = format === 'jks' ? 'location' : 'certificate';
    const bundle: SpringBundle = { name, format };
    const assign = <K extends keyof SpringBundle>(key: K, value: SpringBundle[K] | undefined) => {
      if (value !== undefined) bundle[key] = value;
    };
    assign('keyStore', location(`keystore.${store}`));
    assign('keyStorePassword', get('keystore.password'));
    assign('keyStoreType', get('keystore.type'));
    assign('keyAlias', get('key.alias'));
    assign('trustStore', location(`truststore.${store}`));
    assign('trustStorePassword', get('truststore.password'));
    assign('trustStoreType', get('truststore.type'));
    assign('ciphers', springList(own, prefix + 'options.ciphers'));
    assign('enabledProtocols', springList(own, prefix + 'options.enabled-protocols'));
    return bundle;
  }
  return undefined;
}

/**
 * The bundle a setting names (`server.ssl.bundle`, `ibm.mq.sslBundle`), taken whole by whoever names it: undefined
 * when the setting is unset or blank; `bundle` undefined when the tree does not define it.
 */
export function namedBundle(
  settings: SpringSettings,
  key: string,
): { name: Entry; bundle: SpringBundle | undefined } | undefined {
  const name = settings.setting(key);
  const bundleName = name?.value.trim();
  return name && bundleName ? { name, bundle: springBundle(settings.entries, bundleName) } : undefined;
}
