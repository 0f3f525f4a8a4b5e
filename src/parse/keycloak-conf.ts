/**
 * Keycloak's configuration file, `conf/keycloak.conf` of its Quarkus distribution (17 and later): one option a line,
 * `name=value` with the option's own name (`https-key-store-file=…`), read as a properties file (Keycloak loads it with
 * SmallRye Config's PropertiesConfigSource). A value may name an environment variable (`${KC_PATH}/conf/x.p12`): the
 * run decides it. Recognised by its name. https://www.keycloak.org/server/configuration
 */
import { lastPathSegment } from '../core/path-name';
import { parseProperties } from './properties';
import type { FormatHandler, ParsedDocument } from './types';

export const KEYCLOAK_CONF_KIND = 'keycloak.conf';

export const keycloakConfFormat: FormatHandler = {
  id: 'keycloak-conf',
  classify: (filePath) => (lastPathSegment(filePath) === 'keycloak.conf' ? KEYCLOAK_CONF_KIND : undefined),
  parse(file, kind): ParsedDocument {
    const { entries, comments, problems } = parseProperties(file.text, { semicolonLines: true });
    return { file, kind, entries, comments, problems, data: undefined };
  },
};
