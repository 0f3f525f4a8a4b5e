/**
 * IBM MQ CipherSpec facts the MQ rules need, as a thin accessor over the
 * knowledge base's cipher-suite registry (src/knowledge/data/cipher-suites.json:
 * IANA code, IANA/JSSE name, IBM JSSE name, MQ CipherSpec names).
 *
 * The queue manager's default order (IBM MQ 9.2+, "CipherSpec order in the TLS
 * handshake", ranks 1–17, all enabled by default) is not in that registry yet:
 * it is kept here as the one list of names, to be replaced by the knowledge
 * base's `mqServerOrder()` when it lands. Source: shared/research/mq/report.md §2.
 */
import registry from '../knowledge/data/cipher-suites.json';

interface SuiteRecord {
  code: string;
  iana: string;
  ibm?: string;
  mq?: string[];
  minProtocol: string;
  maxProtocol: string;
}

export interface CipherSpecInfo {
  /** Canonical MQ CipherSpec name (first MQ name in the registry). */
  name: string;
  /** IANA two-byte code as MQ prints it, e.g. `009D`. */
  hex: string;
  iana: string;
  ibmJsse: string;
  protocol: 'TLSv1.3' | 'TLSv1.2' | 'TLSv1.0' | 'SSLv3';
  /** 1-based rank in the queue manager's default order; undefined when not enabled by default (deprecated). */
  defaultRank?: number;
}

export interface CipherSpecAlias {
  name: string;
  /** Protocols the alias allows. */
  protocols: ('TLSv1.2' | 'TLSv1.3')[];
}

const SUITES = (registry as { suites: SuiteRecord[] }).suites;

/** IBM MQ 9.2+ default CipherSpec order (queue manager side, highest preference first). */
const MQ_DEFAULT_ORDER = [
  'TLS_CHACHA20_POLY1305_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_AES_128_GCM_SHA256', 'TLS_AES_128_CCM_SHA256', 'TLS_AES_128_CCM_8_SHA256',
  'TLS_RSA_WITH_AES_256_GCM_SHA384', 'ECDHE_ECDSA_AES_256_GCM_SHA384', 'ECDHE_RSA_AES_256_GCM_SHA384', 'TLS_RSA_WITH_AES_256_CBC_SHA256',
  'ECDHE_ECDSA_AES_256_CBC_SHA384', 'ECDHE_RSA_AES_256_CBC_SHA384', 'TLS_RSA_WITH_AES_128_GCM_SHA256', 'ECDHE_ECDSA_AES_128_GCM_SHA256',
  'ECDHE_RSA_AES_128_GCM_SHA256', 'TLS_RSA_WITH_AES_128_CBC_SHA256', 'ECDHE_ECDSA_AES_128_CBC_SHA256', 'ECDHE_RSA_AES_128_CBC_SHA256',
];

const ALIASES: Record<string, CipherSpecAlias> = {
  ANY: { name: 'ANY', protocols: ['TLSv1.2', 'TLSv1.3'] },
  ANY_TLS12: { name: 'ANY_TLS12', protocols: ['TLSv1.2'] },
  ANY_TLS12_OR_HIGHER: { name: 'ANY_TLS12_OR_HIGHER', protocols: ['TLSv1.2', 'TLSv1.3'] },
  ANY_TLS13: { name: 'ANY_TLS13', protocols: ['TLSv1.3'] },
  ANY_TLS13_OR_HIGHER: { name: 'ANY_TLS13_OR_HIGHER', protocols: ['TLSv1.3'] },
};
/** JMS `SSLCIPHERSUITE` alias spellings → MQ alias CipherSpec. */
const JMS_ALIASES: Record<string, string> = {
  '*ANY': 'ANY', '*TLS12': 'ANY_TLS12', '*TLS12ORHIGHER': 'ANY_TLS12_OR_HIGHER', '*TLS13': 'ANY_TLS13', '*TLS13ORHIGHER': 'ANY_TLS13_OR_HIGHER',
};

const byMqName = new Map<string, SuiteRecord>();
const byJavaName = new Map<string, SuiteRecord>();
for (const s of SUITES) {
  for (const n of s.mq ?? []) if (!byMqName.has(n)) byMqName.set(n, s);
  byJavaName.set(s.iana, s);
  if (s.ibm) byJavaName.set(s.ibm, s);
}

function info(s: SuiteRecord): CipherSpecInfo {
  const name = (s.mq ?? [s.iana])[0];
  const rank = MQ_DEFAULT_ORDER.indexOf(name);
  const protocol = s.minProtocol === 'TLSv1.3' ? 'TLSv1.3' : s.minProtocol === 'SSLv3' && !s.mq?.some((n) => n.startsWith('TLS_') || n.startsWith('ECDHE_')) ? 'SSLv3' : s.minProtocol === 'TLSv1.2' ? 'TLSv1.2' : 'TLSv1.0';
  return { name, hex: s.code.replace(/0x|,/g, ''), iana: s.iana, ibmJsse: s.ibm ?? s.iana, protocol, defaultRank: rank >= 0 ? rank + 1 : undefined };
}

/** An MQ CipherSpec by name (case-insensitive), or undefined (unknown name or alias). */
export function mqCipherSpec(name: string): CipherSpecInfo | undefined {
  const s = byMqName.get(name.trim().toUpperCase());
  return s ? info(s) : undefined;
}

export function mqCipherSpecAlias(name: string): CipherSpecAlias | undefined {
  const n = name.trim().toUpperCase();
  return ALIASES[n] ?? (JMS_ALIASES[n] ? ALIASES[JMS_ALIASES[n]] : undefined);
}

/** A Java cipher suite name (Oracle `TLS_…` or IBM `SSL_…`) → the CipherSpec that carries it. */
export function cipherSpecForJavaSuite(name: string): CipherSpecInfo | undefined {
  const s = byJavaName.get(name.trim().toUpperCase());
  return s ? info(s) : undefined;
}

/** The Java name of a suite in a given naming (IBM `SSL_` or Oracle `TLS_`). */
export function javaSuiteName(spec: CipherSpecInfo, ibmNaming: boolean): string {
  return ibmNaming && spec.protocol !== 'TLSv1.3' ? spec.ibmJsse : spec.iana;
}

/**
 * The queue manager's ordered, enabled CipherSpecs: the `AllowedCipherSpecs`
 * list when set (names in its order; `ALL` = the default order), else the default order.
 */
export function mqServerOrder(allowed?: string): CipherSpecInfo[] {
  const names = !allowed || allowed.trim().toUpperCase() === 'ALL' ? MQ_DEFAULT_ORDER : allowed.split(/[\s,]+/).filter(Boolean);
  return names.map((n) => mqCipherSpec(n)).filter((x): x is CipherSpecInfo => x !== undefined);
}

/** Every enabled CipherSpec an alias allows, in the default order. */
export function cipherSpecsForAlias(alias: CipherSpecAlias): CipherSpecInfo[] {
  return mqServerOrder().filter((s) => (alias.protocols as string[]).includes(s.protocol));
}
