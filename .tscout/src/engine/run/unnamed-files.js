"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.unnamedFileTest = unnamedFileTest;
/**
 * Whether nothing lint-deploy read in a deployment uses a certificate or store file (derive/file-use.ts `unnamed`):
 * the test the parse-finding passes share (locked stores grouped by directory, damaged PEM blocks told as infos), with
 * the component homes built once per deployment, on the first file asked about.
 */
const file_use_1 = require("../../derive/file-use");
const mq_certs_1 = require("../../model/mq-certs");
function unnamedFileTest(deployment) {
    let homeOf;
    return (file, pem = false) => {
        homeOf ??= (0, mq_certs_1.componentHomes)(deployment.documents, deployment.root, deployment.tlsLessHomes, deployment.libertyStoreHomes);
        const { homeConfig } = homeOf(file);
        return (0, file_use_1.fileUse)(deployment.derived.certificateFiles, file, homeConfig, undefined, pem).use === 'unnamed';
    };
}
