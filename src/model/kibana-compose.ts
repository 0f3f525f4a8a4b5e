/**
 * Kibana as the `environment:` of a Compose service of its image configures it: the image's entrypoint passes each
 * variable of its list as the setting it names (`ELASTICSEARCH_SSL_VERIFICATIONMODE` → `--elasticsearch.ssl.verificationMode`:
 * elastic/kibana@00cc64eb src/dev/build/tasks/os_packages/docker_generator/resources/base/bin/kibana-docker), over the
 * kibana.yml it reads. The files the variables name are placed through the service's own bind mounts.
 */
import type { Location } from '../core/types';
import type { ComposeData, ComposeService } from '../parse/compose';
import type { ParsedDocument } from '../parse/types';
import { endsOf, verificationOf, type Recorded } from './kibana-beats-ends';
import { hostWordOf } from './elastic-host-word';
import { traced } from './java-shared';
import type { StoreRef } from './types';

/** Kibana's images: the official one (`kibana:7.17.0`) and Elastic's (`docker.elastic.co/kibana/kibana:8.13.0`). */
export const KIBANA_IMAGE =
  /^(docker\.io\/)?(library\/)?kibana(:|@|$)|^docker\.elastic\.co\/kibana\/kibana(-oss)?(:|@|$)/;

/** Kibana's connection as the `environment:` of a Compose service of its image sets it. */
export function kibanaService(
  doc: ParsedDocument<ComposeData>,
  service: ComposeService,
  where: string,
  place: (written: string) => Pick<StoreRef, 'file' | 'mountedAt'>,
  out: Recorded,
): void {
  const variable = (name: string) => service.environment.find((v) => v.name === name);
  const hostsVariable = variable('ELASTICSEARCH_HOSTS');
  const mode = variable('ELASTICSEARCH_SSL_VERIFICATIONMODE');
  const serverEnabled = variable('SERVER_SSL_ENABLED');
  if (!hostsVariable && !mode && !serverEnabled) return;
  const at = (range: Location['range']): Location => ({ file: doc.file.path, ...(range ? { range } : {}) });
  const written = hostsVariable?.value;
  const hosts =
    written === undefined
      ? undefined
      : written
          .split(/[\s,[\]"']+/)
          .filter((h) => h !== '')
          .map(hostWordOf);
  const https = hosts?.some((h) => h?.scheme === 'https');
  out.clients.push({
    name: `Kibana (${where}, Compose service ${service.name})`,
    product: 'kibana',
    target: 'elasticsearch',
    location: at(hostsVariable?.nameRange ?? mode?.nameRange),
    ...(hosts && hosts.every((h) => h)
      ? { hosts: hosts.map((h) => h!.host), ports: hosts.map((h) => h!.port), schemes: hosts.map((h) => h!.scheme) }
      : {}),
    // Unset: the image's own kibana.yml, or one mounted over it, names the hosts.
    tls: https ? true : hosts && hosts.length > 0 && hosts.every((h) => h && h.scheme === 'http') ? false : 'unknown',
    ...(https && hostsVariable ? { tlsAt: at(hostsVariable.valueRange) } : {}),
    ...(mode ? { verification: verificationOf(mode.name, at(mode.valueRange), mode.value ?? '${}') } : {}),
  });
  // A variable's PEM file (one path, or a list written as Kibana reads it on its command line).
  const pem = (name: string): StoreRef[] => {
    const v = variable(name);
    if (v?.value === undefined) return [];
    const paths = v.value.split(/[\s,[\]"']+/).filter((p) => p !== '');
    const range = v.valueRange;
    return paths.map((p) => ({
      path: traced(p, doc.file.path, range),
      type: traced('PEM', doc.file.path, range),
      ...place(p),
    }));
  };
  const location = at(hostsVariable?.nameRange ?? mode?.nameRange ?? serverEnabled?.nameRange);
  if (hostsVariable && !(hosts?.every((h) => h?.scheme === 'http') ?? false))
    out.ends.push(
      ...endsOf(
        `Kibana's connection to Elasticsearch (${where}, Compose service ${service.name})`,
        location,
        'openssl',
        pem('ELASTICSEARCH_SSL_CERTIFICATEAUTHORITIES'),
        pem('ELASTICSEARCH_SSL_CERTIFICATE')[0],
        mode?.value?.trim().toLowerCase() !== 'none',
      ),
    );
  if (serverEnabled?.value?.trim() === 'true') {
    const clientAuth = variable('SERVER_SSL_CLIENTAUTHENTICATION')?.value?.trim().toLowerCase();
    const asks = clientAuth === 'optional' || clientAuth === 'required';
    out.ends.push(
      ...endsOf(
        `Kibana's HTTPS server (${where}, Compose service ${service.name})`,
        at(serverEnabled.nameRange),
        'openssl',
        asks ? pem('SERVER_SSL_CERTIFICATEAUTHORITIES') : [],
        pem('SERVER_SSL_CERTIFICATE')[0],
        asks,
      ),
    );
  }
}
