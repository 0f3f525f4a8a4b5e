/**
 * A damaged certificate or private key block is a failure only for what loads the file: nginx stops at
 * `PEM_read_bio_X509_AUX() failed`, a JVM at a CertificateException. A file no component lint-deploy read names (not
 * by a setting, not by a file name a setting gives outside the tree, not by lying in an MQ/WebSphere/Liberty/JMS home,
 * and no unresolved placeholder may name it) is said as an info, as cert/expired says an unused expired certificate:
 * square/keywhiz@52e77fd keeps `server/src/test/resources/certificates/truncated.crt`, cut short on purpose for its
 * parser tests, and its run exited 1 on it. A key store that cannot load (empty, text, saved through a text filter) is
 * the same: xipki/xipki@10c3450 commits 18 empty `qa/p12/<curve>/cab-*.p12` that its QA script writes over, which no
 * configuration names.
 */
import * as path from 'node:path';
import type { Finding } from '../../core/types';
import type { UnnamedFileTest } from './unnamed-files';

/** The parse findings of a PEM block that does not decode or a PEM file saved as UTF-16, and of a key store a runtime cannot load. */
const DAMAGED_PEM = new Set(['parse/pem-invalid-certificate', 'parse/pem-invalid-key', 'parse/pem-encoding']);
const DAMAGED = new Set([...DAMAGED_PEM, 'parse/keystore-invalid']);

export function unusedDamagedPemAsInfo(findings: Finding[], unnamed: UnnamedFileTest): Finding[] {
  if (!findings.some((f) => DAMAGED.has(f.ruleId) && f.severity !== 'info')) return findings;
  return findings.map((finding) => {
    const file = finding.location.file;
    if (!DAMAGED.has(finding.ruleId) || finding.severity === 'info' || !unnamed(file, DAMAGED_PEM.has(finding.ruleId)))
      return finding;
    return {
      ...finding,
      severity: 'info',
      message:
        `${finding.message}. No server, client or store setting lint-deploy models in this deployment names ` +
        `${path.basename(file)} (one it does not model may: an environment variable an image reads, a template). ` +
        'Whatever loads it fails to read it; if nothing does (test data, a copy left behind), remove it, or exclude ' +
        'its directory with `ignorePatterns`',
    };
  });
}
