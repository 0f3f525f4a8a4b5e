"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.JASYPT_DEFAULT = void 0;
exports.jasyptWrappers = jasyptWrappers;
exports.isJasyptEncrypted = isJasyptEncrypted;
exports.isJasyptPassword = isJasyptPassword;
/** Jasypt's default wrapper, the one a reader without the application's settings knows. */
exports.JASYPT_DEFAULT = { prefix: 'ENC(', suffix: ')' };
const ENDS_IN_X = /[xX][-_]*$/;
/** The wrappers Jasypt recognises in this deployment: the default, and any prefix/suffix its documents set. */
function jasyptWrappers(documents) {
    const setting = (entry, name) => 
    // Both names end in `fix` (`x` then at most dashes and underscores): most keys are refused without a copy.
    ENDS_IN_X.test(entry.key) && entry.key.replace(/[-_]/g, '').toLowerCase() === `jasypt.encryptor.property.${name}`;
    const wrappers = [exports.JASYPT_DEFAULT];
    for (const doc of documents) {
        const prefix = doc.entries.find((e) => setting(e, 'prefix'))?.value.trim();
        const suffix = doc.entries.find((e) => setting(e, 'suffix'))?.value.trim();
        if (prefix || suffix)
            wrappers.push({ prefix: prefix || exports.JASYPT_DEFAULT.prefix, suffix: suffix || exports.JASYPT_DEFAULT.suffix });
    }
    return wrappers;
}
/** Whether the value is wrapped in one of the wrappers: encrypted, decrypted by the application at start. */
function isJasyptEncrypted(value, wrappers) {
    const trimmed = value.trim();
    return wrappers.some((w) => trimmed.length > w.prefix.length + w.suffix.length && trimmed.startsWith(w.prefix) && trimmed.endsWith(w.suffix));
}
/** Jasypt's own password (`jasypt.encryptor.password`, `JASYPT_ENCRYPTOR_PASSWORD`): it decrypts every ENC(…) value. */
function isJasyptPassword(key) {
    return /(^|[.@])jasypt[._]encryptor[._]password$/i.test(key);
}
