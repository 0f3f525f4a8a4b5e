import { springAdditionalLocationNames } from '../../src/parse/spring-additional-locations';

/** The files a start command adds to a Spring app's configuration (src/parse/spring-additional-locations.ts). */
describe('spring.config.additional-location in a start command', () => {
  it.each<[string, string, string[]]>([
    [
      // Alfresco/alfresco-ansible-deployment@250a87e roles/trouter/templates/alfresco-transform-router.service.j2
      'an optional file, as a program argument',
      'ExecStart=/usr/bin/java -jar router.jar --spring.config.additional-location=optional:atr-mtls.properties',
      ['atr-mtls.properties'],
    ],
    [
      'a system property listing a file: location, a directory and a YAML file',
      'java "-Dspring.config.additional-location=file:/etc/app/,file:/etc/app/extra.yml" -jar app.jar',
      ['extra.yml'],
    ],
    ['a location the shell decides: no file named', 'java -jar a.jar --spring.config.additional-location=$CONF', []],
    ['a template value: no file named', '--spring.config.additional-location={{ conf }}.properties', []],
    ['spring.config.location (it replaces the defaults): not this', '--spring.config.location=a.properties', []],
  ])('%s', (_name, text, expected) => {
    expect(springAdditionalLocationNames(text)).toEqual(expected);
  });
});
