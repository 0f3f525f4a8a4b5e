"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.springBundle = springBundle;
exports.namedBundle = namedBundle;
const spring_1 = require("../parse/spring");
/** The bundle of that name among a Spring app's settings (the last setting of a key wins), if the tree defines it. */
function springBundle(entries, name) {
    for (const format of ['jks', 'pem']) {
        const prefix = `spring.ssl.bundle.${format}.${name}.`;
        const own = entries.filter((e) => (0, spring_1.springKeyUnder)(e, prefix));
        if (own.length === 0)
            continue;
        const get = (key) => (0, spring_1.springSetting)(own, prefix + key);
        // PEM text written into the property (BEGIN/END markers) is content, not a location: no file to resolve.
        const location = (key) => {
            const entry = get(key);
            return entry && !/-----BEGIN /.test(entry.value) ? entry : undefined;
        };
        const store = format === 'jks' ? 'location' : 'certificate';
        const bundle = { name, format };
        const assign = (key, value) => {
            if (value !== undefined)
                bundle[key] = value;
        };
        assign('keyStore', location(`keystore.${store}`));
        assign('keyStorePassword', get('keystore.password'));
        assign('keyStoreType', get('keystore.type'));
        assign('keyAlias', get('key.alias'));
        assign('trustStore', location(`truststore.${store}`));
        assign('trustStorePassword', get('truststore.password'));
        assign('trustStoreType', get('truststore.type'));
        assign('ciphers', (0, spring_1.springList)(own, prefix + 'options.ciphers'));
        assign('enabledProtocols', (0, spring_1.springList)(own, prefix + 'options.enabled-protocols'));
        return bundle;
    }
    return undefined;
}
/**
 * The bundle a setting names (`server.ssl.bundle`, `ibm.mq.sslBundle`), taken whole by whoever names it: undefined
 * when the setting is unset or blank; `bundle` undefined when the tree does not define it.
 */
function namedBundle(settings, key) {
    const name = settings.setting(key);
    const bundleName = name?.value.trim();
    return name && bundleName ? { name, bundle: springBundle(settings.entries, bundleName) } : undefined;
}
