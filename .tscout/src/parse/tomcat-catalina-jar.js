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
exports.tomcatCatalinaJarFormat = void 0;
exports.zipEntry = zipEntry;
/**
 * The release of an Apache Tomcat installation in the tree, from its `lib/catalina.jar`: Tomcat names itself from
 * the jar's `org/apache/catalina/util/ServerInfo.properties` (`server.info=Apache Tomcat/6.0.47`,
 * `server.number=6.0.47.0`; ServerInfo.java reads it with getResourceAsStream,
 * https://github.com/apache/tomcat/blob/main/java/org/apache/catalina/util/ServerInfo.java, and `version.sh` prints
 * it). Read from the jar's zip directory; only the one entry is inflated.
 */
const path = __importStar(require("node:path"));
const properties_1 = require("./properties");
/** The entry ServerInfo loads. */
const SERVER_INFO = 'org/apache/catalina/util/ServerInfo.properties';
const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
/** The most an entry may inflate to: larger is no ServerInfo.properties (and the inflater stops there). */
const ENTRY_LIMIT = 64 * 1024;
/** The end record is 22 bytes plus a comment of at most 65,535. */
const END_SEARCH = 22 + 0xffff;
/** The bytes of one stored or deflated entry of a zip file; undefined when the file is no zip or lacks it. */
function zipEntry(bytes, name) {
    const zip = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let end = -1;
    for (let at = zip.length - 22; at >= Math.max(0, zip.length - END_SEARCH); at--)
        if (zip.readUInt32LE(at) === END_OF_DIRECTORY) {
            end = at;
            break;
        }
    if (end < 0)
        return undefined;
    const count = zip.readUInt16LE(end + 10);
    let at = zip.readUInt32LE(end + 16);
    for (let i = 0; i < count && at + 46 <= zip.length; i++) {
        if (zip.readUInt32LE(at) !== CENTRAL_HEADER)
            return undefined;
        const method = zip.readUInt16LE(at + 10);
        const compressed = zip.readUInt32LE(at + 20);
        const nameLength = zip.readUInt16LE(at + 28);
        const extraLength = zip.readUInt16LE(at + 30);
        const commentLength = zip.readUInt16LE(at + 32);
        const local = zip.readUInt32LE(at + 42);
        const entryName = zip.toString('utf8', at + 46, at + 46 + nameLength);
        at += 46 + nameLength + extraLength + commentLength;
        if (entryName !== name)
            continue;
        if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL_HEADER)
            return undefined;
        const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
        const data = zip.subarray(start, start + compressed);
        if (method === 0)
            return data;
        if (method !== 8)
            return undefined;
        try {
            // Required here, not at load: node:zlib loads Node's streams, which a run without a catalina.jar never needs
            // (test/perf/bundle.test.ts; ../core/node-crypto.ts says what they cost).
            // At most ENTRY_LIMIT bytes: deflate packs ~1,000 bytes into one, so a crafted 1.5 MB jar inflated to 1.5 GB (7 s,
            // 4.7 GB of memory) and an 8 MB one could end the run; ServerInfo.properties is under a kilobyte.
            return require('node:zlib').inflateRawSync(data, { maxOutputLength: ENTRY_LIMIT });
        }
        catch {
            return undefined;
        }
    }
    return undefined;
}
/** `Apache Tomcat/6.0.47` with `server.number=6.0.47.0`: the release both name. */
function releaseOf(fields) {
    const named = /^Apache Tomcat\/(\d+\.\d+\.\d+)$/.exec(fields['server.info']?.trim() ?? '')?.[1];
    const number = fields['server.number']?.trim() ?? '';
    return named && (number === named || number.startsWith(`${named}.`)) ? named : undefined;
}
/** Tomcat's own `lib/catalina.jar`, the jar beside the installation's `conf/`. */
const classifyByName = (filePath) => path.basename(filePath) === 'catalina.jar' && path.basename(path.dirname(filePath)) === 'lib'
    ? 'tomcat.catalina-jar'
    : undefined;
exports.tomcatCatalinaJarFormat = {
    id: 'tomcat-catalina-jar',
    classify: classifyByName,
    // Taken by name from its bytes, whatever they are: a damaged jar or a Git LFS pointer names no release, and is no
    // configuration file lint-deploy failed to read.
    classifyBytes: classifyByName,
    parse(file, kind) {
        const entry = file.bytes ? zipEntry(file.bytes, SERVER_INFO) : undefined;
        const fields = {};
        for (const e of entry ? (0, properties_1.parseProperties)(entry.toString('latin1')).entries : [])
            fields[e.key] = e.value;
        const release = releaseOf(fields);
        const serverInfo = fields['server.info']?.trim();
        const data = { ...(release ? { release } : {}), ...(serverInfo ? { serverInfo } : {}) };
        return { file, kind, entries: [], comments: [], problems: [], data };
    },
};
