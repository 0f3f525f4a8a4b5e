/**
 * Whether a Dropwizard HTTPS connector's client certificates can pass Jetty's revocation checking (`validatePeers`):
 * the revocation part of ./dropwizard-https.ts's trust settings.
 */
import { ours, said, type Phrase } from '../core/phrase';
import * as path from 'node:path';
import type { Location } from '../core/types';
import { dropwizardValidatesByDefault, DROPWIZARD_VALIDATE_FALSE_SINCE } from '../knowledge/dropwizard';
import { connectorSetting, type DropwizardConnector } from '../parse/dropwizard';
import type { ParsedDocument } from '../parse/types';
import type { SpringBootRelease } from './attributes';
import type { JavaRuntime, TlsTrustSettings } from './types';

/** What can answer a revocation check besides the connector's own settings: the JVM's CRLDP and OCSP switches. */
const JVM_REVOCATION = { system: 'com.sun.security.enableCRLDP', security: 'ocsp.enable' } as const;

/**
 * `validatePeers` (Jetty's validatePeerCerts): client certificates go through PKIX with revocation checking on
 * (SslContextFactory.getTrustManagers → newPKIXBuilderParameters, setRevocationEnabled(true)), answered only by
 * `crlPath`, `enableCRLDP`, `enableOCSP` or the JVM's own switches. With none of them, JSSE rejects every client
 * certificate below a trusted one. Its default is the release's (true before Dropwizard 1.1.0): a release the tree
 * does not name leaves the client certificates' trust unknown.
 */
export function revocationOf(
  doc: ParsedDocument,
  connector: DropwizardConnector,
  declared: SpringBootRelease | undefined,
  runtime: JavaRuntime | undefined,
): { why: Phrase; at: Location } | { unknown: NonNullable<TlsTrustSettings['unknown']> } | undefined {
  const file = doc.file.path;
  const on = (name: string) => connectorSetting(connector, name)?.value.trim().toLowerCase() === 'true';
  const clientAuth = on('needClientAuth') || on('wantClientAuth');
  const crl = connectorSetting(connector, 'crlPath');
  if (!clientAuth || (crl && crl.value.trim() !== '') || on('enableCRLDP') || on('enableOCSP')) return undefined;
  const crldp = runtime?.systemProperties[JVM_REVOCATION.system]?.value.trim().toLowerCase();
  const ocsp = runtime?.securityProperties[JVM_REVOCATION.security]?.value.trim().toLowerCase();
  if (
    crldp === 'true' ||
    ocsp === 'true' ||
    runtime?.unknownSystemProperties?.[JVM_REVOCATION.system] ||
    runtime?.unknownSecurityProperties?.[JVM_REVOCATION.security]
  )
    return undefined;
  const written = connectorSetting(connector, 'validatePeers');
  const value = written?.value.trim().toLowerCase();
  if (written && value !== 'true') return undefined;
  const byDefault = written ? undefined : dropwizardValidatesByDefault(declared?.version);
  if (!written && byDefault?.value === false) return undefined;
  const what = ours('no crlPath, enableCRLDP or enableOCSP');
  if (written) return { why: said`validatePeers: true with ${what}`, at: { file, range: written.valueRange } };
  if (byDefault && declared)
    return {
      why: said`validatePeers, true by default in Dropwizard ${declared.version}, with ${what}`,
      at: declared.at,
    };
  const type = connectorSetting(connector, 'type');
  return {
    unknown: {
      why: said`the Dropwizard release that runs ${path.basename(file)}: before ${ours(DROPWIZARD_VALIDATE_FALSE_SINCE)} validatePeers defaults to true, and with ${what} every client certificate below a trusted one is rejected ("Could not determine revocation status"); declare io.dropwizard's version in the build, or write validatePeers`,
      ...(type ? { at: { file, range: type.keyRange } } : {}),
    },
  };
}
