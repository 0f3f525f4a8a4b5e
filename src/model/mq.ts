import * as path from 'node:path';
import type { Location, Range } from '../core/types';
import type { CcdtChannel, CcdtData } from '../parse/ccdt';
import type { MqEnvData } from '../parse/mq-env';
import type { MqIniData } from '../parse/mq-ini';
import { iniValue } from '../parse/mq-ini';
import type { MqscData, MqscParam } from '../parse/mqsc';
import type { Entry, ParsedDocument } from '../parse/types';
import { mqChannelDefaults } from '../knowledge/mq';
import type { ModelContext, ModelContributor } from './contributor';
import { containerPkiOf } from './mq-container-pki';
import { certificateRef, embeddedIn, ownCertificate, type TreeCertificate } from './mq-certs';
import {
  imageRunsMqsc,
  queueManagerNamesBeside,
  queueManagerNamesOfCompose,
  queueManagerNamesOfResources,
  type MqscServiceVariables,
} from './mq-qmgr-names';
import { composeVariablesOf } from './compose-variables';
import { treeStoresOf } from './store-files';
import { deploymentMounts } from './compose-mounts';
import { oamSwitchedOff } from './mq-oam';
import { queueManagerCreatedBy } from './mq-qmgr-created';
import { mqscFedByScripts } from './mq-runmqsc-inputs';
import { queueManagerNamesOfRunmqsc } from './mq-runmqsc-names';
import {
  composeQueueManagerRelease,
  composeQueueManagerReleasesByRun,
  composeReenablingEnvironment,
  composeRuns,
  servicesRunningMqsc,
} from './mq-compose';
import { developerLicenceOf, queueManagersApplying } from './mq-resources';
import { mqscScriptsOf } from './mq-scripts';
import { namedScriptRuns, scriptRunsRunningMqsc } from './mq-script-image-runs';
import { defaultsOverridden, environmentNames, overlaps } from './script-defaults';
import {
  nearestMqDockerfile,
  queueManagerImageEnvironment,
  queueManagerReleaseOfConfig,
  queueManagerReleaseOfResources,
  queueManagerResourceEnvironment,
  queueManagerReleases,
} from './mq-release';
import type { DockerfileData } from '../parse/dockerfile';
import type { ClientAuthMode, MqChannelComponent, Traced } from './types';
import type { MqChannelAttributes, MqQueueManagerFacts, MqValue, ScriptQueueManagerName } from './attributes';
import { relativePosix } from '../core/posix-path';
import { amqpAbsent } from './mq-amqp';
import { tablesNamedByClients } from './mq-client-tables';
import { listedFilesOf } from './listed-files';
import { runnerKey } from './mq-image-queue-managers';

export const SERVER_CHLTYPES = new Set(['SVRCONN', 'RCVR', 'RQSTR', 'CLUSRCVR', 'AMQP', 'MQTT']);
/**
 * The sending ends of queue-manager-to-queue-manager message channels: they start the connection (a SVR does when
 * it has a CONNAME; otherwise a RQSTR calls it), so they are TLS clients of the partner's RCVR/RQSTR/CLUSRCVR.
 */
export const SENDER_CHLTYPES = new Set(['SDR', 'SVR', 'CLUSSDR']);

/**
 * A parameter's value. `unknownAt`: places where the shell put in a script's default for a variable the deployment's
 * images or containers set (src/parse/shell-assignments.ts): a value written there is known only when the script runs.
 */
function fromParam(
  doc: ParsedDocument,
  p: MqscParam | undefined,
  unknownAt: readonly Range[] = [],
): MqValue | undefined {
  if (!p || p.value === undefined) return undefined;
  const range = p.valueRange ?? p.keywordRange;
  const overridden = unknownAt.some((r) => overlaps(r, range));
  return {
    value: p.value,
    location: { file: p.file ?? doc.file.path, range },
    templated: p.templated || overridden,
  };
}

function fromEntry(doc: ParsedDocument, e: Entry | undefined): MqValue | undefined {
  return e ? { value: e.value, location: { file: doc.file.path, range: e.valueRange }, templated: false } : undefined;
}

function traced<T>(value: T, location: Location): Traced<T> {
  return { value, from: { kind: 'file', location } };
}

/** MQSC channels (SVRCONN and friends as servers, SDR/SVR/CLUSSDR and CLNTCONN as clients) and JSON CCDT channels. */
export const mqContributor: ModelContributor = {
  id: 'mq',
  reads: ['mq.mqsc', 'mq.ccdt'],
  contribute(ctx) {
    const root = ctx.deployment.root;
    const certs = ctx.certificates();
    const iniDocs = ctx.documentsOf('mq.qm-ini') as ParsedDocument<MqIniData>[];
    const scriptNames = new Map<string, ScriptQueueManagerName[]>();
    const dockerfiles = ctx.documentsOf('dockerfile') as ParsedDocument<DockerfileData>[];
    const releaseOf = queueManagerReleases(dockerfiles);
    const mqDockerfileOf = nearestMqDockerfile(dockerfiles);
    // Where the deployment's Dockerfiles copy its files (an MQ image that holds an MQSC in /etc/mqm runs it).
    const images = treeStoresOf(ctx).images;
    const clientInis = ctx.documentsOf('mq.client-ini') as ParsedDocument<MqIniData>[];
    // CLNTCONN channels of the JSON CCDTs a client's environment names: the client's own definitions of those names.
    const clientTableChannels = new Set(
      tablesNamedByClients(
        ctx.documentsOf('mq.client-env') as ParsedDocument<MqEnvData>[],
        ctx.documentsOf('mq.ccdt') as ParsedDocument<CcdtData>[],
      ).flatMap((t) => t.data.channels.flatMap((c) => c.name?.value ?? [])),
    );
    const composeFiles = ctx.documentsOf('compose');
    // Containers scripts start with `docker run --name`, which their `docker exec`s find by name.
    const namedRuns = namedScriptRuns(ctx);
    const mounts = deploymentMounts(ctx);
    const scripts = mqscScriptsOf(ctx.deployment);
    let setByEnvironment: Set<string> | undefined;
    // The variables a Compose service that runs an MQSC gives its container, read once per build.
    const variablesOf: MqscServiceVariables = (s) => s.variables ?? composeVariablesOf(ctx, s.doc, s.service);
    const filesOf = (doc: ParsedDocument<MqscData>) => doc.data.members?.map((m) => m.file.path) ?? [doc.file.path];
    // The scripts that feed the MQSC files to runmqsc (`runmqsc QM1 < dev.mqsc`), read once for the deployment.
    const fed = mqscFedByScripts(
      ctx.deployment.documents,
      new Set(scripts.filter((s) => !s.embedded).flatMap(filesOf)),
      root,
      composeFiles,
      images,
      namedRuns,
      mounts,
    );
    for (const doc of scripts) {
      const fedBy = doc.embedded ? [] : filesOf(doc).flatMap((file) => fed.get(file) ?? []);
      const homeDir = path.dirname(doc.file.path);
      const qmIni = nearestIni(iniDocs, homeDir);
      // The script's defaults for variables an image or a container of the deployment sets: not the value it runs with.
      const unknownAt = defaultsOverridden(doc, () => (setByEnvironment ??= environmentNames(ctx)));
      const qmgrLabel = doc.data.objects.qmgr.get('CERTLABL')?.value;
      const at = doc.embedded?.range.start.line ?? doc.data.commands[0]?.range.start.line ?? 0;
      // The QueueManager resources that apply this MQSC's ConfigMap, read once for its names, MQSNOAUT and release.
      const applying = queueManagersApplying(doc.file.path, doc.file.text, at, listedFilesOf(ctx));
      // The Compose services that run it (mount, docker exec, or a build of the MQ image that holds it), read once.
      const mqDockerfile = mqDockerfileOf(doc.file.path);
      const running = servicesRunningMqsc(doc, mounts, composeFiles, mqDockerfile, fedBy, namedRuns);
      // Containers scripts and CI steps start with `docker run`, read as the Compose services they stand for (once:
      // a run that mounts the MQSC may also be the one a script's exec feeds it to).
      for (const run of scriptRunsRunningMqsc(ctx, doc, mqDockerfile))
        if (!running.some((r) => r.service === run.service)) running.push(run);
      const scripted = [
        ...fedBy.flatMap((f, i) =>
          f.queueManager && !fedBy.slice(0, i).some((e) => e.queueManager?.name === f.queueManager!.name)
            ? [f.queueManager]
            : [],
        ),
        ...queueManagerNamesBeside(homeDir, listedFilesOf(ctx), scriptNames),
        // A heredoc's runmqsc given a variable or a function's argument: the names the script gives it.
        ...(doc.embedded ? queueManagerNamesOfRunmqsc(doc) : []),
        // A turn of a loop over names (`for qm in FR1 FR2; do runmqsc $qm <<EOF`): the word it runs with.
        ...(doc.data.turn ? [{ name: doc.data.turn.name.toUpperCase(), location: doc.data.turn.location }] : []),
        ...queueManagerNamesOfResources(applying),
        ...queueManagerNamesOfCompose(
          doc.file.path,
          running.filter((s) => !s.builds || imageRunsMqsc(images, doc.file.path, s.builds.file.path)),
          variablesOf,
        ),
      ];
      const rel = path.relative(root, doc.file.path).split(path.sep);
      const stem = path.basename(doc.file.path).replace(/\..*$/, '');
      // Built by push: an optimized `map` returns an array of another hidden class than the interpreter's, and this
      // contributor was compiled again for it (docs/performance.md, session 57).
      const nameHints: string[] = [];
      for (const dir of rel.slice(0, -1)) nameHints.push(dir.toUpperCase());
      nameHints.push(stem.toUpperCase());
      for (const named of scripted) nameHints.push(named.name);
      const qmgr: MqQueueManagerFacts = {
        nameHints,
        namedBy: scripted,
        mqsc: doc,
        qmIni,
        allowedCipherSpecs: qmIni ? fromEntry(qmIni, iniValue(qmIni.data, 'SSL', 'AllowedCipherSpecs')) : undefined,
        allowWeakCipherSpec: qmIni ? fromEntry(qmIni, iniValue(qmIni.data, 'SSL', 'AllowWeakCipherSpec')) : undefined,
        certificate: containerKeyCertificate(ctx, certs, doc) ?? ownCertificate(certs, homeDir, qmgrLabel),
        homeDir,
      };
      const oamOff = oamSwitchedOff(
        applying,
        running.filter((s) => !s.builds),
        doc.file.path,
        variablesOf,
        dockerfiles
          .filter((d) => imageRunsMqsc(images, doc.file.path, d.file.path))
          .map((d) => ({ dockerfile: d, builtBy: running.filter((s) => s.builds?.file.path === d.file.path) })),
      );
      if (running.length > 0) qmgr.runners = running.map((s) => runnerKey(s.doc, s.service));
      if (oamOff) qmgr.oamSwitchedOff = oamOff;
      const createdBy = queueManagerCreatedBy(applying, fedBy, ctx.deployment.documents, doc);
      if (createdBy) qmgr.createdBy = createdBy;
      const developerLicence = developerLicenceOf(applying);
      if (developerLicence) qmgr.developerLicence = developerLicence;
      const release =
        queueManagerReleaseOfResources(applying) ??
        releaseOf(doc.file.path) ??
        composeQueueManagerRelease(running, doc.file.path) ??
        queueManagerReleaseOfConfig(ctx.config, doc.file.path);
      if (release) qmgr.release = release;
      else {
        // Run on queue managers of different releases: each judges the MQSC by its own.
        const byRun = composeQueueManagerReleasesByRun(running, doc.file.path);
        if (byRun.length > 0) qmgr.releasesByRun = byRun;
      }
      // The container's environment wins over the image's ENV: Compose's and the QueueManager's variables come first, as the
      // rule takes the first.
      const environment = [
        ...composeReenablingEnvironment(running, variablesOf),
        ...queueManagerResourceEnvironment(applying),
        ...queueManagerImageEnvironment(mqDockerfile),
      ];
      if (environment.length > 0) qmgr.environment = environment;
      const runs = composeRuns(running, doc.file.path);
      if (runs.length > 0) qmgr.runs = runs;
      const noAmqp = amqpAbsent(doc);
      for (const channel of doc.data.objects.channels.values()) {
        if (channel.deleted || !channel.chltype || (noAmqp && channel.chltype === 'AMQP')) continue;
        const server = SERVER_CHLTYPES.has(channel.chltype);
        const sender = SENDER_CHLTYPES.has(channel.chltype);
        if (!server && !sender && channel.chltype !== 'CLNTCONN') continue;
        // The queue manager's AMQCLCHL.TAB entry of a channel the client takes from its named JSON CCDT: not used.
        if (channel.chltype === 'CLNTCONN' && clientTableChannels.has(channel.name)) continue;
        const a = channel.attributes;
        const channelLabel = a.get('CERTLABL')?.value;
        const attrs: MqChannelAttributes = {
          channelName: channel.name,
          chltype: channel.chltype,
          nameLocation: {
            file: channel.nameParam.file ?? doc.file.path,
            range: channel.nameParam.valueRange ?? channel.nameParam.keywordRange,
          },
          sslciph: fromParam(doc, a.get('SSLCIPH'), unknownAt),
          sslpeer: fromParam(doc, a.get('SSLPEER'), unknownAt),
          sslcauth: fromParam(doc, a.get('SSLCAUTH'), unknownAt),
          mcauser: fromParam(doc, a.get('MCAUSER'), unknownAt),
          certlabl: fromParam(doc, a.get('CERTLABL'), unknownAt),
          queueManager: fromParam(doc, a.get('QMNAME'), unknownAt),
          qmgr: server || sender ? qmgr : undefined,
          mqscChannel: channel,
          ...(server || sender ? {} : { definedOn: qmgr, ...clientIniOf(nearestIni(clientInis, homeDir)) }),
          // An outbound channel sends the certificate its own CERTLABL names, else the queue manager's.
          certificate:
            server || (sender && !channelLabel) ? qmgr.certificate : ownCertificate(certs, homeDir, channelLabel),
        };
        const type = server ? 'mq.svrconn' : sender ? 'mq.sender' : 'mq.clntconn';
        ctx.addComponent(channelComponent(ctx.hostOf(doc.file.path), doc, type, attrs, root));
      }
    }
    for (const doc of ctx.documentsOf('mq.ccdt') as ParsedDocument<CcdtData>[]) {
      const homeDir = path.dirname(doc.file.path);
      const clientIni = nearestIni(clientInis, homeDir);
      const iniLabel = clientIni ? iniValue(clientIni.data, 'SSL', 'CertificateLabel')?.value : undefined;
      for (const ch of doc.data.channels) {
        if (!ch.name) continue;
        const v = (x: CcdtChannel['name']): MqValue | undefined =>
          x ? { value: x.value, location: { file: doc.file.path, range: x.range }, templated: x.templated } : undefined;
        const attrs: MqChannelAttributes = {
          channelName: ch.name.value,
          chltype: 'CLNTCONN',
          nameLocation: { file: doc.file.path, range: ch.name.range },
          sslciph: v(ch.cipherSpecification),
          sslpeer: v(ch.certificatePeerName),
          certlabl: v(ch.certificateLabel),
          queueManager: v(ch.queueManager),
          ccdtChannel: ch,
          ...clientIniOf(clientIni),
          certificate: ownCertificate(certs, homeDir, ch.certificateLabel?.value || iniLabel),
        };
        ctx.addComponent(channelComponent(ctx.hostOf(doc.file.path), doc, 'mq.ccdt-channel', attrs, root));
      }
    }
  },
};

/** The client end's mqclient.ini attribute, when there is one. */
const clientIniOf = (clientIni: ParsedDocument<MqIniData> | undefined) => (clientIni ? { clientIni } : {});

function nearestIni(docs: ParsedDocument<MqIniData>[], dir: string): ParsedDocument<MqIniData> | undefined {
  let best: ParsedDocument<MqIniData> | undefined;
  for (const d of docs) {
    const iniDir = path.dirname(d.file.path);
    // The ini in the same directory, an ancestor, or a subdirectory of the component's home.
    if (dir === iniDir || dir.startsWith(iniDir + path.sep) || iniDir.startsWith(dir + path.sep)) {
      if (!best || path.dirname(best.file.path).length < iniDir.length) best = d;
    }
  }
  return best;
}

function channelComponent(
  host: string,
  doc: ParsedDocument,
  type: MqChannelComponent['type'],
  attrs: MqChannelAttributes,
  root: string,
): MqChannelComponent {
  const server = type === 'mq.svrconn';
  const cipher = attrs.sslciph && attrs.sslciph.value.trim() !== '' ? attrs.sslciph : undefined;
  const cauth = (attrs.sslcauth?.value ?? 'REQUIRED').toUpperCase();
  const clientAuth: ClientAuthMode = cauth === 'OPTIONAL' ? 'optional' : 'required';
  // A channel of a script combined from several files is named after the file that defines it.
  const rel = relativePosix(root, attrs.nameLocation.file);
  return {
    id: `${type}:${rel}#${attrs.channelName}`,
    type,
    name: `${attrs.chltype} channel ${attrs.channelName}${attrs.queueManager ? ` (queue manager ${attrs.queueManager.value})` : ''}`,
    role: server ? 'server' : 'client',
    location: attrs.nameLocation,
    host,
    documents: isMqscDocument(doc) && doc.data.members ? doc.data.members : [doc],
    attributes: attrs,
    tls: {
      enabled: attrs.sslciph
        ? traced(cipher !== undefined, attrs.sslciph.location)
        : {
            value: mqChannelDefaults().sslciph.value !== '',
            from: { kind: 'default', origin: 'IBM MQ: SSLCIPH defaults to blank (no TLS)' },
          },
      cipherSuites: cipher ? traced([cipher.value], cipher.location) : undefined,
      serverOrderWins: server
        ? {
            value: mqChannelDefaults().serverOrdersCipherSpecs.value,
            from: {
              kind: 'default',
              origin: `IBM MQ ${mqChannelDefaults().serverOrdersCipherSpecs.since}+: the queue manager orders CipherSpecs`,
            },
          }
        : undefined,
      clientAuth:
        server && cipher
          ? attrs.sslcauth
            ? traced(clientAuth, attrs.sslcauth.location)
            : {
                value: 'required',
                from: {
                  kind: 'default',
                  origin: `IBM MQ: SSLCAUTH(${mqChannelDefaults().sslcauth.value}) is the default`,
                },
              }
          : undefined,
      certificate: certificateRef(attrs.certificate),
      implementation: 'gskit',
      // A CipherSpec a template or the shell fills in (`SSLCIPH('${SSLCIPH}')`) decides the handshake: unknown.
      ...(cipher?.templated
        ? {
            unknownValues: [`SSLCIPH('${cipher.value}') of ${attrs.chltype} channel ${attrs.channelName}`],
            unknownAt: [
              { ...cipher.location, message: `SSLCIPH('${cipher.value}') is filled in when the script runs` },
            ],
          }
        : {}),
    },
  };
}

function isMqscDocument(doc: ParsedDocument): doc is ParsedDocument<MqscData> {
  return doc.kind === 'mq.mqsc';
}

/**
 * The certificate of the key IBM MQ's container image is given in a Secret it mounts (./mq-container-pki.ts): its
 * queue manager's certificate, whatever lies beside the MQSC.
 */
function containerKeyCertificate(
  ctx: ModelContext,
  certs: readonly TreeCertificate[],
  doc: ParsedDocument,
): TreeCertificate | undefined {
  const pki = containerPkiOf(ctx, doc);
  if (!pki || !('label' in pki)) return undefined;
  const { file, embeddedAt } = pki.keyStore;
  return certs.find((c) => c.doc.file.path === file && embeddedIn(c, embeddedAt));
}
