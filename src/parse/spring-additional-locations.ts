/**
 * The files a start command adds to a Spring Boot app's configuration: `--spring.config.additional-location=` (a
 * program argument) or `-Dspring.config.additional-location=` (a system property), a comma-separated list of locations
 * read besides the defaults, each may be `optional:` and `file:`
 * (https://docs.spring.io/spring-boot/reference/features/external-config.html#features.external-config.files.location).
 * Alfresco/alfresco-ansible-deployment@250a87e roles/trouter/templates/alfresco-transform-router.service.j2:
 * `-jar … --spring.config.additional-location=optional:atr-mtls.properties`, the file its role's task templates from
 * mtls.properties.j2. Only files are named here (a `.properties`, `.yml` or `.yaml` name); a directory location, a
 * value the shell or a template decides, is no file this names.
 */
const ADDITIONAL_LOCATION = /(?:--|-D)spring\.config\.additional-location=("[^"]*"|'[^']*'|[^\s"'\\]+)/g;
const CONFIG_FILE = /^[^{}$*]+\.(?:properties|ya?ml)$/i;

/** The names (last path segment) of the configuration files the text's start commands add, in order. */
export function springAdditionalLocationNames(text: string): string[] {
  if (!text.includes('spring.config.additional-location')) return [];
  const names: string[] = [];
  for (const m of text.matchAll(ADDITIONAL_LOCATION))
    for (const item of m[1]!.replace(/^(["'])(.*)\1$/, '$2').split(',')) {
      const location = item
        .trim()
        .replace(/^optional:/, '')
        .replace(/^file:/, '');
      const name = location.split('/').pop() ?? '';
      if (CONFIG_FILE.test(name)) names.push(name);
    }
  return names;
}

/** The Spring kind of a configuration file by its name. */
export function springKindOfName(name: string): 'spring.properties' | 'spring.yaml' {
  return /\.properties$/i.test(name) ? 'spring.properties' : 'spring.yaml';
}
