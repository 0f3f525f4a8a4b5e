/** What the derive stage computes once per deployment, after the model is built (src/derive/derive.ts). */
import type { Endpoint } from '../handshake/endpoint';
import type { LinkPrediction } from '../handshake/links';
import type { ChannelAccess } from '../model/mq-access';
import type { TreeCertificate } from '../model/mq-certs';
import type { TlsStack } from './stack';
import type { LinkTrust } from './trust';
import type { Component, Deployment, Link } from '../model/types';

/** A link whose two ends are components of the deployment. */
export interface ResolvedLink {
  link: Link;
  client: Component;
  server: Component;
  /** Both ends as the predictor sees them and the predicted handshake; absent when an end has no usable TLS settings. */
  predicted?: LinkPrediction;
}

/** A component's endpoints, by the role it plays (a component may be asked for both). */
export interface ComponentEndpoints {
  client?: Endpoint;
  server?: Endpoint;
}

export interface DerivedModel {
  /** Every certificate in the tree, each assigned to the component directory that holds it. */
  certificates: TreeCertificate[];
  /** The deployment's links whose two ends exist, in link order. */
  links: ResolvedLink[];
  /** Links only a name coincidence makes (`Link.unconfirmed`): not in `links`, never predicted nor judged. */
  unconfirmed: ResolvedLink[];
  /** The links with a prediction (both ends have TLS settings with a known implementation), in link order. */
  predictions: LinkPrediction[];
  /** Endpoints by component id: each TLS component in its own role, and every link end in its link role. */
  endpoints: ReadonlyMap<string, ComponentEndpoints>;
  /** The TLS stack each component runs, by component id (src/derive/stack.ts). */
  stacks: ReadonlyMap<string, TlsStack>;
  /** Certificate trust per link, both ways: the server's chain against the client's anchors, and the client certificate (src/derive/trust.ts). */
  trust: LinkTrust[];
  /**
   * The queue manager's access decision for each inbound channel of each MQSC script (src/model/mq-access.ts), by
   * `channelAccessKey`: the channels the script sets and the shipped objects it leaves (six mq/* rules read them).
   */
  channelAccess: ReadonlyMap<string, ChannelAccess>;
}

/** A deployment with its derived data: what rules and formatters read. */
export interface DerivedDeployment extends Deployment {
  derived: DerivedModel;
}
