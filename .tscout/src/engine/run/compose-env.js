"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.ComposeEnvFiles = void 0;
const path = __importStar(require("node:path"));
const safe_fs_1 = require("../../core/safe-fs");
const compose_env_1 = require("../../parse/compose-env");
const env_file_1 = require("../../parse/env-file");
const text_1 = require("../../parse/text");
/** A `.env` above this size is not read (its variables then stay unknown). */
const MAX_ENV_BYTES = 1024 * 1024;
/**
 * The `.env` files of a run's Compose files: a Compose file gets the variables of the `.env` in its directory (the
 * project directory Compose uses by default). Each `.env` is read once; one that a Compose file takes a value from is
 * a document of the run (its secrets are then masked and judged where they are written), unless it is read already.
 */
class ComposeEnvFiles {
    files = new Map();
    used = new Set();
    /** The Compose file's text with the `.env` values put in, when some reference has one. A linked `.env` is not read. */
    render(file, source) {
        if (!source.includes('$'))
            return undefined;
        const envFile = path.join(path.dirname(file), '.env');
        const read = this.read(envFile);
        const rendering = read && (0, compose_env_1.renderComposeEnv)(source, envFile, read.variables);
        if (rendering)
            this.used.add(envFile);
        return rendering;
    }
    /** The documents of the `.env` files values came from, but for those in `read` (already documents of the run). */
    documents(read) {
        return [...this.used]
            .filter((file) => !read.has(file))
            .map((file) => {
            const { text, hadBom } = this.files.get(file); // used only once read
            return env_file_1.envFileFormat.parse({ path: file, text, hadBom }, 'env-file');
        });
    }
    read(file) {
        if (this.files.has(file))
            return this.files.get(file);
        const bytes = (0, safe_fs_1.readRegularFile)(file, MAX_ENV_BYTES, { noFollow: true });
        const decoded = bytes.ok ? (0, text_1.decodeFile)(bytes.bytes) : undefined;
        const read = decoded?.ok
            ? { text: decoded.text, hadBom: decoded.hadBom, variables: (0, compose_env_1.dotEnvVariables)(decoded.text) }
            : undefined;
        this.files.set(file, read);
        return read;
    }
}
exports.ComposeEnvFiles = ComposeEnvFiles;
