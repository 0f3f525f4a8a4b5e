/**
 * MQ's key repositories: a queue manager's SSLKEYR (a CMS .kdb, or a z/OS key ring) with its CERTLABL, a client's
 * MQSSLKEYR or mqclient.ini SSLKeyRepository with its certificate label. Paths only: stash files are never read.
 */
import * as path from 'node:path';
import type { Location } from '../core/types';
import type { MqIniData } from '../parse/mq-ini';
import type { MqEnvData } from '../parse/mq-env';
import type { ParsedDocument } from '../parse/types';
import { traced } from './java-shared';
import { storeRef, type TreeStores } from './store-files';
import type { MqChannelComponent, StoreRef, TlsTrustSettings, Traced } from './types';
import type { ContainerPki } from './mq-container-pki';

/** MQ: the queue manager's key repository (SSLKEYR, a CMS .kdb) holds its key (CERTLABL) and its anchors; clients use mqclient.ini's. */
export function mqTrust(
  component: MqChannelComponent,
  stores: TreeStores,
  clientInis: ParsedDocument<MqIniData>[],
  clientEnvs: ParsedDocument<MqEnvData>[],
  containerPki: (mqsc: ParsedDocument) => ContainerPki | undefined = () => undefined,
): TlsTrustSettings | undefined {
  const attrs = component.attributes;
  const trust: TlsTrustSettings = {};
  // Each names the key repository by its stem: the .kdb extension is added. `resolved`: the path to look for (a
  // script's variables resolved); null when a variable is not resolved: the repository is named, its file unknown.
  const repository = (
    value: string,
    location: Location,
    setting: string,
    resolved: string | null = value,
  ): StoreRef => {
    const kdb = (v: string) => `${v.replace(/\.(kdb|sth|rdb|crl)$/i, '')}.kdb`;
    const written: Traced<string> = {
      value: kdb(value),
      from: { kind: 'file', location, note: `${setting} names the key repository without its .kdb extension` },
    };
    const type = { value: 'CMS', from: { kind: 'file', location } } satisfies Traced<string>;
    const bases = [path.dirname(location.file)];
    // z/OS: SSLKEYR names a RACF key ring (`MQW1RING`), no file (IBM MQ ALTER QMGR SSLKEYR).
    if (setting === 'SSLKEYR' && !/[\\/.]/.test(value))
      return {
        path: { value, from: { kind: 'file', location } },
        type: { value: 'KEYRING', from: { kind: 'file', location } },
        setting,
      };
    if (resolved === null) return { path: written, type, setting };
    return { ...storeRef(written, bases, stores, type, undefined, kdb(resolved)), setting };
  };
  const mqsc = attrs.qmgr?.mqsc;
  if (mqsc) {
    const sslkeyr = mqsc.data.objects.qmgr.get('SSLKEYR');
    if (sslkeyr?.value && !sslkeyr.templated) {
      const location = { file: sslkeyr.file ?? mqsc.file.path, range: sslkeyr.valueRange ?? sslkeyr.keywordRange };
      trust.keyStore = repository(sslkeyr.value, location, 'SSLKEYR');
      trust.trustStore = trust.keyStore;
    }
    const label = attrs.certlabl?.value ? attrs.certlabl : undefined;
    const qmLabel = mqsc.data.objects.qmgr.get('CERTLABL');
    if (label) trust.keyAlias = { value: label.value, from: { kind: 'file', location: label.location } };
    else if (qmLabel?.value)
      trust.keyAlias = traced(
        qmLabel.value,
        qmLabel.file ?? mqsc.file.path,
        qmLabel.valueRange ?? qmLabel.keywordRange,
      );
    if (!trust.keyStore) withContainerPki(trust, containerPki(mqsc));
    return trust;
  }
  // A client channel (CCDT, CLNTCONN): MQSSLKEYR in the nearest script that sets it, else the nearest mqclient.ini's
  // SSL stanza (the environment variable takes precedence over the file).
  const dir = path.dirname(component.location.file);
  const nearest = <T extends ParsedDocument>(docs: T[]) =>
    docs
      .filter((d) => dir.startsWith(path.dirname(d.file.path)))
      .sort((a, b) => b.file.path.length - a.file.path.length)[0];
  const script = nearest(clientEnvs.filter((d) => d.data.assignments.some((a) => a.name === 'MQSSLKEYR')));
  const variable = script?.data.assignments.filter((a) => a.name === 'MQSSLKEYR').at(-1);
  const ini = nearest(clientInis);
  const entry = ini?.entries.find((e) => /SSLKeyRepository$/i.test(e.key) && !/Password/i.test(e.key));
  if (script && variable?.value) {
    const location = { file: script.file.path, range: variable.valueRange };
    // A variable the script does not resolve leaves the repository unknown: named, never found.
    trust.keyStore = repository(variable.value, location, 'MQSSLKEYR', variable.resolved ?? null);
    trust.trustStore = trust.keyStore;
  } else if (ini && entry && entry.value) {
    trust.keyStore = repository(entry.value, { file: ini.file.path, range: entry.valueRange }, 'SSLKeyRepository');
    trust.trustStore = trust.keyStore;
  }
  // The channel's label, else mqclient.ini's SSL CertificateLabel (MQ 8+; without either, ibmwebspheremq<user id>).
  const iniLabel = ini?.entries.find(
    (e) => e.section?.toUpperCase() === 'SSL' && /^CertificateLabel$/i.test(e.key) && e.value,
  );
  if (attrs.certlabl?.value)
    trust.keyAlias = { value: attrs.certlabl.value, from: { kind: 'file', location: attrs.certlabl.location } };
  else if (ini && iniLabel)
    trust.keyAlias = {
      value: iniLabel.value,
      from: { kind: 'file', location: { file: ini.file.path, range: iniLabel.valueRange } },
    };
  return trust.keyStore || trust.keyAlias ? trust : undefined;
}

/**
 * The key repository IBM MQ's container image builds from the mounted key and trust directories (./mq-container-pki.ts),
 * when no SSLKEYR names another: its key is the key set's certificate, labelled as the CERTLABL the image sets (a
 * CERTLABL of the MQSC that names another label leaves the key as it was: unknown), its anchors every certificate
 * mounted there. Unknown when a mount's content is (the store is then outside the tree, saying why).
 */
function withContainerPki(trust: TlsTrustSettings, pki: ContainerPki | undefined): void {
  if (!pki) return;
  if ('unknown' in pki) {
    const store: StoreRef = {
      path: { value: pki.path, from: { kind: 'file', location: pki.at } },
      // What the image builds is a CMS key repository, key and trust store at once (said so: storeUnknown).
      type: { value: 'CMS', from: { kind: 'file', location: pki.at } },
      mountedFromOutside: pki.at,
      volumeUnknown: pki.unknown,
    };
    trust.keyStore = store;
    trust.trustStore = store;
    return;
  }
  if (trust.keyAlias && trust.keyAlias.value.toLowerCase() !== pki.label.toLowerCase()) return;
  delete trust.keyAlias;
  trust.keyStore = pki.keyStore;
  trust.trustStore = pki.trustStore;
}
