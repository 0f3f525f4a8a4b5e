import { normaliseProtocol, protocolRank, protocolsBetween } from './ciphers';
import type { MqCipherSpec, MqReasonCode } from './types';
import { lazy } from '../core/lazy';
import { splitImageReference } from './jdk-locations';
import { compareMqReleases } from './mq-releases';

/**
 * An image reference's repository and tag, lower-cased, with Docker Hub's registry host left out: `docker.io/ibmcom/mq`
 * is `ibmcom/mq` (https://docs.docker.com/reference/cli/docker/image/tag/: a reference without a host names Docker Hub,
 * `docker.io`; `registry-1.docker.io` and `index.docker.io` are its older names).
 */
function mqImageName(reference: string): { name: string; tag: string } {
  const { name, tag } = splitImageReference(reference.trim().toLowerCase());
  return { name: name.replace(/^(?:index\.|registry-1\.)?docker\.io\//, ''), tag };
}

type MqData = typeof import('./data/mq.json');
/**
 * The IBM MQ facts (data/mq.json, 86 KB), read on first use: a run whose tree holds no MQ file never loads them
 * (the bundle keeps them in a chunk of their own, scripts/build.mjs; start-up: docs/performance.md).
 */
const mqData = lazy(() => require('./data/mq.json') as MqData);
const specs = (): MqCipherSpec[] => mqData().cipherSpecs as MqCipherSpec[];

/** A CipherSpec by name (any case), by JMS alias (`ECDHE_RSA_AES_128_GCM_AEAD`) or JMS alias suite (`*TLS12`). */
export function findCipherSpec(name: string): MqCipherSpec | undefined {
  const key = name.trim().toUpperCase();
  const all = specs();
  return (
    all.find((s) => s.name === key) ??
    all.find((s) => s.aliases?.some((a) => a.toUpperCase() === key)) ??
    all.find((s) => s.alias && s.ibmJsse?.toUpperCase() === key)
  );
}

export function allCipherSpecs(): readonly MqCipherSpec[] {
  return specs();
}

/**
 * The queue manager's server-side CipherSpec preference order. Without `allowed` (qm.ini SSL:
 * AllowedCipherSpecs / AMQ_ALLOWED_CIPHERS): the enabled-by-default specs by rank (TLS 1.3 first).
 * With a list: those specs, in the list's order, TLS 1.3 ahead of TLS 1.2 (IBM: "it will still prioritize
 * TLS 1.3"); `ALL` enables every non-alias spec, deprecated ones included. Unknown names are dropped.
 */
export function mqServerOrder(allowedSetting?: string[] | string): MqCipherSpec[] {
  // The default order is asked for every MQ server end of every deployment: worked out once, copied out.
  if (allowedSetting === undefined) return [...(defaultServerOrder ??= serverOrder(undefined))];
  return serverOrder(allowedSetting);
}

let defaultServerOrder: MqCipherSpec[] | undefined;
let enabledProtocols: string[] | undefined;

function serverOrder(allowedSetting: string[] | string | undefined): MqCipherSpec[] {
  // AllowedCipherSpecs as written in qm.ini / AMQ_ALLOWED_CIPHERS: names separated by commas or blanks.
  const allowed = typeof allowedSetting === 'string' ? allowedSetting.split(/[\s,]+/).filter(Boolean) : allowedSetting;
  const concrete = specs().filter((s) => !s.alias);
  let chosen: MqCipherSpec[];
  if (!allowed || allowed.length === 0) {
    chosen = concrete
      .filter((s) => s.enabledByDefault)
      .sort((a, b) => (a.defaultOrderRank ?? 999) - (b.defaultOrderRank ?? 999));
  } else if (allowed.some((a) => a.trim().toUpperCase() === 'ALL')) {
    chosen = [...concrete].sort((a, b) => (a.defaultOrderRank ?? 999) - (b.defaultOrderRank ?? 999));
  } else {
    chosen = allowed.flatMap((a) => {
      const spec = findCipherSpec(a);
      return spec && !spec.alias ? [spec] : [];
    });
    chosen = chosen.filter((s, i) => chosen.indexOf(s) === i);
  }
  const tls13 = chosen.filter((s) => s.protocol === 'TLSv1.3');
  return [...tls13, ...chosen.filter((s) => s.protocol !== 'TLSv1.3')];
}

/**
 * The protocols a GSKit end (a queue manager, an MQ C client) enables when nothing restricts them: those of its
 * enabled CipherSpecs (mq.json `enabledByDefault`, each with its source), lowest first. With the IBM MQ 9.3/9.4 facts:
 * TLS 1.2 and TLS 1.3; the TLS 1.0 CipherSpecs are deprecated and disabled unless re-enabled.
 */
export function mqEnabledProtocols(): string[] {
  enabledProtocols ??= [...new Set(mqServerOrder().map((s) => normaliseProtocol(s.protocol)))].sort(
    (a, b) => protocolRank(a) - protocolRank(b),
  );
  return [...enabledProtocols];
}

/** True when a concrete spec falls inside an alias spec's protocol range. */
export function cipherSpecMatchesAlias(spec: MqCipherSpec, alias: MqCipherSpec): boolean {
  const rank = protocolRank(normaliseProtocol(spec.minProtocol));
  return rank >= protocolRank(alias.minProtocol) && rank <= protocolRank(alias.maxProtocol);
}

/** An MQ reason code (2393, '2397', 'MQRC_JSSE_ERROR') or message id (AMQ9631, CSQX620E, 'AMQ9620'). */
export function mqReasonCode(
  code: string | number,
): { code: string; name: string; message: string; source: string } | undefined {
  const key = String(code).trim().toUpperCase();
  const reasons = mqData().reasonCodes as (MqReasonCode & { confidence: string })[];
  const hit =
    reasons.find((r) => r.code === key || r.name === key) ??
    reasons.find((r) => r.code.replace(/[EWI]$/, '') === key.replace(/[EWI]$/, ''));
  return hit ? { code: hit.code, name: hit.name, message: hit.message, source: hit.source } : undefined;
}

/**
 * The JSSE cipher suite IBM MQ classes for Java/JMS use for a CipherSpec: IBM JRE names (`SSL_…`) when
 * com.ibm.mq.cfg.useIBMCipherMappings is true (its default), Oracle/OpenJDK names when false. Alias
 * CipherSpecs map to `*TLS12`-style alias suites. Undefined when the spec has no mapping on that JRE.
 */
export function jmsSuiteForCipherSpec(spec: string, useIBMCipherMappings: boolean): string | undefined {
  const found = findCipherSpec(spec);
  if (!found) return undefined;
  return useIBMCipherMappings ? found.ibmJsse : found.oracleJsse;
}

/**
 * The protocols IBM MQ classes for JMS/Java enable for an alias CipherSuite (`*ANY`, `*TLS12ORHIGHER`, or the alias
 * CipherSpec's name): the alias's protocol range from its JMS minimum (`*ANY`: TLS 1.2, where a queue manager's or
 * C client's ANY goes down to TLS 1.0), highest first. The client sets them itself: the JRE's default protocols do
 * not apply. Undefined for a name that is no alias.
 */
export function jmsAliasProtocols(name: string): { alias: string; protocols: string[]; source: string } | undefined {
  const spec = findCipherSpec(name);
  if (!spec?.alias) return undefined;
  const min = spec.jmsMinProtocol ?? spec.minProtocol;
  return {
    alias: spec.name,
    protocols: protocolsBetween(min, spec.maxProtocol).reverse(),
    source: spec.jmsMinProtocolSource ?? spec.source,
  };
}

/** A channel's TLS defaults when MQSC leaves them out (SSLCIPH blank, SSLCAUTH REQUIRED, the queue manager orders CipherSpecs). */
export function mqChannelDefaults(): MqData['channelDefaults'] {
  return mqData().channelDefaults;
}

/**
 * Where a queue manager's key repository is when its SSLKEYR names none: the default of its data directory, and the
 * directory of trusted certificates IBM MQ's container image builds its own from (mq.json queueManagerKeyRepository).
 */
export function mqQueueManagerKeyRepository(): MqData['queueManagerKeyRepository'] {
  return mqData().queueManagerKeyRepository;
}

/**
 * Whether an image is one of ibm-messaging/mq-container's, which builds the queue manager's key repository from the
 * PEM files in its key and trust directories (mq.json queueManagerKeyRepository containerImages).
 */
export function isMqContainerImage(reference: string): boolean {
  const { name } = mqImageName(reference);
  const images = mqData().queueManagerKeyRepository.containerImages;
  return images.repositories.includes(name) || images.names.includes(name.slice(name.lastIndexOf('/') + 1));
}

/** An MQSC file a product applies only under a condition the tree does not settle (mq.json conditionalScripts). */
export interface ConditionalScript {
  /** The file name, as the product's layout names it. */
  file: string;
  appliedWhen: string;
  notAppliedWhen: string;
  what: string;
  source: string;
}

/** The conditional script this file is (by its name, as the product names it), if any. */
export function conditionalScriptFor(fileName: string): ConditionalScript | undefined {
  return mqData().conditionalScripts.find((c) => c.file === fileName);
}

/** An MQSC file an IBM MQ container image applies itself beside the user's `/etc/mqm/*.mqsc` (mq.json imageScripts). */
export interface MqImageScript {
  /** Its name in `directory`: it is applied in name order with the user's files there. */
  file: string;
  directory: string;
  repositories: string[];
  what: string;
  /** The licence of the images that apply it: IBM MQ Advanced for Developers (development only) for 10-dev.mqsc. */
  licence?: { what: string; source: string };
  /** The container variable that switches it on (`MQ_DEV=true`), its value when the container does not set it, and the key directory the TLS script needs. */
  appliedWhen: { variable: string; value: string; imageDefault: string; keyDirectory?: string; source: string };
  /** The release from which its records are as listed. */
  since: string;
  sinceSource: string;
  /** Go template placeholders of its records and how the image fills them in. */
  placeholders: {
    name: string;
    required: string;
    requiredFrom: string;
    requiredWhenSet: string;
    otherwise: string;
    source: string;
  }[];
  source: string;
  /** Its MQSC commands, each with its line in `source`. */
  records: { line: number; text: string }[];
}

/** The MQSC files the image (any tag) applies itself with the user's MQSC files, in name order (mq.json imageScripts). */
export function mqImageScripts(reference: string): readonly MqImageScript[] {
  const { name } = mqImageName(reference);
  return (mqData().imageScripts as MqImageScript[]).filter((s) => s.repositories.includes(name));
}

/** A channel an IBM MQ container image's own script defines (`DEFINE CHANNEL('DEV.APP.SVRCONN')` of 10-dev.mqsc). */
export interface MqImageChannel {
  channel: string;
  script: MqImageScript;
  /** Its record's line in the script's source. */
  line: number;
}

/** The channels the image's own scripts define (mq.json imageScripts records), whatever its tag. */
export function mqImageChannels(reference: string): MqImageChannel[] {
  return mqImageScripts(reference).flatMap((script) =>
    script.records.flatMap((r) => {
      const defined = /^DEFINE\s+CHANNEL\s*\(\s*'?([^')\s]+)'?\s*\)/i.exec(r.text);
      return defined ? [{ channel: defined[1]!, script, line: r.line }] : [];
    }),
  );
}

/**
 * The script's MQSC lines as the image writes them for a container of `release` (undefined when the tag names none)
 * whose environment sets (true), does not set (false) or may set (undefined) a variable: each placeholder filled in
 * when the facts decide it, else left as written (a value the rules do not judge). Undefined for a release before the
 * one the records are listed from.
 */
export function renderedMqImageScript(
  script: MqImageScript,
  release: string | undefined,
  isSet: (variable: string) => boolean | undefined,
): { line: number; text: string }[] | undefined {
  if (release !== undefined && compareMqReleases(release, script.since) < 0) return undefined;
  const value = (p: MqImageScript['placeholders'][number]): string | undefined => {
    if (release !== undefined && compareMqReleases(release, p.requiredFrom) >= 0) return 'REQUIRED';
    const set = isSet(p.requiredWhenSet);
    if (set === true) return 'REQUIRED';
    return set === false && release !== undefined ? p.otherwise : undefined;
  };
  return script.records.map((r) => {
    let text = r.text;
    for (const p of script.placeholders) {
      const filled = value(p);
      if (filled !== undefined) text = text.replace(new RegExp(`\\{\\{\\s*\\.${p.name}\\s*\\}\\}`, 'g'), filled);
    }
    return { line: r.line, text };
  });
}

/**
 * What an IBM MQ end (GSKit: a queue manager's channel, an MQ C client) writes to its error log (AMQERR01.LOG) when a
 * TLS handshake fails for `failure` (a reason of the handshake predictor) on its `side`; undefined when no source
 * says (mq.json handshakeLogs).
 */
export function mqHandshakeLog(failure: string, side: 'client' | 'server'): string | undefined {
  return mqData().handshakeLogs.find((l) => l.failure === failure && l.side === side)?.log;
}

/**
 * The IBM MQ release a container image runs, from its tag (`icr.io/ibm-messaging/mq:9.4.0.17-r1` → 9.4.0.17), for the
 * repositories mq.json `images` lists; undefined for another image or a tag that names no release (`latest`).
 */
/** Whether an image reference names a repository of IBM MQ queue manager images (mq.json images), whatever its tag. */
export function isMqImage(reference: string): boolean {
  const { name } = mqImageName(reference);
  return mqData().images.some((i) => i.repository === name);
}

/** A queue manager switch that re-enables a family of deprecated CipherSpecs: its qm.ini attribute and environment variable. */
interface MqReenablingSwitch {
  qmIni: string;
  environment: string;
  source: string;
  confidence: 'verified' | 'inferred';
}

/** The queue manager's re-enabling switches (mq.json reenablingSwitches). */
export function mqReenablingSwitches(): readonly MqReenablingSwitch[] {
  return mqData().reenablingSwitches as MqReenablingSwitch[];
}

export function mqReleaseFromImage(reference: string): { release: string; source: string } | undefined {
  const { name, tag } = mqImageName(reference);
  const image = mqData().images.find((i) => i.repository === name);
  const release = image ? /^(\d+\.\d+\.\d+(?:\.\d+)?)(?:-|$)/.exec(tag)?.[1] : undefined;
  return image && release ? { release, source: image.source } : undefined;
}

/**
 * The IBM MQ release a QueueManager resource of the IBM MQ Operator runs, from its `spec.version` (`9.3.0.0-r2` →
 * 9.3.0.0; mq.json operatorVersion); undefined for another resource or a value that names no release (a template).
 */
export function mqReleaseFromOperatorVersion(
  apiVersion: unknown,
  version: unknown,
): { release: string; field: string; source: string } | undefined {
  const spec = mqData().operatorVersion;
  if (!sameApiGroup(apiVersion, spec.apiVersion)) return undefined;
  const release =
    typeof version === 'string' ? /^(\d+\.\d+\.\d+\.\d+)(?:-r\d+)?$/.exec(version.trim())?.[1] : undefined;
  return release ? { release, field: spec.field, source: spec.source } : undefined;
}

/**
 * The licence a QueueManager resource of the IBM MQ Operator selects when it is IBM MQ Advanced for Developers
 * (development use only: mq.json operatorDeveloperLicence, `spec.license.use: Development`); undefined for another
 * resource, another use (`NonProduction` is a real shared test environment) or a value a template fills in.
 */
export function mqOperatorDeveloperLicence(
  apiVersion: unknown,
  use: unknown,
): { what: string; field: string; source: string } | undefined {
  const spec = mqData().operatorDeveloperLicence;
  return sameApiGroup(apiVersion, spec.apiVersion) && typeof use === 'string' && use.trim() === spec.value
    ? { what: spec.what, field: spec.field, source: spec.source }
    : undefined;
}

/** A resource's apiVersion of the group the facts name (any version of `mq.ibm.com`). */
const sameApiGroup = (apiVersion: unknown, known: string): boolean =>
  typeof apiVersion === 'string' && apiVersion.split('/')[0] === known.split('/')[0];

/**
 * Whether IBM documents the CipherSpec order a queue manager of this release picks from (channelDefaults.serverOrdersCipherSpecs:
 * the order table holds "from" its `since`); before it, which common CipherSpec the queue manager picks is not documented.
 */
export function mqReleaseOrderDocumented(release: string): boolean {
  return compareMqReleases(release, mqChannelDefaults().serverOrdersCipherSpecs.since) >= 0;
}

/** Whether a queue manager of this release speaks TLS 1.3 by default (channelDefaults.tls13: from its `since`). */
export function mqReleaseSpeaksTls13(release: string): boolean {
  const parts = (v: string) => v.split('.').map(Number);
  const [have, since] = [parts(release), parts(mqChannelDefaults().tls13.since)];
  for (let i = 0; i < Math.max(have.length, since.length); i++) {
    const d = (have[i] ?? 0) - (since[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}
