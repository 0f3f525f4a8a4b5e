import { formatJdk, parseJavaVersion, vendorFromRelease } from '../../src/knowledge';

describe('parseJavaVersion', () => {
  test.each([
    ['1.8.0_202', 8, 202, undefined],
    ['1.8.0_202-b08', 8, 202, 8],
    ['8u202', 8, 202, undefined],
    ['jdk8u181-b13', 8, 181, 13],
    ['1.7.0_211', 7, 211, undefined],
    ['1.8.0', 8, 0, undefined],
    ['11.0.2+9', 11, 2, 9],
    ['jdk-11.0.1+13', 11, 1, 13],
    ['jdk-11+28', 11, 0, 28],
    ['17.0.15', 17, 15, undefined],
    ['17.0.15+6-Debian-1deb12u1', 17, 15, 6],
    ['21', 21, 0, undefined],
    ['25.0.3+9-LTS', 25, 3, 9],
    ['8.202.08.2', 8, 202, 8],
    ['11.0.2.9.3', 11, 2, undefined],
    ['openjdk version "1.8.0_201"', 8, 201, undefined],
  ])('%s', (raw, feature, update, build) => {
    const v = parseJavaVersion(raw);
    expect(v).toMatchObject({ raw, feature, update });
    expect(v?.build).toBe(build);
  });

  test('IBM 8.0.6.25 is SR6 FP25', () => {
    expect(parseJavaVersion('8.0.6.25')).toEqual({
      raw: '8.0.6.25',
      feature: 8,
      update: 0,
      ibm: { serviceRefresh: 6, fixPack: 25 },
    });
    expect(formatJdk('ibm', parseJavaVersion('8.0.6.25')!)).toBe('IBM Java 8 SR6 FP25');
  });

  test('garbage', () => {
    expect(parseJavaVersion('latest')).toBeUndefined();
    expect(parseJavaVersion('')).toBeUndefined();
  });

  test('formatJdk', () => {
    expect(formatJdk('openjdk', parseJavaVersion('1.8.0_201')!)).toBe('OpenJDK 8u201');
    expect(formatJdk('corretto', parseJavaVersion('11.0.2+9')!)).toBe('Amazon Corretto 11.0.2');
    expect(formatJdk('temurin', parseJavaVersion('21')!)).toBe('Eclipse Temurin 21');
  });
});

describe('vendorFromRelease', () => {
  test.each([
    [
      { IMPLEMENTOR: '"Eclipse Adoptium"', IMPLEMENTOR_VERSION: '"Temurin-17.0.8+7"', JAVA_VERSION: '"17.0.8"' },
      'temurin',
    ],
    [
      { IMPLEMENTOR: '"Amazon.com Inc."', IMPLEMENTOR_VERSION: '"Corretto-11.0.2.9.1"', JAVA_VERSION: '"11.0.2"' },
      'corretto',
    ],
    [{ IMPLEMENTOR: '"Red Hat, Inc."', IMPLEMENTOR_VERSION: '"18.9"', JAVA_VERSION: '"11.0.12"' }, 'redhat'],
    [{ IMPLEMENTOR: '"International Business Machines Corporation"', JAVA_VERSION: '"1.8.0"' }, 'ibm'],
    [
      {
        IMPLEMENTOR: '"IBM Corporation"',
        IMPLEMENTOR_VERSION: '"17.0.6.0"',
        JAVA_VERSION: '"17.0.6"',
        JVM_VARIANT: '"Openj9"',
      },
      'semeru',
    ],
    [{ IMPLEMENTOR: '"Oracle Corporation"', JAVA_VERSION: '"11.0.2"', BUILD_TYPE: '"commercial"' }, 'oracle'],
    [{ IMPLEMENTOR: '"Oracle Corporation"', JAVA_VERSION: '"21"' }, 'openjdk'],
    [{ IMPLEMENTOR: '"ojdkbuild"', IMPLEMENTOR_VERSION: '"18.9"', JAVA_VERSION: '"11.0.12"' }, 'openjdk'],
    [{ JAVA_VERSION: '"1.8.0_201"', OS_NAME: '"Windows"' }, 'openjdk'],
    [{ OS_NAME: 'Linux' }, 'unknown'],
  ])('%j → %s', (fields, family) => {
    expect(vendorFromRelease(fields as Record<string, string>)).toBe(family);
  });
});

describe('an IBM service level with its vendor word', () => {
  test("'IBM 8.0.6.25' (the config schema's and --explain-jdk's spelling) is IBM Java 8 SR6 FP25", () => {
    expect(parseJavaVersion('IBM 8.0.6.25')).toMatchObject({ feature: 8, ibm: { serviceRefresh: 6, fixPack: 25 } });
    expect(parseJavaVersion('IBM 17')).toBeUndefined();
  });
});
