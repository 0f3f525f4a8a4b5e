import rule from '../../../src/rules/mq/cipherspec-not-negotiated';
import { securityLevelCiphers, securityLevelOf } from '../../../src/model/was-ciphers';
import { RunMemo } from '../../../src/core/run-memo';
import { findCipherSuite } from '../../../src/knowledge';
import type { JavaRuntime } from '../../../src/model/types';
import { ruleTester } from '../../helpers/rule-tester';
import { svrconn, wasResources } from './trees';

// WAS/Liberty SSL configurations without 'Selected ciphers' (enabledCiphers): securityLevel HIGH (the
// default) is expanded to the runtime's default suites of 128-bit+ strength (inferred, model/was-ciphers.ts).
const TEMURIN17 = 'JAVA_VERSION="17.0.15"\nIMPLEMENTOR="Eclipse Adoptium"\n';
const PINNED_003D = svrconn('WAS.SVRCONN', "SSLCIPH(TLS_RSA_WITH_AES_256_CBC_SHA256) MCAUSER('app')");
const CF = wasResources(
  'queueManager="QM1" host="mq" port="1414" channel="WAS.SVRCONN" transportType="CLIENT" sslType="SPECIFIC" sslConfiguration="MQSSL"',
);
const security = (settingAttrs: string) => `<?xml version="1.0" encoding="UTF-8"?>
<security:Security xmlns:xmi="http://www.omg.org/XMI" xmlns:security="http://www.ibm.com/websphere/appserver/schemas/5.0/security.xmi" xmi:id="Security_1">
  <repertoire xmi:id="SSLConfig_2" alias="MQSSL">
    <setting xmi:id="SecureSocketLayer_2" ${settingAttrs} jsseProvider="IBMJSSE2" sslProtocol="TLSv1.2"/>
  </repertoire>
</security:Security>
`;

ruleTester(rule, {
  valid: [
    {
      name: 'securityLevel HIGH, channel accepts any TLS 1.2 CipherSpec',
      files: {
        'mq/QM1/QM1.mqsc': svrconn('WAS.SVRCONN', 'SSLCIPH(ANY_TLS12_OR_HIGHER)'),
        'was/jdk/release': TEMURIN17,
        'was/security.xml': security('securityLevel="HIGH"'),
        'was/resources.xml': CF,
      },
    },
    {
      name: 'securityLevel HIGH but no JDK known: the offer stays unknown',
      files: {
        'mq/QM1/QM1.mqsc': PINNED_003D,
        'was/security.xml': security('securityLevel="HIGH"'),
        'was/resources.xml': CF,
      },
    },
    {
      name: 'CUSTOM level without ciphers is not expanded',
      files: {
        'mq/QM1/QM1.mqsc': PINNED_003D,
        'was/jdk/release': TEMURIN17,
        'was/security.xml': security('securityLevel="CUSTOM"'),
        'was/resources.xml': CF,
      },
    },
  ],
  invalid: [
    {
      name: 'securityLevel HIGH offers the JDK default suites; the queue manager picks a GCM suite first',
      files: {
        'mq/QM1/QM1.mqsc': PINNED_003D,
        'was/jdk/release': TEMURIN17,
        'was/security.xml': security('securityLevel="HIGH"'),
        'was/resources.xml': CF,
      },
      errors: [
        {
          messageId: 'otherPicked',
          file: 'was/security.xml',
          line: 4,
          column: 58,
          messageIncludes: ['securityLevel HIGH', 'inferred', 'Temurin 17.0.15'],
        },
      ],
    },
    {
      name: 'no securityLevel at all means HIGH (reported at the SSL configuration)',
      files: {
        'mq/QM1/QM1.mqsc': PINNED_003D,
        'was/jdk/release': TEMURIN17,
        'was/security.xml': security(''),
        'was/resources.xml': CF,
      },
      errors: [
        {
          messageId: 'otherPicked',
          file: 'was/security.xml',
          line: 3,
          messageIncludes: ['securityLevel HIGH (default)'],
        },
      ],
    },
    {
      name: 'securityLevel HIGH offers nothing the queue manager enables (AllowedCipherSpecs names one NULL spec)',
      files: {
        'mq/QM1/QM1.mqsc': svrconn('WAS.SVRCONN', "SSLCIPH(TLS_RSA_WITH_NULL_SHA256) MCAUSER('app')"),
        'mq/QM1/qm.ini': 'SSL:\n   AllowedCipherSpecs=TLS_RSA_WITH_NULL_SHA256\n',
        'was/jdk/release': TEMURIN17,
        'was/security.xml': security('securityLevel="HIGH"'),
        'was/resources.xml': CF,
      },
      errors: [
        {
          messageId: 'noCommon',
          file: 'was/security.xml',
          line: 4,
          messageIncludes: ['securityLevel HIGH', 'SSLCIPH(TLS_RSA_WITH_NULL_SHA256)'],
        },
      ],
    },
  ],
});

describe('WAS security levels', () => {
  it.each([
    ['TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', 'HIGH'],
    ['TLS_RSA_WITH_3DES_EDE_CBC_SHA', 'HIGH'],
    ['SSL_RSA_WITH_DES_CBC_SHA', 'MEDIUM'],
    ['SSL_RSA_EXPORT_WITH_RC4_40_MD5', 'MEDIUM'],
    ['TLS_RSA_WITH_NULL_SHA256', 'LOW'],
  ])('%s is %s', (name, level) => expect(securityLevelOf(findCipherSuite(name)!)).toBe(level));

  it('MEDIUM on a JDK that enables no 40/56-bit suite expands to nothing (unknown, not empty)', () => {
    const runtime: JavaRuntime = {
      vendor: { value: 'temurin', from: { kind: 'config', origin: 'test' } },
      version: { value: '17.0.15', from: { kind: 'config', origin: 'test' } },
      securityProperties: {},
      systemProperties: {},
    };
    const at = { file: '/x/security.xml' };
    expect(
      securityLevelCiphers({ value: 'MEDIUM', location: at }, at, runtime, 'client', new RunMemo()),
    ).toBeUndefined();
    const high = securityLevelCiphers(undefined, at, runtime, 'client', new RunMemo());
    expect(high?.level).toBe('HIGH');
    expect(high?.suites.value).toContain('TLS_AES_256_GCM_SHA384');
    expect(high?.suites.from).toMatchObject({ kind: 'default', confidence: 'inferred' });
  });
});
