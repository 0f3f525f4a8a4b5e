/**
 * The SSL configurations of WebSphere traditional that wsadmin scripts write (../parse/wsadmin.ts): one `was.ssl-config`
 * component per alias a script's `AdminTask.createSSLConfig`/`modifySSLConfig` calls name, with the settings they write
 * merged in the script's order (a later call's value wins). The configuration serves whatever WebSphere points at it —
 * inbound (an endpoint's SSL configuration) and outbound (an LDAP registry's `-sslConfig`, a JMS connection factory) —
 * so it is both ends (`role: 'both'`), judged on what it enables (tls/weak-protocol-enabled, weak ciphers) and linked
 * to nothing. It runs on WebSphere's own IBM SDK, whose provider is IBMJSSE2. A setting the script does not write
 * (another call, the console, the cell's existing security.xml) stays unknown.
 */
import type { Location } from '../core/types';
import type { ParsedDocument } from '../parse/types';
import { WSADMIN_KIND, type WsadminData, type WsadminSslConfig } from '../parse/wsadmin';
import type { ModelContributor } from './contributor';
import { traced } from './java-shared';
import type { TlsSettings, WasSslConfigComponent } from './types';
import { securityLevelCiphers } from './was-ciphers';
import { libertyProtocols } from './liberty-https';
import { relativePosix } from '../core/posix-path';

export const wasSslConfigsContributor: ModelContributor = {
  id: 'was-ssl-configs',
  reads: [WSADMIN_KIND],
  contribute(ctx) {
    for (const doc of ctx.documentsOf(WSADMIN_KIND) as ParsedDocument<WsadminData>[]) {
      const file = doc.file.path;
      const relative = relativePosix(ctx.deployment.root, file);
      const runtime = ctx.runtimeFor(file, { product: 'was-traditional' });
      // One configuration per alias (and scope): the calls' settings in the script's order.
      const byAlias = new Map<string, WsadminSslConfig[]>();
      for (const config of doc.data.sslConfigs) {
        const key = `${config.alias.value}\0${config.managementScope?.value ?? ''}`;
        byAlias.set(key, [...(byAlias.get(key) ?? []), config]);
      }
      for (const calls of byAlias.values()) {
        const first = calls[0];
        if (!first) continue;
        const setting = calls.reduce<WsadminSslConfig['setting']>((merged, c) => ({ ...merged, ...c.setting }), {});
        const alias = first.alias.value;
        const location: Location = { file, range: first.range };
        const at = (l: { range: Location['range'] }): Location => ({ file, range: l.range });
        const tls: TlsSettings = { implementation: 'ibmjsse2' };
        const protocols = setting.sslProtocol && libertyProtocols(setting.sslProtocol.value);
        if (setting.sslProtocol && protocols) tls.protocols = traced(protocols, file, setting.sslProtocol.range);
        const enabled = setting.enabledCiphers?.value.trim();
        if (setting.enabledCiphers && enabled)
          tls.cipherSuites = traced(enabled.split(/[\s,]+/), file, setting.enabledCiphers.range);
        else if (setting.securityLevel) {
          const level = { value: setting.securityLevel.value, location: at(setting.securityLevel) };
          const expanded = securityLevelCiphers(level, location, runtime, 'server', ctx.memo);
          if (expanded) tls.cipherSuites = expanded.suites;
        }
        const component: WasSslConfigComponent = {
          id: `was.ssl-config:${relative}#${alias}`,
          type: 'was.ssl-config',
          name: `WebSphere SSL configuration ${alias} (${relative})`,
          role: 'both',
          location,
          host: ctx.hostOf(file),
          runtime,
          tls,
          documents: [doc],
          attributes: { alias, created: calls.some((c) => c.command === 'create') },
        };
        ctx.addComponent(component);
      }
    }
  },
};
