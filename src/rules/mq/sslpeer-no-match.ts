import { defineRule } from '../types';
import type { TreeCertificate } from '../../model/mq-certs';
import { parsePeerFilter, peerMismatch } from './_lib/sslpeer';
import { display, mqLinks, related } from './_lib/shared';
import { isJmsConnectionFactory, isMqChannel } from '../../model/types';
import type { MqValue } from '../../model/attributes';

export default defineRule({
  meta: {
    id: 'mq/sslpeer-no-match',
    description:
      'Match SSLPEER / certificatePeerName / SSLPEERNAME against the DN of the certificate the peer presents, when it is in the tree',
    severity: 'error',
    appliesTo: { components: ['mq.svrconn'] },
    messages: {
      serverRejects:
        "Channel {{channel}} SSLPEER('{{filter}}') does not match the certificate {{client}} presents ({{certFile}}: {{dn}}): {{why}}. The queue manager ends the channel with AMQ9636 'SSL distinguished name does not match peer name' and the client sees RC=2059/2009 (JMSWMQ0018). Fix: change SSLPEER to match the client's DN, or issue the client a certificate with the expected DN",
      clientRejects:
        "{{client}} expects the queue manager's certificate to match '{{filter}}', but {{channel}} presents {{certFile}} ({{dn}}): {{why}}. The client refuses the connection with RC=2398 MQRC_SSL_PEER_NAME_MISMATCH (AMQ9636). MQ compares the DN only — never the host name. Fix: correct the peer name filter or the queue manager's certificate (CERTLABL)",
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
      if (sslpeer && sslpeer.value.trim() && !sslpeer.templated && clientCert) {
        const filter = parsePeerFilter(sslpeer.value);
        const why = filter.errors.length ? undefined : peerMismatch(filter, clientCert.cert.subject);
        if (why) {
          ctx.report({
            messageId: 'serverRejects',
            data: {
              channel: serverAttrs.channelName,
              filter: sslpeer.value,
              client: client.name,
              certFile: display(ctx.cwd, clientCert.doc.file.path),
              dn: clientCert.cert.subjectText,
              why,
            },
            location: sslpeer.location,
            related: [
              related(
                { file: clientCert.doc.file.path, range: clientCert.cert.range },
                `client certificate ${clientCert.cert.subjectText}`,
              ),
              related(client.location, `${client.name} connects here`),
              ...evidence,
            ],
            fingerprint: [server.id, client.id, sslpeer.value, clientCert.cert.fingerprintSha256],
          });
        }
      }
      // The client checks the queue manager's certificate against its own peer name.
      const qmCert = serverAttrs.certificate;
      if (clientPeer && clientPeer.value.trim() && !clientPeer.templated && qmCert) {
        const filter = parsePeerFilter(clientPeer.value);
        const why = filter.errors.length ? undefined : peerMismatch(filter, qmCert.cert.subject);
        if (why) {
          ctx.report({
            messageId: 'clientRejects',
            data: {
              client: client.name,
              filter: clientPeer.value,
              channel: `${serverAttrs.channelName} (${display(ctx.cwd, server.location.file)})`,
              certFile: display(ctx.cwd, qmCert.doc.file.path),
              dn: qmCert.cert.subjectText,
              why,
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
      }
    }
  },
});
