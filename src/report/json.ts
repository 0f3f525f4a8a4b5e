import type { Finding } from '../core/types';
import type { Formatter, ReportContext } from './types';
import { countBySeverity, displayPath, oneBased, skippedFiles } from './types';

/** `summary.skipped`: files found but not checked, only when there are some (older readers see no change). */
function skipped(findings: Finding[], cwd: string): { skipped?: Array<{ file: string; reason: string }> } {
  const files = skippedFiles(findings, cwd);
  return files.length ? { skipped: files } : {};
}

/** The JSON report (DESIGN.md contract; schema: schemas/report.schema.json). */
export function toJsonReport(findings: Finding[], context: ReportContext): object {
  // Findings name the same few files and deployments again and again: each path made relative once.
  const shown = new Map<string, string>();
  const show = (file: string): string => {
    let display = shown.get(file);
    if (display === undefined) shown.set(file, (display = displayPath(file, context.cwd)));
    return display;
  };
  return {
    tool: { name: context.toolName, version: context.toolVersion },
    summary: {
      files: context.fileCount,
      deployments: context.deployments.length,
      ...countBySeverity(findings),
      ...skipped(findings, context.cwd),
    },
    findings: findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      file: show(f.location.file),
      ...oneBased(f.location),
      ...(f.deployment ? { deployment: show(f.deployment) } : {}),
      ...(f.related?.length
        ? {
            related: f.related.map((r) => ({
              file: show(r.file),
              ...oneBased(r),
              message: r.message,
            })),
          }
        : {}),
      ...(f.fingerprint ? { fingerprint: f.fingerprint } : {}),
      ...(f.suppressed ? { suppressed: f.suppressed } : {}),
      ...(f.outcome ? { outcome: f.outcome } : {}),
    })),
    // Issue 13: every JDK attachment with its provenance ("JDK from Dockerfile:1 FROM eclipse-temurin:8u202-b08-jre").
    ...(context.runtimes?.length
      ? {
          runtimes: context.runtimes.map((r) => ({
            deployment: show(r.deployment),
            jdk: r.jdk,
            from: r.from,
            ...(r.location ? { file: show(r.location.file), line: oneBased(r.location).line } : {}),
            components: r.components,
          })),
        }
      : {}),
  };
}

/** @public Loaded lazily by name (src/report/index.ts). */
export const json: Formatter = (findings, context) => JSON.stringify(toJsonReport(findings, context), null, 2) + '\n';
