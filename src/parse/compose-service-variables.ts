/**
 * The variables a Docker Compose service's container gets, each with the file and line that sets it: its `env_file:`
 * files in order, a later file overriding an earlier one, then its `environment:`, which overrides them all
 * (https://docs.docker.com/reference/compose-file/services/#env_file). An env file is read as the run read it (the
 * `env_file:` files of the tree are documents: src/engine/run/compose-env.ts); one the run does not hold (missing from
 * the tree, outside it, a path a variable names) is unread, and it may set any variable. Every reader of a service's
 * variables (database servers, Kafka brokers, Connect, Schema Registry, the brokers' store passwords) asks this one.
 */
import * as path from 'node:path';
import type { Location, Range } from '../core/types';
import type { ComposeData, ComposeEnvFile, ComposeService } from './compose';
import { envFileVariables } from './compose-env';
import type { Entry, ParsedDocument } from './types';

/** One variable of the container: where its name and value are written (an env file's line, or the Compose file's). */
export interface ServiceVariable {
  name: string;
  /**
   * The text the container gets; undefined when only the run knows it: `- NAME` in `environment:` or a bare `NAME`
   * line in an env file takes the value of the shell running Compose (none: unset), an env file's `${VAR}` the file
   * does not set is the run's (src/parse/compose-env.ts envFileVariables).
   */
  value: string | undefined;
  /** The file that sets it. */
  file: string;
  nameRange: Range;
  valueRange: Range;
  secret: boolean;
}

/** An `env_file:` item the run does not hold: what it is, where the Compose file names it. */
export interface UnreadEnvFile {
  envFile: ComposeEnvFile;
  at: Location;
}

export interface ServiceVariables {
  /** The variables by name, as the container gets them (the last one set wins). */
  variables: Map<string, ServiceVariable>;
  /** The env files of the tree they are read from, in order. */
  envFiles: string[];
  /** The same, as the `env_file:` items that name them and their documents (read otherwise by some readers). */
  envFileDocuments: { envFile: ComposeEnvFile; doc: ParsedDocument }[];
  /** The env files the run does not hold: each may set any variable that `environment:` does not. */
  unread: UnreadEnvFile[];
}

/** The file an `env_file:` item names; undefined when a variable names it (only the run knows which). */
export function envFilePath(composeFile: string, envFile: ComposeEnvFile): string | undefined {
  return envFile.path.includes('$') ? undefined : path.resolve(path.dirname(composeFile), envFile.path);
}

/** The variables of a service of `doc` (see the header); `documents` are the run's (its env files among them). */
export function serviceVariables(
  documents: readonly ParsedDocument[],
  doc: ParsedDocument<ComposeData>,
  service: ComposeService,
): ServiceVariables {
  const variables = new Map<string, ServiceVariable>();
  const envFiles: string[] = [];
  const envFileDocuments: { envFile: ComposeEnvFile; doc: ParsedDocument }[] = [];
  const unread: UnreadEnvFile[] = [];
  const set = (
    name: string,
    value: string | undefined,
    file: string,
    [nameRange, valueRange]: [Range, Range],
    secret: boolean,
  ) => variables.set(name, { name, value, file, nameRange, valueRange, secret });
  for (const envFile of service.envFiles) {
    const file = envFilePath(doc.file.path, envFile);
    const read = file === undefined ? undefined : documents.find((d) => d.file.path === file);
    if (!read) {
      unread.push({ envFile, at: { file: doc.file.path, range: envFile.range } });
      continue;
    }
    envFiles.push(read.file.path);
    envFileDocuments.push({ envFile, doc: read });
    // Read as Compose reads it, whatever kind of document the file is besides.
    for (const v of envFileVariables(read.file.text))
      set(v.name, v.value, read.file.path, [v.nameRange, v.valueRange], v.secret);
  }
  for (const v of service.environment) set(v.name, v.value, doc.file.path, [v.nameRange, v.valueRange], v.entry.secret);
  return { variables, envFiles, envFileDocuments, unread };
}

/** Where a variable's name (`key`) or value is written. */
export function variableAt(variable: ServiceVariable, part: 'key' | 'value'): Location {
  return { file: variable.file, range: part === 'key' ? variable.nameRange : variable.valueRange };
}

/**
 * The variables whose name starts with `prefix` and whose value is known, as entries keyed by the name that carry the
 * file that sets them (Entry.file): the settings of an image that turns each such variable into a setting.
 */
export function variableEntries(variables: ServiceVariables, prefix: string): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  for (const v of variables.variables.values())
    if (v.value !== undefined && v.name.startsWith(prefix))
      entries.set(v.name, {
        key: v.name,
        value: v.value,
        keyRange: v.nameRange,
        valueRange: v.valueRange,
        secret: v.secret,
        file: v.file,
      });
  return entries;
}
