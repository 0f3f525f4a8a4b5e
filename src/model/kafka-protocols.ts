/** What makes a Kafka end speak TLS, shared by the readers of Kafka's settings (Spring Boot, Compose, properties files). */

/** Kafka's security protocols that speak TLS (org.apache.kafka.common.security.auth.SecurityProtocol). */
export const KAFKA_TLS_PROTOCOLS: ReadonlySet<string> = new Set(['SSL', 'SASL_SSL']);

/**
 * Whether a listener of the list speaks TLS: its security protocol (the map's, else its own name) is SSL or SASL_SSL
 * (https://kafka.apache.org/documentation/#brokerconfigs_listener.security.protocol.map).
 */
export function listenersSpeakTls(listeners: string, map: string | undefined): boolean {
  const protocols = new Map(
    (map ?? '').split(',').flatMap((pair) => {
      const [listener, protocol] = pair.split(':').map((s) => s.trim().toUpperCase());
      return listener && protocol ? [[listener, protocol] as const] : [];
    }),
  );
  return listeners.split(',').some((listener) => {
    const name = /^\s*([A-Za-z0-9_-]+):\/\//.exec(listener)?.[1]?.toUpperCase();
    return name !== undefined && KAFKA_TLS_PROTOCOLS.has(protocols.get(name) ?? name);
  });
}
