import type { ParsedDocument } from '../parse/types';
import { entryLocation } from '../parse/types';
import { listItems, springSetting, type SpringConfigData } from '../parse/spring';
import { startSetting, type StartSources } from './spring-start';
import type { ActiveProfiles } from './spring-server';

/**
 * `spring.profiles.active` as Spring Boot reads it, highest first: a `--spring.profiles.active` program argument, a
 * `-Dspring.profiles.active` JVM option (in jvm.options, setenv.sh, a systemd unit, a Dockerfile), the
 * `SPRING_PROFILES_ACTIVE` environment variable of the app's Docker Compose service, then of its start files, then
 * the key in the app's default-profile configuration. The highest level that sets it decides: when its value is only
 * known at run time (`$SPRING_PROFILES_ACTIVE`), or its places disagree (branches of a script), so is the profile.
 */
export function activeProfiles(
  spring: ParsedDocument<SpringConfigData>[],
  start: StartSources,
): ActiveProfiles | undefined {
  const set = startSetting('spring.profiles.active', start);
  if (set === 'unknown') return undefined;
  if (set !== 'not set')
    return {
      names: listItems(set.value),
      location: { file: set.source.doc.file.path, range: set.source.property.valueRange },
      ...(set.source.via && { via: set.source.via }),
    };
  for (const doc of spring) {
    const entry = springSetting(
      doc.data.parts.filter((p) => !p.profile).flatMap((p) => p.entries),
      'spring.profiles.active',
    );
    // A placeholder (`${ACTIVE:dev}`, Maven's `@spring.profiles.active@` set aside as one) is filled in at build
    // or run time: which profiles are active is then unknown (jhipster/jhipster-sample-app's application.yml).
    if (entry)
      return entry.value.includes('${')
        ? undefined
        : { names: listItems(entry.value), location: entryLocation(doc, entry, 'value') };
  }
  return undefined;
}
