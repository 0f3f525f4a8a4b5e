/** The WebSphere plug-in's https transports that name no key database, which was-plugin/https-transport-without-keyring reports. */
import type { Component, WasPluginComponent } from '../../model/types';

/**
 * An https transport with no `keyring` property, no `<Config>` Keyring/Keyfile that may stand for it, and properties
 * the tree settles (no template writes them): the plug-in has no key database for it. One warning says so; the
 * unknown trust of its links has that cause and is not said again.
 */
export function transportWithoutKeyring(c: Component): c is WasPluginComponent {
  return (
    c.type === 'was.plugin' && !c.attributes.keyring && !c.attributes.configKeyring && !c.attributes.propertiesUnknown
  );
}
