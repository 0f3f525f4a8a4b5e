/** IBM HTTP Server's mod_ibm_ssl facts (data/ihs.json), each with its source there. */
import data from './data/ihs.json';

/** SSL directives a virtual host inherits from the main server (lower case, as the httpd parser keys them). */
export const IHS_INHERITED: ReadonlySet<string> = new Set(data.inherited.directives.map((d) => d.toLowerCase()));

/** What IHS logs when SSLServerCert's label is not in the key database, and when (each handshake, or at start). */
export const IHS_LABEL_NOT_FOUND = { message: data.labelNotFound.message, when: data.labelNotFound.when };

/** SSL directives an SSLEnable virtual host does not take from the main server (IBM names SSLCipherSpec). */
export const IHS_NOT_INHERITED: ReadonlySet<string> = new Set(data.notInherited.directives.map((d) => d.toLowerCase()));
