/**
 * ActiveMQ's JNDI settings files: a `jndi.properties` on a JMS client's class path (javax.naming.InitialContext reads
 * every `jndi.properties` resource) whose `java.naming.factory.initial` is one of ActiveMQ's initial context factories.
 * They name the broker the client connects to: Classic's `org.apache.activemq.jndi.ActiveMQInitialContextFactory`
 * gives every connection factory `java.naming.provider.url` (ActiveMQConnectionFactory.buildFromProperties, else
 * `brokerURL`; `connection.<name>.<key>` overrides it for one: apache/activemq@activemq-6.1.6
 * activemq-client/…/jndi/ActiveMQInitialContextFactory.java), Artemis's
 * `org.apache.activemq.artemis.jndi.ActiveMQInitialContextFactory` makes a connection factory of
 * `java.naming.provider.url` and one of each `connectionFactory.<name>=<url>` (apache/activemq-artemis@2.44.0
 * artemis-jms-client/…/jndi/ActiveMQInitialContextFactory.java). Read with java.util.Properties, as JNDI does.
 */
import { lastPathSegment } from '../core/path-name';
import { keptProperties, parseProperties } from './properties';
import type { FormatHandler, ParsedDocument } from './types';

/** The kind of an ActiveMQ client's jndi.properties. */
export const ACTIVEMQ_JNDI_KIND = 'jndi.activemq';

/** What a jndi.properties file says about its broker: the product whose initial context factory it names. */
export interface ActiveMqJndiData {
  product: 'artemis' | 'classic';
}

/** `java.naming.factory.initial` naming one of ActiveMQ's factories, at a line start. */
const FACTORY =
  /^[ \t]*java\.naming\.factory\.initial[ \t]*[=:][ \t]*org\.apache\.activemq\.(artemis\.)?jndi\.ActiveMQInitialContextFactory[ \t]*$/m;

export const activemqJndiFormat: FormatHandler = {
  id: 'activemq-jndi',
  classify(filePath, head) {
    return lastPathSegment(filePath) === 'jndi.properties' && FACTORY.test(head) ? ACTIVEMQ_JNDI_KIND : undefined;
  },
  parse(file, kind): ParsedDocument<ActiveMqJndiData> {
    // InitialContext loads it with java.util.Properties.load: a `#` after a value is part of the value.
    const { entries, comments, problems } = parseProperties(file.text, {
      commentsInValues: true,
      byteOrderMark: file.hadBom,
    });
    const factory =
      keptProperties(entries)
        .find((e) => e.key === 'java.naming.factory.initial')
        ?.value.trim() ?? '';
    const data: ActiveMqJndiData = { product: factory.includes('.artemis.') ? 'artemis' : 'classic' };
    return { file, kind, entries, comments, problems, data };
  },
};
