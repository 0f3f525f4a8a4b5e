import type { Entry, ParsedDocument } from './types';

/**
 * Jasypt's encrypted values (jasypt-spring-boot, camel-jasypt, Jasypt's EncryptableProperties): `ENC(…)` unless the
 * application sets `jasypt.encryptor.property.prefix` / `.suffix`. A value is encrypted when, trimmed, it starts with
 * the prefix and ends with the suffix (ulisesbocchio/jasypt-spring-boot@2243cb8 DefaultPropertyDetector.isEncrypted).
 */
export interface JasyptWrapper {
  prefix: string;
  suffix: string;
}

/** Jasypt's default wrapper, the one a reader without the application's settings knows. */
export const JASYPT_DEFAULT: JasyptWrapper = { prefix: 'ENC(', suffix: ')' };

const ENDS_IN_X = /[xX][-_]*$/;

/** The wrappers Jasypt recognises in this deployment: the default, and any prefix/suffix its documents set. */
export function jasyptWrappers(documents: readonly ParsedDocument[]): JasyptWrapper[] {
  const setting = (entry: Entry, name: string) =>
    // Both names end in `fix` (`x` then at most dashes and underscores): most keys are refused without a copy.
    ENDS_IN_X.test(entry.key) && entry.key.replace(/[-_]/g, '').toLowerCase() === `jasypt.encryptor.property.${name}`;
  const wrappers = [JASYPT_DEFAULT];
  for (const doc of documents) {
    const prefix = doc.entries.find((e) => setting(e, 'prefix'))?.value.trim();
    const suffix = doc.entries.find((e) => setting(e, 'suffix'))?.value.trim();
    if (prefix || suffix)
      wrappers.push({ prefix: prefix || JASYPT_DEFAULT.prefix, suffix: suffix || JASYPT_DEFAULT.suffix });
  }
  return wrappers;
}

/** Whether the value is wrapped in one of the wrappers: encrypted, decrypted by the application at start. */
export function isJasyptEncrypted(value: string, wrappers: readonly JasyptWrapper[]): boolean {
  const trimmed = value.trim();
  return wrappers.some(
    (w) =>
      trimmed.length > w.prefix.length + w.suffix.length && trimmed.startsWith(w.prefix) && trimmed.endsWith(w.suffix),
  );
}

/** Jasypt's own password (`jasypt.encryptor.password`, `JASYPT_ENCRYPTOR_PASSWORD`): it decrypts every ENC(…) value. */
export function isJasyptPassword(key: string): boolean {
  return /(^|[.@])jasypt[._]encryptor[._]password$/i.test(key);
}
