/**
 * How readDocuments hands a file to its format handler: through the run's parse cache, and for a template with its
 * template syntax set aside (each branch reading tried, generated attributes blanked, fragments' unbalanced blocks
 * expected).
 */
import type { Classification } from '../../parse/registry';
import type { ParsedDocument, ParseProblem, SourceFile } from '../../parse/types';
import type { TemplateInfo } from '../../parse/template';
import { declarationAfterTemplateTags } from '../../parse/template-xml-declaration';
import { blankGeneratedAttributes, markGenerated } from '../../parse/template-xml-attributes';
import { fillInPlaces } from '../../parse/template-fill-ins';
import type { XmlData } from '../../parse/xml';
import type { RenderedText } from '../../parse/rendered';
import { contentHash, type ParseCache } from './parse-cache';

/**
 * Parses a template's text with its template syntax set aside. When keeping both branches of every
 * conditional does not parse cleanly (an `if` and an `else` that each open a block), the first branches
 * alone are tried; the reading with fewer problems wins. The document keeps the file's real text.
 * `helm`: the readings with the chart's defaults put in (parsed uncached: their positions are then moved).
 */
export function parseTemplate(
  classified: Classification,
  source: SourceFile,
  template: TemplateInfo,
  fragment: boolean,
  cache?: ParseCache,
  helm?: { masked: RenderedText; firstBranch?: RenderedText },
): ParsedDocument {
  // Tags before `<?xml …?>` (src/parse/template-xml-declaration.ts); a Helm chart renders YAML, not XML.
  const declaration = helm ? undefined : declarationAfterTemplateTags(source.text, template, template.masked);
  const masked = helm?.masked.text ?? declaration?.masked ?? template.masked;
  const firstBranch = helm
    ? helm.firstBranch?.text
    : template.firstBranch && declaration
      ? (declarationAfterTemplateTags(source.text, template, template.firstBranch)?.masked ?? template.firstBranch)
      : template.firstBranch;
  // server.xml attributes a template writes itself (`<Connector {{ props }} />`): blanked, the element marked.
  const generatedIn = (text: string) =>
    classified.kind === 'tomcat.server-xml' ? blankGeneratedAttributes(text) : undefined;
  const generated = generatedIn(masked);
  let doc = parseWith(classified, { ...source, text: generated?.masked ?? masked }, cache);
  let rendered = helm?.masked;
  let generatedRead = generated;
  if (doc.problems.length > 0 && firstBranch !== undefined) {
    const generatedFirst = generatedIn(firstBranch);
    const first = parseWith(classified, { ...source, text: generatedFirst?.masked ?? firstBranch }, cache);
    if (first.problems.length < doc.problems.length) {
      doc = first;
      rendered = helm?.firstBranch;
      generatedRead = generatedFirst;
    }
  }
  rendered?.remap(doc);
  const generatedProblem = generatedRead && markGenerated(doc as ParsedDocument<XmlData>, generatedRead, template);
  if (generatedProblem) doc = { ...doc, problems: [...doc.problems, generatedProblem] };
  const fillIns = fillInProblem(template);
  if (fillIns) doc = { ...doc, problems: [...doc.problems, fillIns] };
  // A fragment (`server_header.erb`, `location_footer.epp`) opens or closes a block that another
  // fragment completes when the templates are concatenated: an unbalanced brace is expected there.
  const renderedProblems = problemsOfEachRendering(
    declaration?.problem ? [declaration.problem, ...doc.problems] : doc.problems,
    template,
  );
  const problems = fragment
    ? renderedProblems.map((p) =>
        UNBALANCED.has(p.code)
          ? {
              ...p,
              severity: 'info' as const,
              message: `${p.message} (expected in a template fragment: another fragment opens or closes the block)`,
            }
          : p,
      )
    : renderedProblems;
  return { ...doc, problems, file: source, template };
}

/**
 * An XML file holding fill-in placeholders (`tcp://<CICSTG_IP_ADDRESS>`: src/parse/template-fill-ins.ts) is a template
 * its user completes, not a broken file: said once, at the first, as what is unknown.
 */
function fillInProblem(template: TemplateInfo): ParseProblem | undefined {
  const fillIns = template.spans.filter((s) => s.engine === 'fill-in');
  const first = fillIns[0];
  if (!first) return undefined;
  const many = fillIns.length > 1;
  return {
    code: 'template-placeholders',
    severity: 'info',
    message:
      `${many ? `${fillIns.length} fill-in placeholders` : 'A fill-in placeholder'} (${fillInPlaces(fillIns)}) stand${many ? '' : 's'} ` +
      "where XML allows no '<' (in an attribute value, or as an element's text): a template to complete, not a " +
      "file to deploy as it is. Left in, every XML parser refuses the file (Java's: 'The value of attribute … must " +
      "not contain the '<' character.'); read as template values, unknown until they are replaced",
    range: first.range,
    locationRole: 'context',
  };
}

/** A key set in two branches of a conditional (`{% if %}…{% else %}`, or two `if`s) is set once in each rendering. */
export function problemsOfEachRendering(problems: ParseProblem[], template: TemplateInfo): ParseProblem[] {
  return template.branches.length > 0 ? problems.filter((p) => p.code !== 'duplicate-key') : problems;
}

/** The handler's parse, through the run's cache when there is one (keyed by the bytes read, else by the text parsed). */
export function parseWith(
  { handler, kind }: Classification,
  source: SourceFile,
  cache: ParseCache | undefined,
  bytes?: Buffer,
): ParsedDocument {
  return cache
    ? cache.parse(
        handler,
        kind,
        source,
        bytes ? contentHash(bytes) : `text:${source.hadBom}:${source.utf16 ?? ''}:${contentHash(source.text)}`,
      )
    : handler.parse(source, kind);
}

/** How many of a document's problems are blocks left open or closed twice (which two branches kept together can cause). */
export function unbalancedProblems(doc: ParsedDocument): number {
  return doc.problems.reduce((n, p) => n + (UNBALANCED.has(p.code) ? 1 : 0), 0);
}

const UNBALANCED = new Set([
  'unclosed-block',
  'unexpected-brace',
  'httpd-section-not-closed',
  'httpd-unexpected-close',
]);
