/**
 * Spring settings that the way an app is started decides (its program arguments, `-D` system properties, and
 * environment), read level by level as Spring Boot ranks its property sources: the highest level that sets a
 * setting decides it. https://docs.spring.io/spring-boot/reference/features/external-config.html
 */
import { listItems } from '../parse/spring';
import type { PropertySource } from './java-shared';

export interface StartSources {
  systemProperties: readonly PropertySource[];
  environment: readonly PropertySource[];
  commandLine: readonly PropertySource[];
}

/** A setting's value as the start decides it; `unknown` when only the run knows it. */
export type StartSetting = { value: string; source: PropertySource } | 'unknown' | 'not set';

/**
 * The highest level that sets `name` decides: `--name=` arguments, then `-D`, then the Docker Compose service's
 * environment (it starts the container, over the image's ENV), then the start files' environment. The places of
 * that level decide together: a value from the shell (`$PROFILE`) or places that disagree (the branches of a
 * script) leave it unknown. A Compose service's command follows the image's ENTRYPOINT and Spring joins repeated
 * arguments, so all arguments are one level.
 */
export function startSetting(name: string, sources: StartSources): StartSetting {
  const composed = (fromCompose: boolean) => sources.environment.filter((e) => !!e.composed === fromCompose);
  for (const level of [sources.commandLine, sources.systemProperties, composed(true), composed(false)]) {
    const setting = level.filter((s) => s.property.name === name);
    const last = setting[setting.length - 1];
    if (!last) continue;
    const values = new Set(setting.map((s) => normalised(s.property.value)));
    if (setting.some((s) => s.property.unresolved) || values.size > 1) return 'unknown';
    return { value: last.property.value, source: last };
  }
  return 'not set';
}

const normalised = (value: string) => listItems(value).join(',');

/**
 * Whether `spring.config.location` keeps Spring Boot from reading the app's packaged configuration (its
 * src/main/resources application*.yml|properties): it replaces the default locations (classpath:/, classpath:/config/,
 * file:./, file:./config/), so unless it names a classpath location the packaged files are not read, and a value the
 * start leaves to the run leaves it unknown. (`spring.config.additional-location` adds to the defaults.)
 * https://docs.spring.io/spring-boot/reference/features/external-config.html#features.external-config.files.location
 */
export function packagedConfigReplaced(sources: StartSources): StartSetting | undefined {
  const location = startSetting('spring.config.location', sources);
  if (location === 'not set') return undefined;
  if (location === 'unknown') return location;
  return listItems(location.value).some((l) => /^(optional:)?classpath\*?:/.test(l)) ? undefined : location;
}
