/**
 * What is found in a file of an Ansible role's `templates/` or `files/` that no run of the tree deploys is info, never
 * a warning or an error: Methodo-Stats-Tutor/installer keeps a copy of the tomcat role's server.xml in its frontend
 * and pdf2htmlex roles, whose tasks template other files only; their AJP connectors run nowhere. Whether a run deploys
 * it is the derive stage's record (DerivedModel.ansibleRoles, src/model/ansible-role-files.ts). Plaintext secrets are
 * judged anyway: a secret in the repository is exposed whether or not anything deploys the file.
 */
import * as path from 'node:path';
import type { Finding } from '../../core/types';
import { relativePosix } from '../../core/posix-path';
import type { DerivedDeployment } from '../../derive/types';
import { undeployedRoleFile } from '../../model/ansible-role-files';
import { ROLE_FILE } from '../../parse/ansible-yaml';

/** Findings in role files no run of the tree deploys, as info saying why (plaintext secrets excepted). */
export function undeployedRoleFindingsAsInfo(findings: Finding[], deployment: DerivedDeployment): Finding[] {
  const { root } = deployment;
  const judged = (f: Finding) => f.severity !== 'info' && !f.ruleId.startsWith('security/');
  const candidates = findings.filter((f) => judged(f) && ROLE_FILE.test(relativePosix(root, f.location.file)));
  if (candidates.length === 0) return findings;
  const why = new Map<string, string | undefined>();
  return findings.map((finding) => {
    if (!candidates.includes(finding)) return finding;
    const file = finding.location.file;
    if (!why.has(file)) why.set(file, undeployedRoleFile(relativePosix(root, file), deployment.derived.ansibleRoles));
    const reason = why.get(file);
    if (reason === undefined) return finding;
    return {
      ...finding,
      severity: 'info',
      message: `${finding.message.replace(/\.$/, '')}. But ${path.basename(file)} is deployed by no run of this tree: ${reason} (an Ansible role deploys its templates and files only through its tasks)`,
    };
  });
}
