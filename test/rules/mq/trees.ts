import * as fs from 'node:fs';
import * as path from 'node:path';

/** Test certificates (openssl, 20-year validity; see test/fixtures/mq-certs). */
export function cert(name: string): string {
  return fs.readFileSync(path.join(__dirname, '../../fixtures/mq-certs', name), 'utf8');
}

export function svrconn(name: string, params: string): string {
  return `DEFINE CHANNEL('${name}') CHLTYPE(SVRCONN) TRPTYPE(TCP) +\n  ${params} +\n  REPLACE\n`;
}

/**
 * A Compose file whose services each create their queue manager from the same MQSC mounted into /etc/mqm (one service
 * per image, named qm1, qm2…), optionally with each service's `environment:` lines.
 */
export function composeRunningMqsc(
  images: string[],
  mqsc = './QM1/QM1.mqsc',
  environments: Record<string, string>[] = [],
): string {
  return [
    'services:',
    ...images.flatMap((image, i) => [
      `  qm${i + 1}:`,
      `    image: ${image}`,
      ...(environments[i] && Object.keys(environments[i]).length > 0
        ? ['    environment:', ...Object.entries(environments[i]).map(([k, v]) => `      - ${k}=${v}`)]
        : []),
      '    volumes:',
      `      - ${mqsc}:/etc/mqm/20-config.mqsc`,
    ]),
    '',
  ].join('\n');
}

export function ccdt(channel: string, qmgr: string, security: Record<string, string>): string {
  return JSON.stringify(
    {
      channel: [
        {
          name: channel,
          clientConnection: { connection: [{ host: 'mq.example.com', port: 1414 }], queueManager: qmgr },
          transmissionSecurity: security,
          type: 'clientConnection',
        },
      ],
    },
    null,
    2,
  );
}

export function wasSecurity(alias: string, enabledCiphers: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<security:Security xmlns:xmi="http://www.omg.org/XMI" xmlns:security="http://www.ibm.com/websphere/appserver/schemas/5.0/security.xmi" xmi:id="Security_1">
  <repertoire xmi:id="SSLConfig_2" alias="${alias}">
    <setting xmi:id="SecureSocketLayer_2" securityLevel="CUSTOM" enabledCiphers="${enabledCiphers}" jsseProvider="IBMJSSE2" sslProtocol="TLSv1.2"/>
  </repertoire>
</security:Security>
`;
}

export function wasResources(attrs: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<xmi:XMI xmlns:xmi="http://www.omg.org/XMI" xmlns:resources.jms.mqseries="http://www.ibm.com/websphere/appserver/schemas/5.0/resources.jms.mqseries.xmi">
  <factories xmi:type="resources.jms.mqseries:MQQueueConnectionFactory" xmi:id="CF_1" name="CF" jndiName="jms/CF" ${attrs}/>
</xmi:XMI>
`;
}

export function liberty(wmqAttrs: string, extra = ''): string {
  return `<server>
  <ssl id="defaultSSLConfig" keyStoreRef="defaultKeyStore"${extra}/>
  <jmsConnectionFactory jndiName="jms/CF">
    <properties.wmqJms ${wmqAttrs}/>
  </jmsConnectionFactory>
</server>
`;
}

/**
 * The IBM MQ Operator's QueueManager qm1, created with MQSNOAUT in its qmgr container, applying ConfigMap qm1-mqsc
 * (mq/cm.yaml, the MQSC from line 7) as ibm-messaging/cp4i-mq-samples' QueueManagers write it.
 */
export const withoutOam = (mqsc: string): Record<string, string> => ({
  'mq/cm.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: qm1-mqsc\ndata:\n  qm1.mqsc: |\n${mqsc
    .split('\n')
    .filter(Boolean)
    .map((l) => `    ${l}`)
    .join('\n')}\n`,
  'mq/qm.yaml':
    "apiVersion: mq.ibm.com/v1beta1\nkind: QueueManager\nmetadata:\n  name: qm1\nspec:\n  queueManager:\n    name: QM1\n    mqsc:\n      - configMap:\n          name: qm1-mqsc\n          items:\n            - qm1.mqsc\n  template:\n    pod:\n      containers:\n        - env:\n            - name: MQSNOAUT\n              value: 'yes'\n          name: qmgr\n",
});

/**
 * A JNDI file context's `.bindings` binding one object `name` of `className`, its properties as JMSAdmin stores them
 * (`<name>/RefAddr/<n>/Type`, `Encoding`, `Content`; a null one without Content). Property i's Content is on line 6 + 3i.
 */
export function jmsBindings(
  name: string,
  properties: [type: string, content: string | null][],
  className = 'com.ibm.mq.jms.MQQueueConnectionFactory',
): string {
  const refs = properties.flatMap(([type, content], i) => [
    `${name}/RefAddr/${i}/Type=${type}`,
    `${name}/RefAddr/${i}/Encoding=String`,
    ...(content === null ? [] : [`${name}/RefAddr/${i}/Content=${content}`]),
  ]);
  const factory = className.replace(/ConnectionFactory$/, 'ConnectionFactoryFactory');
  return [
    '#This file is used by the JNDI FSContext.',
    `${name}/ClassName=${className}`,
    `${name}/FactoryName=${factory}`,
    ...refs,
    '',
  ].join('\n');
}
