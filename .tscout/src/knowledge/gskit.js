"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.isGskitDefaultSigner = isGskitDefaultSigner;
/**
 * Signer certificates IBM's key database tools add to a CMS key database by themselves (data/gskit-signers.json):
 * GSKit's vendor roots, which the deployment did not choose, as a JDK's cacerts holds its vendor's.
 */
const gskit_signers_json_1 = __importDefault(require("./data/gskit-signers.json"));
const FINGERPRINTS = new Set(gskit_signers_json_1.default.signers.map((s) => s.sha256));
/** Whether a certificate (its SHA-256 fingerprint, hex with or without colons) is one GSKit's tools add by themselves. */
function isGskitDefaultSigner(fingerprintSha256) {
    return FINGERPRINTS.has(fingerprintSha256.replace(/:/g, '').toLowerCase());
}
