"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.scanSpringArguments = scanSpringArguments;
const jvm_args_1 = require("./jvm-args");
const spring_environment_1 = require("./spring-environment");
/** `--name=value` after a blank, a quote, `[` or `,` (a JSON-form ENTRYPOINT). */
const ARGUMENT = /(^|[\s"'[,])--([A-Za-z][\w.-]*)(=)/g;
/** The settings of how Spring starts that lint-deploy reads besides SPRING_SETTING's: any other is left to the program. */
const START_SETTING = /^spring\.(profiles\.active|config\.location)$/i;
/** The Spring settings given as `--name=value` arguments in `text[from, to)`, `via` the command line. */
function scanSpringArguments(text, index, from, to) {
    return (0, jvm_args_1.scanOptions)(ARGUMENT, text, index, from, to, 'command line').filter((a) => spring_environment_1.SPRING_SETTING.test(a.name) || START_SETTING.test(a.name));
}
