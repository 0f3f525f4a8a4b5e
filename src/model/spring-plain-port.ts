/**
 * The port a Spring Boot app's embedded web server serves in plain HTTP, when the tree settles it: no `server.ssl.*`
 * setting anywhere the app reads (any profile, any start, none left to the run), nothing that may bring settings the
 * tree does not show (an opaque start, `spring.config.import`, an additional location, `SPRING_APPLICATION_JSON`,
 * environment directories), and a `server.port` that no profile or start moves (Spring Boot's default otherwise:
 * knowledge spring-boot.json). Without TLS settings Spring Boot's embedded server listens in plain HTTP on that port
 * (https://docs.spring.io/spring-boot/how-to/webserver.html#howto.webserver.configure-ssl): a TLS client there fails
 * its handshake. Code that configures a connector itself (a WebServerFactoryCustomizer) is not read.
 */
import { entryLocation, type ParsedDocument } from '../parse/types';
import { springKeyUnder, springSetting, type SpringConfigData } from '../parse/spring';
import { springEmbeddedServer } from '../knowledge';
import type { SpringSettings } from './spring-settings';
import type { StartVariant } from './container-starts';
import type { JavaAppAttributes } from './attributes';

/** Settings that may bring configuration from elsewhere: what they bring is not in the tree. */
const ELSEWHERE = ['spring.config.import', 'spring.config.additional-location', 'spring.application.json'];

const OTHER_FRAMEWORK = /^(?:quarkus|micronaut)\./i;

export function springPlainPort(
  springFiles: readonly ParsedDocument<SpringConfigData>[],
  settings: SpringSettings,
  starts: readonly StartVariant[] | undefined,
  environmentDirs: readonly string[],
): JavaAppAttributes['plainHttpPort'] {
  if (springFiles.length === 0 || environmentDirs.length > 0 || starts?.some((s) => s.opaque)) return undefined;
  const everyEntry = [
    ...springFiles.flatMap((d) => d.data.parts.flatMap((p) => p.entries)),
    ...settings.entries,
    ...settings.unresolved.map((u) => u.entry),
  ];
  if (everyEntry.some((e) => springKeyUnder(e, 'server.ssl.') || ELSEWHERE.some((k) => springKeyUnder(e, k))))
    return undefined;
  // Quarkus and Micronaut files are read alike but serve by their own settings; a Spring Boot app names spring.*.
  if (everyEntry.some((e) => OTHER_FRAMEWORK.test(e.key)) || !everyEntry.some((e) => springKeyUnder(e, 'spring.')))
    return undefined;
  if (settings.setAtRunTime('server.port')) return undefined;
  if (springFiles.some((d) => d.data.parts.some((p) => p.profile && springSetting(p.entries, 'server.port'))))
    return undefined;
  const port = settings.setting('server.port');
  if (!port) {
    const first = springFiles[0]!;
    const { defaultPort } = springEmbeddedServer();
    return {
      port: defaultPort,
      setting: `Spring Boot's default server.port ${defaultPort}`,
      at: { file: first.file.path },
    };
  }
  if (!/^\d+$/.test(port.value.trim())) return undefined;
  return {
    port: Number(port.value.trim()),
    setting: `${settings.nameAsWritten(port)}=${port.value.trim()}, and no server.ssl.* setting`,
    at: entryLocation(settings.doc(port), port, 'line'),
  };
}
