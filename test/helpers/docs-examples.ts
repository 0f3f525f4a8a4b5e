/**
 * Docs examples as file trees (docs/rules/<area>/<name>.md). A fenced block whose info string carries
 * `file=<path>` is one file of an example tree:
 *
 *     ```properties file=authz1/aserver.conf
 *     cleartrust.net.ssl.use=anon
 *     ```
 *
 * The blocks under "## Problematic configuration" make the problematic tree; the blocks under
 * "## Corrected configuration" replace (or add) files of that tree to make the corrected one, so a page
 * shows only what the fix changes. A block `file=lint-deploy.config.json` is the run's configuration
 * (`java`, `components`, `links`, `agentVersion`, and this rule's options in `rules`). Blocks without
 * `file=` are illustrations (logs, commands) and are not run. test/meta/docs-examples.test.ts lints both
 * trees: the problematic one must report the page's rule, the corrected one must not.
 *
 * A binary file (a JKS or PKCS#12 key store) is a block with `from=<path in the repository>` besides
 * `file=`: the block shows what the store holds (`keytool -list` output, for the reader) and the tree gets
 * the repository file's bytes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '../..');
export interface DocsExample {
  problematic: Record<string, string | Buffer>;
  /** The problematic tree with the corrected section's files applied. */
  corrected: Record<string, string | Buffer>;
  /** Files the corrected section changes or adds. */
  correctedFiles: string[];
}

const FENCE = /^(`{3,}|~{3,})([^\n`]*)\n([\s\S]*?)^\1[ \t]*$/gm;

/** The `file=` blocks of one section (from its `## ` heading to the next). */
function filesOfSection(markdown: string, heading: string): Record<string, string | Buffer> {
  const start = `\n${markdown}`.indexOf(`\n## ${heading}\n`);
  if (start < 0) return {};
  const next = markdown.indexOf('\n## ', start + 1);
  const section = markdown.slice(start, next < 0 ? undefined : next + 1);
  const files: Record<string, string | Buffer> = {};
  for (const match of section.matchAll(FENCE)) {
    const file = /(?:^|\s)file=(\S+)/.exec(match[2])?.[1];
    if (!file) continue;
    if (file in files) throw new Error(`${heading}: file=${file} appears twice`);
    const from = /(?:^|\s)from=(\S+)/.exec(match[2])?.[1];
    files[file] = from ? fs.readFileSync(path.join(REPO, from)) : match[3];
  }
  return files;
}

/** The example trees of a rule page, or undefined when the page has no `file=` block. */
export function docsExample(markdown: string): DocsExample | undefined {
  const problematic = filesOfSection(markdown, 'Problematic configuration');
  const fixes = filesOfSection(markdown, 'Corrected configuration');
  if (Object.keys(problematic).length === 0 && Object.keys(fixes).length === 0) return undefined;
  return { problematic, corrected: { ...problematic, ...fixes }, correctedFiles: Object.keys(fixes) };
}
