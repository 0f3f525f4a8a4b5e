"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.springRabbitChecksOff = springRabbitChecksOff;
const spring_1 = require("../parse/spring");
const knowledge_1 = require("../knowledge");
const store_files_1 = require("./store-files");
const RABBIT = 'spring.rabbitmq.';
/** Where a setting is written, as a finding names it. */
function placed(settings, entry) {
    return { setting: entry.key, at: { file: settings.doc(entry).file.path, range: entry.keyRange } };
}
/**
 * The RabbitMQ TLS checks the app's settings turn off, each with the setting that turns TLS on. `release`: the
 * project's Spring Boot release when its build file says it (a release before a setting existed ignores it).
 */
function springRabbitChecksOff(settings, release) {
    if (!settings.entries.some((e) => (0, spring_1.springKeyUnder)(e, `${RABBIT}ssl.`)))
        return [];
    const found = checksOff(settings, release);
    if (!release)
        return found;
    // A check said only because of the release the build file names: that file decides it too.
    const without = checksOff(settings, undefined);
    return found.map((off) => without.some((o) => o.check === off.check && o.setting === off.setting) ? off : { ...off, release });
}
function checksOff(settings, release) {
    const has = (feature) => release ? (0, knowledge_1.springBootHas)(feature, release.version) : undefined;
    if (has('rabbitTlsChecks') === false)
        return [];
    const setting = (name) => settings.setting(RABBIT + name);
    // A setting's value as written, or undefined when only the run knows it.
    const written = (entry) => settings.setAtRunTime(entry.key) || store_files_1.PLACEHOLDER.test(entry.value) ? undefined : entry.value.trim();
    const tls = tlsTurnedOnBy(settings, has('rabbitAmqpsAddress'), has('rabbitSslBundle'));
    if (!tls)
        return [];
    const switchedOff = (name) => {
        const entry = setting(name);
        const value = entry && written(entry);
        return entry && value !== undefined && (0, spring_1.springBoolean)(value) === false ? entry : undefined;
    };
    const tlsAt = placed(settings, tls);
    const out = [];
    const validation = switchedOff('ssl.validate-server-certificate');
    // Any store setting (an empty or run-time value too) or a bundle Boot may bind takes the path that verifies.
    const stores = ['ssl.key-store', 'ssl.trust-store', 'ssl.bundle'].filter((name) => (setting(name) || settings.setAtRunTime(RABBIT + name)) &&
        !(name === 'ssl.bundle' && has('rabbitSslBundle') === false));
    if (validation && stores.length === 0) {
        out.push({ check: 'certificate', ...placed(settings, validation), tlsAt });
        return out;
    }
    const hostname = switchedOff('ssl.verify-hostname');
    if (hostname)
        out.push({ check: 'hostname', ...placed(settings, hostname), tlsAt });
    return out;
}
/**
 * The setting that turns the connection's TLS on (RabbitProperties.Ssl.determineEnabled): the first
 * `spring.rabbitmq.addresses` entry's scheme when it has one (Boot 2.3+), else `ssl.enabled=true`, or (Boot 3.2+) a
 * bundle. Undefined when TLS is off, or when whether it is on is unknown (a run-time value, a release the tree does not
 * say where the releases differ).
 */
function tlsTurnedOnBy(settings, amqpsAddress, sslBundle) {
    const runTime = (entry) => settings.setAtRunTime(entry.key) || store_files_1.PLACEHOLDER.test(entry.value);
    const enabled = settings.setting(`${RABBIT}ssl.enabled`);
    if (enabled && runTime(enabled))
        return undefined;
    // Spring binds `ssl.enabled` as a Boolean: a value it cannot read fails the start, and is not judged here.
    const enabledOn = enabled && (0, spring_1.springBoolean)(enabled.value) === true ? enabled : undefined;
    const bundle = settings.setting(`${RABBIT}ssl.bundle`);
    // A bundle turns TLS on from 3.2 (`bundle != null`, whatever its value); an older release ignores it.
    if (bundle && sslBundle === undefined && !enabledOn)
        return undefined;
    const byDefault = enabledOn ?? (bundle && sslBundle ? bundle : undefined);
    if (amqpsAddress === false)
        return byDefault;
    if (settings.setAtRunTime(`${RABBIT}addresses`))
        return undefined;
    const addresses = (0, spring_1.springList)(settings.entries, `${RABBIT}addresses`);
    const first = addresses?.values[0];
    if (!addresses || first === undefined)
        return byDefault;
    if (store_files_1.PLACEHOLDER.test(first))
        return undefined;
    // Address.trimPrefix: the scheme, as written, decides when there is one.
    if (first.startsWith('amqps://'))
        return addresses.entries[0];
    // amqp:// turns TLS off from 2.3; before it only ssl.enabled counts: with the release unknown, so is TLS.
    if (first.startsWith('amqp://'))
        return undefined;
    return byDefault;
}
