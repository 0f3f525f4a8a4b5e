"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.jsonc = void 0;
/** jsonc-parser (a chunk of its own in dist/) is loaded by the first config file or CCDT, not at start-up. */
let jsoncLib;
const jsonc = () => (jsoncLib ??= require('jsonc-parser'));
exports.jsonc = jsonc;
