/**
 * Findings that rest on MQSC a container image applies itself (src/model/mq-image-scripts.ts: the developer image's
 * 10-dev.mqsc) sit at the line of the tree that joins the tree's MQSC to it (the Compose mount, the Dockerfile COPY):
 * no file of the tree holds those records. Each such finding says which records of which image it rests on, with
 * their source lines, so that the line is not read as the place the values are written.
 */
import type { Finding, Location, RelatedLocation } from '../../core/types';
import type { MqscCommand } from '../../parse/mqsc';
import type { Deployment } from '../../model/types';
import developerImageChannels from '../../rules/mq/developer-image-channels';

/** The nouns whose records a finding is about when it names the object (a channel, an AUTHINFO, a CHLAUTH profile). */
const NAMED = new Set(['CHANNEL', 'AUTHINFO', 'CHLAUTH']);

const at = (l: Location) => `${l.file}\u0000${l.range?.start.line ?? -1}:${l.range?.start.character ?? -1}`;

/** The image's commands by the place they are located at. */
function imageCommands(deployment: Deployment): Map<string, MqscCommand[]> {
  const byPlace = new Map<string, MqscCommand[]>();
  for (const script of deployment.mqscScripts ?? [])
    for (const command of script.data.commands) {
      if (!command.origin || !command.file) continue;
      const key = at({ file: command.file, range: command.range });
      const known = byPlace.get(key);
      if (!known) byPlace.set(key, [command]);
      else if (
        !known.some((c) => c.origin!.line === command.origin!.line && c.origin!.source === command.origin!.source)
      )
        known.push(command);
    }
  return byPlace;
}

/** Whether the finding's text names the command's object (`DEV.ADMIN.SVRCONN`); the generic `*` is named by none. */
function names(text: string, command: MqscCommand): boolean {
  const name = command.name?.value;
  return Boolean(name && name !== '*' && command.noun && NAMED.has(command.noun) && text.includes(name));
}

/** One place's records in words: the image's file, each record with its line, and the source. */
function recordsText(commands: MqscCommand[]): string {
  const { script, source } = commands[0]!.origin!;
  const listed = commands.map((c) => `${c.origin!.record} (line ${c.origin!.line})`).join(', ');
  return `not in the tree: ${listed} of ${script} (${source})`;
}

/**
 * The MQ findings at (or naming) a place the image's records sit at, each with the records it rests on; those on a
 * file whose image's scripts are unknown (src/model/mq-image-scripts.ts), with why.
 */
export function withImageRecords(findings: Finding[], deployment: Deployment): Finding[] {
  const byPlace = imageCommands(deployment);
  const unknown = deployment.mqImageScriptsUnknown ?? [];
  if (byPlace.size === 0 && unknown.length === 0) return findings;
  return foldedIntoImageNote(findings, byPlace).map((finding) => {
    if (!finding.ruleId.startsWith('mq/') && !finding.ruleId.startsWith('tls/')) return finding;
    const withUnknown = withUnknownImage(finding, unknown);
    return byPlace.size === 0 ? withUnknown : withRecords(withUnknown, byPlace);
  });
}

/** A finding on a file whose image's scripts are unknown names why, at the mount or COPY. */
function withUnknownImage(finding: Finding, unknown: NonNullable<Deployment['mqImageScriptsUnknown']>): Finding {
  const files = new Set([finding.location.file, ...(finding.related ?? []).map((r) => r.file)]);
  const notes = unknown.filter((u) => files.has(u.file));
  if (notes.length === 0) return finding;
  const added = notes.map((u) => ({ ...u.at, message: u.why, role: 'context' as const }));
  return { ...finding, related: [...(finding.related ?? []), ...added] };
}

/** A finding at a place the image's records sit at names the records it rests on. */
function withRecords(finding: Finding, byPlace: Map<string, MqscCommand[]>): Finding {
  const places = [finding.location, ...(finding.related ?? [])].filter(
    (l, i, all) => byPlace.has(at(l)) && all.findIndex((o) => at(o) === at(l)) === i,
  );
  if (places.length === 0) return finding;
  const text = [finding.message, ...(finding.related ?? []).map((r) => r.message)].join('\n');
  const added: RelatedLocation[] = places.map((place) => {
    const commands = byPlace.get(at(place))!;
    const named = commands.filter((c) => names(text, c));
    const message = named.length
      ? recordsText(named)
      : `not in the tree: the values here come from ${commands[0]!.origin!.script} (${commands[0]!.origin!.source})`;
    // The note takes the place's role in the finding: the mount or COPY decides it wherever the finding names it so.
    const deciding =
      at(place) === at(finding.location) || (finding.related ?? []).some((r) => at(r) === at(place) && !r.role);
    const role = deciding ? {} : { role: 'context' as const };
    return { file: place.file, ...(place.range && { range: place.range }), message, ...role };
  });
  return { ...finding, related: [...(finding.related ?? []), ...added] };
}

/**
 * The image's configuration has one voice per queue manager: the note of mq/developer-image-channels at the mount or
 * COPY. A warning or info of another MQ or TLS rule that rests on nothing but the image's records (located there, and
 * every related place there too) is folded into that note; a finding that names any place of the tree (the user's own
 * MQSC, a client) stays as it is, and so does an error (it fails at run time). Without the note (the rule switched
 * off), nothing is folded.
 */
function foldedIntoImageNote(findings: Finding[], byPlace: Map<string, MqscCommand[]>): Finding[] {
  const notes = new Map<string, Finding>();
  for (const f of findings)
    if (f.ruleId === developerImageChannels.meta.id && byPlace.has(at(f.location))) notes.set(at(f.location), f);
  if (notes.size === 0) return findings;
  const folded = new Map<Finding, Finding[]>();
  const kept = findings.filter((f) => {
    if (f.ruleId === developerImageChannels.meta.id || f.severity === 'error') return true;
    if (!f.ruleId.startsWith('mq/') && !f.ruleId.startsWith('tls/')) return true;
    const note = notes.get(at(f.location));
    if (!note || !(f.related ?? []).every((r) => at(r) === at(f.location))) return true;
    folded.set(note, [...(folded.get(note) ?? []), f]);
    return false;
  });
  return kept.map((f) => {
    const into = folded.get(f);
    if (!into) return f;
    const said: RelatedLocation[] = into.map((g) => ({
      ...g.location,
      message: `${g.ruleId} (${g.severity}), folded into this note: ${g.message}`,
    }));
    return { ...f, related: [...(f.related ?? []), ...said] };
  });
}
