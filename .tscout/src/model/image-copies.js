"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readThroughImages = readThroughImages;
/**
 * A server's ssl_certificate files as the image its configuration is copied into holds them: the tree file a COPY
 * puts at the written absolute path (`COPY certs/certificate.crt /etc/ssl/certs/server.crt`). A path a Compose mount
 * decides (./compose-mounts.ts) or nothing copies stays as it was, matched by its name.
 */
function readThroughImages(component, stores) {
    const tls = component.tls;
    for (const ref of tls?.certificate ? [tls.certificate, ...(tls.moreCertificates ?? [])] : []) {
        if (!ref.file || !ref.reference || ref.mountedAt || ref.mountedFromOutside)
            continue;
        const copied = stores.images?.resolve(ref.reference.file, ref.file);
        if (!copied || stores.typeOf(copied.file) === undefined)
            continue;
        ref.file = copied.file;
        ref.copiedAt = copied.by;
    }
}
