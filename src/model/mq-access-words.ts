/**
 * A channel's ways in as words (the JSON report's and the rules' wording of src/model/mq-access.ts ChannelAccess).
 */
import type { ChannelAccess } from './mq-access-types';

/**
 * The fixed words a channel's ways in are described with. They hold no text of the tree, so the secret masker
 * leaves them whole (a sample password `password` must not turn "password checked" into "*** checked").
 */
export const ACCESS_WORDS = {
  blocked: 'blocked',
  othersBlocked: 'anyone else blocked',
  client: 'client-asserted user',
  mca: 'runs as the queue manager user (mqm)',
  unknown: 'unknown identity',
  admin: 'administrator (mqm) possible',
  mcaPassword: 'no password (queue manager channel)',
  noPassword: 'password not checked',
  password: 'password checked',
  adminPassword: 'password checked for administrators',
  // CHCKCLNT(REQDADM) checks the id the client asserts, never the fixed MCAUSER: a non-administrator id gets in unchecked.
  adminAssertedPassword: 'password checked only when the client asserts an administrator id',
} as const;

/** The ways in as words, ignoring a security exit (what the channel admits unless the exit refuses or remaps). */
export function describePaths(a: ChannelAccess): string[] {
  const words = ACCESS_WORDS;
  if (a.blockAll) return [words.blocked];
  const out: string[] = [];
  for (const p of a.paths) {
    const via = p.needs.length ? ` (${p.needs.join(', ')})` : '';
    const id = p.identity;
    // The catch-all way in after narrower ones (the back-stop `ADDRESSMAP('*') USERSRC(NOACCESS)`): everyone else.
    const catchAll = p.needs.length === 0 && a.paths.length > 1;
    let text =
      id.kind === 'blocked'
        ? catchAll
          ? words.othersBlocked
          : words.blocked
        : id.kind === 'fixed'
          ? `runs as ${id.user}`
          : id.kind === 'client'
            ? words.client
            : id.kind === 'mca'
              ? words.mca
              : words.unknown;
    if (p.admin) text += `, ${words.admin}`;
    if (id.kind === 'mca') text += `, ${words.mcaPassword}`;
    else if (id.kind !== 'blocked' && p.password !== 'unknown')
      text += `, ${
        p.password === 'none'
          ? words.noPassword
          : p.password === 'all'
            ? words.password
            : id.kind === 'fixed'
              ? words.adminAssertedPassword
              : words.adminPassword
      }`;
    out.push(text + via);
  }
  if (a.templatedRecord)
    out.push(`unknown (template in SET CHLAUTH('${a.templatedRecord.profile}') ${a.templatedRecord.type})`);
  // Said as the condition the ways in above hold under: a template value could make the record match.
  for (const r of a.uncertain) out.push(`unless SET CHLAUTH('${r.profile}') ${r.type} matches ${a.channel}`);
  return out;
}
