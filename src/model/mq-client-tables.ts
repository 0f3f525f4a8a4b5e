/**
 * The JSON channel definition tables (CCDTs) of the tree that an MQI client's environment script names: `MQCCDTURL`
 * (`file://…`), else `MQCHLLIB` (the directory) with `MQCHLTAB` (the file, AMQCLCHL.TAB by default). IBM MQ's client
 * (a native one: C, as amqsputc) takes its CLNTCONN definitions from that table, before mqclient.ini's CHANNELS stanza
 * ("URL access to the CCDT", https://www.ibm.com/support/knowledgecenter/SSFKSJ_9.2.0/com.ibm.mq.con.doc/q016735_.html),
 * so a CLNTCONN of the same name that an MQSC defines on a queue manager is not the
 * one this client connects with (ewiger/ibm-mq-mtls@6dee649 test-simple-put.sh: `MQCCDTURL="file://${CCDT_PATH}"`
 * names client_ccdt.json, while scripts/client.mqsc defines CERT.SVRCONN on a queue manager as well).
 * A path the script writes in full is read from its directory; one whose directory a variable or the working
 * directory decides (`$(pwd)/client_ccdt.json`) is the tree's only CCDT of that file name, else none.
 */
import * as path from 'node:path';
import type { CcdtData } from '../parse/ccdt';
import type { MqEnvAssignment, MqEnvData } from '../parse/mq-env';
import type { ParsedDocument } from '../parse/types';

/** `file:///x/t.json`, `file:./t.json` → the path; another scheme (`https://`) names no tree file. */
const FILE_URL = /^file:(?:\/\/)?/i;

/** The tree's JSON CCDTs the client environment scripts name. */
export function tablesNamedByClients(
  scripts: readonly ParsedDocument<MqEnvData>[],
  tables: readonly ParsedDocument<CcdtData>[],
): ParsedDocument<CcdtData>[] {
  const named = new Set<ParsedDocument<CcdtData>>();
  for (const script of scripts) {
    const last = (name: string) => script.data.assignments.filter((a) => a.name === name).at(-1);
    const url = last('MQCCDTURL');
    const library = last('MQCHLLIB');
    const file = last('MQCHLTAB');
    const table = url
      ? tableAt(script, url, undefined, tables)
      : library
        ? tableAt(script, library, file ?? DEFAULT_TABLE, tables)
        : undefined;
    if (table) named.add(table);
  }
  return [...named];
}

/** MQCHLTAB's default. */
const DEFAULT_TABLE = { resolved: 'AMQCLCHL.TAB', lastSegment: 'AMQCLCHL.TAB' };

/**
 * The table a variable names (MQCCDTURL, or MQCHLLIB with `file`: MQCHLTAB): its path from the script's directory when
 * the script resolves it, else by its file name when the tree has one table of that name.
 */
function tableAt(
  script: ParsedDocument<MqEnvData>,
  variable: MqEnvAssignment,
  file: Pick<MqEnvAssignment, 'resolved' | 'lastSegment'> | undefined,
  tables: readonly ParsedDocument<CcdtData>[],
): ParsedDocument<CcdtData> | undefined {
  if (/^[a-z]+:/i.test(variable.value) && !FILE_URL.test(variable.value)) return undefined;
  const resolved = variable.resolved?.replace(FILE_URL, '');
  if (resolved !== undefined && (!file || file.resolved !== undefined)) {
    const full = path.resolve(path.dirname(script.file.path), resolved, file?.resolved ?? '');
    return tables.find((t) => t.file.path === full);
  }
  const name = file ? file.lastSegment : variable.lastSegment;
  const alike = name === undefined ? [] : tables.filter((t) => path.basename(t.file.path) === name);
  return alike.length === 1 ? alike[0] : undefined;
}
