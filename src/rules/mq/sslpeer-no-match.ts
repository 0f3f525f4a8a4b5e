import { defineRule } from '../types';
import type { TreeCertificate } from '../../model/mq-certs';
import { parsePeerFilter, peerMismatch } from './_lib/sslpeer';
import { display, messageChannelLinks, mqLinks, related } from './_lib/shared';
import { isJmsConnectionFactory, isMqChannel } from '../../model/types';
import type { MqValue } from '../../model/attributes';
import type { MqChannelComponent } from '../../model/types';
import { said } from '../../core/phrase';

export default defineRule({
  meta: {
    id: 'mq/sslpeer-no-match',
    description:
      'Match SSLPEER / certificatePeerName / SSLPEERNAME against the DN of the certificate the peer presents (a client, a queue manager at the other end of a message channel), when it is in the tree',
    severity: 'error',
    appliesTo: { components: ['mq.svrconn'] },
    messages: {
      serverRejects:
        "Channel {{channel}} SSLPEER('{{filter}}') does not match the certificate {{client}} presents ({{certFile}}: {{dn}}): {{why}}. The queue manager ends the channel with AMQ9636 'SSL distinguished name does not match peer name' and the client sees RC=2059/2009 (JMSWMQ0018). Fix: change SSLPEER to match the client's DN, or issue the client a certificate with the expected DN",
      clientRejects:
        "{{client}} expects the queue manager's certificate to match '{{filter}}', but {{channel}} presents {{certFile}} ({{dn}}): {{why}}. The client refuses the connection with RC=2398 MQRC_SSL_PEER_NAME_MISMATCH (AMQ9636). MQ compares the DN only — never the host name. Fix: correct the peer name filter or the queue manager's certificate (CERTLABL)",
      receiverRejectsSender:
        "{{receiver}} SSLPEER('{{filter}}') does not match the certificate the queue manager of its partner {{sender}} ({{senderFile}}) presents ({{certFile}}: {{dn}}): {{why}}. The receiving queue manager refuses the channel with AMQ9636E 'SSL distinguished name does not match peer name' in its error log and the channel does not start. Fix: change SSLPEER to match the sending queue manager's DN, or give that queue manager (its CERTLABL) a certificate with the expected DN",
      senderRejectsReceiver:
        "{{sender}} SSLPEER('{{filter}}') does not match the certificate the queue manager of its partner {{receiver}} ({{receiverFile}}) presents ({{certFile}}: {{dn}}): {{why}}. The sending queue manager refuses the channel with AMQ9636E 'SSL distinguished name does not match peer name' in its error log and the channel does not start. MQ compares the DN only, never the CONNAME host. Fix: change SSLPEER to match the receiving queue manager's DN, or give that queue manager (its CERTLABL) a certificate with the expected DN",
    },
    defaultOptions: {},
    symptoms: ['AMQ9636', 'MQRC_SSL_PEER_NAME_MISMATCH', 'RC=2398', 'SSL distinguished name does not match peer name'],
  },
  check(ctx) {
    for (const { client, server, serverAttrs, evidence } of mqLinks(ctx.deployment)) {
      const clientCert: TreeCertificate | undefined =
        isJmsConnectionFactory(client) || isMqChannel(client) ? client.attributes.certificate : undefined;
      const clientPeer: MqValue | undefined = isJmsConnectionFactory(client)
        ? client.attributes.sslPeerName
        : isMqChannel(client)
          ? client.attributes.sslpeer
          : undefined;
      // The queue manager checks the client's certificate against the SVRCONN's SSLPEER.
      const sslpeer = serverAttrs.sslpeer;
      const serverWhy = filterRejects(sslpeer, clientCert);
      if (serverWhy && sslpeer && clientCert)
        ctx.report({
          messageId: 'serverRejects',
          data: {
            channel: serverAttrs.channelName,
            filter: sslpeer.value,
            client: client.name,
            certFile: display(ctx.cwd, clientCert.doc.file.path),
            dn: clientCert.cert.subjectText,
            why: serverWhy,
          },
          location: sslpeer.location,
          related: [
            related(
              { file: clientCert.doc.file.path, range: clientCert.cert.range },
              `client certificate ${clientCert.cert.subjectText}`,
            ),
            related(client.location, said`${client.name} connects here`),
            ...evidence,
          ],
          fingerprint: [server.id, client.id, sslpeer.value, clientCert.cert.fingerprintSha256],
        });
      // The client checks the queue manager's certificate against its own peer name.
      const qmCert = serverAttrs.certificate;
      const clientWhy = filterRejects(clientPeer, qmCert);
      if (clientWhy && clientPeer && qmCert)
        ctx.report({
          messageId: 'clientRejects',
          data: {
            client: client.name,
            filter: clientPeer.value,
            channel: said`${serverAttrs.channelName} (${display(ctx.cwd, server.location.file)})`,
            certFile: display(ctx.cwd, qmCert.doc.file.path),
            dn: qmCert.cert.subjectText,
            why: clientWhy,
          },
          location: clientPeer.location,
          related: [
            related(
              { file: qmCert.doc.file.path, range: qmCert.cert.range },
              `queue manager certificate ${qmCert.cert.subjectText}`,
            ),
            related(serverAttrs.nameLocation, `SVRCONN ${serverAttrs.channelName}`),
            ...evidence,
          ],
          fingerprint: [client.id, server.id, clientPeer.value, qmCert.cert.fingerprintSha256],
        });
    }
    // Queue manager to queue manager: each end's SSLPEER filters the other queue manager's certificate (IBM MQ
    // SSLPEER: "the certificate from the peer queue manager or client at the other end of an IBM MQ channel").
    for (const { sender, receiver, evidence } of messageChannelLinks(ctx.deployment)) {
      // Two queue managers configured from one directory: which certificate there is whose is not known.
      if (sender.attributes.qmgr?.homeDir === receiver.attributes.qmgr?.homeDir) continue;
      const data = {
        sender: sender.name,
        receiver: receiver.name,
        senderFile: display(ctx.cwd, sender.location.file),
        receiverFile: display(ctx.cwd, receiver.location.file),
      };
      const report = (
        messageId: 'receiverRejectsSender' | 'senderRejectsReceiver',
        peer: MqValue,
        cert: TreeCertificate,
        why: string,
        peerEnd: MqChannelComponent,
      ) =>
        ctx.report({
          messageId,
          data: {
            ...data,
            filter: peer.value,
            certFile: display(ctx.cwd, cert.doc.file.path),
            dn: cert.cert.subjectText,
            why,
          },
          location: peer.location,
          related: [
            related(
              { file: cert.doc.file.path, range: cert.cert.range },
              `certificate of ${peerEnd.name}'s queue manager: ${cert.cert.subjectText}`,
            ),
            related(peerEnd.attributes.nameLocation, `${peerEnd.attributes.chltype} ${peerEnd.attributes.channelName}`),
            ...evidence,
          ],
          fingerprint: [peerEnd.id, messageId, peer.value, cert.cert.fingerprintSha256],
        });
      // The receiving queue manager checks the sender's certificate: its CERTLABL's, else its queue manager's.
      const senderCert = sender.attributes.certificate;
      const receiverWhy = filterRejects(receiver.attributes.sslpeer, senderCert);
      if (receiverWhy && senderCert && receiver.attributes.sslpeer)
        report('receiverRejectsSender', receiver.attributes.sslpeer, senderCert, receiverWhy, sender);
      // The sender checks the receiving queue manager's certificate. A receiving channel with a CERTLABL of its own
      // presents that one to a sender that names the channel (SNI): which one is not known here, so not judged.
      const receiverCert = receiver.attributes.certlabl?.value.trim() ? undefined : receiver.attributes.certificate;
      const senderWhy = filterRejects(sender.attributes.sslpeer, receiverCert);
      if (senderWhy && receiverCert && sender.attributes.sslpeer)
        report('senderRejectsReceiver', sender.attributes.sslpeer, receiverCert, senderWhy, receiver);
    }
  },
});

/**
 * Why the certificate does not match a peer filter (SSLPEER, SSLPEERNAME), or undefined: no filter, a templated one, no
 * certificate in the tree, or a filter MQ would not parse (mq/sslpeer-syntax speaks of that one).
 */
function filterRejects(peer: MqValue | undefined, cert: TreeCertificate | undefined): string | undefined {
  if (!peer || !peer.value.trim() || peer.templated || !cert) return undefined;
  const filter = parsePeerFilter(peer.value);
  return filter.errors.length ? undefined : peerMismatch(filter, cert.cert.subject, cert.cert.serialNumber);
}
