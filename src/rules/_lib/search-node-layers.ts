/**
 * The TLS layers of the deployment's Elasticsearch and OpenSearch nodes (Deployment.searchNodes) for the rules that
 * judge them: each node's http and transport layer, with the product and the node's name.
 */
import { said } from '../../core/phrase';
import type { RuleRelated } from '../types';
import type { Deployment, SearchNodeLayer, SearchNodeRecord } from '../../model/types';
import type { SearchProduct } from '../../knowledge/search-nodes';
import { searchProducts } from '../../knowledge/search-nodes';

export interface NodeLayer {
  node: SearchNodeRecord;
  layer: SearchNodeLayer;
}

export function nodeLayers(deployment: Deployment, product: SearchProduct): NodeLayer[] {
  return (deployment.searchNodes ?? [])
    .filter((node) => node.product === product)
    .flatMap((node) => [node.layers.http, node.layers.transport].map((layer) => ({ node, layer })));
}

/** The message a node whose enabled layer names no key material fails to start with (knowledge search-nodes.json). */
export function noKeyMaterialMessage({ node, layer }: NodeLayer): { message: string; source: string } {
  const facts = searchProducts().find((p) => p.product === node.product)!; // every product recorded has its facts
  return { message: facts.noKeyMaterial.messages[layer.layer], source: facts.noKeyMaterial.source };
}

/** The Compose service that runs the node, where it takes the node's file (or names its image): its settings decide too. */
export function runBy(node: SearchNodeRecord): RuleRelated[] {
  return node.service
    ? [{ ...node.service.at, message: said`Compose service ${node.service.name} runs the node` }]
    : [];
}
