"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.presentedPemFile = presentedPemFile;
/**
 * The tree PEM file a server's certificate reference resolves to (derive's presented certificates; the reference
 * itself is the path as written) and the certificate the server takes from it, the file's first. Undefined for a key
 * store entry or a reference the tree does not resolve.
 */
function presentedPemFile(certificates, pemByPath) {
    const named = certificates[0];
    if (!named || named.store)
        return undefined;
    const file = named.doc.file.path;
    const leaf = pemByPath.get(file)?.data.certificates[0];
    return leaf ? { file, leaf } : undefined;
}
