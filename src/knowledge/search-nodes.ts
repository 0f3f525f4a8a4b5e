/**
 * Elasticsearch's and OpenSearch's node TLS facts (data/search-nodes.json): which file kind is each product's, the
 * official image and the configuration directory it reads, which environment variables its entrypoint passes as
 * settings, each TLS layer's setting prefix and whether it is on when unset, the setting that turns security off, and
 * the message a node that enables a layer without key material fails to start with, and (Elasticsearch) the start-up
 * check that requires transport TLS once security is on.
 */
import { lazy } from '../core/lazy';

type SearchNodesData = typeof import('./data/search-nodes.json');

export type SearchProduct = 'Elasticsearch' | 'OpenSearch';
export type SearchLayer = 'http' | 'transport';

export interface SearchProductFacts {
  product: SearchProduct;
  kind: string;
  configFile: string;
  image: RegExp;
  imageConfigDir: string;
  environmentSettings: RegExp;
  layers: Record<SearchLayer, { prefix: string; enabledDefault: boolean }>;
  securityOff: { setting: string; value: string };
  noKeyMaterial: { messages: Record<SearchLayer, string>; source: string };
  transportTlsRequired?: TransportTlsRequirement;
  environmentStart: EnvironmentStart;
}

/**
 * Which starts of the official image's container pass the environment's settings to the node: any start of the node
 * (`anyStart`: the node's own launcher reads them), or only the entrypoint's own start, taken when the container's
 * first argument is one of `firstArguments` (or, `flagFirst`, begins with `-`, or there is none).
 */
export type EnvironmentKeptBy = 'anyStart' | { firstArguments: string[]; flagFirst: boolean };

export interface EnvironmentStart {
  /** The official image's tag, its major and minor release captured. */
  releaseTag: RegExp;
  /** From which release (`7.6`) each behaviour holds; one without `from` holds for every release. */
  byRelease: { from?: string; keptBy: EnvironmentKeptBy; source: string }[];
}

/** How the release an image tag names passes the environment: `unknown` for a tag naming none or an earlier release. */
export function environmentKeptBy(start: EnvironmentStart, image: string | undefined): EnvironmentKeptBy | 'unknown' {
  const every = start.byRelease.find((r) => r.from === undefined);
  if (every) return every.keptBy;
  const release = image ? start.releaseTag.exec(image.trim()) : null;
  if (!release) return 'unknown';
  const value = (text: string) => text.split('.').reduce((sum, part) => sum * 1000 + Number(part), 0);
  const tagged = value(`${release[1]}.${release[2]}`);
  const from = start.byRelease
    .filter((r) => value(r.from!) <= tagged)
    .sort((a, b) => value(b.from!) - value(a.from!))[0];
  return from ? from.keptBy : 'unknown';
}

/** When the node's start requires transport TLS with security on: `always`, or once the cluster holds its licence. */
export interface TransportTlsCheck {
  when: 'always' | 'licensed';
  message: string;
  source: string;
  /** The setting that exempts the node (a self-generated trial licence): the check does not apply. */
  notWith?: { setting: string; value: string };
}

export interface TransportTlsRequirement {
  securitySetting: string;
  /** The check of each major release from which it applies, by that release's major number. */
  byMajor: Record<string, TransportTlsCheck>;
  productionModeSource: string;
  /** The settings that bind the transport, the most specific first. */
  bindSettings: string[];
  loopback: RegExp;
  imageNetworkHost: string;
  imageNetworkHostSource: string;
  /** The official image's tag, its major release captured. */
  imageTag: RegExp;
}

/** The check a release runs, from its image's tag: `unknown` when the tag names no release, none before the first. */
export function transportTlsCheckOf(
  requirement: TransportTlsRequirement,
  image: string | undefined,
): TransportTlsCheck | 'unknown' | undefined {
  const major = image ? requirement.imageTag.exec(image.trim())?.[1] : undefined;
  if (major === undefined) return 'unknown';
  const from = Object.keys(requirement.byMajor)
    .map(Number)
    .filter((m) => m <= Number(major))
    .sort((a, b) => b - a)[0];
  return from === undefined ? undefined : requirement.byMajor[String(from)];
}

/**
 * Each product's facts, built on first use from data/search-nodes.json (10 KB), which a tree with no Elasticsearch or
 * OpenSearch node never reads (the bundle keeps it in a chunk of its own, scripts/build.mjs; start-up:
 * docs/performance.md, session 67).
 */
export const searchProducts: () => readonly SearchProductFacts[] = lazy(() =>
  (require('./data/search-nodes.json') as SearchNodesData).products.map((p) => ({
    product: p.product as SearchProduct,
    kind: p.kind,
    configFile: p.configFile,
    image: new RegExp(p.image),
    imageConfigDir: p.imageConfigDir,
    environmentSettings: new RegExp(p.environmentSettings),
    layers: p.layers,
    securityOff: p.securityOff,
    noKeyMaterial: p.noKeyMaterial,
    environmentStart: {
      releaseTag: new RegExp(p.environmentStart.releaseTag),
      byRelease: p.environmentStart.byRelease as EnvironmentStart['byRelease'],
    },
    ...transportTlsRequirementOf(p),
  })),
);

type WrittenRequirement = Omit<TransportTlsRequirement, 'loopback' | 'imageTag'> & {
  loopback: string;
  imageTag: string;
};

function transportTlsRequirementOf(product: object): { transportTlsRequired?: TransportTlsRequirement } {
  // Only Elasticsearch's entry has it; the JSON's inferred type is a union the schema checks.
  const written = (product as { transportTlsRequired?: WrittenRequirement }).transportTlsRequired;
  if (!written) return {};
  return {
    transportTlsRequired: {
      ...written,
      loopback: new RegExp(written.loopback),
      imageTag: new RegExp(written.imageTag),
    },
  };
}
