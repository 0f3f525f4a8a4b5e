import { classifyFile } from '../../src/parse/registry';

// A file named like java.security is read as one when its content has a property java.security defines
// (the keys of JDK 17's conf/security/java.security), or comments; anything else is "not understood".
describe('java.security by name and content', () => {
  it.each([
    ['java.security', 'jdk.tls.disabledAlgorithms=SSLv3\n', 'java.security'],
    ['java.security', '# site overrides\n', 'java.security'],
    // wcmc-its/ReCiter-Connect@d8ae577 enableLegacyTLS.security: only the jar-signing algorithms.
    [
      'enableLegacyTLS.security',
      'jdk.jar.disabledAlgorithms=MD2, MD5, RSA keySize < 1024, \\\n  DSA keySize < 1024\n',
      'java.security',
    ],
    ['fips.security', 'security.provider.1=SunPKCS11 nss.cfg\n', 'java.security'],
    ['custom.security', 'keystore.type=pkcs12\n', 'java.security'],
    ['custom.security', 'crypto.policy=unlimited\n', 'java.security'],
    ['custom.security', 'networkaddress.cache.ttl=30\n', 'java.security'],
    ['custom.security', 'ssl.KeyManagerFactory.algorithm=PKIX\n', 'java.security'],
    ['custom.security', 'policy.url.3=file:/etc/app.policy\n', 'java.security'],
    ['custom.security', 'sun.security.krb5.disableReferrals=true\n', 'java.security'],
    // digital-asset/ex-secure-daml-infra@98ef948 java.security, named by -Djava.security.properties in its scripts.
    ['java.security', 'ocsp.enable=true\n', 'java.security'],
    ['custom.security', 'ocsp.responderURL=http://ocsp.example.com:8080\n', 'java.security'],
    ['custom.security', 'com.sun.security.onlyCheckRevocationOfEECert=true\n', 'java.security'],
    ['app.security', 'user=admin\nrole=operator\n', undefined],
    ['app.security', '<security><user/></security>\n', undefined],
  ])('%s with %j: %s', (name, text, kind) => {
    expect(classifyFile(`/d/${name}`, text)?.kind).toBe(kind);
  });
});
