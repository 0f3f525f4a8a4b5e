import type { RuleRelated } from '../types';
import * as path from 'node:path';
import { defineRule } from '../types';
import type { TreeCertificate } from '../../model/mq-certs';
import { containersMounting, usedApartBy } from '../../model/compose-mounts';
import { projectOfFile } from '../../core/build-files';
import { testResourcesDir } from '../../core/test-fixture-dirs';

import {
  caRecordCopy,
  certLocation,
  certificateUse,
  certificatesOf,
  certName,
  notServedWhy,
  ownerName,
  ownerWords,
  storeRelated,
} from './_lib/shared';
import { said } from '../../core/phrase';
import type { ParsedDocument } from '../../parse/types';
import type { PemData } from '../../parse/pem';
import type { MqscData } from '../../parse/mqsc';
import { relativePosix } from '../../core/posix-path';
import { presenterName } from '../../derive/certificate-files';
import { isMqChannel } from '../../model/types';

/** Whether a certificate's private key file lies in the certificate's own directory. */
const besideKey = (keyFile: string | undefined, c: TreeCertificate) =>
  keyFile !== undefined && path.dirname(keyFile) === path.dirname(c.doc.file.path);

/** A directory named for a certificate authority. */
const CA_DIR = /^(ca|root-?ca|ca-?root|intermediate(-?ca)?|certificate-?authority)$/i;

/** A file's name without its extension and a last `cert`/`certificate`/`crt`/`key` word: ca_cert.pem, ca.key.pem → ca. */
const pairName = (file: string) =>
  path
    .basename(file)
    .toLowerCase()
    .replace(/\.[^.]+$/, '')
    .replace(/[-_.]?(certificate|cert|crt|key)$/, '');

/**
 * The CA's key beside its certificate under the same name (`ca.pem` and `ca.key`, `ca_cert.pem` and `ca_key.pem`) when
 * the key cannot be opened: a passphrase-protected key (`openssl req -x509 -newkey` without `-nodes`, `openssl genrsa
 * -aes256`), whose public key is unknown, so it pairs with no certificate by key. Soundatnj/zuul-proxy-mutual-tls@4ff9890's
 * CAs/client holds ca.pem, ca.key (`Proc-Type: 4,ENCRYPTED`), ca.srl and the client's certificate and key it issued.
 */
function lockedKeyBeside(c: TreeCertificate, lockedKeyFiles: ReadonlySet<string>): boolean {
  const dir = path.dirname(c.doc.file.path);
  const name = pairName(c.doc.file.path);
  return [...lockedKeyFiles].some((k) => path.dirname(k) === dir && pairName(k) === name);
}

/** A directory name without a trailing instance number: `standalone2` → `standalone`, `node-1` → `node`. */
const instanceStem = (name: string) => name.replace(/[-_.]?\d+$/, '');

/** Two directories that differ in one name only, and there only by a trailing instance number. */
function instanceSiblings(a: string, b: string): boolean {
  const [partsA, partsB] = [a.split(path.sep), b.split(path.sep)];
  if (partsA.length !== partsB.length) return false;
  const differing = partsA.flatMap((part, i) => (part === partsB[i] ? [] : [[part, partsB[i] ?? ''] as const]));
  return (
    differing.length === 1 && differing.every(([x, y]) => instanceStem(x) === instanceStem(y) && instanceStem(x) !== '')
  );
}

/** A Kubernetes manifest (or the envsubst template of one) holding configuration under a key. */
const MANIFEST_FILE = /\.ya?ml(_template|\.tpl|\.template)?$/i;
/** The kinds of the configurations whose directory is a component's home (model/mq-certs.ts componentHomes). */
const HOME_KIND = /^(mq|was|liberty)\./;

/**
 * A certificate after the first of its PEM file, with no private key in the tree: a chain member, sent after the
 * file's own certificate or, in IBM MQ's container, put in the key repository as one of its CA certificates
 * (ibm-messaging/mq-container@015158d internal/tls/tls.go processCertificates, Apache-2.0: the first block is the
 * public certificate, the others its chain), never an identity. bpaskin/CloudPak4Integration@7e92c65's MQ/mq-setup.yaml
 * tls.crt holds CN=localhost, whose key tls.key is, then a DigiCert CA and IBM's own *.ibm.com certificate.
 */
const chainMember = (c: TreeCertificate) =>
  !c.store && 'certificates' in c.doc.data && c.doc.data.certificates.indexOf(c.cert) > 0;

/** The places in their order, each once (one setting may name both copies, or one copy and decide the project). */
const onePlaceEach = (places: RuleRelated[]) =>
  places.filter(
    (r, i) =>
      places.findIndex(
        (o) =>
          o.file === r.file &&
          o.range?.start.line === r.range?.start.line &&
          o.range?.start.character === r.range?.start.character,
      ) === i,
  );

export default defineRule({
  meta: {
    id: 'cert/shared-private-key',
    description: 'Warn when two components (e.g. two queue managers) present certificates with the same key pair',
    severity: 'warning',
    messages: {
      shared:
        '{{owner}} uses the same key pair as {{other}} ({{dn}}): one private key serves both, so a leak from either exposes both, and a peer that authorises by certificate (MQ SSLPEER, a client-certificate check) cannot tell the two apart. Issue each its own certificate and key',
    },
    defaultOptions: {},
    symptoms: [],
  },
  check(ctx) {
    const byKey = new Map<string, TreeCertificate[]>();
    const certificates = certificatesOf(ctx.deployment);
    const files = ctx.deployment.derived.certificateFiles;
    // Certificates of key entries: the store holds their private key.
    const keyed = new Set(certificates.filter((c) => c.store && c.hasPrivateKey).map((c) => c.cert.fingerprintSha256));
    for (const c of certificates) {
      // A store's trusted certificates (a peer's certificate imported to trust it) are copies of a public key, not of a private one.
      // A CA's record copy of a certificate it issued (openssl ca's newcerts/<serial>.pem) holds no key either, nor does
      // a certificate file with no key beside it that is the very certificate of a key entry of a store of the tree:
      // the published copy for peers to trust (gmjdev/microservices-demo's certs/localhost.cer, the services' key stores).
      // A key entry in a file every component naming it names as its trust store (felipewind/quarkus-mutual-tls-demo's
      // server-truststore-clients.jks holds the client's key) is no component's identity: the store presents nothing
      // (security/plaintext-secret reports the key it should not hold).
      if (c.cert.isCa || (c.store && !c.hasPrivateKey) || caRecordCopy(c) || files.trustOnly.has(c.doc.file.path))
        continue;
      if (!c.hasPrivateKey && (keyed.has(c.cert.fingerprintSha256) || chainMember(c))) continue;
      const list = byKey.get(c.cert.publicKeySha256) ?? [];
      if (!list.some((x) => x.ownerDir === c.ownerDir)) list.push(c);
      byKey.set(c.cert.publicKeySha256, list);
    }
    const mounts = ctx.deployment.composeMounts ?? [];
    // The Maven or Gradle project holding a file: the nearest directory with a build file at or above it.
    const projectOf = projectOfFile(ctx.deployment.buildProjects ?? []);
    /**
     * Copies inside one application's source tree (rahulsingh336/spring-boot-ssl-mutual-authentication-master's
     * secure-server/security/server-keystore.jks and its src/main/resources copies), of which at most one is used,
     * are one application's key kept twice in its repository, not a key copied to a second machine.
     */
    const sameProject = (a: TreeCertificate, b: TreeCertificate) => {
      const project = projectOf(a.doc.file.path);
      return project !== undefined && project === projectOf(b.doc.file.path);
    };
    /** What uses a certificate's file, as places to name (none known for `perhaps`); undefined when nothing does. */
    const used = (c: TreeCertificate): RuleRelated[] | undefined => {
      const use = certificateUse(ctx.deployment, c);
      if (use.use === 'unnamed') return undefined;
      if (use.use === 'not-served') return notServedWhy(c, use.by).related;
      return 'by' in use ? use.by : []; // `perhaps`: a placeholder nothing resolves may name it
    };
    /**
     * Or both used, but the same certificate and by the project's own alternative runs, no container mounting either
     * (lachlan-roberts/jetty-maven-plugin-https-example: etc/store.jks for `mvn jetty:run`, jetty-base/etc/store.jks for
     * `jetty:run-distro`, one demo server on one port): one application's identity, not a key on two machines.
     */
    const oneApplication = (a: TreeCertificate, b: TreeCertificate) =>
      sameProject(a, b) &&
      (used(a) === undefined ||
        used(b) === undefined ||
        (a.cert.fingerprintSha256 === b.cert.fingerprintSha256 &&
          [a, b].every((c) => containersMounting(mounts, c.doc.file.path).length === 0)));
    /**
     * Two copies of one certificate that nothing names and no key accompanies (sameer-sarmah/spring-oauth-mtls's
     * mtls_client.cer in auth-server-mtls and resource-server-mtls, kept to trust the client) are copies of a public
     * certificate: nothing in the tree shows its private key anywhere, let alone in two places.
     */
    const publicCopies = (a: TreeCertificate, b: TreeCertificate) =>
      a.cert.fingerprintSha256 === b.cert.fingerprintSha256 &&
      [a, b].every((c) => !c.store && !c.hasPrivateKey && used(c) === undefined);
    /**
     * A copy in the resources of a test source set (`src/test/resources`) is a fixture of the tests, on their classpath
     * only and never packaged: no machine presents it. GeorgeLvov/spring-boot-mtls's client and server modules each
     * keep both key stores there, the client's tests to stand a stub in for the server, the server's to call itself.
     */
    const testFixture = (c: TreeCertificate) =>
      testResourcesDir(relativePosix(ctx.deployment.root, c.doc.file.path)) !== undefined;
    /**
     * The directories that hold a CA certificate with its private key beside it: where certificates are issued (the
     * output of a tls-gen or openssl script: robert0714/RabbitMQ-SSL-2025's Certificates/ holds ca_certificate.pem,
     * ca_key.pem and every leaf with its key, copied from there to Docker/ssl for the broker and to Python/ for the
     * client). A copy there that nothing names is the issuer's, not a machine's: a machine that presents a leaf does
     * not hold its CA's key.
     */
    const lockedKeyFiles = new Set(
      ctx.deployment.documents.flatMap((d) =>
        d.kind === 'pem.private-key' &&
        (d as ParsedDocument<PemData>).data.privateKeys.every((k) => k.publicKeySha256 === undefined)
          ? [d.file.path]
          : [],
      ),
    );
    const issuingDirs = new Set(
      certificates.flatMap((c) =>
        c.cert.isCa && !c.store && (besideKey(c.privateKeyFile, c) || lockedKeyBeside(c, lockedKeyFiles))
          ? [path.dirname(c.doc.file.path)]
          : [],
      ),
    );
    /**
     * A CA's own directory (`keys/ca`) inside a directory below the deployment's: an issuing script's output tree, each
     * party's files in a directory beside the CA's (microservices-security-in-action/samples@c3c2dcf chapter06/keys/ca
     * and keys/orderprocessing, which gen-key.sh writes; the sample's copy is sample01/orderprocessing.jks).
     */
    const issuingTrees = new Set(
      [...issuingDirs].flatMap((dir) =>
        CA_DIR.test(path.basename(dir)) && path.dirname(dir) !== ctx.deployment.root ? [path.dirname(dir)] : [],
      ),
    );
    const issuerCopy = (c: TreeCertificate) => {
      const dir = path.dirname(c.doc.file.path);
      return (issuingDirs.has(dir) || issuingTrees.has(path.dirname(dir))) && used(c) === undefined;
    };
    /**
     * The directories holding a store or certificate some setting names. A bind mount of such a directory carries every
     * file in it, but the container presents only the ones its settings name: a cp-kafka broker mounting `./certs/`
     * with KAFKA_SSL_KEYSTORE_FILENAME naming kafka.server.keystore.jks does not present the client key store kept
     * beside it, whose copy the Spring client names (ttt9912/spring-kafka@efde190 kafka-mtls). A directory no setting
     * names a file in is read by the image's convention (MQ's /etc/mqm/pki/keys): its mount still counts.
     */
    const namedDirectories = new Set(
      [...files.inUse.keys()].flatMap((file) => {
        const dirs: string[] = [];
        for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir)) dirs.push(dir);
        return dirs;
      }),
    );
    /**
     * Directories whose every MQ, WebSphere or Liberty configuration is embedded in a Kubernetes manifest (MQSC under a
     * ConfigMap's key): the queue manager runs in a pod and has the key repository its QueueManager's spec.pki or its
     * volumes mount, never the files beside its manifests. jjodl/mqoncp4i@b67913a's nativeha-crr-poc/deploy keeps
     * mq02ha.crt and mq02ha.key, which 1-live-deploy.sh writes into the Secret of x-1-live-active.yaml, beside cm.yaml.
     */
    const manifestHomes = new Map<string, boolean>();
    for (const d of ctx.deployment.documents) {
      if (!HOME_KIND.test(d.kind)) continue;
      const dir = path.dirname(d.file.path);
      // A ConfigMap's MQSC is read as the manifest's own document (parse/mqsc.ts `embedded`), its other keys as documents of their own.
      const underKey =
        d.embedded !== undefined || (d.kind === 'mq.mqsc' && (d as ParsedDocument<MqscData>).data.embedded);
      const manifest = underKey && MANIFEST_FILE.test(d.file.path);
      manifestHomes.set(dir, (manifestHomes.get(dir) ?? true) && manifest);
    }
    const presenterSets = new Map<TreeCertificate, { by: ReadonlySet<string>; at: RuleRelated[] }>();
    /**
     * Who presents a copy as its own identity, and the places that say so: the components whose key store or
     * certificate setting names its file (derive/certificate-files.ts `presentedBy`), else the MQ or WebSphere
     * configuration whose directory holds it (it picks its certificate there by label), and the Compose containers a
     * bind mount puts it into. None when nothing the tree shows presents it (a backup, a copy left behind, a step of a
     * tutorial's procedure), when only a server serving no TLS names it, or when its store is named for another alias.
     */
    const presenters = (c: TreeCertificate) => {
      const known = presenterSets.get(c);
      if (known) return known;
      const use = certificateUse(ctx.deployment, c);
      const file = c.doc.file.path;
      const presents = use.use !== 'not-served' && use.use !== 'other-alias';
      const by = new Set(presents ? (files.presentedBy.get(file) ?? []) : []);
      if (use.use === 'named' && by.size === 0 && c.homeConfig && !manifestHomes.get(path.dirname(c.homeConfig)))
        by.add(c.homeConfig);
      const at: RuleRelated[] = by.size > 0 && use.use === 'named' ? [...use.by] : [];
      for (const m of presents ? containersMounting(mounts, file) : []) {
        if (m.hostPath !== file && !files.inUse.has(file) && namedDirectories.has(m.hostPath)) continue;
        by.add(m.container);
        at.push({ ...m.at, message: said`Compose mounts ${path.basename(file)} into ${m.service} here` });
      }
      const found = { by, at };
      presenterSets.set(c, found);
      return found;
    };
    /**
     * Per presenter, the queue manager that the IBM MQ Operator's QueueManager resources applying its channel's MQSC
     * name, when they name one (model/mq-qmgr-names.ts). Resources of one name run one queue manager: the live and the
     * recovery group of a Native HA Cross-Region Replication configuration run it in two regions, the recovery group
     * continuing it after a switchover or failover (https://www.ibm.com/docs/SSFKSJ_9.4.0/container/Switchover_Failover.html),
     * so both present its certificate (jjodl/mqoncp4i@b67913a nativeha-crr-poc/deploy x-1-live-active.yaml and
     * x-2-recovery.yaml: mq02ha, one Secret's copy each).
     */
    const operatorQueueManager = new Map<string, string>();
    for (const component of ctx.deployment.components) {
      if (!isMqChannel(component)) continue;
      const names = new Set((component.attributes.qmgr?.namedBy ?? []).flatMap((n) => (n.byResource ? [n.name] : [])));
      const [name] = names;
      if (name !== undefined && names.size === 1) operatorQueueManager.set(presenterName(component), name);
    }
    /** Whether every presenter is a channel of one queue manager the operator's resources name. */
    const oneQueueManager = (presenting: readonly string[]) => {
      const names = new Set(presenting.map((p) => operatorQueueManager.get(p)));
      return names.size === 1 && !names.has(undefined);
    };
    /**
     * Copies of one certificate (the same certificate with its key, byte for byte or in another store format) are one
     * identity kept twice unless two different components present them: a `keystore.jks.bak` beside the store a
     * server names, a tutorial's working folders (girirajsharma/wildfly-ssl-examples's workplace/server.keystore and
     * workplace/certificates/serverCert.p12), alternative example scenarios that each keep the same server.pem
     * (confluentinc/confluent-kubernetes-examples). A different certificate issued for the same key pair is a
     * second identity made on purpose (seed 002: two queue managers' certificates): those pairs are judged below as
     * before.
     */
    const oneIdentity = (a: TreeCertificate, b: TreeCertificate) => {
      if (a.cert.fingerprintSha256 !== b.cert.fingerprintSha256) return false;
      const [pa, pb] = [presenters(a).by, presenters(b).by];
      return (
        pa.size === 0 ||
        pb.size === 0 ||
        (pa.size === pb.size && [...pa].every((p) => pb.has(p))) ||
        oneQueueManager([...pa, ...pb])
      );
    };
    /** The presenters that are IBM MQ channels: each queue manager should have its own identity (SSLPEER tells them apart). */
    const mqPresenters = new Set(
      ctx.deployment.components.flatMap((component) => (isMqChannel(component) ? [presenterName(component)] : [])),
    );
    /**
     * Copies of one certificate in the homes of numbered instances of one server (`standalone` and `standalone2`,
     * `node1` and `node2`: directories that differ in one name, and there only by a number) are one service's identity
     * deployed to each of its nodes, as a load-balanced cluster serves one host name; no queue manager among them.
     * rafaelcn1dev/jboss7.0@5512d30 keeps sapldisis03.tjpe.gov.br.jks in standalone/configuration and standalone2/configuration,
     * each standalone.xml naming it for the host's certificate.
     */
    const numberedInstances = (a: TreeCertificate, b: TreeCertificate) =>
      a.cert.fingerprintSha256 === b.cert.fingerprintSha256 &&
      instanceSiblings(a.ownerDir, b.ownerDir) &&
      [a, b].every((c) => !c.homeProducts?.includes('mq') && ![...presenters(c).by].some((p) => mqPresenters.has(p)));
    let usedApart: ((a: string, b: string) => boolean) | undefined;
    for (const list of byKey.values()) {
      if (list.length < 2) continue;
      usedApart ??= usedApartBy(mounts);
      const apart = usedApart;
      for (const [i, c] of list.entries()) {
        // Files that only different Compose projects mount (alternative fixture sets of one test, each mounted at
        // /etc/nginx/certs by its own Compose file) are not used together: the pair counts only against a copy that can be.
        const earlier = list
          .slice(0, i)
          .find(
            (o) =>
              !apart(o.doc.file.path, c.doc.file.path) &&
              !oneIdentity(o, c) &&
              !numberedInstances(o, c) &&
              !oneApplication(o, c) &&
              !publicCopies(o, c) &&
              !testFixture(o) &&
              !testFixture(c) &&
              !issuerCopy(o) &&
              !issuerCopy(c),
          );
        if (!earlier) continue;
        ctx.report({
          messageId: 'shared',
          data: { owner: ownerWords(ctx.deployment, c), other: ownerWords(ctx.deployment, earlier), dn: certName(c) },
          location: certLocation(c),
          related: [
            { ...certLocation(earlier), message: said`same key pair in ${ownerWords(ctx.deployment, earlier)}` },
            ...(storeRelated(c).related ?? []),
            ...(storeRelated(earlier).related ?? []),
            // What presents each copy of one certificate, or in one project what uses each, is what makes them two
            // keys in use, not one kept twice.
            ...onePlaceEach([
              ...(c.cert.fingerprintSha256 === earlier.cert.fingerprintSha256
                ? [...presenters(c).at, ...presenters(earlier).at]
                : []),
              ...(sameProject(c, earlier) ? [...(used(c) ?? []), ...(used(earlier) ?? [])] : []),
            ]),
          ],
          fingerprint: [c.cert.publicKeySha256, ownerName(ctx.deployment, c)],
        });
      }
    }
  },
});
