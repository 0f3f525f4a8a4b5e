import { mqscKeywordTable } from '../../knowledge/mqsc-keywords';
import type { ParseProblem } from '../types';
import type { MqscCommand } from './mqsc-syntax';

/** A keyword as runmqsc spells one: anything else (a template's `{{`, a stray sign) leaves the command unjudged. */
const KEYWORD = /^[A-Z][A-Z0-9]*$/;

/** What a refused command leaves undone, in our words, by `verb noun`. */
const EFFECT: Record<string, string> = {
  'DEFINE CHANNEL': 'the channel is not defined',
  'ALTER CHANNEL': 'the channel keeps the attributes it had',
  'SET CHLAUTH': 'the record is not set',
};

/**
 * The problem for a command runmqsc refuses because it names a keyword the command does not take for its object type
 * (a misspelt `CONNNAME`, `REPLACE` on SET CHLAUTH, `USERSRC` on a BLOCKUSER record), or undefined when every keyword
 * is the command's or the knowledge base has no complete table for it (src/knowledge/data/mqsc-keywords.json): such a
 * command stays as written.
 */
export function unknownKeywordProblem(command: MqscCommand): ParseProblem | undefined {
  const { verb, noun, name, params } = command;
  if (!noun || name?.value === undefined || !params.every((p) => KEYWORD.test(p.keyword))) return undefined;
  const typeOf = (keyword: string) => {
    const p = params.find((q) => q.keyword === keyword);
    return p?.value === undefined || p.templated ? undefined : p.value.toUpperCase();
  };
  const table = mqscKeywordTable(verb, noun, typeOf);
  const unknown = table ? params.filter((p) => !table.keywords.has(p.keyword)) : [];
  const [first] = unknown;
  if (!table || !first) return undefined;
  const names = unknown.map((p) => p.keyword);
  const listed = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
  return {
    code: 'mqsc-unknown-keyword',
    severity: 'warning',
    message:
      `runmqsc rejects this command: {{keyword}} ${names.length === 1 ? 'is not a keyword' : 'are not keywords'} of ${verb} ${noun} with ${table.typeKeyword}(${table.type}), ` +
      `so ${EFFECT[`${verb} ${noun}`] ?? 'nothing it sets applies'} ({{object}}) and lint-deploy judges the script without it. ` +
      `Correct or remove {{keyword}}`,
    data: { keyword: listed, object: `${noun}(${name.value})` },
    range: first.keywordRange,
  };
}
