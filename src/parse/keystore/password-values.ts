/**
 * What a store password as written stands for, to try on the store: decoded ({xor}, Jetty's OBF:), a placeholder's
 * default, a Liberty variable resolved from the server directory, or the values the deployment gives the variable it
 * names. Passwords live only in local variables here (src/parse/keystore/unlock.ts tries them; none is ever printed).
 */
import * as path from 'node:path';
import { placeholderDefaults } from '../../core/placeholder';
import type { ParsedDocument } from '../types';
import type { LibertyData } from '../liberty';
import { baseVariables, resolveLibertyValue, setVariables } from '../liberty-variable-values';
import { isJasyptEncrypted, JASYPT_DEFAULT } from '../jasypt';
import { jettyPassword } from '../jetty-password';
import { isKeystoreDocument } from './format';
import { writtenAsLiteral } from './own-password';
import type { SecretVariable } from '../kubernetes-secret-values';

/** How many values of one variable are tried (each try costs a key derivation). */
const MAX_VARIABLE_VALUES = 8;

/**
 * A Liberty server.xml value with its `${name}` variables resolved from the server's server.env, bootstrap.properties,
 * `variables/` files and the file's own `<variable>` elements (`<keyStore password="${keystore.pw}">`), when every
 * part is known; otherwise, and for any other file, the value as written. Where those leave a part unknown, the
 * `<variable>`s of the server directory's other Liberty files are taken too (an `<include>`d variables.xml: which files
 * are included is the model's to say). A password found this way is tried to read the store's certificates, never
 * judged as the store's own (cert/store-password-wrong).
 */
export function libertyResolved(doc: ParsedDocument, value: string, documents: ParsedDocument[]): string {
  if (doc.kind !== 'liberty.server-xml' || !value.includes('${')) return value;
  // configDropins/defaults and /overrides files are read with the variables of the server directory above them.
  const dir = path.dirname(doc.file.path);
  const configDir = /[\\/]configDropins[\\/](defaults|overrides)$/.test(dir) ? path.dirname(path.dirname(dir)) : dir;
  const variables = baseVariables(documents, configDir);
  setVariables(doc as ParsedDocument<LibertyData>, variables);
  const strict = resolveLibertyValue(variables, value).value;
  if (strict !== undefined) return strict;
  // A variable another Liberty file of the server's directory sets (`<include location="variables.xml"/>`: which files
  // are included the model assembles; here any of them may be): tried, never judged. The file's own <variable>s win.
  const below = configDir + path.sep;
  for (const other of documents)
    if (other !== doc && other.kind === 'liberty.server-xml' && other.file.path.startsWith(below))
      setVariables(other as ParsedDocument<LibertyData>, variables);
  setVariables(doc as ParsedDocument<LibertyData>, variables);
  return resolveLibertyValue(variables, value).value ?? value;
}

/**
 * A whole value that is one variable: `${KS_PW}`, `${KS_PW:default}` (Spring, the shell), `$KS_PW`, or a property
 * (`${ks.pw}`: Tomcat's from catalina.properties, Spring's from another property).
 */
const WHOLE_VARIABLE = /^\$(?:\{([A-Za-z_][\w.-]*)(?::-?[^{}$]*)?\}|([A-Za-z_]\w*))$/;

/**
 * The literal values the deployment gives a variable a password is written as (`server.ssl.key-store-password=${KS_PW}`
 * with a Compose service's `KS_PW: …`, a `.env` line, a Dockerfile `ENV`, a Kubernetes container's Secret key:
 * `fromSecrets`): tried to read the store, never judged as its own password (which service or shell runs the app the
 * parse does not know; a store opens with its own password only).
 */
export function variablePasswords(
  value: string,
  documents: ParsedDocument[],
  fromSecrets: readonly SecretVariable[] = [],
): string[] {
  const match = WHOLE_VARIABLE.exec(value.trim());
  const name = match?.[1] ?? match?.[2];
  if (!name) return [];
  const found: string[] = [];
  for (const given of fromSecrets)
    if (given.variable === name && given.value !== undefined && !found.includes(given.value)) found.push(given.value);
  for (const doc of documents) {
    if (isKeystoreDocument(doc)) continue;
    for (const entry of doc.entries)
      if (entry.key === name || entry.key.endsWith(`.${name}`)) {
        const password = writtenAsLiteral(entry.value) ? decodedPassword(entry.value) : undefined;
        if (password && !found.includes(password)) found.push(password);
      }
  }
  return found.slice(0, MAX_VARIABLE_VALUES);
}

/**
 * The passwords a value may stand for: itself decoded, or the default of a placeholder, which is the password
 * whenever nothing sets the variable (Spring `${KEYSTORE_PHRASE:localhost}`: gmjdev/microservices-demo's services
 * open their key stores with `localhost`; the shell's `${KS_PW:-changeit}`). Trying one is safe: a store opens with
 * its own password only.
 */
export function passwordsOf(value: string): string[] {
  const decoded = decodedPassword(value);
  if (decoded !== undefined) return [decoded];
  return placeholderDefaults(value) ?? [];
}

/**
 * The password a runtime would use: `{xor}` (WebSphere and Liberty encoding: base64 of the bytes
 * XOR '_') and Jetty's `OBF:` decoded; placeholders, `{aes}`/`{hash}` encodings, Spring Cloud Config's `{cipher}` values (the config
 * server decrypts them with its own key) and Jasypt's `ENC(…)` (the application decrypts them at start with the
 * encryptor's password) cannot be read (undefined).
 */
export function decodedPassword(value: string): string | undefined {
  const trimmed = value.trim();
  if (
    trimmed.includes('${') ||
    /^\{(aes|hash|custom|cipher)[^}]*\}/i.test(trimmed) ||
    isJasyptEncrypted(trimmed, [JASYPT_DEFAULT])
  )
    return undefined;
  const xor = /^\{xor\}(.*)$/i.exec(trimmed);
  if (xor) {
    const bytes = Buffer.from(xor[1]!, 'base64');
    return Buffer.from(bytes.map((b) => b ^ 0x5f)).toString('utf8');
  }
  // Jetty's OBF: (start.ini's jetty.sslContext.keyStorePassword), which Jetty decodes before it loads the store.
  return jettyPassword(trimmed);
}
