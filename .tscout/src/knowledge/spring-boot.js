"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.SPRING_BOOT_KEY_ALIAS_MISSING = void 0;
exports.springBootSince = springBootSince;
exports.springBootHas = springBootHas;
exports.springBootJavaFloor = springBootJavaFloor;
exports.springEmbeddedServer = springEmbeddedServer;
/**
 * Spring Boot TLS settings by the release that introduced them (data/spring-boot.json): before that release Spring
 * Boot binds no such property, so the setting is ignored, not refused. And the lowest Java release each line runs on.
 */
const spring_boot_json_1 = __importDefault(require("./data/spring-boot.json"));
const release_parts_1 = require("./release-parts");
/** `3.2.0`, `3.2`, `2.1.4.RELEASE`, `3.3.0-SNAPSHOT`, `3.2.0-M1`: major, minor and patch (a missing patch is 0). */
function releaseOf(version) {
    const m = /^(\d+)\.(\d+)(?:\.(\d+))?(?:[.-]([A-Za-z0-9.-]*))?$/.exec(version.trim());
    if (!m)
        return undefined;
    return {
        numbers: [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)],
        preRelease: !!m[4] && !/^(RELEASE|Final)$/i.test(m[4]),
    };
}
/** The release that introduced `feature`'s settings (`3.1.0`). */
function springBootSince(feature) {
    return spring_boot_json_1.default.features[feature].since;
}
/**
 * Whether Spring Boot `version` binds `feature`'s settings; undefined when that is not known: the version is not one (a
 * placeholder), or it is a milestone or snapshot of the introducing release (the settings came in one of them).
 */
function springBootHas(feature, version) {
    return atLeast(version, spring_boot_json_1.default.features[feature].since);
}
/** Whether `version` is `since` or later; undefined for no version, or a pre-release of `since` itself. */
function atLeast(version, since) {
    const release = releaseOf(version);
    const floor = releaseOf(since).numbers;
    if (!release)
        return undefined;
    const order = (0, release_parts_1.compareReleaseParts)(release.numbers, floor);
    return order !== 0 ? order > 0 : release.preRelease ? undefined : true;
}
/**
 * The Java floor of Spring Boot `version` (3.0.0 on: Java 17); undefined when the release sets none the knowledge base
 * holds, or when whether it does is unknown (not a version, a milestone of the release that raised it).
 */
function springBootJavaFloor(version) {
    const floors = [...spring_boot_json_1.default.javaFloor].reverse();
    return floors.find((floor) => atLeast(version, floor.since) === true);
}
/** Spring Boot's embedded web server facts (data/spring-boot.json embeddedServer). */
function springEmbeddedServer() {
    const { defaultPort, sslProperties, sharedSslProperties } = spring_boot_json_1.default.embeddedServer;
    return { defaultPort, sslProperties, sharedSslProperties };
}
/**
 * What Spring Boot says when the key store does not contain the key alias, by the release that says it, oldest first
 * (data/spring-boot.json keyAliasMissing).
 */
exports.SPRING_BOOT_KEY_ALIAS_MISSING = spring_boot_json_1.default.keyAliasMissing.refusals;
