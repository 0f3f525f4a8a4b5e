/**
 * An app's Spring settings in the order Spring Boot applies them: every configuration file's default profile, then
 * the parts of each active profile (`application-<profile>.yml`, or a YAML document with
 * `spring.config.activate.on-profile`) in the order the profiles are named. Read by the Spring server, the IBM MQ
 * starter's factory and their stores, so all three see the same settings.
 */
import type { SpringConfigData } from '../parse/spring';
import type { Entry, ParsedDocument } from '../parse/types';

export interface SpringSettings {
  /** The default profile's settings, with the file each came from. */
  base: { doc: ParsedDocument<SpringConfigData>; entry: Entry }[];
  /** The default profile's, then the active profiles'. */
  placed: { doc: ParsedDocument<SpringConfigData>; entry: Entry }[];
  entries: Entry[];
  /** The file a setting came from. */
  doc: (entry: Entry) => ParsedDocument<SpringConfigData>;
}

export function springSettings(
  docs: ParsedDocument<SpringConfigData>[],
  activeNames: readonly string[],
): SpringSettings {
  const base = docs.flatMap((doc) =>
    doc.data.parts.filter((p) => !p.profile).flatMap((p) => p.entries.map((entry) => ({ doc, entry }))),
  );
  const ofProfile = (name: string) =>
    docs.flatMap((doc) =>
      doc.data.parts.filter((p) => p.profile === name).flatMap((p) => p.entries.map((entry) => ({ doc, entry }))),
    );
  const placed = [...base, ...activeNames.flatMap(ofProfile)];
  const docOf = new Map(placed.map((p) => [p.entry, p.doc]));
  const doc = (entry: Entry) => docOf.get(entry) as ParsedDocument<SpringConfigData>;
  return { base, placed, entries: placed.map((p) => p.entry), doc };
}

/** The Spring configuration files among a component's documents. */
export function springDocuments(documents: readonly ParsedDocument[]): ParsedDocument<SpringConfigData>[] {
  return documents.filter((d): d is ParsedDocument<SpringConfigData> => d.kind.startsWith('spring.'));
}
