import { pathToFileURL } from 'node:url';
import type { Finding, Location, Severity } from '../core/types';
import type { RuleMeta } from '../rules/types';
import type { Formatter, ReportContext } from './types';
import { displayPath, oneBased, ruleDocsUrl } from './types';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const FINGERPRINT_KEY = 'lintDeployFingerprint/v1';

type Json = Record<string, unknown>;

/** A relative path as a URI reference: each segment percent-encoded, `/` kept. */
function uriOf(file: string, cwd: string): string {
  return displayPath(file, cwd)
    .split('/')
    .map((s) => (s === '..' || s === '.' ? s : encodeURIComponent(s)))
    .join('/');
}

function physicalLocation(location: Location, cwd: string): Json {
  const out: Json = { artifactLocation: { uri: uriOf(location.file, cwd), uriBaseId: '%SRCROOT%' } };
  if (location.range) {
    const at = oneBased(location);
    out.region = { startLine: at.line, startColumn: at.column, endLine: at.endLine, endColumn: at.endColumn };
  }
  return out;
}

function ruleDescriptor(id: string, meta: RuleMeta<unknown, string> | undefined): Json {
  const description =
    meta?.description ??
    (id.startsWith('parse/')
      ? 'A file lint-deploy reads could not be parsed'
      : id === 'internal-error'
        ? 'A rule crashed'
        : id);
  return {
    id,
    name: id.replace(/[^a-zA-Z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : '')),
    shortDescription: { text: description },
    fullDescription: {
      text: meta?.symptoms?.length ? `${description}. Run-time symptoms: ${meta.symptoms.join('; ')}` : description,
    },
    helpUri: ruleDocsUrl(id),
    help: { text: `See ${ruleDocsUrl(id)}` },
    defaultConfiguration: { level: LEVEL[meta?.severity ?? 'error'] },
    properties: { tags: [...new Set(['security', 'tls', id.split('/')[0]])] },
  };
}

function result(f: Finding, ruleIndex: number, context: ReportContext): Json {
  const out: Json = {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [{ physicalLocation: physicalLocation(f.location, context.cwd) }],
  };
  if (f.related?.length) {
    out.relatedLocations = f.related.map((r, id) => ({
      id,
      physicalLocation: physicalLocation(r, context.cwd),
      message: { text: r.message },
    }));
  }
  if (f.fingerprint) out.partialFingerprints = { [FINGERPRINT_KEY]: f.fingerprint };
  if (f.outcome) out.properties = { outcome: f.outcome };
  if (f.suppressed) {
    out.suppressions = [
      {
        kind: f.suppressed.kind === 'inSource' ? 'inSource' : 'external',
        status: 'accepted',
        justification: f.suppressed.reason,
      },
    ];
  }
  return out;
}

/** SARIF 2.1.0 log for GitHub code scanning and other viewers (schemas/sarif-2.1.0.json). */
export function toSarif(findings: Finding[], context: ReportContext): Json {
  const metaById = new Map(context.rules.map((m) => [m.id, m]));
  const ids = [...new Set([...context.rules.map((m) => m.id), ...findings.map((f) => f.ruleId)])].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const cwdUri = pathToFileURL(context.cwd).href;
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: context.toolName,
            version: context.toolVersion,
            semanticVersion: context.toolVersion,
            informationUri: 'https://github.com/lint-deploy/lint-deploy',
            rules: ids.map((id) => ruleDescriptor(id, metaById.get(id))),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: cwdUri.endsWith('/') ? cwdUri : `${cwdUri}/` } },
        columnKind: 'utf16CodeUnits',
        results: findings.map((f) => result(f, index.get(f.ruleId) ?? 0, context)),
      },
    ],
  };
}

export const sarif: Formatter = (findings, context) => JSON.stringify(toSarif(findings, context), null, 2) + '\n';
