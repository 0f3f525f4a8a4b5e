/**
 * The TLS checks a Spring Boot app's RabbitMQ connection turns off: `spring.rabbitmq.ssl.validate-server-certificate`
 * and `spring.rabbitmq.ssl.verify-hostname` set false (both true by default: RabbitProperties.Ssl, spring-boot
 * v2.1.0.RELEASE and v3.4.0). Spring Boot hands them to Spring AMQP's RabbitConnectionFactoryBean as
 * setSkipServerCertificateValidation(!validate) and setEnableHostnameVerification(verify), only when TLS is on
 * (RabbitAutoConfiguration in 2.1, RabbitConnectionFactoryBeanConfigurer from 2.7). RabbitConnectionFactoryBean.setUpSSL
 * (spring-projects/spring-amqp@v3.1.0, the same at v2.1.0.RELEASE) skips validation only when no key store, trust store
 * or SSL properties file is set: it then calls the RabbitMQ client's `useSslProtocol()`, whose trust manager trusts
 * every certificate and which verifies no host name; with a store set, the stores' trust managers (the JVM's default
 * trust for a key store alone) verify as usual. An SSL bundle (Boot 3.2+, SslBundleRabbitConnectionFactoryBean) gives
 * the bundle's SSLContext and ignores validate-server-certificate. Host names are checked only when verify-hostname is
 * true, on every path but the trust-everything one.
 * A value only the run knows (a placeholder, a variable of the start without a value here) is not judged.
 */
import type { Location } from '../core/types';
import { springBoolean, springKeyUnder, springList } from '../parse/spring';
import type { Entry } from '../parse/types';
import { springBootHas } from '../knowledge';
import { PLACEHOLDER } from './store-files';
import type { SpringSettings } from './spring-settings';
import type { JavaAppAttributes, SpringBootRelease } from './attributes';

type RabbitChecksOff = NonNullable<JavaAppAttributes['rabbitTlsChecksOff']>;

const RABBIT = 'spring.rabbitmq.';

/** Where a setting is written, as a finding names it. */
function placed(settings: SpringSettings, entry: Entry): { setting: string; at: Location } {
  return { setting: entry.key, at: { file: settings.doc(entry).file.path, range: entry.keyRange } };
}

/**
 * The RabbitMQ TLS checks the app's settings turn off, each with the setting that turns TLS on. `release`: the
 * project's Spring Boot release when its build file says it (a release before a setting existed ignores it).
 */
export function springRabbitChecksOff(
  settings: SpringSettings,
  release: SpringBootRelease | undefined,
): RabbitChecksOff {
  if (!settings.entries.some((e) => springKeyUnder(e, `${RABBIT}ssl.`))) return [];
  const found = checksOff(settings, release);
  if (!release) return found;
  // A check said only because of the release the build file names: that file decides it too.
  const without = checksOff(settings, undefined);
  return found.map((off) =>
    without.some((o) => o.check === off.check && o.setting === off.setting) ? off : { ...off, release },
  );
}

function checksOff(settings: SpringSettings, release: SpringBootRelease | undefined): RabbitChecksOff {
  const has = (feature: 'rabbitTlsChecks' | 'rabbitAmqpsAddress' | 'rabbitSslBundle') =>
    release ? springBootHas(feature, release.version) : undefined;
  if (has('rabbitTlsChecks') === false) return [];
  const setting = (name: string) => settings.setting(RABBIT + name);
  // A setting's value as written, or undefined when only the run knows it.
  const written = (entry: Entry) =>
    settings.setAtRunTime(entry.key) || PLACEHOLDER.test(entry.value) ? undefined : entry.value.trim();
  const tls = tlsTurnedOnBy(settings, has('rabbitAmqpsAddress'), has('rabbitSslBundle'));
  if (!tls) return [];
  const switchedOff = (name: string) => {
    const entry = setting(name);
    const value = entry && written(entry);
    return entry && value !== undefined && springBoolean(value) === false ? entry : undefined;
  };
  const tlsAt = placed(settings, tls);
  const out: RabbitChecksOff = [];
  const validation = switchedOff('ssl.validate-server-certificate');
  // Any store setting (an empty or run-time value too) or a bundle Boot may bind takes the path that verifies.
  const stores = ['ssl.key-store', 'ssl.trust-store', 'ssl.bundle'].filter(
    (name) =>
      (setting(name) || settings.setAtRunTime(RABBIT + name)) &&
      !(name === 'ssl.bundle' && has('rabbitSslBundle') === false),
  );
  if (validation && stores.length === 0) {
    out.push({ check: 'certificate', ...placed(settings, validation), tlsAt });
    return out;
  }
  const hostname = switchedOff('ssl.verify-hostname');
  if (hostname) out.push({ check: 'hostname', ...placed(settings, hostname), tlsAt });
  return out;
}

/**
 * The setting that turns the connection's TLS on (RabbitProperties.Ssl.determineEnabled): the first
 * `spring.rabbitmq.addresses` entry's scheme when it has one (Boot 2.3+), else `ssl.enabled=true`, or (Boot 3.2+) a
 * bundle. Undefined when TLS is off, or when whether it is on is unknown (a run-time value, a release the tree does not
 * say where the releases differ).
 */
export function tlsTurnedOnBy(
  settings: SpringSettings,
  amqpsAddress: boolean | undefined,
  sslBundle: boolean | undefined,
): Entry | undefined {
  const runTime = (entry: Entry) => settings.setAtRunTime(entry.key) || PLACEHOLDER.test(entry.value);
  const enabled = settings.setting(`${RABBIT}ssl.enabled`);
  if (enabled && runTime(enabled)) return undefined;
  // Spring binds `ssl.enabled` as a Boolean: a value it cannot read fails the start, and is not judged here.
  const enabledOn = enabled && springBoolean(enabled.value) === true ? enabled : undefined;
  const bundle = settings.setting(`${RABBIT}ssl.bundle`);
  // A bundle turns TLS on from 3.2 (`bundle != null`, whatever its value); an older release ignores it.
  if (bundle && sslBundle === undefined && !enabledOn) return undefined;
  const byDefault = enabledOn ?? (bundle && sslBundle ? bundle : undefined);
  if (amqpsAddress === false) return byDefault;
  if (settings.setAtRunTime(`${RABBIT}addresses`)) return undefined;
  const addresses = springList(settings.entries, `${RABBIT}addresses`);
  const first = addresses?.values[0];
  if (!addresses || first === undefined) return byDefault;
  if (PLACEHOLDER.test(first)) return undefined;
  // Address.trimPrefix: the scheme, as written, decides when there is one.
  if (first.startsWith('amqps://')) return addresses.entries[0];
  // amqp:// turns TLS off from 2.3; before it only ssl.enabled counts: with the release unknown, so is TLS.
  if (first.startsWith('amqp://')) return undefined;
  return byDefault;
}
