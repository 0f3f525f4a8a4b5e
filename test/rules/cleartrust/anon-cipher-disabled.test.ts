import rule from '../../../src/rules/cleartrust/anon-cipher-disabled';
import { ruleTester } from '../../helpers/rule-tester';
import * as fs from 'node:fs';
import { defaultConfig } from '../../../src/core/config';
import { lint } from '../../../src/engine/lint';
import { writeTree } from '../../helpers/rule-tester';
import { aserver, eserver, webagent } from './fixtures';

const release = (version: string, implementor = 'Oracle Corporation') =>
  `IMPLEMENTOR="${implementor}"\nJAVA_VERSION="${version}"\n`;
const anonTree = (version: string, implementor?: string) => ({
  'jdk/release': release(version, implementor),
  'ct/aserver.conf': aserver('anon'),
});
const hit = (extra: Record<string, unknown> = {}) => ({
  messageId: 'disabled',
  file: 'ct/aserver.conf',
  line: 2,
  ...extra,
});

ruleTester(rule, {
  valid: [
    { name: '8u191: anon not yet disabled', files: anonTree('1.8.0_191') },
    { name: '11.0.1: anon not yet disabled', files: anonTree('11.0.1') },
    { name: '7u201: anon not yet disabled', files: anonTree('1.7.0_201') },
    { name: 'auth on 8u202', files: { 'jdk/release': release('1.8.0_202'), 'aserver.conf': aserver('auth', 'auth') } },
    { name: 'clear on 17', files: { 'jdk/release': release('17.0.15'), 'aserver.conf': aserver('clear') } },
    {
      name: "RSA's option 2: anon removed from java.security",
      files: {
        ...anonTree('1.8.0_202'),
        'jdk/jre/lib/security/java.security':
          'jdk.tls.disabledAlgorithms=SSLv3, RC4, DES, MD5withRSA, \\\n  DH keySize < 1024, EC keySize < 224, 3DES_EDE_CBC, NULL\n',
      },
    },
    {
      name: 'web agents are native code: not checked',
      files: { 'jdk/release': release('1.8.0_202'), 'webagent.conf': webagent('anon') },
    },
    { name: 'declared old JDK', files: { 'aserver.conf': aserver('anon') }, java: { version: '1.8.0_181' } },
  ],
  invalid: [
    {
      name: '8u201 disables anon (JDK-8211883), related: the release file',
      files: anonTree('1.8.0_201'),
      errors: [
        hit({
          messageIncludes: [
            '8u201',
            "'anon'",
            'Fatal Alert received: Handshake Failure',
            "'auth'",
            "'clear'",
            'java.security',
          ],
          related: [{ file: 'jdk/release', line: 2 }],
        }),
      ],
    },
    { name: '11.0.2 disables anon', files: anonTree('11.0.2'), errors: [hit({ messageIncludes: ['11.0.2'] })] },
    { name: '7u211 disables anon', files: anonTree('1.7.0_211'), errors: [hit()] },
    { name: 'Temurin 17 release file', files: anonTree('17.0.17', 'Eclipse Adoptium'), errors: [hit()] },
    {
      name: 'a java.security in the tree that adds anon to an old JDK is obeyed, and is the related location',
      files: {
        ...anonTree('1.8.0_181'),
        'jdk/jre/lib/security/java.security': '# local hardening\njdk.tls.disabledAlgorithms=SSLv3, RC4, anon, NULL\n',
      },
      errors: [
        hit({
          related: [
            { file: 'jdk/jre/lib/security/java.security', line: 2 },
            { file: 'jdk/release', line: 2 },
          ],
        }),
      ],
    },
    {
      name: 'the nearest JDK wins: host2 runs 8u202, host1 runs 8u191',
      files: {
        'host1/jdk/release': release('1.8.0_191'),
        'host1/aserver.conf': aserver('anon'),
        'host2/jdk/release': release('1.8.0_202'),
        'host2/aserver.conf': aserver('anon'),
      },
      errors: [
        {
          messageId: 'disabled',
          file: 'host2/aserver.conf',
          line: 2,
          related: [{ file: 'host2/jdk/release', line: 2 }],
        },
      ],
    },
    {
      name: '--java-version overrides the tree',
      files: anonTree('1.8.0_191'),
      java: { version: '11.0.2' },
      errors: [hit({ messageIncludes: ['11.0.2'] })],
    },
    {
      name: 'config java applies when the tree has no JDK',
      files: { 'ct/aserver.conf': aserver('anon') },
      config: { java: { version: '8u202' } },
      errors: [hit()],
    },
    {
      name: 'the Entitlements Server API port in anon mode fails too',
      files: {
        'jdk/release': release('1.8.0_202'),
        'eserver.conf':
          'cleartrust.net.ssl.use=auth\ncleartrust.net.ssl.keystore_file=/k.jks\ncleartrust.eserver.api_port.use_ssl=anon\n',
      },
      errors: [{ messageId: 'disabled', file: 'eserver.conf', line: 3 }],
    },
    {
      name: 'an Authorization Server → Entitlements Server link in anon mode: the predicted JDK message is appended',
      files: {
        'jdk/release': release('1.8.0_202'),
        'authz/aserver.conf': aserver('anon'),
        'es/eserver.conf': eserver('anon'),
      },
      errors: [
        {
          messageId: 'disabled',
          file: 'authz/aserver.conf',
          line: 2,
          messageIncludes: [
            "predicted for Authorization Server (authz) → Entitlements Server (es): the JDK on Authorization Server (authz) reports 'No appropriate protocol (protocol is disabled or cipher suites are inappropriate)'",
          ],
        },
        {
          messageId: 'disabled',
          file: 'es/eserver.conf',
          line: 2,
          messageIncludes: ["the JDK on Authorization Server (authz) reports 'No appropriate protocol"],
        },
      ],
    },
    {
      name: 'Java 11 declared without an update (GA allows anon, 11.0.2+ disables it): the update decides',
      files: { 'aserver.conf': aserver('anon') },
      java: { version: '11' },
      errors: [
        {
          messageId: 'unknownUpdate',
          file: 'aserver.conf',
          line: 2,
          severity: 'warning',
          messageIncludes: ['Java 11 without an update', '11.0.2 and later'],
        },
      ],
    },
    {
      name: 'Java 8 declared without an update',
      files: { 'aserver.conf': aserver('anon') },
      config: { java: { version: '8' } },
      errors: [{ messageId: 'unknownUpdate', file: 'aserver.conf', line: 2, messageIncludes: ['8u201 and later'] }],
    },
    {
      name: 'Java 17 declared without an update: every 17 disables anon',
      files: { 'aserver.conf': aserver('anon') },
      java: { version: '17' },
      errors: [hit({ file: 'aserver.conf', messageIncludes: ['17'] })],
    },
    {
      name: 'unknown JDK: warning asking to declare it',
      files: { 'aserver.conf': aserver('anon') },
      errors: [{ messageId: 'unknownJdk', file: 'aserver.conf', line: 2, severity: 'warning' }],
    },
    {
      name: 'an empty release file is tolerated: JDK unknown',
      files: { 'jdk/release': '\r\n', 'aserver.conf': aserver('anon') },
      errors: [{ messageId: 'unknownJdk', file: 'aserver.conf', line: 2 }],
    },
  ],
});

describe('ClearTrust components in the model', () => {
  const model = (mode: string) => {
    const root = writeTree({ 'jdk/release': release('1.8.0_191'), 'authz/aserver.conf': aserver(mode) });
    try {
      return lint({ paths: [root], cwd: root, config: defaultConfig(root) }).deployments[0].components[0];
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  };
  it('anon offers the anonymous suites SunJSSE knows (no NULL, no export), as a ClearTrust default', () => {
    const suites = model('anon').tls!.cipherSuites!;
    expect(suites.from).toEqual({ kind: 'default', origin: 'ClearTrust anon mode offers only anonymous suites' });
    expect(suites.value).toContain('TLS_DH_anon_WITH_AES_128_CBC_SHA');
    expect(suites.value).toContain('TLS_ECDH_anon_WITH_AES_128_CBC_SHA');
    expect(suites.value.every((s) => /_anon_/.test(s) && !/NULL|EXPORT/.test(s))).toBe(true);
  });
  it('auth leaves the suites to the runtime; clear turns TLS off', () => {
    expect(model('auth').tls!.cipherSuites).toBeUndefined();
    expect(model('clear').tls!.enabled!.value).toBe(false);
  });
});
