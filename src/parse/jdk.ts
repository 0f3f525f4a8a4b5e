import * as path from 'node:path';
import { parseProperties } from './properties';
import { TEMPLATE_SUFFIX } from './template';
import type { FormatHandler, ParsedDocument } from './types';

/** Fields of a JDK `release` file, unquoted (`JAVA_VERSION="1.8.0_202"` → `1.8.0_202`). */
export interface JdkReleaseData {
  fields: Record<string, string>;
}

export const jdkReleaseFormat: FormatHandler<JdkReleaseData> = {
  id: 'jdk-release',
  classify(filePath, head) {
    const base = path.basename(filePath);
    const named = base === 'release' || /(^|__)release$/.test(base);
    if (!named) return undefined;
    // An empty release file is still a JDK's (the corpus has one); anything else must look like one.
    if (head.trim() === '' || /^\s*(JAVA_VERSION|IMPLEMENTOR|JAVA_RUNTIME_VERSION)\s*=/m.test(head))
      return 'jdk.release';
    return undefined;
  },
  parse(file, kind): ParsedDocument<JdkReleaseData> {
    const { entries, comments, problems } = parseProperties(file.text);
    const fields: Record<string, string> = {};
    for (const entry of entries) {
      // The shell-style quotes are not part of the value.
      const quoted = /^"(.*)"$/.exec(entry.value);
      if (quoted) {
        entry.value = quoted[1]!;
        // Narrow the range to inside the quotes only when the value sits on one line (a `\` continuation can end it at column 0).
        const { start, end } = entry.valueRange;
        if (start.line === end.line && end.character - start.character >= 2)
          entry.valueRange = {
            start: { line: entry.valueRange.start.line, character: entry.valueRange.start.character + 1 },
            end: { line: entry.valueRange.end.line, character: entry.valueRange.end.character - 1 },
          };
      }
      fields[entry.key] = entry.value;
    }
    return { file, kind, entries, comments, problems, data: { fields } };
  },
};

/**
 * A line of java.security: a comment or a property JDK 17's conf/security/java.security defines (`jdk.*.`,
 * `security.*`, `securerandom.*`, `keystore.type`, `crypto.policy`, `networkaddress.cache.*`, `ssl.*ManagerFactory`,
 * `policy.*`, `login.configuration.provider`, `package.access`, `sun.security.*`), or one the JDK's revocation checker
 * reads (`ocsp.enable`, `ocsp.responderURL`, `ocsp.responderCert*`, `com.sun.security.onlyCheckRevocationOfEECert`:
 * openjdk/jdk@59dc384 sun/security/provider/certpath/RevocationChecker.java getRevocationProperties). An override file
 * may hold any one (wcmc-its/ReCiter-Connect's enableLegacyTLS.security has only jdk.jar.disabledAlgorithms;
 * digital-asset/ex-secure-daml-infra@98ef948's java.security, named by -Djava.security.properties, only ocsp.enable).
 */
const JAVA_SECURITY_LINE =
  /^\s*(#|jdk\.[a-z0-9]+\.|security\.|securerandom\.|keystore\.type|crypto\.policy|networkaddress\.cache\.|ssl\.(Key|Trust)ManagerFactory\.|policy\.|login\.configuration\.|package\.(access|definition)|sun\.security\.|ocsp\.|com\.sun\.security\.onlyCheckRevocationOfEECert)/m;

export const javaSecurityFormat: FormatHandler<undefined> = {
  id: 'java-security',
  classify(filePath, head) {
    const base = path.basename(filePath);
    if (base === 'java.security' || /java\.security([@-]|$)/.test(base) || /\.security$/.test(base)) {
      return JAVA_SECURITY_LINE.test(head) || head.trim() === '' ? 'java.security' : undefined;
    }
    return undefined;
  },
  parse(file, kind) {
    // java.security is read by java.util.Properties: the last duplicate wins. JDK sources repeat
    // `security.provider.tbd` by design; a repeated `jdk.*` key silently drops the earlier value.
    const { entries, comments, problems } = parseProperties(file.text, {
      duplicateSeverity: 'warning',
      reportDuplicate: (key) => key.startsWith('jdk.'),
      commentsInValues: true,
      byteOrderMark: file.hadBom,
    });
    return { file, kind, entries, comments, problems, data: undefined };
  },
};

/**
 * A file read as java.security only because `-Djava.security.properties` names it: it overrides the
 * runtime's properties and, unlike a `java.security` file on its own, stands for no JDK.
 */
/**
 * The JDK reads its providers from `security.provider.1` up to the first missing number (sun.security.jca.ProviderList):
 * a java.security without this key gives it none.
 */
export const FIRST_SECURITY_PROVIDER = 'security.provider.1';
export const SECURITY_OVERRIDE_KIND = 'java.security-override';

/** `-Djava.security.properties=<file>` (appends to java.security) or `==<file>` (replaces it), as written anywhere. */
export const SECURITY_PROPERTIES_OPTION = /-Djava\.security\.properties=(=?)["']?(?:file:)?([^\s"'\\]+)/g;

/**
 * The name a security properties file is known by: its base name without a template or build
 * suffix (`client/conf/java.security.ciphers.in` is installed as `/etc/…/java.security.ciphers`).
 */
export function securityFileName(filePath: string): string {
  return path.basename(filePath.replace(/\\/g, '/')).replace(TEMPLATE_SUFFIX, '').replace(/\.in$/, '');
}
