/**
 * The derive stage: data that several rules and formatters need, computed once per deployment after the
 * model is built and kept on the deployment as plain data, so no rule recomputes it and no module holds
 * per-deployment state between calls.
 */
import { endpointFor, type Endpoint } from '../handshake/endpoint';
import type { LinkPrediction } from '../handshake/links';
import { predictHandshake } from '../handshake/predict';
import type { HandshakePrediction, HandshakeSide } from '../handshake/types';
import { treeCertificates, type TreeCertificate } from '../model/mq-certs';
import type { Location, RelatedLocation } from '../core/types';
import { said, type PhrasedRelated } from '../core/phrase';
import { countWork } from '../core/work';
import type { RunMemo } from '../core/run-memo';
import { isMqChannel, type Component, type Deployment, type Link, type TlsSettings } from '../model/types';
import { certificateFileUse, placedByMount, notServedFiles } from './certificate-files';
import { decidingPrediction, linkOutcome } from './outcome';
import { namedByComponent, presentedKeys, presentedPlaces } from './presented';
import { levelRefusals } from './openssl-levels';
import { haproxyStartsWithDv } from './haproxy-verify-off';
import { markedPemFiles } from './pem-byte-order-mark';
import { pairKey } from './side-keys';
import { stackOf } from './stack';
import { deriveTrust } from './trust';
import { isKeystoreDocument } from '../parse/keystore/format';
import type { PemData } from '../parse/pem';
import type { ParsedDocument } from '../parse/types';
import { queueManagerEvaluation, type ChannelAccess } from '../model/mq-access';
import { channelAccess } from '../model/mq-channel-access';
import type { ChlauthRecord } from '../model/mq-chlauth';
import { effectiveChlauthRecords } from '../model/mq-chlauth-records';
import type { MqscData } from '../parse/mqsc';
import { channelAccessKey, documentChannels } from '../model/mq-channel-inputs';
import { mqscScriptsOf } from '../model/mq-scripts';
import { identicalMqscCopies } from './mq-identical-copies';
import { ansibleRoleTree } from '../model/ansible-role-files';
import type { ComponentEndpoints, DerivedDeployment, DerivedModel, ResolvedLink } from './types';

/** A client's TLS settings with those it sets on one link: its lists replace the component's, unknown values add up. */
function withLinkTls(tls: TlsSettings, own: NonNullable<Link['clientTls']>): TlsSettings {
  const unknown = [...(tls.unknownValues ?? []), ...(own.unknownValues ?? [])];
  return { ...tls, ...own, ...(unknown.length > 0 ? { unknownValues: unknown } : {}) };
}

/** The role a component plays when a rule looks at it alone (a `both` component is judged as a server). */
export function ownRole(component: Component): 'client' | 'server' {
  return component.role === 'client' ? 'client' : 'server';
}

/**
 * Derives certificates, endpoints, resolved links and their predictions. `certificates` may be passed when
 * the model builder already computed them from the same documents. `memo`: the run's answers by value. A
 * prediction is a pure function of the two sides (plain data: lists, key, flags), and every environment of
 * a fleet links the same kinds of ends with the same lists: predicted once per distinct pair of sides.
 */
export function deriveDeployment(
  deployment: Deployment,
  certificates?: TreeCertificate[],
  memo?: RunMemo,
): DerivedDeployment {
  const certs = certificates ?? treeCertificates(deployment.documents, deployment.root);
  const presented = namedByComponent(certs, deployment.components);
  const endpoints = new Map<string, ComponentEndpoints>();
  const endpointOf = (component: Component, role: 'client' | 'server'): Endpoint | undefined => {
    let known = endpoints.get(component.id);
    if (!known) endpoints.set(component.id, (known = {}));
    if (!(role in known))
      known[role] = endpointFor(
        component,
        role,
        deployment,
        role === 'server' ? presentedKeys(presented.get(component.id)) : undefined,
        memo,
      );
    return known[role];
  };
  const byId = new Map(deployment.components.map((c) => [c.id, c]));
  const links: ResolvedLink[] = [];
  const predictions: LinkPrediction[] = [];
  const unconfirmed: ResolvedLink[] = [];
  countWork('links predicted', deployment.links.length);
  for (const link of deployment.links) {
    const client = byId.get(link.client);
    const server = byId.get(link.server);
    if (!client || !server) continue;
    // A pairing by a name coincidence is never judged: it is reported as unknown (tls/link-outcome-unknown).
    if (link.unconfirmed) {
      unconfirmed.push({ link, client, server });
      continue;
    }
    // A client that sets its own lists on this link (an ActiveMQ broker URL's enabledProtocols): its end for this link.
    const clientEnd =
      link.clientTls && client.tls
        ? endpointFor(
            { ...client, tls: withLinkTls(client.tls, link.clientTls) },
            'client',
            deployment,
            undefined,
            memo,
          )
        : endpointOf(client, 'client');
    const serverEnd = endpointOf(server, 'server');
    let predicted: LinkPrediction | undefined;
    if (clientEnd && serverEnd) {
      const prediction = memo
        ? predictedByValue(clientEnd.side, serverEnd.side, memo)
        : predictHandshake(clientEnd.side, serverEnd.side);
      const outcome = linkOutcome(clientEnd, serverEnd, prediction, memo);
      predicted = {
        link,
        client: clientEnd,
        server: serverEnd,
        prediction: decidingPrediction(clientEnd, serverEnd, prediction, outcome),
        outcome,
      };
      predictions.push(predicted);
    }
    links.push(predicted ? { link, client, server, predicted } : { link, client, server });
  }
  for (const component of deployment.components) if (component.tls) endpointOf(component, ownRole(component));
  const stacks = new Map(deployment.components.map((c) => [c.id, stackOf(c, deployment)]));
  const unreadable = new Set(
    deployment.documents.filter((d) => isKeystoreDocument(d) && !d.data.readable).map((d) => d.file.path),
  );
  const trust = deriveTrust(certs, presented, links, unreadable, memo);
  const pemFiles = new Map(
    deployment.documents
      .filter((d): d is ParsedDocument<PemData> => d.kind.startsWith('pem.'))
      .map((d) => [d.file.path, d]),
  );
  const certificateFilePaths = new Set(certs.map((c) => c.doc.file.path));
  const derived: DerivedModel = {
    certificates: certs,
    presented,
    certificateFiles: {
      ...certificateFileUse(deployment.components, presented, deployment.unlinkedEnds ?? [], stacks, (written) =>
        placedByMount(deployment.composeMounts ?? [], written, certificateFilePaths),
      ),
      notServed: notServedFiles(deployment.unservedTls ?? [], certs),
    },
    stacks,
    links,
    unconfirmed,
    predictions,
    endpoints,
    trust,
    ...mqChannelAccess(deployment),
    identicalMqscCopies: identicalMqscCopies(deployment),
    pemFiles,
    markedPemFiles: markedPemFiles(deployment.components, stacks, pemFiles),
    levelRefusals: levelRefusals(deployment.components, presented, trust),
    haproxyVerifyOff: haproxyStartsWithDv(deployment),
    ansibleRoles: ansibleRoleTree(deployment.documents),
  };
  return { ...deployment, derived };
}

/**
 * Each MQSC script's effective channel authentication records, and its inbound channels with the queue manager's access
 * decision (defaults of a new queue manager where unset). The records once per script: the decisions and four mq/*
 * rules read them. Asked per channel and per rule, they made effectiveChlauthRecords hot enough for the optimizing
 * compiler, whose work on it cost more than all its calls (about 5 % of the instructions of the 200 fleet).
 */
function mqChannelAccess(
  deployment: Deployment,
): Pick<
  DerivedModel,
  | 'channelAccess'
  | 'chlauthRecords'
  | 'scriptsWithoutAuthorityManager'
  | 'scriptsOfCreatedQueueManagers'
  | 'scriptsOfDeveloperLicence'
> {
  const decisions = new Map<string, ChannelAccess>();
  const chlauthRecords = new Map<ParsedDocument<MqscData>, ChlauthRecord[]>();
  const withoutOam = new Map<ParsedDocument<MqscData>, Location>();
  const created = new Map<ParsedDocument<MqscData>, Location>();
  const developer = new Map<ParsedDocument<MqscData>, RelatedLocation>();
  for (const component of deployment.components) {
    const qmgr = isMqChannel(component) ? component.attributes.qmgr : undefined;
    if (qmgr?.oamSwitchedOff) withoutOam.set(qmgr.mqsc, qmgr.oamSwitchedOff.location);
    if (qmgr?.createdBy) created.set(qmgr.mqsc, qmgr.createdBy);
    if (qmgr?.developerLicence) developer.set(qmgr.mqsc, qmgr.developerLicence);
  }
  for (const mqsc of mqscScriptsOf(deployment)) {
    const records = effectiveChlauthRecords(mqsc.data.commands, mqsc.file.path);
    chlauthRecords.set(mqsc, records);
    const evaluation = queueManagerEvaluation(withoutOam.get(mqsc), created.get(mqsc));
    for (const input of documentChannels(mqsc)) {
      const access = channelAccess(mqsc, input, evaluation, records);
      if (access) decisions.set(channelAccessKey(mqsc, input), access);
    }
  }
  return {
    channelAccess: decisions,
    chlauthRecords,
    scriptsWithoutAuthorityManager: withoutOam,
    scriptsOfCreatedQueueManagers: created,
    scriptsOfDeveloperLicence: developer,
  };
}

/** The endpoint of a component in its own role (see `ownRole`), as derived. */
export function ownEndpoint(deployment: DerivedDeployment, component: Component): Endpoint | undefined {
  return deployment.derived.endpoints.get(component.id)?.[ownRole(component)];
}

/** The certificates in the tree a server presents, as related locations (they decide which suites it can use). */
export function presentedCertificates(deployment: DerivedDeployment, server: Component): PhrasedRelated[] {
  return presentedPlaces(deployment.derived.presented.get(server.id)).map((l) => ({
    ...l,
    message: said`${server.name} presents this certificate`,
  }));
}

/** What each end of a predicted link runs, for messages. */
export function stackLabels(deployment: DerivedDeployment, lp: LinkPrediction): { client?: string; server?: string } {
  const { stacks } = deployment.derived;
  // A JDK named by its feature only: a verdict stands only when every update gives it (derive/outcome.ts), so say so.
  const label = (end: Endpoint) => {
    const stack = stacks.get(end.component.id)?.label;
    return end.updates && lp.outcome.kind !== 'unknown' && stack
      ? stack.replace(
          / \u00b7 .*$/,
          ` \u00b7 every ${end.updates.jdk} update${end.updates.since ? ` from ${end.updates.since} on` : ''}`,
        )
      : stack;
  };
  return { client: label(lp.client), server: label(lp.server) };
}

/** Derived data of a deployment that was not checked in this run (cache hit, or its model was not kept). */
export function emptyDerived(): DerivedModel {
  return {
    certificates: [],
    presented: new Map(),
    certificateFiles: {
      inUse: new Map(),
      namedOutside: new Map(),
      keyAliases: new Map(),
      trustOnly: new Map(),
      presentedBy: new Map(),
      useUnknown: new Map(),
      unresolved: [],
      mountedOutside: [],
      notServed: new Map(),
    },
    links: [],
    unconfirmed: [],
    predictions: [],
    endpoints: new Map(),
    stacks: new Map(),
    trust: [],
    channelAccess: new Map(),
    chlauthRecords: new Map(),
    scriptsWithoutAuthorityManager: new Map(),
    scriptsOfCreatedQueueManagers: new Map(),
    scriptsOfDeveloperLicence: new Map(),
    identicalMqscCopies: new Map(),
    pemFiles: new Map(),
    markedPemFiles: [],
    levelRefusals: { load: [], verify: [] },
    haproxyVerifyOff: false,
    ansibleRoles: { yaml: new Map(), playsApplyRoles: false },
  };
}

/** Stand-ins for the two ends' names (a NUL never occurs in a name read from a text file or a path). */
const CLIENT_NAME = '\u0000client\u0000';
const SERVER_NAME = '\u0000server\u0000';

/**
 * A prediction is a pure function of the two sides, and the ends' names (`label`, which hold the environment's
 * path) appear only in its texts: predicted once a run per distinct pair of sides under stand-in names, then
 * each link's copy gets its own ends' names.
 */
function predictedByValue(client: HandshakeSide, server: HandshakeSide, memo: RunMemo): HandshakePrediction {
  const unnamed = (side: HandshakeSide, name: string): HandshakeSide =>
    side.label === undefined ? side : { ...side, label: name };
  const prediction = memo.get('predictHandshake', pairKey(client, server, memo), () =>
    predictHandshake(unnamed(client, CLIENT_NAME), unnamed(server, SERVER_NAME)),
  );
  const clientName = () => client.label ?? '';
  const serverName = () => server.label ?? '';
  // Each link's own copy (one deployment of many same-named servers has hundreds of thousands of links: no entries
  // arrays per object, names put in by a replacer function, which reads no `$` patterns in them).
  const named = (value: unknown): unknown => {
    if (typeof value === 'string')
      return value.includes('\u0000')
        ? value.replaceAll(CLIENT_NAME, clientName).replaceAll(SERVER_NAME, serverName)
        : value;
    if (Array.isArray(value)) return value.map(named);
    if (!value || typeof value !== 'object') return value;
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) copy[key] = named((value as Record<string, unknown>)[key]);
    return copy;
  };
  return named(prediction) as HandshakePrediction;
}
