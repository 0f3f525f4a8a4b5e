/**
 * Whether the lint can tell which certificates a `bind … ssl` line loads. HAProxy refuses a bind with ssl and no
 * certificate (src/ssl_sock.c ssl_sock_prepare_bind_conf, 2.0 to 3.3: "no SSL certificate specified for bind"), but
 * only what the line certainly says may decide that: a line HAProxy reads only under a `.if` condition, a word that
 * is a placeholder or a template expression (`"${SSL_OPTS[*]}"` expands to several words), or an `ech` directory
 * (HAProxy 3.3 accepts a bind with ECH keys and no crt) leave it open.
 */
import type { Location } from '../core/types';
import type { HaproxyLine, HaproxySection } from '../parse/haproxy';
import { optionLocation, type HaproxyOption } from './haproxy-tls';

/** A template statement (`{% if %}`, `{{- … }}`): what the line holds is decided when the template is rendered. */
const TEMPLATE = /\{%|%\}|\{\{|\}\}|\$\{|%\{/;

export interface BindCertificateSources {
  /** `crt` and `default-crt` (HAProxy 3.0+) options of the line. */
  crt: HaproxyOption[];
  crtList: HaproxyOption[];
  /** `strict-sni`: without a certificate HAProxy starts, and every handshake fails. */
  strictSni: boolean;
  /** Why the certificates the bind loads are not known from the line, and where. */
  unknown?: { why: string; at: Location };
}

export function bindCertificateSources(
  section: HaproxySection,
  line: HaproxyLine,
  own: readonly HaproxyOption[],
  file: string,
): BindCertificateSources {
  const crt = own.filter((o) => o.keyword.value === 'crt' || o.keyword.value === 'default-crt');
  const crtList = own.filter((o) => o.keyword.value === 'crt-list');
  const strictSni = own.some((o) => o.keyword.value === 'strict-sni');
  const out: BindCertificateSources = { crt, crtList, strictSni };
  const lineAt: Location = { file, range: line.range };
  if (section.head.conditional || line.conditional) out.unknown = { why: 'read under a .if condition', at: lineAt };
  const placeholder = line.args.find((w) => TEMPLATE.test(w.value));
  if (placeholder) out.unknown = { why: 'a word is a placeholder', at: { file, range: placeholder.range } };
  const ech = own.find((o) => o.keyword.value === 'ech');
  if (ech) out.unknown = { why: 'ech keys may serve it', at: optionLocation(ech) };
  return out;
}
