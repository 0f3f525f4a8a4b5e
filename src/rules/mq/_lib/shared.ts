import type { RuleRelated } from '../../types';
import type { Location } from '../../../core/types';
import type { DerivedDeployment } from '../../../derive/types';
import {
  isJmsConnectionFactory,
  isMqChannel,
  type Component,
  type Deployment,
  type MqChannelComponent,
} from '../../../model/types';
import type { CipherSpecInfo } from '../../../model/mq-cipherspecs';
import {
  cipherSpecForJavaSuite,
  cipherSpecsForAlias,
  mqCipherSpec,
  mqCipherSpecAlias,
} from '../../../model/mq-cipherspecs';
import type { MqChannelAttributes, MqQueueManagerFacts } from '../../../model/attributes';
import { jmsAliasProtocols, normaliseProtocol } from '../../../knowledge';
import { objectHistory } from '../../../model/mq-scripts';
import { said, type Phrase } from '../../../core/phrase';
import { shownRelative } from '../../../core/posix-path';

export interface MqLink {
  client: Component;
  server: MqChannelComponent;
  /** The server channel's attributes (`server.attributes`). */
  serverAttrs: MqChannelAttributes;
  /** Places that tie the client to this queue manager besides the channel name (a deploy script naming it). */
  evidence: RuleRelated[];
}

/** Client → SVRCONN pairs of the deployment (MQ clients and JMS connection factories; not queue managers' senders). */
export function mqLinks(deployment: DerivedDeployment): MqLink[] {
  const out: MqLink[] = [];
  for (const { link, client, server } of deployment.derived.links) {
    if (server.type === 'mq.svrconn' && client.type !== 'mq.sender')
      out.push({ client, server, serverAttrs: server.attributes, evidence: link.evidence ?? [] });
  }
  return out;
}

/** The two ends of a queue-manager-to-queue-manager channel the model paired (src/model/mq-message-links.ts). */
export interface MessageChannelLink {
  sender: MqChannelComponent;
  receiver: MqChannelComponent;
  evidence: RuleRelated[];
}

/** Sending end → receiving end pairs of the deployment's message channels (confirmed or declared links only). */
export function messageChannelLinks(deployment: DerivedDeployment): MessageChannelLink[] {
  const out: MessageChannelLink[] = [];
  for (const { link, client, server } of deployment.derived.links) {
    if (client.type === 'mq.sender' && server.type === 'mq.svrconn')
      out.push({ sender: client, receiver: server, evidence: link.evidence ?? [] });
  }
  return out;
}

/** The deployment's server-side channels (SVRCONN, RCVR, CLUSRCVR…) with their MQ attributes. */
export function* serverChannels(
  deployment: Deployment,
): Generator<{ component: MqChannelComponent; channel: MqChannelAttributes }> {
  for (const component of deployment.components) {
    if (component.type === 'mq.svrconn') yield { component, channel: component.attributes };
  }
}

export function display(cwd: string, file: string): string {
  return shownRelative(cwd, file);
}

export function related(location: Location, message: string | Phrase): RuleRelated {
  return { ...location, message };
}

/** What a client offers in its ClientHello, as CipherSpecs, with where that list comes from. */
export interface ClientOffer {
  specs: CipherSpecInfo[];
  /** Names the offer held that are not MQ CipherSpecs (offered, but never chosen by the queue manager). */
  unknown: string[];
  /** Number of suites offered as configured (for messages). */
  count: number;
  location: Location;
  /** How it was derived, for the message. */
  source: string;
  /** True when the client names one CipherSpec/suite (pinned). */
  pinned: boolean;
}

/** The client's effective offer, or undefined when the tree does not tell (runtime default list). */
export function clientOffer(client: Component): ClientOffer | undefined {
  if (isJmsConnectionFactory(client)) {
    const a = client.attributes;
    const suite = a.sslCipherSuite;
    if (suite && suite.value.trim() && !suite.templated) {
      const alias = mqCipherSpecAlias(suite.value);
      // The MQ classes for JMS offer an alias's CipherSpecs from its JMS minimum protocol (`*ANY`: TLS 1.2).
      const jms = jmsAliasProtocols(suite.value)?.protocols ?? [];
      const specs = alias ? cipherSpecsForAlias(alias).filter((s) => jms.includes(normaliseProtocol(s.protocol))) : [];
      if (alias)
        return {
          specs,
          unknown: [],
          count: specs.length,
          location: suite.location,
          source: `SSLCIPHERSUITE ${suite.value}`,
          pinned: false,
        };
      const spec = cipherSpecForJavaSuite(suite.value) ?? mqCipherSpec(suite.value);
      return spec
        ? {
            specs: [spec],
            unknown: [],
            count: 1,
            location: suite.location,
            source: `SSLCIPHERSUITE ${suite.value}`,
            pinned: true,
          }
        : undefined;
    }
    const fromNames = (names: string[], location: Location, source: string): ClientOffer => {
      const specs: CipherSpecInfo[] = [];
      const unknown: string[] = [];
      for (const n of names) {
        const s = cipherSpecForJavaSuite(n);
        if (s) specs.push(s);
        else unknown.push(n);
      }
      return { specs, unknown, count: names.length, location, source, pinned: names.length === 1 };
    };
    const enabled = a.sslConfig?.enabledCiphers;
    if (!suite && enabled && enabled.value.trim() && !enabled.templated) {
      return fromNames(
        enabled.value.split(/[\s,]+/).filter(Boolean),
        enabled.location,
        `'Selected ciphers' of SSL configuration ${a.sslConfig!.alias.value}`,
      );
    }
    // No 'Selected ciphers': the security level's group of the runtime's default suites (inferred, see model/was-ciphers.ts).
    const level = a.sslConfig?.levelCiphers;
    if (!suite && level)
      return {
        ...fromNames(
          level.suites.value,
          level.location,
          `SSL configuration ${a.sslConfig!.alias.value}: ${level.suites.from.kind === 'default' ? level.suites.from.origin : `securityLevel ${level.level}`}`,
        ),
        pinned: false,
      };
    return undefined;
  }
  if (!isMqChannel(client)) return undefined;
  const ciph = client.attributes.sslciph;
  if (!ciph || !ciph.value.trim() || ciph.templated) return undefined;
  const alias = mqCipherSpecAlias(ciph.value);
  if (alias)
    return {
      specs: cipherSpecsForAlias(alias),
      unknown: [],
      count: cipherSpecsForAlias(alias).length,
      location: ciph.location,
      source: ciph.value,
      pinned: false,
    };
  const spec = mqCipherSpec(ciph.value);
  return spec
    ? { specs: [spec], unknown: [], count: 1, location: ciph.location, source: ciph.value, pinned: true }
    : undefined;
}

/**
 * Where a queue manager's channel is defined and last altered in its MQSC script, and the commands on it MQ refuses,
 * as related locations (minus the command the finding sits in); none for a channel outside an MQSC script.
 */
export function channelStory(channel: MqChannelAttributes, primary: Location): RuleRelated[] {
  const script = channel.qmgr?.mqsc;
  return script && channel.mqscChannel
    ? objectHistory(script, 'CHANNEL', channel.mqscChannel, channel.channelName, primary)
    : [];
}

/**
 * Where the tree names a queue manager's release, as related locations: the place that names it, and the script command
 * that ties the MQSC to that image's container when another file holds it (`docker exec -i qm1 runmqsc QM1 < dev.mqsc`).
 */
export function releaseRelated(release: NonNullable<MqQueueManagerFacts['release']>): RuleRelated[] {
  return [
    { ...release.location, message: said`the queue manager runs ${release.value}` },
    ...(release.tiedBy ? [release.tiedBy] : []),
  ];
}

/**
 * The releases a queue manager's MQSC is judged by: the one release the tree names, else one per release of the
 * queue managers it runs on when they differ (each finding then names the service whose image gives it).
 */
export function releasesOf(
  qmgr: MqQueueManagerFacts | undefined,
): { release: NonNullable<MqQueueManagerFacts['release']>; byRun: boolean }[] {
  if (qmgr?.release) return [{ release: qmgr.release, byRun: false }];
  return (qmgr?.releasesByRun ?? []).map((release) => ({ release, byRun: true }));
}
