/**
 * A fill-in placeholder of an XML file: an upper-case name in angle brackets that the file's user replaces before the
 * file is used (`connectionUrl="tcp://<CICSTG_IP_ADDRESS>"`, the comments above it saying what to put there:
 * kishkulk/cicstg-jca-liberty-docker-sample@3664378 server.xml). XML allows no `<` in an attribute value, so as written
 * the file is refused by every XML parser (JDK 17.0.15's: 'The value of attribute "connectionUrl" associated with an
 * element type "properties.eciResourceAdapter" must not contain the '<' character.'); it is a template, not a broken
 * file. Two characters or more, starting with a letter; upper-case as the whole text of an element.
 */
const ANY_FILL_IN = /<[A-Z][A-Z0-9_]*[A-Z0-9]>/;
/**
 * Inside an attribute value any name in angle brackets is one, lower-case too (`value="<path>wmq.jmsra.rar"`,
 * `port="<port>"`: cicsdev/cics-java-liberty-mq-jms@9a44697 etc/server.xml), since no XML can hold a `<` there.
 */
const ATTRIBUTE_FILL_IN = /<[A-Za-z][\w.-]*[A-Za-z0-9]>/g;
/** A `<` right inside a quoted attribute value: the only way an attribute fill-in can start. */
const ANY_ATTRIBUTE_FILL_IN = /=\s*(?:"[^"<>]*|'[^'<>]*)<[A-Za-z]/;

/** A start tag whose quoted attribute values may hold `<` and `>` (group 1: the attributes). */
const START_TAG = /<[A-Za-z_][\w:.-]*((?:\s+[^\s=/<>"']+\s*=\s*(?:"[^"]*"|'[^']*'))+)\s*\/?>/g;
const QUOTED = /"[^"]*"|'[^']*'/g;
/** The whole text of an element is the placeholder (`<password><DB_PASSWORD></password>`): group 1 is its name. */
const TEXT_FILL_IN = />\s*<([A-Z][A-Z0-9_]*[A-Z0-9])>\s*<\/([\w:.-]+)>/g;

export interface FillIn {
  start: number;
  end: number;
}

/**
 * The fill-in placeholders of an XML text where XML cannot hold them: inside attribute values, and as the whole text
 * of an element (an element of that name is then never closed). An upper-case element that is one (`<CONFIG>` …
 * `</CONFIG>`) is left alone. `taken`: offsets already read as template syntax.
 */
export function xmlFillIns(text: string, taken: (start: number, end: number) => boolean): FillIn[] {
  if (!ANY_FILL_IN.test(text) && !ANY_ATTRIBUTE_FILL_IN.test(text)) return [];
  const found: FillIn[] = [];
  for (const tag of text.matchAll(START_TAG)) {
    if (!tag[1]!.includes('<')) continue;
    const attributesStart = (tag.index ?? 0) + tag[0].indexOf(tag[1]!);
    for (const quoted of tag[1]!.matchAll(QUOTED))
      for (const m of quoted[0].matchAll(ATTRIBUTE_FILL_IN)) {
        const start = attributesStart + (quoted.index ?? 0) + (m.index ?? 0);
        found.push({ start, end: start + m[0].length });
      }
  }
  for (const m of text.matchAll(TEXT_FILL_IN)) {
    if (m[1] === m[2]) continue;
    const start = (m.index ?? 0) + m[0].indexOf('<');
    found.push({ start, end: start + m[1]!.length + 2 });
  }
  const unparsed = unparsedSpans(text);
  return found
    .filter((f) => !taken(f.start, f.end) && !unparsed.some(([from, to]) => from <= f.start && f.end <= to))
    .sort((a, b) => a.start - b.start);
}

/** Comments and CDATA sections may hold any `<`: Tomcat's tomcat-users.xml comments out `password="<must-be-changed>"`. */
const UNPARSED = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)/g;

function unparsedSpans(text: string): [number, number][] {
  if (!text.includes('<!')) return [];
  return [...text.matchAll(UNPARSED)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length]);
}

/** Where each fill-in stands, for the parse info (src/engine/run/parse-template.ts). */
export function fillInPlaces(fillIns: readonly { text: string }[]): string {
  const names = [...new Set(fillIns.map((f) => f.text))];
  return names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
}
