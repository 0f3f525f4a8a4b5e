import { placeholderDefault, placeholderDefaults, valueWhileUnset } from '../../src/core/placeholder';

describe('placeholderDefaults', () => {
  it.each([
    ['${KEYSTORE_ALIAS:localhost}', ['localhost']],
    [' ${KEYSTORE_PATH:classpath:cert/keystore.p12} ', ['classpath:cert/keystore.p12']],
    ['${KS_PW:-changeit}', ['changeit', '-changeit']],
    ['${server.ssl.password:}', ['']],
  ])('%s has the defaults %j', (value, expected) => {
    expect(placeholderDefaults(value)).toEqual(expected);
  });

  it.each(['${KEYSTORE_ALIAS}', 'localhost', 'a-${X:b}', '${X:b}${Y:c}', '{{ .Values.alias }}'])(
    '%s is no whole placeholder with a default',
    (value) => {
      expect(placeholderDefaults(value)).toBeUndefined();
    },
  );

  it('an empty default leaves nothing to use', () => {
    expect(placeholderDefault('${X:}')).toBeUndefined();
    expect(placeholderDefault('${X:-}')).toBeUndefined();
    expect(placeholderDefault('${X:-a}')).toBe('a');
  });
});

describe('valueWhileUnset', () => {
  it.each([
    ['classpath:${KEYSTORE:keystore.jks}', 'classpath:keystore.jks'],
    ['${KEYSTORE_PATH:classpath:cert/keystore.p12}', 'classpath:cert/keystore.p12'],
    ['${DIR:/etc/ssl}/${NAME:-app.p12}', '/etc/ssl/app.p12'],
    ['/etc/ssl/app.p12', '/etc/ssl/app.p12'],
  ])('%s reads %s while its variables are unset', (value, expected) => {
    expect(valueWhileUnset(value)).toBe(expected);
  });

  it.each(['${java.home}/lib/security/cacerts', 'classpath:${KEYSTORE}', '${A:a}/${B}'])(
    '%s: a placeholder without a default leaves it unknown',
    (value) => {
      expect(valueWhileUnset(value)).toBeUndefined();
    },
  );
});
