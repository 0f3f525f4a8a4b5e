/**
 * A Markdown snippet saved under an XML name (src/parse/xml-stray-text.ts) fails only what loads it. Liberty and Tomcat
 * read `server.xml` by its name; any other such file is read only where another file names it (an include, a COPY, a
 * volume). When no file of the deployment names it, it is documentation, not configuration: an info, as a damaged PEM
 * file nothing names is (./unused-pem-files.ts). OktaySavdi/Liberty@44188e5 keeps Example/SpringBoot_server.xml so.
 */
import * as path from 'node:path';
import type { Finding } from '../../core/types';
import type { ParsedDocument } from '../../parse/types';
import { MARKDOWN_SNIPPET } from '../../parse/xml-stray-text';
import { namedByAnotherDocument } from './named-by-text';

/** Names a program reads by themselves, without another file naming them. */
const READ_BY_NAME = new Set(['server.xml']);

export function unnamedMarkdownSnippetsAsInfo(findings: Finding[], documents: readonly ParsedDocument[]): Finding[] {
  const snippet = (f: Finding) =>
    f.ruleId === 'parse/invalid-xml' && f.severity !== 'info' && f.messageId === MARKDOWN_SNIPPET;
  if (!findings.some(snippet)) return findings;
  return findings.map((finding) => {
    if (!snippet(finding)) return finding;
    const file = finding.location.file;
    const name = path.basename(file);
    if (READ_BY_NAME.has(name.toLowerCase())) return finding;
    if (namedByAnotherDocument(file, documents)) return finding;
    return {
      ...finding,
      severity: 'info',
      message: `${finding.message}. No file of this deployment names ${name} (no include, COPY or volume), so nothing lint-deploy reads loads it; if something does, it fails there. Rename it (.md) or exclude it with \`ignorePatterns\``,
    };
  });
}
