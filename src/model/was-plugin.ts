/**
 * The WebSphere web server plug-in (plugin-cfg.xml) as a TLS client: one `was.plugin` per `<Transport
 * Protocol="https">` of a `<Server>` of a `<ServerCluster>`, linked to the application server end at its
 * `Hostname:Port` (a Liberty `httpEndpoint`'s httpsPort, a Tomcat connector…) like any URL client. The plug-in's TLS is
 * IBM GSKit with the key database its `keyring` property names; which protocols and suites it offers is not modelled
 * (unknown, never a default).
 */
import type { ModelContributor } from './contributor';
import type { ParsedDocument } from '../parse/types';
import type { PluginCfgData, PluginProperty, PluginTransport } from '../parse/websphere-plugin';
import type { PluginSetting } from './attributes-plugin';
import type { WasPluginComponent } from './types';
import { PLACEHOLDER } from './store-files';
import { shownRelative } from '../core/posix-path';

const at = (doc: ParsedDocument, property: PluginProperty): PluginSetting | undefined =>
  property.value
    ? {
        name: property.name.value,
        value: property.value.value,
        location: { file: doc.file.path, range: property.value.range },
      }
    : undefined;

/** The property of that name (without case: generated files write `keyring`, hand-written ones `Keyring`). */
function setting(doc: ParsedDocument, properties: PluginProperty[], ...names: string[]): PluginSetting | undefined {
  // `Value=""` names nothing: as if the property were not there.
  const found = properties.find((p) => names.includes(p.name.value.toLowerCase()) && p.value?.value.trim());
  return found ? at(doc, found) : undefined;
}

/** `UseInsecure="true"`: the `<Config>` attribute the generator writes, or a custom `<Property>` of that name. */
function insecureFallback(doc: ParsedDocument, data: PluginCfgData): PluginSetting | undefined {
  const attribute = data.config?.attributes.find((a) => a.name.toLowerCase() === 'useinsecure');
  const written: PluginSetting | undefined = attribute
    ? { name: attribute.name, value: attribute.value, location: { file: doc.file.path, range: attribute.valueRange } }
    : setting(doc, data.properties, 'useinsecure');
  return written && written.value.trim().toLowerCase() === 'true' ? written : undefined;
}

const isHttps = (t: PluginTransport) => t.protocol?.value.trim().toLowerCase() === 'https';
const isHttp = (t: PluginTransport) => t.protocol?.value.trim().toLowerCase() === 'http';
const targetOf = (t: PluginTransport) => `${t.hostname?.value ?? '?'}:${t.port?.value ?? '?'}`;

export const wasPluginContributor: ModelContributor = {
  id: 'was-plugin',
  reads: ['was.plugin-cfg'],
  contribute(ctx) {
    for (const doc of ctx.documentsOf('was.plugin-cfg')) {
      const data = doc.data as PluginCfgData;
      const file = doc.file.path;
      const relative = shownRelative(ctx.deployment.root, file);
      const configKeyring = setting(doc, data.properties, 'keyring', 'keyfile');
      const useInsecure = insecureFallback(doc, data);
      for (const cluster of data.clusters) {
        for (const server of cluster.servers) {
          const http = server.transports.find(isHttp);
          for (const transport of server.transports.filter(isHttps)) {
            const host = transport.hostname?.value.trim().toLowerCase() ?? '';
            const portText = transport.port?.value.trim() ?? '';
            const location = { file, range: transport.element.range };
            // A host or port a template or the generator fills in (`${HOST}`, `{{ port }}`) is known only when the
            // file is rendered: no server end to link.
            const known = host !== '' && !PLACEHOLDER.test(host) && /^\d+$/.test(portText);
            const port = Number(portText);
            const line = transport.element.range.start.line + 1;
            const target = targetOf(transport);
            const keyring = setting(doc, transport.properties, 'keyring');
            const stashfile = setting(doc, transport.properties, 'stashfile');
            const certLabel = setting(doc, transport.properties, 'certlabel');
            const templated = transport.properties.find((p) => PLACEHOLDER.test(p.name.value));
            const component: WasPluginComponent = {
              id: `was.plugin:${relative}:${line}:${target}`,
              type: 'was.plugin',
              name: `WebSphere plug-in transport https://${target} (${relative}:${line})`,
              role: 'client',
              location,
              host: ctx.hostOf(file),
              tls: { implementation: 'unknown', enabled: { value: true, from: { kind: 'file', location } } },
              documents: [doc],
              attributes: {
                ...(cluster.name ? { cluster: cluster.name.value } : {}),
                ...(server.name ? { server: server.name.value } : {}),
                target,
                urls: known
                  ? [
                      {
                        url: `https://${host}:${port}`,
                        scheme: 'https',
                        host,
                        port,
                        location,
                        key: 'Transport',
                      },
                    ]
                  : [],
                ...(keyring ? { keyring } : {}),
                ...(stashfile ? { stashfile } : {}),
                ...(certLabel ? { certLabel } : {}),
                ...(configKeyring ? { configKeyring } : {}),
                ...(useInsecure ? { useInsecure } : {}),
                ...(templated || transport.element.generatedAttributes
                  ? { propertiesUnknown: `a template writes its property ${templated?.name.value ?? ''}`.trim() }
                  : {}),
                transport: location,
                ...(http
                  ? { httpTransport: { target: targetOf(http), location: { file, range: http.element.range } } }
                  : {}),
              },
            };
            ctx.addComponent(component);
          }
        }
      }
    }
  },
};
