import * as path from 'node:path';
import { defineRule } from '../types';
import { said } from '../../core/phrase';
import type { Location } from '../../core/types';
import type { IhsServerComponent } from '../../model/types';

/**
 * `SSLCipherSpec`, `SSLProtocolDisable` or `SSLProtocolEnable` written at the main server of an IBM HTTP Server
 * configuration whose SSLEnable virtual hosts do not write their own: IHS does not copy those directives into a virtual
 * host ("you must explicitly specify them within the SSL enabled virtual host for the directives to take effect", IBM
 * HTTP Server 9.0, SSL directives: data/ihs.json `notInherited`), so the virtual hosts run with IHS's defaults for
 * them. A warning: the server works, but not with the protocols and ciphers the line asks for.
 */
export default defineRule({
  meta: {
    id: 'ihs/global-setting-not-applied',
    description:
      'Report SSLCipherSpec and SSLProtocolDisable/Enable lines at the IBM HTTP Server main server that its SSLEnable virtual hosts do not take',
    severity: 'warning',
    appliesTo: { components: ['ihs.server'] },
    messages: {
      notApplied:
        "{{directive}} is written at the main server, but IBM HTTP Server does not copy it into virtual hosts: {{vhosts}} {{verb}} IBM HTTP Server's defaults for it instead of {{them}}. Write {{them}} inside each <VirtualHost> that has SSLEnable",
    },
    options: {},
    symptoms: ['SSLProtocolDisable has no effect', 'TLS 1.0 still enabled'],
  },
  check(ctx) {
    // One finding per directive of a file (nine SSLCipherSpec lines are one thing to move), its other lines related.
    const byDirective = new Map<string, { directive: string; lines: Location[]; hosts: IhsServerComponent[] }>();
    for (const component of ctx.deployment.components) {
      if (component.type !== 'ihs.server') continue;
      for (const line of component.attributes.globalNotApplied ?? []) {
        if (line.ownToo) continue;
        const key = `${line.location.file}\u0000${line.directive.toLowerCase()}`;
        const entry = byDirective.get(key) ?? { directive: line.directive, lines: [], hosts: [] };
        const start = line.location.range?.start.line;
        if (!entry.lines.some((l) => l.range?.start.line === start)) entry.lines.push(line.location);
        if (!entry.hosts.includes(component)) entry.hosts.push(component);
        byDirective.set(key, entry);
      }
    }
    for (const { directive, lines, hosts } of byDirective.values()) {
      const [at, ...more] = [...lines].sort((a, b) => (a.range?.start.line ?? 0) - (b.range?.start.line ?? 0));
      if (!at) continue;
      const names = hosts.map((h) => h.name.replace(/^IBM HTTP Server /, ''));
      ctx.report({
        messageId: 'notApplied',
        data: {
          directive: said`${directive}${more.length > 0 ? ` (${more.length + 1} lines)` : ''}`,
          vhosts: said`${names.join(', ')}`,
          verb: said`${hosts.length === 1 ? 'uses' : 'use'}`,
          them: said`${more.length > 0 ? 'these lines' : 'this line'}`,
        },
        location: at,
        related: [
          ...more.map((l) => ({ ...l, message: said`another ${directive} line at the main server` })),
          ...hosts.flatMap((h) => [
            {
              ...h.location,
              message: said`an SSLEnable virtual host that writes no ${directive} of its own (${path.basename(h.location.file)})`,
            },
            // The Includes that bring the virtual host into the main configuration decide that IHS reads it.
            ...(h.attributes.includedBy ?? []),
          ]),
        ],
        fingerprint: [directive, path.basename(at.file)],
      });
    }
  },
});
