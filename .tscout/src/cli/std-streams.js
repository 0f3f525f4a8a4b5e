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
exports.stdWriter = stdWriter;
/**
 * The CLI's standard output and error as synchronous writes to file descriptors 1 and 2, without Node's stream
 * objects where the descriptor is a file, a pipe, a socket or /dev/null: `process.stdout` loads Node's whole stream
 * stack (20 internal modules, ~100 pages of memory first touched) only to write a report once, a share of every
 * pre-commit run's start-up (docs/performance.md). A terminal, or a pipe another process made non-blocking (EAGAIN),
 * goes through `process.stdout`/`process.stderr` as before.
 */
const fs = __importStar(require("node:fs"));
/** Whether `fd` is a regular file, a pipe, a socket (Node's child processes' pipes) or /dev/null: written with fs.writeSync. */
function plainDescriptor(fd) {
    try {
        const stat = fs.fstatSync(fd);
        if (stat.isFile() || stat.isFIFO() || stat.isSocket())
            return true;
        return stat.isCharacterDevice() && stat.rdev === fs.statSync('/dev/null').rdev;
    }
    catch {
        return false;
    }
}
/**
 * `onStreamError`: listens for the 'error' events of Node's stream (its EPIPE comes as one), from the first write that
 * goes through it: at once for a terminal, or when a full non-blocking pipe hands the rest over.
 */
function stdWriter(fd, onStreamError) {
    let listening = false;
    const stream = () => {
        const node = fd === 1 ? process.stdout : process.stderr;
        if (onStreamError && !listening)
            node.on('error', onStreamError);
        listening = true;
        return node;
    };
    let direct = plainDescriptor(fd);
    return {
        // A file, a pipe, a socket or /dev/null is never a terminal.
        get isTTY() {
            // isTTY is undefined on a pipe or a file, whatever its declared type says.
            // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-conversion
            return direct ? false : Boolean((fd === 1 ? process.stdout : process.stderr).isTTY);
        },
        write(text) {
            if (!direct) {
                stream().write(text);
                return true;
            }
            const bytes = Buffer.from(text, 'utf8');
            let offset = 0;
            try {
                while (offset < bytes.length)
                    offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
            }
            catch (error) {
                const code = error.code;
                if (code === 'EPIPE')
                    return false;
                if (code !== 'EAGAIN')
                    throw error;
                // A non-blocking pipe that is full: Node's stream waits for it.
                direct = false;
                stream().write(bytes.subarray(offset));
            }
            return true;
        },
    };
}
