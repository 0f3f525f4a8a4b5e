import { placeholderDefault, placeholderDefaults } from '../../src/core/placeholder';

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
