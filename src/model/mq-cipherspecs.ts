/**
 * The IBM MQ CipherSpec facts the MQ rules need, in the shape they use, as a
 * thin accessor over the knowledge base (src/knowledge: findCipherSpec,
 * mqServerOrder, findCipherSuite). No CipherSpec table lives here.
 */
import type { MqCipherSpec } from '../knowledge';
import { allCipherSpecs, cipherSpecMatchesAlias, findCipherSpec, findCipherSuite, mqServerOrder } from '../knowledge';

export interface CipherSpecInfo {
  name: string;
  /** IANA two-byte code as MQ prints it, e.g. `009D`. */
  hex: string;
  /** Oracle/OpenJDK JSSE name. */
  iana: string;
  /** IBM JRE JSSE name (`SSL_…` for TLS 1.2). */
  ibmJsse: string;
  protocol: string;
  /** 1-based rank in the queue manager's default order, when enabled by default. */
  defaultRank?: number;
  deprecated: boolean;
  spec: MqCipherSpec;
}

export interface CipherSpecAlias {
  name: string;
  protocols: string[];
  spec: MqCipherSpec;
}

/** A knowledge-base CipherSpec in the shape the MQ rules use. */
export function cipherSpecInfo(s: MqCipherSpec): CipherSpecInfo {
  return {
    name: s.name,
    hex: (s.hex ?? '').toUpperCase(),
    iana: s.oracleJsse ?? s.name,
    ibmJsse: s.ibmJsse ?? s.oracleJsse ?? s.name,
    protocol: s.protocol,
    defaultRank: s.enabledByDefault ? s.defaultOrderRank : undefined,
    deprecated: s.deprecated || !s.enabledByDefault,
    spec: s,
  };
}

/** A concrete MQ CipherSpec by name (case-insensitive), or undefined (unknown name or alias). */
export function mqCipherSpec(name: string): CipherSpecInfo | undefined {
  const s = findCipherSpec(name);
  return s && !s.alias ? cipherSpecInfo(s) : undefined;
}

/** An alias CipherSpec (`ANY_TLS12_OR_HIGHER`) or JMS alias suite (`*TLS12ORHIGHER`). */
export function mqCipherSpecAlias(name: string): CipherSpecAlias | undefined {
  const s = findCipherSpec(name);
  if (!s || !s.alias) return undefined;
  const protocols = ['TLSv1.2', 'TLSv1.3'].filter((p) =>
    cipherSpecMatchesAlias({ ...s, alias: false, minProtocol: p, maxProtocol: p }, s),
  );
  return { name: s.name, protocols, spec: s };
}

/** A Java cipher suite name (Oracle `TLS_…` or IBM `SSL_…`) → the CipherSpec that carries it. */
export function cipherSpecForJavaSuite(name: string): CipherSpecInfo | undefined {
  const key = name.trim().toUpperCase();
  const concrete = allCipherSpecs().filter((s) => !s.alias);
  const direct = concrete.find((s) => s.oracleJsse?.toUpperCase() === key || s.ibmJsse?.toUpperCase() === key);
  if (direct) return cipherSpecInfo(direct);
  const suite = findCipherSuite(key);
  const hex = suite?.code.replace(/0x|,/g, '').toUpperCase();
  const byHex = hex ? concrete.find((s) => s.hex?.toUpperCase() === hex) : undefined;
  return byHex ? cipherSpecInfo(byHex) : undefined;
}

/** The Java name of a CipherSpec in a given naming (IBM `SSL_` or Oracle `TLS_`). */
export function javaSuiteName(spec: CipherSpecInfo, ibmNaming: boolean): string {
  return ibmNaming ? spec.ibmJsse : spec.iana;
}

/** Every enabled CipherSpec an alias allows, in the queue manager's default order. */
export function cipherSpecsForAlias(alias: CipherSpecAlias): CipherSpecInfo[] {
  return mqServerOrder()
    .filter((s) => cipherSpecMatchesAlias(s, alias.spec))
    .map(cipherSpecInfo);
}
