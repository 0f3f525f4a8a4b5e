/**
 * A WildFly standalone.xml (shapes after WildFly 26's) with an Elytron key store httpsKS (key.jks relative to
 * jboss.server.config.dir), trust store httpsTS, key manager httpsKM (alias server), trust manager httpsTM, the server
 * SSL contexts `context` and the https listener (socket binding https, port 8443) bound to httpsSSC; `extra` goes
 * before the closing tag.
 */
export function elytronXml(context: string, extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<server xmlns="urn:jboss:domain:19.0">
    <profile>
        <subsystem xmlns="urn:wildfly:elytron:15.0">
            <tls>
                <key-stores>
                    <key-store name="httpsKS">
                        <credential-reference clear-text="\${env.KS_PASSWORD:changeit}"/>
                        <implementation type="JKS"/>
                        <file path="key.jks" relative-to="jboss.server.config.dir"/>
                    </key-store>
                    <key-store name="httpsTS">
                        <credential-reference clear-text="changeit"/>
                        <implementation type="JKS"/>
                        <file path="trust.jks" relative-to="jboss.server.config.dir"/>
                    </key-store>
                </key-stores>
                <key-managers>
                    <key-manager name="httpsKM" key-store="httpsKS" alias-filter="server">
                        <credential-reference clear-text="changeit"/>
                    </key-manager>
                </key-managers>
                <trust-managers>
                    <trust-manager name="httpsTM" key-store="httpsTS"/>
                </trust-managers>
                <server-ssl-contexts>
                    ${context}
                </server-ssl-contexts>
            </tls>
        </subsystem>
        <subsystem xmlns="urn:jboss:domain:undertow:13.0">
            <server name="default-server">
                <http-listener name="default" socket-binding="http" redirect-socket="https"/>
                <https-listener name="https" socket-binding="https" ssl-context="httpsSSC" enable-http2="true"/>
            </server>
        </subsystem>
    </profile>
    <socket-binding-group name="standard-sockets" default-interface="public" port-offset="\${jboss.socket.binding.port-offset:0}">
        <socket-binding name="http" port="\${jboss.http.port:8080}"/>
        <socket-binding name="https" port="\${jboss.https.port:8443}"/>
    </socket-binding-group>
${extra}</server>
`;
}
