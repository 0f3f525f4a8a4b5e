/** Liberty `<keyStore>` elements as store references (stores.ts: an `<ssl>` element's key and trust stores). */
import * as path from 'node:path';
import { attr } from '../parse/xml';
import { libertyLocationSymbols, resolveLibertyValue } from '../parse/liberty-variable-values';
import { LIBERTY_DEFAULT_KEY_STORE } from '../parse/liberty';
import { traced } from './java-shared';
import type { LibertyServerConfig } from './liberty-config';
import { storeRef, type TreeStores } from './store-files';
import type { StoreRef } from './types';

/**
 * The store a Liberty server's `<keyStore id>` names (the last element of that id wins), its location's
 * `${server.config.dir}`, `${server.output.dir}` and variables resolved; `defaultKeyStore` without a location is
 * Liberty's default, resources/security/key.p12 (key.jks through 19.0.0.2). Undefined: no such key store.
 */
export function libertyStoreOf(config: LibertyServerConfig, id: string, stores: TreeStores): StoreRef | undefined {
  const data = config.data;
  const serverDir = path.dirname(config.root.file.path);
  const securityDir = path.join(serverDir, 'resources', 'security');
  // Liberty's location symbols end in a slash (SymbolicRootResource adds one: OpenLiberty/open-liberty@d6b44c3
  // dev/com.ibm.ws.kernel.service.location), so `${server.config.dir}resources/security/x.jks` names a file below it
  // (OpenLiberty/liberty-bikes@c0f296a auth-service server.xml); `${server.config.dir}/resources/…` too.
  // A variable's value may name another (`${keystore.dir}` set to `${server.config.dir}/tls`): resolved to the end
  // when every part is known, else the parts that are (a tail may still match a file).
  const symbols = libertyLocationSymbols(serverDir);
  const resolveVars = (value: string) =>
    resolveLibertyValue(config.variables, value, symbols).value ??
    value.replace(/\$\{([^}]+)\}/g, (whole, name: string) =>
      name === 'server.config.dir' || name === 'server.output.dir'
        ? serverDir + path.sep
        : (data.variables[name] ?? config.variables.get(name)?.value ?? whole),
    );
  const element = [...data.keyStores].reverse().find((k) => k.attrs.id?.value === id);
  const file = element ? config.fileOf(element.element) : config.root.file.path;
  const location = element?.attrs.location;
  const password = element ? attr(element.element, 'password') : undefined;
  const passwordAt = password ? { file, range: password.valueRange } : undefined;
  const type = element?.attrs.type ? traced(element.attrs.type.value, file, element.attrs.type.range) : undefined;
  if (location)
    return storeRef(
      traced(location.value, file, location.range),
      [securityDir, serverDir],
      stores,
      type,
      passwordAt,
      resolveVars(location.value),
    );
  if (id !== LIBERTY_DEFAULT_KEY_STORE.id) return undefined;
  // defaultKeyStore without a location: resources/security/key.p12 (key.jks through 19.0.0.2).
  const found = LIBERTY_DEFAULT_KEY_STORE.files
    .map((name) => path.join(securityDir, name))
    .find((file) => stores.index.has(file));
  const origin =
    'Liberty defaultKeyStore location ${server.output.dir}/resources/security/key.p12 (key.jks through 19.0.0.2)';
  const ref: StoreRef = {
    path: {
      value: found
        ? `\${server.output.dir}/resources/security/${path.basename(found)}`
        : '${server.output.dir}/resources/security/key.p12',
      from: { kind: 'default', origin, confidence: 'verified' },
    },
  };
  if (found) {
    ref.file = found;
    const detected = stores.typeOf(found);
    if (detected)
      ref.type = {
        value: detected,
        from: { kind: 'file', location: { file: found }, note: 'detected from the file' },
      };
  }
  if (passwordAt) ref.passwordAt = passwordAt;
  return ref;
}
