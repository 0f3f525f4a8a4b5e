import type { RuleRelated } from '../types';
import * as path from 'node:path';
import type { Location } from '../../core/types';
import type { Component } from '../../model/types';
import { defineRule } from '../types';
import { ours, said } from '../../core/phrase';

/**
 * A java.security of the tree that becomes the JDK's whole file (a Dockerfile COPY over the image JDK's own, or
 * -Djava.security.properties==file) and names no security.provider.1. The JDK reads its providers from
 * security.provider.1 up to the first missing number (sun.security.jca.ProviderList), so it has none: JDK 17.0.15
 * and 25.0.3 here, a client's SSLSocketFactory.getDefault() socket fails with "java.net.SocketException:
 * java.security.NoSuchAlgorithmException: Default SSLContext not available" — also when only .1 is missing, and
 * the same file loaded with a single `=` (added to the JDK's own) connects. The model sets it only where no other
 * -Djava.security.properties (known or not) may bring the providers back (model/image-security.ts, jvm-runtime.ts).
 */
export default defineRule({
  meta: {
    id: 'java/security-file-without-providers',
    description:
      'Report a java.security that replaces the JDK\'s whole file and names no security.provider.1: the JDK has no security provider, and TLS fails with "Default SSLContext not available"',
    severity: 'error',
    messages: {
      noProviders:
        "This makes {{file}} the whole java.security of the JDK that runs {{components}}, and it names no security.provider.1: the JDK reads its providers from security.provider.1 up to the first missing number, so it has none, and every TLS connection fails with \"java.security.NoSuchAlgorithmException: Default SSLContext not available\" (so does every digest, signature and cipher the JVM asks for). Keep the JDK's own security.provider.N lines in the file, or put only the properties to change in a file loaded with -Djava.security.properties=<file> (one '='), which adds to the JDK's java.security",
    },
    defaultOptions: {},
    symptoms: [
      'java.security.NoSuchAlgorithmException: Default SSLContext not available',
      'java.net.SocketException: java.security.NoSuchAlgorithmException: Default SSLContext not available',
    ],
  },
  check(ctx) {
    const byFile = new Map<string, { at: RuleRelated; file: string; components: Component[] }>();
    for (const component of ctx.deployment.components) {
      const missing = component.runtime?.withoutProviders;
      if (!missing) continue;
      const key = `${missing.at.file}\n${missing.at.range?.start.line ?? 0}\n${missing.file}`;
      const entry = byFile.get(key) ?? { ...missing, components: [] };
      entry.components.push(component);
      byFile.set(key, entry);
    }
    for (const { at, file, components } of byFile.values()) {
      const names = components.map((c) => c.name);
      const location: Location = { file: at.file, ...(at.range && { range: at.range }) };
      ctx.report({
        messageId: 'noProviders',
        data: {
          file: path.join(path.basename(path.dirname(file)), path.basename(file)),
          components:
            names.length > 3 ? said`${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', '),
        },
        location,
        related: [
          { file, message: ours('this java.security names no security.provider.1') },
          ...components.slice(0, 3).map((c) => ({ ...c.location, message: said`${c.name} runs on that JDK` })),
        ],
        fingerprint: [file, location.file],
      });
    }
  },
});
