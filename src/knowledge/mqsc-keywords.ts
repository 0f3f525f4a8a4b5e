import keywordData from './data/mqsc-keywords.json';

/** The parameter keywords runmqsc takes for one MQSC command and object type, with the table's source. */
export interface MqscKeywordTable {
  verb: string;
  noun: string;
  /** The parameter whose value picks the table (CHLTYPE of a channel, TYPE of a channel authentication record). */
  typeKeyword: string;
  type: string;
  keywords: ReadonlySet<string>;
  source: string;
}

const TABLES: readonly MqscKeywordTable[] = keywordData.commands.map((row) => ({
  ...row,
  keywords: new Set(row.keywords),
}));

/**
 * The complete keyword table of `verb noun` for the object type a command names (`DEFINE CHANNEL … CHLTYPE(SVRCONN)`,
 * `SET CHLAUTH … TYPE(BLOCKUSER)`), or undefined when the knowledge base holds none: such a command is not judged.
 */
export function mqscKeywordTable(
  verb: string,
  noun: string,
  typeOf: (typeKeyword: string) => string | undefined,
): MqscKeywordTable | undefined {
  return TABLES.find((t) => t.verb === verb && t.noun === noun && typeOf(t.typeKeyword) === t.type);
}
