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
exports.relativePosix = relativePosix;
exports.componentGlobs = componentGlobs;
const path = __importStar(require("node:path"));
const glob_1 = require("../core/glob");
/** A path segment `.` or `..`, or an empty one (`a//b`): the fast path below needs a normalised path. */
const UNNORMALISED = /(^|[\\/])\.{1,2}([\\/]|$)|[\\/][\\/]/;
/**
 * `path.relative(from, to)` with `/` separators. Model code asks this for every file of every
 * deployment; when `to` lies inside `from` and is already normalised (the walk's paths are) the answer
 * is a slice, without resolving both paths against the working directory as `path.relative` does.
 */
function relativePosix(from, to) {
    if (to.length > from.length + 1 && to.startsWith(from) && to[from.length] === path.sep && !from.endsWith(path.sep)) {
        const rest = to.slice(from.length + 1);
        if (!UNNORMALISED.test(rest) && !UNNORMALISED.test(from))
            return path.sep === '/' ? rest : rest.split(path.sep).join('/');
    }
    return path.relative(from, to).split(path.sep).join('/');
}
const compiled = new WeakMap();
/** The config's `components[].files` globs, compiled once per config (not once per file or deployment). */
function componentGlobs(components) {
    const known = compiled.get(components);
    if (known && known.length === components.length && known.globs.every((g, i) => g.component === components[i]))
        return known.globs;
    const globs = components.map((component) => ({
        component,
        match: (0, glob_1.compileConfigGlob)(component.files, { dot: true }, 'config "components"'),
    }));
    compiled.set(components, { length: components.length, globs });
    return globs;
}
