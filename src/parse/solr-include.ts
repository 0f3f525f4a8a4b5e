/**
 * Solr's include file (`solr.in.sh`, `~/.solr.in.sh`, `solr.in.cmd`): what bin/solr (bin/solr.cmd) sources before it
 * starts Jetty. Its `SOLR_SSL_*` assignments are Solr's TLS settings: bin/solr turns SOLR_SSL_KEY_STORE into
 * `-Dsolr.jetty.keystore`, SOLR_SSL_KEY_STORE_TYPE into `-Dsolr.jetty.keystore.type` (the trust store's alike), and
 * exports SOLR_SSL_KEY_STORE_PASSWORD / SOLR_SSL_TRUST_STORE_PASSWORD, which Solr's SSLConfigurationsFactory hands to
 * server/etc/jetty-ssl.xml (`<Get name="keyStorePassword">`): apache/solr@00444bf solr/bin/solr "Select HTTP OR HTTPS
 * related configurations", @27a1933 solr/server/etc/jetty-ssl.xml (Apache-2.0); Solr 5's bin/solr passed it as
 * `-Dsolr.jetty.keystore.password=$SOLR_SSL_KEY_STORE_PASSWORD` (apache/lucene-solr@0079a41 solr/bin/solr). Each such
 * assignment is an entry, so a store's password written there opens the store it names and is judged as a secret.
 * Solr's HTTPS end itself (its Jetty factory from these settings) is not modelled.
 */
import type { Entry, SourceFile } from './types';
import { isSecretKey } from './types';
import type { LineIndex } from './text';
import { lastPathSegment } from '../core/path-name';

/** The names bin/solr and bin/solr.cmd source. */
export const isSolrInclude = (filePath: string): boolean => /^\.?solr\.in\.(sh|cmd)$/.test(lastPathSegment(filePath));

/** `SOLR_SSL_X=value`, `export SOLR_SSL_X="value"` (sh); `set SOLR_SSL_X=value`, `set "SOLR_SSL_X=value"` (cmd). */
const SH_ASSIGNMENT = /^(?:export\s+)?(SOLR_SSL_\w+)=("[^"]*"|'[^']*'|[^\s"'`;&|<>()#]*)\s*(?:#.*)?$/;
const CMD_ASSIGNMENT = /^set\s+("?)(SOLR_SSL_\w+)=([^"]*)\1\s*$/i;

/**
 * The include file's `SOLR_SSL_*` assignments on one line each, written unindented at the top level as the stock file
 * writes them (an indented one may sit in a branch), as entries. `start`/`end`: the line's offsets without its comment.
 */
export function solrIncludeEntry(file: SourceFile, index: LineIndex, start: number, end: number): Entry | undefined {
  const text = file.text.slice(start, end).trimEnd();
  const batch = /\.cmd$/i.test(file.path);
  const m = batch ? CMD_ASSIGNMENT.exec(text) : SH_ASSIGNMENT.exec(text);
  if (!m) return undefined;
  const key = batch ? m[2]! : m[1]!;
  const raw = batch ? m[3]! : m[2]!;
  const quoted = !batch && /^["']/.test(raw);
  const value = quoted ? raw.slice(1, -1) : raw;
  if (value === '') return undefined;
  const keyAt = start + text.indexOf(key);
  const valueAt = batch ? keyAt + key.length + 1 : start + text.indexOf('=', keyAt - start) + 1 + (quoted ? 1 : 0);
  return {
    key,
    value,
    keyRange: index.rangeAt(keyAt, keyAt + key.length),
    valueRange: index.rangeAt(valueAt, valueAt + value.length),
    secret: isSecretKey(key),
  };
}
