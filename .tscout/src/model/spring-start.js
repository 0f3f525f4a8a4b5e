"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.startSetting = startSetting;
exports.packagedConfigReplaced = packagedConfigReplaced;
/**
 * Spring settings that the way an app is started decides (its program arguments, `-D` system properties, and
 * environment), read level by level as Spring Boot ranks its property sources: the highest level that sets a
 * setting decides it. https://docs.spring.io/spring-boot/reference/features/external-config.html
 */
const spring_1 = require("../parse/spring");
const container_starts_1 = require("./container-starts");
/**
 * The highest level that sets `name` decides: `--name=` arguments, then `-D`, then the Docker Compose service's
 * environment (it starts the container, over the image's ENV), then the start files' environment. The places of
 * that level decide together: a value from the shell (`$PROFILE`) or places that disagree (the branches of a
 * script) leave it unknown. A Compose service's command follows the image's ENTRYPOINT and Spring joins repeated
 * arguments, so all arguments are one level.
 */
function startSetting(name, sources) {
    const composed = (fromCompose) => sources.environment.filter((e) => !!e.composed === fromCompose);
    const levels = [sources.commandLine, sources.systemProperties, composed(true), composed(false)];
    for (const [at, level] of levels.entries()) {
        const setting = level.filter((s) => s.property.name === name);
        // Where the app has several starts (Kubernetes), the arguments and the starter's environment are each start's own.
        // A container's JVM options (JAVA_TOOL_OPTIONS, its java command) are each start's own too.
        const ownOptions = at === 1 && setting.some((s) => s.composed);
        const decided = sources.starters && (at === 0 || at === 2 || ownOptions)
            ? amongStarts(setting, sources.starters, at === 2)
            : levelSetting(setting);
        if (decided !== 'not set')
            return decided;
    }
    return 'not set';
}
/** The places of one level decide together: a value from the shell or places that disagree leave it unknown. */
function levelSetting(setting) {
    const last = setting[setting.length - 1];
    if (!last)
        return 'not set';
    const values = new Set(setting.map((s) => normalised(s.property.value)));
    if (setting.some((s) => s.property.unresolved) || values.size > 1)
        return 'unknown';
    return { value: last.property.value, source: last };
}
/**
 * A level that each start sets for itself: known only when every start leaves it alike (all unset, or all the same
 * value). Inside a Kubernetes container a later place wins (`env:` over `envFrom:`, a later `envFrom:` over an
 * earlier one); places the starts share (an image's ENTRYPOINT arguments) count for each.
 * https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#environment-variables
 */
function amongStarts(setting, starters, environment) {
    const shared = setting.filter((s) => !s.composed);
    const decided = starters.map((starter) => {
        const own = setting.filter((s) => s.composed && (s.variant ?? container_starts_1.COMPOSE_START) === starter.id);
        const last = own[own.length - 1];
        if (starter.id !== container_starts_1.COMPOSE_START && last)
            return last.property.unresolved ? 'unknown' : levelSetting([last]);
        if (own.length === 0 && environment && starter.opaque)
            return 'unknown';
        return levelSetting([...shared, ...own]);
    });
    if (decided.every((d) => d === 'not set'))
        return 'not set';
    const first = decided[0];
    if (!first || first === 'unknown' || first === 'not set')
        return 'unknown';
    return decided.every((d) => typeof d === 'object' && normalised(d.value) === normalised(first.value))
        ? first
        : 'unknown';
}
const normalised = (value) => (0, spring_1.listItems)(value).join(',');
/**
 * Whether `spring.config.location` keeps Spring Boot from reading the app's packaged configuration (its
 * src/main/resources application*.yml|properties): it replaces the default locations (classpath:/, classpath:/config/,
 * file:./, file:./config/), so unless it names a classpath location the packaged files are not read, and a value the
 * start leaves to the run leaves it unknown. (`spring.config.additional-location` adds to the defaults.)
 * https://docs.spring.io/spring-boot/reference/features/external-config.html#features.external-config.files.location
 */
function packagedConfigReplaced(sources) {
    const location = startSetting('spring.config.location', sources);
    if (location === 'not set')
        return undefined;
    if (location === 'unknown')
        return location;
    return (0, spring_1.listItems)(location.value).some((l) => /^(optional:)?classpath\*?:/.test(l)) ? undefined : location;
}
