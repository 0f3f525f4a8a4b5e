import type { TreeCertificate } from '../../model/mq-certs';
import type { DerivedDeployment } from '../../derive/types';
import type { Component, JavaRuntime } from '../../model/types';
import { formatJdk, jdkProfile, parseJavaVersion, splitAlgorithmList } from '../../knowledge';
import { runtimeSources, withSources } from '../_lib/sources';
import { defineRule } from '../types';
import {
  certificateReference,
  displayPath,
  javaRuntimeOf,
  presentedCertificates,
  resolvedLinks,
} from './_lib/presented';
import { certName } from './_lib/shared';
import type { RunMemo } from '../../core/run-memo';
import { said } from '../../core/phrase';

/**
 * The JDK's certpath constraints for a runtime: a java.security in the tree, else the version default.
 * The lists are pure in the JDK and the override's value, the same in every environment of a fleet: asked
 * once per run (`memo`); only where the override is set differs.
 */
function certpathConstraints(
  runtime: JavaRuntime,
  memo: RunMemo,
): { entries: string[]; jdk: string; from: string } | undefined {
  const override = runtime.securityProperties['jdk.certpath.disabledAlgorithms'];
  const constraints = memo.get(
    'cert/signature-disabled-by-runtime',
    `${runtime.vendor.value}\u0000${runtime.version.value}\u0000${override ? `=${override.value}` : ''}`,
    () => constraintsOf(runtime.vendor.value, runtime.version.value, override?.value),
  );
  if (!constraints || !override) return constraints;
  const where = override.from.kind === 'file' ? `set in ${override.from.location.file}` : 'set by configuration';
  return { ...constraints, from: where };
}

function constraintsOf(
  vendor: JavaRuntime['vendor']['value'],
  versionText: string,
  override: string | undefined,
): { entries: string[]; jdk: string; from: string } | undefined {
  const version = parseJavaVersion(versionText);
  const jdk = version ? formatJdk(vendor, version) : `${vendor} ${versionText}`.trim();
  if (override !== undefined) return { entries: splitAlgorithmList(override), jdk, from: '' };
  const profile = version ? jdkProfile(vendor, version) : undefined;
  if (!profile) return undefined;
  const fact = profile.certpathDisabledAlgorithms;
  return { entries: fact.value, jdk, from: `the ${jdk} default${fact.confidence === 'inferred' ? ' (inferred)' : ''}` };
}

/** SunJSSE's AlgorithmDecomposer for a signature algorithm: `SHA1withRSA` → SHA1withRSA, SHA1, SHA-1, RSA. */
function signatureParts(algorithm: string): string[] {
  const parts = [algorithm];
  const m = /^(\w+?)with(\w+?)(?:and\w+)?$/i.exec(algorithm);
  if (m) {
    const digest = m[1]!.toUpperCase();
    parts.push(digest, m[2]!);
    const sha = /^SHA-?(\d+)$/.exec(digest);
    if (sha) parts.push(sha[1] === '1' ? 'SHA-1' : `SHA-${sha[1]}`, `SHA${sha[1]}`);
    if (/^ECDSA$/i.test(m[2]!)) parts.push('EC');
  }
  return parts.map((p) => p.toUpperCase());
}

const KEY_SIZE = /^keySize\s*(<=|<|==|!=|>=|>)\s*(\d+)$/i;

function compare(op: string, actual: number, limit: number): boolean {
  return op === '<'
    ? actual < limit
    : op === '<='
      ? actual <= limit
      : op === '=='
        ? actual === limit
        : op === '!='
          ? actual !== limit
          : op === '>='
            ? actual >= limit
            : actual > limit;
}

export type Violation =
  | { kind: 'signature'; entry: string; algorithm: string }
  | { kind: 'key'; entry: string; algorithm: string; bits: number };

/**
 * The first disabledAlgorithms entry that rejects this certificate when validated as `usage`
 * (`TLSServer` when a client checks a server, `TLSClient` for client certificates). `jdkCA` entries
 * only bite on chains anchored in the JDK's cacerts: the tree cannot show that, so they are not applied.
 * The signature of a self-signed certificate is not checked (it is the trust anchor).
 */
export function violation(
  c: TreeCertificate,
  entries: string[],
  usage: 'TLSServer' | 'TLSClient',
  now = new Date(),
): Violation | undefined {
  const sigParts = signatureParts(c.cert.signatureAlgorithm);
  for (const raw of entries) {
    const [head = '', ...constraints] = raw.split('&').map((s) => s.trim()); // split gives at least one part
    if (/^include\s/i.test(head)) continue;
    const [algorithm = '', ...rest] = head.split(/\s+/);
    const all = [rest.join(' '), ...constraints].filter(Boolean);
    let keySize: RegExpExecArray | undefined;
    let applies = true;
    for (const constraint of all) {
      const size = KEY_SIZE.exec(constraint);
      if (size) keySize = size;
      else if (/^jdkCA$/i.test(constraint)) applies = false;
      else if (/^usage\s/i.test(constraint))
        applies &&= constraint
          .split(/\s+/)
          .slice(1)
          .some((u) => u.toLowerCase() === usage.toLowerCase());
      else if (/^denyAfter\s/i.test(constraint)) applies &&= now > new Date(constraint.split(/\s+/)[1] ?? '');
      else applies = false; // unknown constraint: do not guess
    }
    if (!applies) continue;
    const name = algorithm.toUpperCase();
    if (keySize) {
      const type = c.cert.keyType === 'EC' ? ['EC', 'ECDSA'] : [c.cert.keyType];
      if (c.cert.keyBits && type.includes(name) && compare(keySize[1]!, c.cert.keyBits, Number(keySize[2])))
        return { kind: 'key', entry: raw, algorithm: c.cert.keyType, bits: c.cert.keyBits };
      continue;
    }
    if (!c.cert.selfSigned && sigParts.includes(name))
      return { kind: 'signature', entry: raw, algorithm: c.cert.signatureAlgorithm };
  }
  return undefined;
}

interface Check {
  presenter: Component;
  validator: Component;
  usage: 'TLSServer' | 'TLSClient';
}

function checksFor(deployment: DerivedDeployment): Check[] {
  const checks: Check[] = [];
  for (const { client, server } of resolvedLinks(deployment)) {
    checks.push({ presenter: server, validator: client, usage: 'TLSServer' });
    const auth = server.tls?.clientAuth?.value;
    if (auth === 'required' || auth === 'optional')
      checks.push({ presenter: client, validator: server, usage: 'TLSClient' });
  }
  return checks;
}

const SYMPTOMS =
  "'java.security.cert.CertPathValidatorException: Algorithm constraints check failed on {{what}}' (javax.net.ssl.SSLHandshakeException: PKIX path validation failed; older JDKs: 'Certificates do not conform to algorithm constraints')";

export default defineRule({
  meta: {
    id: 'cert/signature-disabled-by-runtime',
    description:
      "Report certificates whose signature algorithm or key size the validating peer's JDK disables in jdk.certpath.disabledAlgorithms",
    severity: 'error',
    messages: {
      signature: `{{dn}} presented by {{presenter}} is signed with {{algorithm}}, which {{jdk}} on {{validator}} disables for certificate paths (jdk.certpath.disabledAlgorithms entry '{{entry}}', {{from}}): the handshake fails with ${SYMPTOMS}. Re-issue the certificate signed with SHA256withRSA (or stronger)`,
      key: `{{dn}} presented by {{presenter}} has a {{bits}}-bit {{algorithm}} key, which {{jdk}} on {{validator}} disables for certificate paths (jdk.certpath.disabledAlgorithms entry '{{entry}}', {{from}}): the handshake fails with ${SYMPTOMS}. Re-issue the certificate with a 2048-bit (or larger) key`,
    },
    defaultOptions: {},
    symptoms: [
      'Algorithm constraints check failed on signature algorithm',
      'Algorithm constraints check failed on keysize limits',
      'Certificates do not conform to algorithm constraints',
      'CertPathValidatorException',
    ],
  },
  check(ctx) {
    const seen = new Set<string>();
    for (const { presenter, validator, usage } of checksFor(ctx.deployment)) {
      const runtime = javaRuntimeOf(ctx.deployment, validator);
      if (!runtime) continue;
      const constraints = certpathConstraints(runtime, ctx.memo);
      if (!constraints) continue;
      for (const c of presentedCertificates(ctx.deployment, presenter)) {
        const found = violation(c, constraints.entries, usage);
        if (!found) continue;
        const key = `${c.cert.fingerprintSha256}|${validator.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const from = constraints.from.startsWith('set in ')
          ? `set in ${displayPath(ctx.cwd, constraints.from.slice(7))}`
          : constraints.from;
        ctx.report({
          messageId: found.kind,
          data: {
            dn: certName(c),
            presenter: presenter.name,
            validator: validator.name,
            jdk: constraints.jdk,
            entry: found.entry,
            from,
            algorithm: found.algorithm,
            what:
              found.kind === 'signature'
                ? said`signature algorithm: ${found.algorithm}`
                : said`keysize limits: ${found.algorithm} ${found.kind === 'key' ? found.bits : ''} bit key`,
            ...(found.kind === 'key' ? { bits: found.bits } : {}),
          },
          location: { file: c.doc.file.path, range: c.cert.range },
          related: withSources(
            { file: c.doc.file.path },
            [
              { ...certificateReference(presenter), message: said`${presenter.name} presents this certificate` },
              { ...validator.location, message: said`${validator.name} validates it with ${constraints.jdk}` },
            ],
            runtimeSources(runtime, validator.name, ['jdk.certpath.disabledAlgorithms']),
          ),
          fingerprint: [c.cert.fingerprintSha256, validator.id, found.entry],
        });
      }
    }
  },
});
