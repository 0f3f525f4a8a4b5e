/**
 * The IBM MQ connection factories of a JNDI `.bindings` file (../parse/jms-bindings.ts) as MQ clients, as a
 * WebSphere or Liberty factory is one (./was.ts): the channel (`CHAN`), queue manager (`QMGR`), host (`HOST`), CipherSuite
 * (`SCPHS`) and peer name (`SPEER`) the JMS administration tool stored, each under its short name or its XMSC name
 * (IBM MQ, "Properties of IBM MQ classes for JMS objects": CHANNEL/CHAN
 * https://www.ibm.com/docs/en/ibm-mq/10.0.x?topic=objects-channel, QMANAGER/QMGR
 * https://www.ibm.com/docs/SSFKSJ_9.2.0/com.ibm.mq.ref.dev.doc/q112350_.html, SSLCIPHERSUITE/SCPHS
 * https://ibm.com/support/knowledgecenter/SSFKSJ_9.3.0/refdev/q112530_.html, SSLPEERNAME/SPEER
 * https://www.ibm.com/docs/en/ibm-mq/10.0.x?topic=objects-sslpeername).
 * Only a factory in client mode connects over the network: TRANSPORT/TRAN is stored as the WMQConstants connection mode,
 * 1 (WMQ_CM_CLIENT); 0 (WMQ_CM_BINDINGS, the tool's default) talks to a local queue manager through JNI, with no
 * channel and no TLS (https://www.ibm.com/docs/en/ibm-mq/10.0.x?topic=objects-transport, WMQConstants
 * https://www.ibm.com/docs/en/ibm-mq/9.4.x?topic=20-wmqconstants). Any other mode, or none, is not read as a client.
 * A factory with a CCDT URL connects with the CCDT's channels, which are the client then, as for IBM MQ's Spring
 * starter (./spring-mq.ts).
 */
import { JMS_BINDINGS_KIND, type BoundObject, type JmsBindingsData } from '../parse/jms-bindings';
import type { ParsedDocument } from '../parse/types';
import type { JmsConnectionFactoryAttributes, MqValue } from './attributes';
import type { ModelContributor } from './contributor';
import { cfComponent, cipherMappings } from './was';

/** The classes of IBM MQ's JMS (and Jakarta Messaging) connection factories. */
const CONNECTION_FACTORY = /^com\.ibm\.mq\.(?:jakarta\.)?jms\.MQ(?:XA)?(?:Queue|Topic)?ConnectionFactory$/;
/** WMQConstants.WMQ_CM_CLIENT. */
const CLIENT_MODE = '1';

/** A property's value as stored, under its short name or its XMSC name; none when unset or empty. */
function stored(file: string, object: BoundObject, ...types: string[]): MqValue | undefined {
  for (const type of types) {
    const content = object.properties.get(type)?.content;
    if (!content) continue;
    const value = content.value.trim();
    return value ? { value, location: { file, range: content.valueRange }, templated: false } : undefined;
  }
  return undefined;
}

export const jmsBindingsContributor: ModelContributor = {
  id: 'jms-bindings',
  reads: [JMS_BINDINGS_KIND],
  contribute(ctx) {
    const root = ctx.deployment.root;
    for (const doc of ctx.documentsOf(JMS_BINDINGS_KIND) as ParsedDocument<JmsBindingsData>[]) {
      const file = doc.file.path;
      for (const object of doc.data.objects) {
        if (!object.className || !CONNECTION_FACTORY.test(object.className.value.trim())) continue;
        const mode = stored(file, object, 'TRAN', 'XMSC_WMQ_CONNECTION_MODE');
        if (mode?.value !== CLIENT_MODE || stored(file, object, 'CCDT', 'XMSC_WMQ_CCDTURL')) continue;
        const runtime = ctx.runtimeFor(file);
        const attrs: JmsConnectionFactoryAttributes = {
          product: 'jndi-bindings',
          factoryName: object.name,
          channel: stored(file, object, 'CHAN', 'XMSC_WMQ_CHANNEL'),
          queueManager: stored(file, object, 'QMGR', 'XMSC_WMQ_QUEUE_MANAGER'),
          host: stored(file, object, 'HOST', 'XMSC_WMQ_HOST_NAME', 'XMSC_WMQ_CONNECTION_NAME_LIST'),
          sslCipherSuite: stored(file, object, 'SCPHS', 'XMSC_WMQ_SSL_CIPHER_SUITE'),
          sslPeerName: stored(file, object, 'SPEER', 'XMSC_WMQ_SSL_PEER_NAME'),
          useIBMCipherMappings: cipherMappings(runtime),
        };
        if (attrs.channel) attrs.channelName = attrs.channel.value.toUpperCase();
        const at = object.className;
        ctx.addComponent(
          cfComponent(
            ctx.hostOf(file),
            doc,
            { file, range: { start: at.keyRange.start, end: at.valueRange.end } },
            attrs,
            runtime,
            root,
          ),
        );
      }
    }
  },
};
