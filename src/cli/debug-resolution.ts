import type { Location } from '../core/types';
import { libertyServers } from '../model/liberty-config';
import { composeServiceBuilds } from '../model/compose-builds';
import { containerStarts } from '../model/container-starts';
import type { Deployment } from '../model/types';
import type { TemplateSpan } from '../parse/template';
import { isSecretKey } from '../parse/types';
import { relativePosix } from '../core/posix-path';
import { secretMasker } from '../engine/run/redact';

/**
 * `--debug`: how lint-deploy read the tree before judging it — template syntax set aside, configuration
 * embedded in other files, java.security overrides, Liberty includes and variables — one line each,
 * on stderr, so a user can check what a finding rests on. A value the tree gives (a Helm or Compose value, a Liberty
 * variable, a -D option) is masked as findings are: a password inside a longer value (`-Djavax.net.ssl.keyStorePassword=…`
 * in a Liberty variable JVM_ARGS, a host name built on it) is never printed.
 */
export function debugResolution(deployments: Deployment[], cwd: string): string[] {
  const rel = (file: string) => relativePosix(cwd, file) || '.';
  const at = (l: Location) => `${rel(l.file)}${l.range ? `:${l.range.start.line + 1}` : ''}`;
  const lines: string[] = [];
  const helmFiles = new Set<string>();
  for (const deployment of deployments) {
    const mask = secretMasker(
      deployment.documents,
      deployment.components.map((c) => c.name),
    );
    for (const doc of deployment.documents) {
      const t = doc.template;
      if (t && !helmFiles.has(doc.file.path)) {
        helmFiles.add(doc.file.path);
        lines.push(...helmValueLines(t.spans, at, doc.file.path, mask));
      }
      if (t && !doc.embedded) {
        const count = (kind: string) => t.spans.filter((s) => s.kind === kind && !s.substituted).length;
        const put = t.spans.filter((s) => s.substituted).length;
        lines.push(
          `template ${rel(doc.file.path)} (${doc.kind}): ${t.engines.join('+')}, ${put ? `${put} value(s) from ${t.engines.includes('compose') ? '.env' : "the chart's values.yaml"}, ` : ''}${count('value')} value(s) unknown, ${count('generated')} generated line(s), ${count('directive')} directive(s) set aside, ${t.branches.length} conditional branch(es)`,
        );
      }
      if (doc.embedded)
        lines.push(
          `embedded ${rel(doc.file.path)}:${doc.embedded.range.start.line + 1}-${doc.embedded.range.end.line + 1} ${doc.embedded.container} → ${doc.kind}`,
        );
    }
    const overrides = new Set<string>();
    for (const c of deployment.components) {
      const option = c.runtime?.systemProperties['java.security.properties'];
      const list = c.runtime?.securityProperties['jdk.tls.disabledAlgorithms'];
      if (!option || option.from.kind !== 'file') continue;
      const target = list?.from.kind === 'file' ? at(list.from.location) : 'no file of the tree';
      const line = `java.security override ${at(option.from.location)} -Djava.security.properties=${mask(option.value)} → ${target}`;
      if (!overrides.has(line)) lines.push(line);
      overrides.add(line);
    }
    // Spring files set apart as environments' (k8s/overlays/dev and …/prod): none is read as the app's own.
    for (const { app, dirs, ownFiles } of deployment.springEnvironmentDirs ?? [])
      lines.push(
        `spring environments of app ${app}: ${dirs.map(rel).join(', ')} hold files of the same name, each one environment's: none is read as the app's own${ownFiles === 0 ? '; the app has no Spring file outside them, so its server is not modelled (declare the environments as deployments in lint-deploy.config.json to check each)' : `; where they set server.* differently from its ${ownFiles} own file(s), its HTTPS server is unknown`}`,
      );
    // Which app each Kubernetes container runs: bound only when a build of the tree names its image.
    for (const start of containerStarts(
      deployment.documents,
      deployment.root,
      composeServiceBuilds(deployment.documents),
    ))
      lines.push(
        `kubernetes ${at({ file: start.doc.file.path, range: start.container.range })} ${start.container.label}: ${start.dir === undefined ? 'starts no app of the tree' : 'starts the app'}: ${start.why}${start.opaque ? `; ${start.opaque}` : ''}`,
      );
    for (const server of libertyServers(deployment.documents)) {
      // A ConfigMap key is named with its file: several keys of one file can be several servers' parts.
      const name = (d: (typeof server.documents)[number]) =>
        d.embedded ? `${rel(d.file.path)} key ${d.embedded.name}` : rel(d.file.path);
      lines.push(`liberty ${name(server.root)}: ${server.documents.map(name).join(' + ')}`);
      // server.env's keystore_password (and any variable named like a secret) is never printed.
      for (const [name, v] of server.variables)
        lines.push(`  variable ${name}=${isSecretKey(name) ? '***' : mask(v.value)} (from ${rel(v.from)})`);
      for (const u of server.unresolvedIncludes)
        lines.push(
          `  include ${u.written} at ${at(u.location)} not active (unknown variable); may name ${u.candidates.map(rel).join(', ') || 'no file of the tree'}`,
        );
    }
  }
  return lines;
}

/**
 * Each Helm `{{ .Values.x }}` of a template: the chart default put in (and the values.yaml line), or why it stays unknown;
 * each Compose `${VAR}` the `.env` sets (and the `.env` line).
 */
function helmValueLines(
  spans: TemplateSpan[],
  at: (l: Location) => string,
  file: string,
  mask: (text: string) => string,
): string[] {
  const lines: string[] = [];
  for (const span of spans) {
    const where = at({ file, range: span.range });
    const put = span.substituted;
    if (put)
      lines.push(
        `${span.engine === 'compose' ? 'compose variable' : 'helm value'} ${where} ${span.text} = ${put.secret ? '***' : mask(put.value)} (from ${at(put.from)})`,
      );
    else if (span.unknownBecause)
      lines.push(
        `${span.engine === 'go' ? 'helm' : span.engine} value ${where} ${span.text} unknown: ${span.unknownBecause}`,
      );
  }
  return lines;
}
