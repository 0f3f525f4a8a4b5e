/**
 * Elasticsearch's and OpenSearch's node TLS facts (data/search-nodes.json): which file kind is each product's, the
 * official image and the configuration directory it reads, which environment variables its entrypoint passes as
 * settings, each TLS layer's setting prefix and whether it is on when unset, the setting that turns security off, and
 * the message a node that enables a layer without key material fails to start with.
 */
import data from './data/search-nodes.json';

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
}

export const SEARCH_PRODUCTS: readonly SearchProductFacts[] = data.products.map((p) => ({
  product: p.product as SearchProduct,
  kind: p.kind,
  configFile: p.configFile,
  image: new RegExp(p.image),
  imageConfigDir: p.imageConfigDir,
  environmentSettings: new RegExp(p.environmentSettings),
  layers: p.layers,
  securityOff: p.securityOff,
  noKeyMaterial: p.noKeyMaterial,
}));
