"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.transportWithoutKeyring = transportWithoutKeyring;
/**
 * An https transport with no `keyring` property, no `<Config>` Keyring/Keyfile that may stand for it, and properties
 * the tree settles (no template writes them): the plug-in has no key database for it. One warning says so; the
 * unknown trust of its links has that cause and is not said again.
 */
function transportWithoutKeyring(c) {
    return (c.type === 'was.plugin' && !c.attributes.keyring && !c.attributes.configKeyring && !c.attributes.propertiesUnknown);
}
