import type { Node } from 'yaml';
import type { LineIndex } from './text';
import type { ParseProblem } from './types';

/**
 * YAML as Spring Boot's reader reads it, where that differs from YAML 1.2's core schema: plain scalars, and keys set
 * twice (below). A plain (unquoted) YAML scalar as Spring Boot reads it: Spring Boot loads `application.yml` with SnakeYAML, a
 * YAML 1.1 reader, whose implicit resolvers type plain scalars that YAML 1.2's core schema (the yaml library's
 * default) leaves as strings or reads otherwise: `on`/`off`/`yes`/`no` are booleans, `0123` is octal (83),
 * `0b101`, `0x_1f`, `1_000` and base-60 `1:30` (90) are integers, `1e3` is the double 1000.0. Spring binds the
 * constructed value, so `server.ssl.enabled: off` is `false` and `key-store-password: 0123` is the password `83`.
 *
 * Patterns: org.yaml.snakeyaml.resolver.Resolver of SnakeYAML 1.33 (Debian's libyaml-snake-java), read from the jar
 * with `javap -constants`; Spring Boot's OriginTrackedYamlLoader takes the timestamp resolver out (its LimitedResolver:
 * spring-projects/spring-boot spring-boot-project/spring-boot/src/main/java/org/springframework/boot/env/
 * OriginTrackedYamlLoader.java), so a date stays text. Values as SnakeYAML 1.33 constructs them and Java prints
 * them were checked on this machine (test/parse/yaml-snake.test.ts holds them).
 */
const BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const INT =
  /^(?:[-+]?0b_*[0-1][0-1_]*|[-+]?0_*[0-7][0-7_]*|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x_*[0-9a-fA-F][0-9a-fA-F_]*|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|[-+]?\.[0-9_]+(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const NULL = /^(?:~|null|Null|NULL| |)$/;

/** The text Spring binds for a plain scalar written as `source` ('' for null). */
export function snakeYamlPlain(source: string): string {
  if (BOOL.test(source)) return /^(?:y|t|on)/i.test(source) ? 'true' : 'false';
  if (INT.test(source)) return javaInteger(source);
  if (FLOAT.test(source)) return javaDouble(source);
  if (NULL.test(source)) return '';
  return source;
}

/** SafeConstructor.ConstructYamlInt, printed as Java prints an Integer, Long or BigInteger. */
function javaInteger(source: string): string {
  let text = source.replace(/_/g, '');
  let sign = 1n;
  if (text.startsWith('-') || text.startsWith('+')) {
    if (text.startsWith('-')) sign = -1n;
    text = text.slice(1);
  }
  let value: bigint;
  if (text.includes(':')) value = text.split(':').reduce((sum, digits) => sum * 60n + BigInt(digits), 0n);
  else if (text.startsWith('0b')) value = BigInt(text);
  else if (text.startsWith('0x')) value = BigInt(text);
  else if (text.length > 1 && text.startsWith('0')) value = BigInt(`0o${text.slice(1)}`);
  else value = BigInt(text);
  return String(sign * value);
}

/** SafeConstructor.ConstructYamlFloat, printed as Java's Double.toString. */
function javaDouble(source: string): string {
  const text = source.replace(/_/g, '');
  const sign = text.startsWith('-') ? -1 : 1;
  const unsigned = text.replace(/^[-+]/, '');
  let value: number;
  if (/^\.inf$/i.test(unsigned)) value = sign * Infinity;
  else if (/^\.nan$/i.test(unsigned)) value = NaN;
  else if (unsigned.includes(':')) value = sign * unsigned.split(':').reduce((sum, part) => sum * 60 + Number(part), 0);
  else value = Number(text);
  return doubleToString(value);
}

/**
 * Java's Double.toString: a decimal with at least one fraction digit from 10^-3 to 10^7, else `d.dddE±n`. The digits
 * are the shortest that identify the double (JDK 19 and later; earlier JDKs print a longer form for a few values).
 */
function doubleToString(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    const plain = String(value);
    return plain.includes('.') ? plain : `${plain}.0`;
  }
  const [mantissa = '', exponent = '0'] = value.toExponential().split('e');
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${Number(exponent)}`;
}

/**
 * Keys set twice in one mapping. Spring Boot's YAML loader refuses them (OriginTrackedYamlLoader sets SnakeYAML's
 * allowDuplicateKeys to false): the app stops at start with DuplicateKeyException "found duplicate key"
 * (hapifhir/hapi-fhir-jpaserver-starter#148, kafbat/kafka-ui#1085), whichever value a reader might keep.
 */
export function duplicateKeys(
  node: Node | null,
  lib: typeof import('yaml'),
  index: LineIndex,
  problems: ParseProblem[],
): void {
  if (lib.isSeq(node)) for (const item of node.items) duplicateKeys(item as Node | null, lib, index, problems);
  if (!lib.isMap(node)) return;
  const seen = new Map<string, number>();
  for (const pair of node.items) {
    if (!lib.isPair(pair)) continue;
    const key = pair.key;
    if (lib.isScalar(key) && key.range) {
      const name = String(key.value);
      const first = seen.get(name);
      if (first === undefined) seen.set(name, key.range[0]);
      else
        problems.push({
          code: 'duplicate-key',
          severity: 'error',
          message: `Duplicate key '{{key}}' (first set on line {{first}}): Spring Boot refuses the file (DuplicateKeyException) and the app does not start`,
          data: { key: name },
          lines: { first: index.rangeAt(first, first).start },
          range: index.rangeAt(key.range[0], key.range[1]),
        });
    }
    duplicateKeys(pair.value as Node | null, lib, index, problems);
  }
}
