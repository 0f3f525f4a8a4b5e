/**
 * Keycloak's configuration file, `conf/keycloak.conf` of its Quarkus distribution (17 and later): one option a line,
 * `name=value` with the option's own name (`https-key-store-file=…`), read as a properties file (Keycloak loads it with
 * SmallRye Config's PropertiesConfigSource). A value may name an environment variable (`${KC_PATH}/conf/x.p12`): the
 * run decides it. Recognised by its name, unless the text is a web server's configuration. https://www.keycloak.org/server/configuration
 */
import { lastPathSegment } from '../core/path-name';
import { readsAsHttpd } from './httpd';
import { readsAsNginx } from './nginx';
import { parseProperties } from './properties';
import type { FormatHandler, ParsedDocument } from './types';

export const KEYCLOAK_CONF_KIND = 'keycloak.conf';

export const keycloakConfFormat: FormatHandler = {
  id: 'keycloak-conf',
  classify(filePath, head) {
    if (lastPathSegment(filePath) !== 'keycloak.conf') return undefined;
    // The proxy in front of Keycloak kept under Keycloak's name: an nginx server block in `conf.d/keycloak.conf`
    // (antoinecrochet/keycloak-with-docker-examples@136686d keycloak-with-nginx/nginx/conf.d/keycloak.conf) or an httpd
    // <VirtualHost> in a role's `templates/keycloak.conf.j2` (nesi/training-environment@7a69e19 roles/keycloak). Their
    // repeated `proxy_set_header`/`RequestHeader` lines are no duplicate options: the web server's reader takes them.
    return readsAsNginx(head) || readsAsHttpd(head) ? undefined : KEYCLOAK_CONF_KIND;
  },
  parse(file, kind): ParsedDocument {
    const { entries, comments, problems } = parseProperties(file.text, { semicolonLines: true });
    return { file, kind, entries, comments, problems, data: undefined };
  },
};
