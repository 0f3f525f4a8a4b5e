"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.json = void 0;
exports.toJsonReport = toJsonReport;
const types_1 = require("./types");
/** `summary.skipped`: files found but not checked, only when there are some (older readers see no change). */
function skipped(findings, cwd) {
    const files = (0, types_1.skippedFiles)(findings, cwd);
    return files.length ? { skipped: files } : {};
}
/** The JSON report (DESIGN.md contract; schema: schemas/report.schema.json). */
function toJsonReport(findings, context) {
    // Findings name the same few files and deployments again and again: each path made relative once.
    const shown = new Map();
    const show = (file) => {
        let display = shown.get(file);
        if (display === undefined)
            shown.set(file, (display = (0, types_1.displayPath)(file, context.cwd)));
        return display;
    };
    return {
        tool: { name: context.toolName, version: context.toolVersion },
        summary: {
            files: context.fileCount,
            deployments: context.deployments.length,
            ...(0, types_1.countBySeverity)(findings),
            ...skipped(findings, context.cwd),
        },
        findings: findings.map((f) => ({
            ruleId: f.ruleId,
            severity: f.severity,
            message: f.message,
            file: show(f.location.file),
            ...(0, types_1.oneBased)(f.location),
            ...(f.deployment ? { deployment: show(f.deployment) } : {}),
            ...(f.related?.length
                ? {
                    related: f.related.map((r) => ({
                        file: show(r.file),
                        ...(0, types_1.oneBased)(r),
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
                    ...(r.location ? { file: show(r.location.file), line: (0, types_1.oneBased)(r.location).line } : {}),
                    components: r.components,
                })),
            }
            : {}),
    };
}
/** @public Loaded lazily by name (src/report/index.ts). */
const json = (findings, context) => JSON.stringify(toJsonReport(findings, context), null, 2) + '\n';
exports.json = json;
