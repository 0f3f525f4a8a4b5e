"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.runCli = exports.ALL_RULES = exports.formatterNames = exports.getFormatter = exports.defaultConfig = exports.findConfigFile = exports.loadConfig = exports.lint = void 0;
/** lint-deploy as a library: `lint()` runs the pipeline; formatters turn findings into text. */
var lint_1 = require("./engine/lint");
Object.defineProperty(exports, "lint", { enumerable: true, get: function () { return lint_1.lint; } });
var load_1 = require("./engine/config/load");
Object.defineProperty(exports, "loadConfig", { enumerable: true, get: function () { return load_1.loadConfig; } });
Object.defineProperty(exports, "findConfigFile", { enumerable: true, get: function () { return load_1.findConfigFile; } });
var config_1 = require("./core/config");
Object.defineProperty(exports, "defaultConfig", { enumerable: true, get: function () { return config_1.defaultConfig; } });
var report_1 = require("./report");
Object.defineProperty(exports, "getFormatter", { enumerable: true, get: function () { return report_1.getFormatter; } });
Object.defineProperty(exports, "formatterNames", { enumerable: true, get: function () { return report_1.formatterNames; } });
var rules_1 = require("./rules");
Object.defineProperty(exports, "ALL_RULES", { enumerable: true, get: function () { return rules_1.ALL_RULES; } });
var main_1 = require("./cli/main");
Object.defineProperty(exports, "runCli", { enumerable: true, get: function () { return main_1.runCli; } });
