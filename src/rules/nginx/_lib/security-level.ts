/**
 * What the OpenSSL security level of an nginx end refuses of the certificates it loads (ssl_certificate,
 * proxy_ssl_certificate): the leaf through SSL_CTX_use_certificate ('ee key too small', 'ca md too weak'), the rest
 * of the file through SSL_CTX_set0_chain ('ca key too small', 'ca md too weak'); either makes nginx log [emerg] and
 * not start (https://github.com/nginx/nginx/blob/release-1.27.3/src/event/ngx_event_openssl.c ngx_ssl_certificate).
 * One verdict per (certificate file, directive): refused at every level the end may run at, or at some of them only.
 */
import type { Location } from '../../../core/types';
import type { DerivedDeployment } from '../../../derive/types';
import { certificatesNamed } from '../../../derive/presented';
import { levelRefusal, type LevelRefusal } from '../../../knowledge/openssl-security-level';
import { opensslSeriesOf } from '../../../knowledge/openssl';
import type { SecurityLevelCandidate, NginxSecurityLevel } from '../../../model/attributes';
import type { TreeCertificate } from '../../../model/mq-certs';
import type { CertificateRef, Component } from '../../../model/types';

export interface LoadRefusal {
  component: Component;
  level: NginxSecurityLevel;
  /** The directive that names the file (`ssl_certificate`, `proxy_ssl_certificate`) and where. */
  ref: CertificateRef & { reference: Location; file: string };
  directive: string;
  cert: TreeCertificate;
  position: 'leaf' | 'chain';
  /** Each level that refuses it, with why; and the levels that accept it. */
  refusing: { candidate: SecurityLevelCandidate; refusal: LevelRefusal }[];
  accepting: SecurityLevelCandidate[];
}

function endOf(c: Component): { level: NginxSecurityLevel; directive: string; series?: string } | undefined {
  if (c.type === 'nginx.server' && c.attributes.securityLevel)
    return { level: c.attributes.securityLevel, directive: 'ssl_certificate', series: c.attributes.openssl?.series };
  if (c.type === 'nginx.proxy' && c.attributes.securityLevel)
    return {
      level: c.attributes.securityLevel,
      directive: c.attributes.directive === 'grpc_pass' ? 'grpc_ssl_certificate' : 'proxy_ssl_certificate',
      series: c.attributes.openssl?.series,
    };
  return undefined;
}

const sameLocation = (a: Location, b: Location) =>
  a.file === b.file &&
  a.range?.start.line === b.range?.start.line &&
  a.range?.start.character === b.range?.start.character;

/** The certificates nginx ends of the deployment load that some level they may run at refuses (one per directive and certificate). */
export function loadRefusals(deployment: DerivedDeployment): LoadRefusal[] {
  const all = deployment.derived.certificates;
  const out: LoadRefusal[] = [];
  for (const component of deployment.components) {
    const end = endOf(component);
    const facts = end?.series ? opensslSeriesOf(end.series) : undefined;
    if (!end || !facts) continue;
    const refs = component.tls?.certificate
      ? [component.tls.certificate, ...(component.tls.moreCertificates ?? [])]
      : [];
    for (const { reference, file, ...rest } of refs) {
      if (!reference || !file) continue;
      const ref = { ...rest, reference, file };
      // Several server blocks inherit one http-level directive: judged once.
      if (out.some((r) => sameLocation(r.ref.reference, ref.reference))) continue;
      const certs = certificatesNamed(all, ref.file, component);
      certs.forEach((cert, i) => {
        const position = i === 0 ? 'leaf' : 'chain';
        const refusing: LoadRefusal['refusing'] = [];
        const accepting: SecurityLevelCandidate[] = [];
        for (const candidate of end.level.certificates) {
          const refusal = levelRefusal(facts, candidate.level, cert.cert, position);
          if (refusal) refusing.push({ candidate, refusal });
          else accepting.push(candidate);
        }
        if (refusing.length > 0)
          out.push({ component, level: end.level, ref, directive: end.directive, cert, position, refusing, accepting });
      });
    }
  }
  return out;
}

/**
 * Certificates some nginx end refuses to load at every level it may run at (nginx does not start): a stronger fact
 * than cert/weak-key's, which stays silent on them. One slot: the rules of one deployment ask about the same one.
 */
let last: { deployment: DerivedDeployment; fingerprints: Set<string> } | undefined;
export function certificateRefusedByNginx(deployment: DerivedDeployment, fingerprint: string): boolean {
  if (last?.deployment !== deployment)
    last = {
      deployment,
      fingerprints: new Set(
        loadRefusals(deployment)
          .filter((r) => r.accepting.length === 0)
          .map((r) => r.cert.cert.fingerprintSha256),
      ),
    };
  return last.fingerprints.has(fingerprint);
}
