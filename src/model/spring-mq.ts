/**
 * IBM MQ's Spring Boot starter (ibm-messaging/mq-jms-spring): `ibm.mq.*` settings make the app's JMS connection
 * factory to a queue manager — `queueManager`, `channel`, `connName`, `sslCipherSuite`/`sslCipherSpec`,
 * `sslPeerName`, `useIBMCipherMappings` (which sets the JVM's com.ibm.mq.cfg.useIBMCipherMappings), `sslBundle`.
 * Spring's relaxed binding reads `ibm.mq.conn-name` as `connName`. https://github.com/ibm-messaging/mq-jms-spring#readme
 */
import { springKey, springKeyUnder } from '../parse/spring';
import type { Entry } from '../parse/types';
import { entryLocation } from '../parse/types';
import type { JmsConnectionFactoryAttributes, MqValue } from './attributes';
import type { Component, JmsConnectionFactoryComponent, Traced } from './types';
import type { SpringSettings } from './spring-settings';
import { cfComponent, cipherMappings } from './was';

/** A Spring setting's key as the starter's field: `ibm.mq.ssl-cipher-suite` → `sslciphersuite`. */
const field = (key: string) => springKey(key).slice('ibm.mq.'.length);

/**
 * The factory the starter builds from the app's settings (default profile, then the active profiles'), when they
 * name a channel or a connection name. A `ccdtUrl` is taken in preference to both (the starter's README): the
 * CCDT's own channels are the client then, so no factory is made here.
 */
export function springMqFactory(
  spring: SpringSettings,
  activeProfiles: string[] | undefined,
  app: Component,
  root: string,
): JmsConnectionFactoryComponent | undefined {
  const docOf = spring.doc;
  const settings = new Map<string, Entry>();
  for (const entry of spring.entries) if (springKeyUnder(entry, 'ibm.mq.')) settings.set(field(entry.key), entry);
  const channel = settings.get('channel');
  const connName = settings.get('connname');
  if ((!channel && !connName) || settings.get('ccdturl')?.value.trim()) return undefined;
  const value = (entry: Entry | undefined): MqValue | undefined =>
    entry && entry.value.trim()
      ? {
          value: entry.value.trim(),
          location: entryLocation(docOf(entry), entry, 'value'),
          templated: /\$\{|\{\{/.test(entry.value),
        }
      : undefined;
  const mappings = settings.get('useibmciphermappings');
  const useIBMCipherMappings: Traced<boolean> = mappings
    ? {
        value: mappings.value.trim().toLowerCase() !== 'false',
        from: { kind: 'file', location: entryLocation(docOf(mappings), mappings, 'value') },
      }
    : cipherMappings(app.runtime);
  const attrs: JmsConnectionFactoryAttributes = {
    product: 'spring',
    factoryName: 'ibm.mq',
    channel: value(channel),
    queueManager: value(settings.get('queuemanager')),
    host: value(connName),
    // A CipherSpec (sslCipherSpec) overrides the CipherSuite when both are set, as in IBM's XMSC_WMQ_SSL_CIPHER_SPEC:
    // https://www.ibm.com/docs/SSFKSJ_9.2.0/com.ibm.mq.ref.dev.doc/prx_wmq_ssl_cipher_suite.html
    sslCipherSuite: value(settings.get('sslcipherspec')) ?? value(settings.get('sslciphersuite')),
    sslPeerName: value(settings.get('sslpeername')),
    useIBMCipherMappings,
    ...(activeProfiles ? { activeProfiles } : {}),
  };
  if (attrs.channel && !attrs.channel.templated) attrs.channelName = attrs.channel.value.toUpperCase();
  const at = (channel ?? connName) as Entry;
  const doc = docOf(at);
  const factory = cfComponent(app.host, doc, entryLocation(doc, at, 'line'), attrs, app.runtime, root);
  // Every file the app's settings came from: the stores may be named in another (./spring-stores.ts).
  return { ...factory, documents: [doc, ...new Set(spring.placed.map((p) => p.doc).filter((d) => d !== doc))] };
}
