"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.generateFleet = generateFleet;
/**
 * Fleet generator for the benchmark and the sharding tests (issue 10).
 *
 * Writes N deployments under `<out>/envs/env-NNNNN/`, each about 12 files, in three
 * shapes taken from examples/: ClearTrust (servers, agent, JDK), MQ/WAS/Liberty
 * (MQSC, CCDT, mqclient.ini, resources.xml/security.xml, certificates) and
 * Java web (Tomcat, nginx, Spring, Liberty jvm.options, setenv.sh, systemd, Dockerfile).
 * Every deployment has a JDK `release` and a `java.security`. A controlled fraction of
 * deployments carries one planted defect (same defects as the *-broken examples).
 * Output is a pure function of (count, seed, defectRate): same arguments, same bytes.
 *
 * Also writes `<out>/lint-deploy.config.json` with `"deployments": ["envs/*"]`, unless `config: false`
 * (`--no-config`): then lint-deploy must find the environments from the content (docs/deployments.md).
 *
 * CLI (after `npm run bench` bundles it): node bench/out/genfleet.cjs <out> <count> [seed] [defectRate] [--no-config]
 */
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const seeded_random_1 = require("../test/helpers/seeded-random");
const rngFrom = seeded_random_1.seededRandom;
const pick = (rng, items) => {
    const item = items[Math.floor(rng() * items.length)];
    if (item === undefined)
        throw new Error('genfleet: nothing to pick from');
    return item;
};
/** Writes the fleet; returns what it wrote. The directory is emptied first. */
function generateFleet(outDir, options) {
    const rng = rngFrom(options.seed ?? 42);
    const defectRate = options.defectRate ?? 0.2;
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.mkdirSync(outDir, { recursive: true });
    const summary = { deployments: 0, files: 0, bytes: 0, defects: {} };
    const write = (file, text) => {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, text);
        summary.files++;
        summary.bytes += Buffer.byteLength(text);
    };
    if (options.config !== false) {
        write(path.join(outDir, 'lint-deploy.config.json'), JSON.stringify({ deployments: ['envs/*'] }, null, 2) + '\n');
        summary.files--; // the config is not part of any deployment
    }
    const shapes = SHAPES.filter((s) => options.shapes?.includes(s.id));
    const width = Math.max(4, String(options.count - 1).length);
    for (let i = 0; i < options.count; i++) {
        const name = `env-${String(i).padStart(width, '0')}`;
        const root = path.join(outDir, 'envs', name);
        const shape = options.shapes ? shapes[i % shapes.length] : pick(rng, SHAPES);
        if (!shape)
            throw new Error('genfleet: no environment shape to write');
        const defect = rng() < defectRate ? pick(rng, shape.defects) : undefined;
        const files = shape.write({ rng, name, index: i, defect });
        for (const [relative, text] of Object.entries(files))
            write(path.join(root, relative), text);
        if (defect)
            summary.defects[`envs/${name}`] = `${shape.id}:${defect}`;
        summary.deployments++;
    }
    return summary;
}
const JDKS = [
    { implementor: 'Oracle Corporation', version: '1.8.0_202' },
    { implementor: 'Oracle Corporation', version: '1.8.0_351' },
    { implementor: 'Eclipse Adoptium', version: '11.0.21' },
    { implementor: 'Eclipse Adoptium', version: '17.0.15' },
    { implementor: 'IBM Corporation', version: '8.0.8.15' },
];
/** A container image of the same vendor and feature release as a generated JDK (tag without update). */
function imageOf(jdk) {
    const feature = jdk.version.startsWith('1.') ? jdk.version.split('.')[1] : jdk.version.split('.')[0];
    if (jdk.implementor.startsWith('IBM'))
        return `ibmjava:${feature}-jre`;
    if (jdk.implementor.startsWith('Eclipse'))
        return `eclipse-temurin:${feature}-jre`;
    return `openjdk:${feature}-jre`;
}
function jdkRelease(implementor, version) {
    return `IMPLEMENTOR="${implementor}"\nJAVA_VERSION="${version}"\nOS_NAME="Linux"\nOS_VERSION="2.6"\nOS_ARCH="amd64"\nSOURCE=".:6a4ef4c82bfb"\n`;
}
/** A site override of java.security: the long comment blocks of the JDK's file plus the TLS keys. */
function javaSecurity(rng, legacyTls) {
    const comment = (title, lines) => [
        `#`,
        `# ${title}`,
        `#`,
        ...Array.from({ length: lines }, (_, n) => `# ${LOREM[(n + Math.floor(rng() * 7)) % LOREM.length]}`),
        `#`,
    ].join('\n');
    const parts = [
        comment('This is the "master security properties file" (site copy, managed by the platform team).', 12),
        'security.provider.1=SUN\nsecurity.provider.2=SunRsaSign\nsecurity.provider.3=SunEC\nsecurity.provider.4=SunJSSE\nsecurity.provider.5=SunJCE',
        comment('Sun Provider SecureRandom seed source.', 10),
        'securerandom.source=file:/dev/random\nsecurerandom.strongAlgorithms=NativePRNGBlocking:SUN,DRBG:SUN',
        comment('Algorithm restrictions for certification path (CertPath) processing', 20),
        'jdk.certpath.disabledAlgorithms=MD2, MD5, SHA1 jdkCA & usage TLSServer, \\\n    RSA keySize < 1024, DSA keySize < 1024, EC keySize < 224',
        comment('Algorithm restrictions for Secure Socket Layer/Transport Layer Security (SSL/TLS/DTLS) processing', 30),
        legacyTls
            ? 'jdk.tls.disabledAlgorithms=SSLv3, RC4, DES, MD5withRSA, DH keySize < 1024, \\\n    EC keySize < 224, 3DES_EDE_CBC, NULL'
            : 'jdk.tls.disabledAlgorithms=SSLv3, TLSv1, TLSv1.1, RC4, DES, MD5withRSA, \\\n    DH keySize < 1024, EC keySize < 224, 3DES_EDE_CBC, anon, NULL',
        'jdk.tls.legacyAlgorithms=NULL, anon, RC4, DES, 3DES_EDE_CBC',
        comment('Policy for the XML Signature secure validation mode.', 16),
        'crypto.policy=unlimited',
    ];
    return parts.join('\n') + '\n';
}
const LOREM = [
    'The syntax of the disabled algorithm string is described as follows:',
    'DisabledAlgorithms: " DisabledAlgorithm { , DisabledAlgorithm } "',
    'Note: The algorithm restrictions do not apply to trust anchors or',
    'self-signed certificates.',
    'This property may be overridden by the Security property of the same name',
    'in a file referenced by the java.security.properties system property.',
    'In some environments, certain algorithms or key lengths may be undesirable',
    'when using SSL/TLS/DTLS. This section describes the mechanism for disabling',
    'algorithms during SSL/TLS/DTLS security parameters negotiation.',
    'Example: jdk.tls.disabledAlgorithms=MD5, SSLv3, DSA, RSA keySize < 2048',
    'The value of this property is case-sensitive.',
];
/** The repository root (this file runs from bench/ under jest and from bench/out/ when bundled). */
function repoRoot() {
    for (let dir = __dirname;; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, 'package.json')))
            return dir;
        if (dir === path.dirname(dir))
            throw new Error('genfleet: cannot find the repository root');
    }
}
const CERT_DIR = path.join(repoRoot(), 'test', 'fixtures', 'mq-certs');
const certCache = new Map();
function cert(name) {
    let text = certCache.get(name);
    if (text === undefined) {
        text = fs.readFileSync(path.join(CERT_DIR, name), 'utf8');
        certCache.set(name, text);
    }
    return text;
}
function readme(name, what) {
    return `# ${name}\n\n${what}\n\nOwned by the middleware platform team. Changes go through the change board;\nsee the runbook in the wiki before restarting any component.\n`;
}
const cleartrust = {
    id: 'cleartrust',
    defects: ['anon-on-jdk8u202', 'agent-clear-vs-auth', 'admin-eserver-mismatch'],
    write({ rng, name, index, defect }) {
        const jdk = defect === 'anon-on-jdk8u202' ? JDKS[0] : pick(rng, [JDKS[1], JDKS[2], JDKS[3]]);
        const level = defect === 'anon-on-jdk8u202' ? 'anon' : 'auth';
        const agentSsl = defect === 'agent-clear-vs-auth' ? 'Clear' : level === 'anon' ? 'Anon' : 'Auth';
        const host = `ct${index}.${name}.example.internal`;
        const port = 5600 + (index % 50);
        const server = (title, extra) => `# RSA Access Manager ${title} configuration (${name})\n#\n# Specifies the level of security used for network connections between\n# this server and other components (clear | anon | auth).\ncleartrust.net.ssl.use=${level}\ncleartrust.net.ssl.keystore_file=/opt/ct/keys/${title.toLowerCase().replace(/ /g, '-')}.jks\n${extra}`;
        return {
            'jdk/release': jdkRelease(jdk.implementor, jdk.version),
            'jdk/conf/security/java.security': javaSecurity(rng, false),
            'authz1/aserver.conf': server('Authorization Server', `cleartrust.runtime_api.security=${level}\ncleartrust.aserver.port=${port + 15}\ncleartrust.net.ssl.keystore_passphrase=Authz-${name}-Pass!\n`),
            'authz2/aserver.conf': server('Authorization Server', `cleartrust.runtime_api.security=${level}\ncleartrust.aserver.port=${port + 15}\n`),
            'entitlements/eserver.conf': server('Entitlements Server', `cleartrust.eserver.api_port.use_ssl=${defect === 'admin-eserver-mismatch' ? 'clear' : level}\n`),
            'dispatch/dispatcher.conf': server('Dispatcher', `cleartrust.dispatcher.list_port=${port + 8}\ncleartrust.dispatcher.list_port.backward_compatible=true\n`),
            'keys/keyserver.conf': server('Key Server', ''),
            'admin/admingui.cfg': `# Administration Console\ncleartrust.admingui.admin_api.use_ssl=${level}\n`,
            'webagents/portal/webagent.conf': `# RSA ClearTrust Agent 4.7.2 for Apache (webagent.conf)\n<Global>\n\tcleartrust.agent.server_pool=__default__\n\tcleartrust.agent.console_port=${port + 28}\n</Global>\n\n<Pool id=__default__>\n\tcleartrust.agent.ssl.use=${agentSsl}\n\tcleartrust.agent.ssl.keystore=/opt/ct/agent/agent.jks\n\tcleartrust.agent.dispatcher_list=${host}:${port + 8}\n\tcleartrust.agent.dispatcher_timeout=15 Secs\n</Pool>\n`,
            'certs/ca.crt': cert('ourca.crt'),
            'logs/aserver.log': Array.from({ length: 40 }, (_, n) => `2025-01-${String((n % 28) + 1).padStart(2, '0')} 03:1${n % 10}:00 INFO aserver started on port ${port + 15}`).join('\n') + '\n',
            'README.md': readme(name, 'RSA ClearTrust (Access Manager) servers and the portal web agent.'),
        };
    },
};
const WAS_CIPHERS_FIXED = 'SSL_ECDHE_RSA_WITH_AES_256_GCM_SHA384 SSL_ECDHE_RSA_WITH_AES_128_GCM_SHA256';
const WAS_CIPHERS_BROKEN = 'SSL_ECDHE_RSA_WITH_AES_256_GCM_SHA384 SSL_ECDHE_RSA_WITH_AES_128_GCM_SHA256 SSL_RSA_WITH_AES_256_CBC_SHA256';
const mq = {
    id: 'mq-was',
    defects: ['was-cipher-order', 'ccdt-cipher-mismatch', 'sslcauth-optional', 'plaintext-channel'],
    write({ rng, name, index, defect }) {
        const jdk = JDKS[4]; // WAS and Liberty run on IBM Java: IBM ('SSL_') cipher names
        const qm = `QM${String(index).padStart(5, '0')}`;
        const channel = `APP.TO.${qm}`;
        const spec = defect === 'was-cipher-order' ? 'TLS_RSA_WITH_AES_256_CBC_SHA256' : 'ECDHE_RSA_AES_256_GCM_SHA384';
        const ccdtSpec = defect === 'ccdt-cipher-mismatch' ? 'ECDHE_RSA_AES_128_GCM_SHA256' : spec;
        const sslciph = defect === 'plaintext-channel' ? '' : `SSLCIPH(${spec}) +\n       `;
        const host = `${qm.toLowerCase()}.example.com`;
        return {
            'jdk/release': jdkRelease(jdk.implementor, jdk.version),
            'jdk/conf/security/java.security': javaSecurity(rng, false),
            [`mq/${qm}/${qm}.mqsc`]: `*--------------------------------------------------------------------*\n* ${qm} - channels for ${name}\n* runmqsc ${qm} < ${qm}.mqsc\n*--------------------------------------------------------------------*\n` +
                `ALTER QMGR SSLKEYR('/var/mqm/qmgrs/${qm}/ssl/key') CERTLABL('${qm.toLowerCase()}')\n*\n` +
                `DEFINE CHANNEL('${channel}') CHLTYPE(SVRCONN) TRPTYPE(TCP) +\n       DESCR('Application clients of ${name}') +\n       ${sslciph}SSLCAUTH(${defect === 'sslcauth-optional' ? 'OPTIONAL' : 'REQUIRED'}) +\n       MCAUSER('APPUSR') +\n       REPLACE\n*\n` +
                `SET CHLAUTH('${channel}') TYPE(ADDRESSMAP) ADDRESS('10.20.*') +\n    USERSRC(CHANNEL) ACTION(REPLACE)\nSET CHLAUTH('*') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(NOACCESS) +\n    DESCR('Back-stop rule') ACTION(REPLACE)\n`,
            [`mq/${qm}/ssl/ca.crt`]: cert('ourca.crt'),
            [`mq/${qm}/ssl/${qm.toLowerCase()}.crt`]: cert('mqw1.crt'),
            'client/ccdt.json': JSON.stringify({
                channel: [
                    {
                        name: channel,
                        clientConnection: { connection: [{ host, port: 1414 }], queueManager: qm },
                        transmissionSecurity: { cipherSpecification: ccdtSpec, certificateLabel: 'appclient' },
                        type: 'clientConnection',
                    },
                ],
            }, null, 2) + '\n',
            'client/mqclient.ini': `CHANNELS:\n   ChannelDefinitionDirectory=/opt/app/mq\n   ChannelDefinitionFile=ccdt.json\nSSL:\n   SSLKeyRepository=/opt/app/mq/ssl/key\n   CertificateLabel=appclient\n`,
            'was/config/cells/cell01/resources.xml': `<?xml version="1.0" encoding="UTF-8"?>\n<xmi:XMI xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:resources.jms.mqseries="http://www.ibm.com/websphere/appserver/schemas/5.0/resources.jms.mqseries.xmi">\n  <resources.jms:JMSProvider xmlns:resources.jms="http://www.ibm.com/websphere/appserver/schemas/5.0/resources.jms.xmi" xmi:id="builtin_mqprovider" name="WebSphere MQ JMS Provider">\n    <factories xmi:type="resources.jms.mqseries:MQQueueConnectionFactory" xmi:id="MQQueueConnectionFactory_1" name="${qm}CF" jndiName="jms/${qm}CF" queueManager="${qm}" host="${host}" port="1414" channel="${channel}" transportType="CLIENT" sslType="SPECIFIC" sslConfiguration="${qm}SSLSettings">\n      <connectionPool xmi:id="ConnectionPool_1" connectionTimeout="180" maxConnections="10" minConnections="1"/>\n    </factories>\n  </resources.jms:JMSProvider>\n</xmi:XMI>\n`,
            'was/config/cells/cell01/security.xml': `<?xml version="1.0" encoding="UTF-8"?>\n<security:Security xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:security="http://www.ibm.com/websphere/appserver/schemas/5.0/security.xmi" xmi:id="Security_1" enabled="true">\n  <repertoire xmi:id="SSLConfig_1" alias="CellDefaultSSLSettings">\n    <setting xmi:id="SecureSocketLayer_1" clientAuthentication="false" securityLevel="HIGH" enabledCiphers="" jsseProvider="IBMJSSE2" sslProtocol="TLSv1.2"/>\n  </repertoire>\n  <repertoire xmi:id="SSLConfig_2" alias="${qm}SSLSettings">\n    <setting xmi:id="SecureSocketLayer_2" clientAuthentication="false" securityLevel="CUSTOM" enabledCiphers="${defect === 'was-cipher-order' ? WAS_CIPHERS_BROKEN : WAS_CIPHERS_FIXED}" jsseProvider="IBMJSSE2" sslProtocol="TLSv1.2"/>\n  </repertoire>\n</security:Security>\n`,
            'liberty/usr/servers/app/server.xml': `<server description="${name} app server">\n  <featureManager>\n    <feature>jms-2.0</feature>\n    <feature>wmqJmsClient-2.0</feature>\n    <feature>transportSecurity-1.0</feature>\n  </featureManager>\n  <ssl id="defaultSSLConfig" keyStoreRef="defaultKeyStore" sslProtocol="TLSv1.2"/>\n  <jmsConnectionFactory jndiName="jms/${qm}CF">\n    <properties.wmqJms queueManager="${qm}" hostName="${host}" port="1414" channel="${channel}" transportType="CLIENT" sslCipherSuite="${defect === 'ccdt-cipher-mismatch' ? 'SSL_ECDHE_RSA_WITH_AES_128_GCM_SHA256' : 'SSL_ECDHE_RSA_WITH_AES_256_GCM_SHA384'}"/>\n  </jmsConnectionFactory>\n</server>\n`,
            'liberty/usr/servers/app/jvm.options': `# JVM options for ${name}\n-Xms256m\n-Xmx1024m\n-Dfile.encoding=UTF-8\n-Djavax.net.ssl.trustStore=/opt/app/tls/truststore.p12\n`,
            'README.md': readme(name, `IBM MQ queue manager ${qm}, its CCDT for clients, WebSphere cell01 and the Liberty app server.`),
        };
    },
};
const web = {
    id: 'java-web',
    defects: ['nginx-legacy-tls', 'tomcat-legacy-tls', 'ibm-java-tls10-client', 'spring-legacy-tls'],
    write({ rng, name, index, defect }) {
        const jdk = defect === 'ibm-java-tls10-client'
            ? { implementor: 'IBM Corporation', version: '1.8.0_191' }
            : pick(rng, [JDKS[1], JDKS[2], JDKS[3]]);
        const api = `api${index}.example.internal`;
        const tomcatProtocols = defect === 'tomcat-legacy-tls' ? 'TLSv1,TLSv1.1,TLSv1.2' : 'TLSv1.2,TLSv1.3';
        return {
            'jdk/release': jdkRelease(jdk.implementor, jdk.version),
            'jdk/conf/security/java.security': javaSecurity(rng, defect === 'ibm-java-tls10-client'),
            'tomcat/conf/server.xml': `<?xml version="1.0" encoding="UTF-8"?>\n<Server port="8005" shutdown="SHUTDOWN">\n  <Listener className="org.apache.catalina.startup.VersionLoggerListener"/>\n  <Service name="Catalina">\n    <Connector port="8080" protocol="HTTP/1.1" connectionTimeout="20000" redirectPort="8443"/>\n    <Connector port="8443" protocol="org.apache.coyote.http11.Http11NioProtocol" SSLEnabled="true" maxThreads="150">\n      <SSLHostConfig protocols="${tomcatProtocols}">\n        <Certificate certificateKeystoreFile="conf/${name}.p12" certificateKeystorePassword="tc-${name}-pw" type="RSA"/>\n      </SSLHostConfig>\n    </Connector>\n    <Engine name="Catalina" defaultHost="localhost">\n      <Host name="localhost" appBase="webapps" unpackWARs="true" autoDeploy="false"/>\n    </Engine>\n  </Service>\n</Server>\n`,
            'tomcat/bin/setenv.sh': `#!/bin/sh\n# ${name}: JVM options for Tomcat\nexport JAVA_HOME=/opt/${name}/jdk\nCATALINA_OPTS="$CATALINA_OPTS -Xms512m -Xmx2g"\nCATALINA_OPTS="$CATALINA_OPTS -Djavax.net.ssl.trustStore=/opt/${name}/tls/truststore.p12"\nexport CATALINA_OPTS\n`,
            'nginx/nginx.conf': `user nginx;\nworker_processes auto;\nerror_log /var/log/nginx/error.log warn;\n\nevents {\n    worker_connections 1024;\n}\n\nhttp {\n    include       /etc/nginx/mime.types;\n    default_type  application/octet-stream;\n    sendfile      on;\n    keepalive_timeout 65;\n\n    include /etc/nginx/conf.d/*.conf;\n}\n`,
            'nginx/conf.d/api.conf': `# Public API gateway for ${name}\nserver {\n    listen 8443 ssl;\n    server_name ${api};\n\n    ssl_certificate     /etc/nginx/tls/${api}.crt;\n    ssl_certificate_key /etc/nginx/tls/${api}.key;\n    ssl_protocols       ${defect === 'nginx-legacy-tls' ? 'TLSv1 TLSv1.1 TLSv1.2' : 'TLSv1.2 TLSv1.3'};\n    ssl_ciphers         ECDHE+AESGCM:!aNULL;\n    ssl_prefer_server_ciphers on;\n\n    location /orders/ {\n        proxy_pass http://127.0.0.1:8080;\n    }\n}\n`,
            'app/config/application.yml': `spring:\n  application:\n    name: orders-${name}\n  main:\n    web-application-type: none\n\norders:\n  api:\n    base-url: https://${api}:8443/orders/v2\n    username: orders-reader\n    password: ${name}-not-a-real-secret\n    timeout: 10s\n${defect === 'spring-legacy-tls' ? 'server:\n  port: 9443\n  ssl:\n    enabled-protocols: TLSv1,TLSv1.2\n' : ''}`,
            'wlp/usr/servers/orders/jvm.options': `# JVM options for the orders server (${name})\n-Xms256m\n-Xmx1024m\n-Dfile.encoding=UTF-8\n-Djavax.net.ssl.trustStore=/opt/orders/tls/truststore.p12\n`,
            'systemd/orders.service': `[Unit]\nDescription=Orders client (${name})\nAfter=network.target\n\n[Service]\nUser=orders\nEnvironment="JAVA_OPTS=-Xmx1g -Dhttps.protocols=TLSv1.2"\nExecStart=/opt/${name}/jdk/bin/java $JAVA_OPTS -jar /opt/orders/orders.jar\nRestart=on-failure\n\n[Install]\nWantedBy=multi-user.target\n`,
            // The image names the same JDK as the environment's jdk/ (were they different, the JDK would be ambiguous: docs/runtimes.md).
            Dockerfile: `FROM ${imageOf(jdk)}\nCOPY orders.jar /app/orders.jar\nENV JAVA_TOOL_OPTIONS="-Djdk.tls.client.protocols=TLSv1.2"\nENTRYPOINT ["java", "-jar", "/app/orders.jar"]\n`,
            'tls/ca.crt': cert('ourca.crt'),
            'README.md': readme(name, 'Tomcat behind nginx, the Spring orders client and its Liberty server.'),
        };
    },
};
const SHAPES = [cleartrust, mq, web];
/* c8 ignore start */
if (require.main === module) {
    const noConfig = process.argv.includes('--no-config');
    const [out, count, seed, rate] = process.argv.slice(2).filter((a) => a !== '--no-config');
    if (!out || !count) {
        process.stderr.write('usage: genfleet <out-dir> <count> [seed] [defect-rate]\n');
        process.exit(2);
    }
    const summary = generateFleet(path.resolve(out), {
        count: Number(count),
        seed: seed ? Number(seed) : undefined,
        defectRate: rate ? Number(rate) : undefined,
        config: !noConfig,
    });
    process.stdout.write(JSON.stringify({
        deployments: summary.deployments,
        files: summary.files,
        bytes: summary.bytes,
        defects: Object.keys(summary.defects).length,
    }) + '\n');
}
/* c8 ignore stop */
