import { placeOf } from '../../handshake/links';
import { suiteFacts, SuiteFacts } from '../../handshake/suites';
import { defineRule } from '../types';

function weakness(f: SuiteFacts): { level: 'warning' | 'info'; why: string } | undefined {
  if (f.flags.null) return { level: 'warning', why: 'no encryption (NULL)' };
  if (f.flags.anon) return { level: 'warning', why: 'no authentication (anon): open to man-in-the-middle' };
  if (f.flags.export) return { level: 'warning', why: 'export-grade' };
  if (f.flags.rc4) return { level: 'warning', why: 'RC4' };
  if (f.flags.des) return { level: 'warning', why: 'single DES' };
  if (f.flags.tripleDes) return { level: 'warning', why: '3DES (Sweet32)' };
  if (f.flags.staticRsa) return { level: 'info', why: 'static RSA key exchange (no forward secrecy)' };
  if (f.flags.cbc && f.flags.sha1Mac) return { level: 'info', why: 'CBC with HMAC-SHA1' };
  return undefined;
}

export default defineRule({
  meta: {
    id: 'tls/weak-cipher-enabled',
    description: 'Warn about NULL, anon, export, RC4, DES and 3DES suites in a configured cipher list; static RSA and CBC-SHA1 as info',
    severity: 'warning',
    messages: {
      weak: '{{component}} enables {{suite}}: {{why}}. Fix: remove it and prefer ECDHE suites with AES-GCM or ChaCha20',
    },
    defaultOptions: {},
    symptoms: [],
  },
  check(ctx) {
    for (const component of ctx.deployment.components) {
      const suites = component.tls?.cipherSuites;
      if (!suites || suites.from.kind !== 'file' || component.tls?.enabled?.value === false) continue;
      for (const name of suites.value) {
        const facts = suiteFacts(name);
        const w = facts && weakness(facts);
        if (!facts || !w) continue;
        ctx.report({
          messageId: 'weak',
          data: { component: component.name, suite: facts.name, why: w.why },
          location: placeOf(component, suites.from),
          severity: w.level === 'info' ? 'info' : undefined,
          fingerprint: [component.id, facts.name],
        });
      }
    }
  },
});
