/**
 * The AJP records the model keeps on a deployment (Tomcat's AJP connectors, the httpd fronts that speak AJP to them):
 * kept apart from ./deployment-records.ts for its size; ./types.ts re-exports them.
 */
import type { Location, RelatedLocation } from '../core/types';

/** An AJP `<Connector>` of a server.xml with no secret that does not turn secretRequired off (./tomcat-ajp.ts). */
export interface TomcatAjpWithoutSecret {
  /** The Connector's start tag. */
  at: Location;
  /** `Tomcat AJP connector 8009 (conf/server.xml)`. */
  server: string;
  port?: string;
  /** The `port` attribute's value: a template value there decides whether (and where) the connector listens. */
  portAt?: Location;
  /** `secret=""` (or `requiredSecret=""`): written, but empty. */
  emptySecret?: { name: string; at: Location };
  /** Where secretRequired is turned off (`secretRequired="false"`): the connector starts without a secret. */
  optedOut?: Location;
  /**
   * Opted out: the Compose services that run the file, none publishing a port or sharing another namespace, so only
   * containers on their networks reach the connector (./tomcat-ajp-network.ts).
   */
  unpublishedIn?: { name: string; at: Location }[];
  /** `requiredSecret` written alone, on a release that no longer reads it (Tomcat 11 and later). */
  unreadLegacySecret?: Location;
  /** `address` as Tomcat reads it; loopback undefined when the tree does not settle its value. */
  address?: { value: string; loopback: boolean | undefined; at: Location };
  /** The release that runs the file: named by the tree, the official image's floating tag, or unknown (and why). */
  release:
    | {
        kind: 'named';
        release: string;
        text: string;
        at: Location;
        /**
         * The `FROM` and Compose `image:` that lead to `at` when the release is that of an image the tree builds; the
         * task that writes the file when it is an Ansible role's (`writesTo`: the file it writes).
         */
        via?: (Location & { writesTo?: string })[];
        requiresSecret: boolean;
        branchOnly: boolean;
      }
    | { kind: 'current'; text: string; at: Location }
    | { kind: 'unknown'; why: string };
}

/** The AJP secret one side holds: a digest of it (never its value), none, or a value the tree does not settle. */
export type AjpSecret =
  | { state: 'set'; digest: string; at: Location; via?: Location }
  | { state: 'none' }
  | { state: 'unknown'; at: Location; why: string };

/** An AJP `<Connector>` of a server.xml and the secret Tomcat asks of each request (./tomcat-ajp-connectors.ts). */
export interface TomcatAjpConnector {
  at: Location;
  /** `Tomcat AJP connector 8009 (conf/server.xml)`. */
  server: string;
  port?: number;
  portAt?: Location;
  secret: AjpSecret;
  /** `secret=` on a release that has only `requiredSecret`: Tomcat ignores it. */
  ignoredSecretAt?: Location;
  /** secretRequired turned off. */
  optedOut?: Location;
  release: TomcatAjpWithoutSecret['release'];
}

/** An httpd front that speaks AJP to a Tomcat: a mod_jk ajp13 worker or a mod_proxy_ajp `ajp://` pass (./ajp-fronts.ts). */
export interface AjpFront {
  /** `mod_jk worker node1 (httpd/workers.properties)`. */
  name: string;
  module: 'mod_jk' | 'mod_proxy_ajp';
  at: Location;
  host: string;
  hostAt?: Location;
  port: number;
  portAt?: Location;
  secret: AjpSecret;
  /** A mod_jk worker of a workers file no httpd configuration of the tree names: which httpd reads it is not known. */
  unread?: true;
  /** What makes httpd read the worker (the JkWorkersFile line, what puts the file there). */
  readBy?: RelatedLocation[];
}

/** A front and the connector it reaches, with what ties the two (./ajp-fronts.ts). */
export interface AjpFrontLink {
  front: AjpFront;
  connector: TomcatAjpConnector;
  /** Why the front's host is the connector's: the Compose service, or the container both run in. */
  tie: RelatedLocation[];
}
