import {
  findCipherSpec,
  findCipherSuite,
  jmsSuiteForCipherSpec,
  mqReasonCode,
  mqServerOrder,
} from '../../src/knowledge';

describe('IBM MQ knowledge', () => {
  test('CipherSpecs and aliases', () => {
    expect(findCipherSpec('tls_rsa_with_aes_256_cbc_sha256')).toMatchObject({
      hex: '003D',
      protocol: 'TLSv1.2',
      enabledByDefault: true,
      defaultOrderRank: 9,
    });
    expect(findCipherSpec('ECDHE_ECDSA_AES_128_GCM_SHA256')).toMatchObject({ suiteB: true, fips: true });
    expect(findCipherSpec('NULL_MD5')).toMatchObject({ deprecated: true, enabledByDefault: false });
    expect(findCipherSpec('ANY_TLS12_OR_HIGHER')).toMatchObject({
      alias: true,
      minProtocol: 'TLSv1.2',
      maxProtocol: 'TLSv1.3',
    });
    expect(findCipherSpec('ANY_TLS13')).toMatchObject({ minProtocol: 'TLSv1.3', maxProtocol: 'TLSv1.3' });
    for (const a of ['ANY', 'ANY_TLS12', 'ANY_TLS13_OR_HIGHER']) expect(findCipherSpec(a)?.alias).toBe(true);
    expect(findCipherSpec('NOPE')).toBeUndefined();
  });

  test('registry knows MQ names', () => {
    expect(findCipherSuite('ECDHE_RSA_AES_128_CBC_SHA256')?.iana).toBe('TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256');
    expect(findCipherSuite('TRIPLE_DES_SHA_US')?.code).toBe('0x00,0x0A');
    expect(findCipherSuite('0x003D')?.iana).toBe('TLS_RSA_WITH_AES_256_CBC_SHA256');
    expect(findCipherSuite('009d')?.openssl).toBe('AES256-GCM-SHA384');
  });

  test('default server order: TLS 1.3 first, then rank 6 = TLS_RSA_WITH_AES_256_GCM_SHA384 before rank 9', () => {
    const order = mqServerOrder().map((s) => s.name);
    expect(order).toHaveLength(17);
    expect(order.slice(0, 5).every((n) => findCipherSpec(n)!.protocol === 'TLSv1.3')).toBe(true);
    expect(order[5]).toBe('TLS_RSA_WITH_AES_256_GCM_SHA384');
    expect(order.indexOf('TLS_RSA_WITH_AES_256_GCM_SHA384')).toBeLessThan(
      order.indexOf('TLS_RSA_WITH_AES_256_CBC_SHA256'),
    );
  });

  test('AllowedCipherSpecs restricts and orders; TLS 1.3 keeps precedence; ALL enables deprecated specs', () => {
    const order = mqServerOrder(['TLS_RSA_WITH_AES_128_CBC_SHA256', 'tls_aes_128_gcm_sha256', 'BOGUS']).map(
      (s) => s.name,
    );
    expect(order).toEqual(['TLS_AES_128_GCM_SHA256', 'TLS_RSA_WITH_AES_128_CBC_SHA256']);
    expect(mqServerOrder(['ALL']).some((s) => s.name === 'NULL_SHA')).toBe(true);
  });

  test('JMS mapping and useIBMCipherMappings', () => {
    expect(jmsSuiteForCipherSpec('TLS_RSA_WITH_AES_256_CBC_SHA256', true)).toBe('SSL_RSA_WITH_AES_256_CBC_SHA256');
    expect(jmsSuiteForCipherSpec('TLS_RSA_WITH_AES_256_CBC_SHA256', false)).toBe('TLS_RSA_WITH_AES_256_CBC_SHA256');
    expect(jmsSuiteForCipherSpec('TLS_RSA_WITH_3DES_EDE_CBC_SHA', false)).toBe('SSL_RSA_WITH_3DES_EDE_CBC_SHA');
    expect(jmsSuiteForCipherSpec('ANY_TLS12', false)).toBe('*TLS12');
    expect(jmsSuiteForCipherSpec('FIPS_WITH_DES_CBC_SHA', false)).toBeUndefined();
    expect(jmsSuiteForCipherSpec('TLS_AES_128_GCM_SHA256', true)).toBe('TLS_AES_128_GCM_SHA256');
  });

  test.each([
    2393,
    '2397',
    2398,
    2059,
    'AMQ9631',
    'AMQ9641',
    'AMQ9771',
    'AMQ9620E',
    'AMQ9620',
    'CSQX620E',
    'AMQ9636',
    'AMQ9673',
  ])('reason %s', (code) => {
    const r = mqReasonCode(code);
    expect(r).toBeDefined();
    expect(r!.message.length).toBeGreaterThan(10);
    expect(r!.source.length).toBeGreaterThan(5);
  });
  test('reason names', () => {
    expect(mqReasonCode(2397)?.name).toBe('MQRC_JSSE_ERROR');
    expect(mqReasonCode('9999')).toBeUndefined();
  });
});
