/**
 * Plain YAML scalars as Docker Compose's go-yaml resolves them and compose-go passes them on (fmt.Sprint):
 * yaml/go-yaml v4.0.0-rc.4 internal/libyaml/resolver.go (the same as gopkg.in/yaml.v3 v3.0.1 resolve.go).
 */
import { goYamlPlain } from '../../src/parse/yaml-go';

describe('goYamlPlain', () => {
  it.each<[string, string | undefined]>([
    ['0123', '83'],
    ['-0123', '-83'],
    ['0o123', '83'],
    ['0x1F', '31'],
    ['0b101', '5'],
    ['1_000', '1000'],
    ['0', '0'],
    ['8443', '8443'],
    // Not octal, so not an integer: yamlStyleFloat reads it, and %v prints the float 89 as 89.
    ['089', '89'],
    ['1e3', '1000'],
    ['1e6', '1e+06'],
    ['1.50', '1.5'],
    ['.5', '0.5'],
    ['0.00001', '1e-05'],
    // YAML 1.2 booleans only: on/yes/off/no stay text.
    ['on', 'on'],
    ['yes', 'yes'],
    ['True', 'true'],
    ['FALSE', 'false'],
    ['~', undefined],
    ['null', undefined],
    // go-yaml has no base-60 integers: a port mapping is text.
    ['8443:443', '8443:443'],
    ['changeit', 'changeit'],
    ['1.2.3', '1.2.3'],
  ])('%s → %s', (written, expected) => {
    expect(goYamlPlain(written)).toBe(expected);
  });
});
