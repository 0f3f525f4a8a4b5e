"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.nginxReleaseFromPackages = nginxReleaseFromPackages;
const dockerfile_stages_1 = require("../parse/dockerfile-stages");
const dockerfile_copies_1 = require("../parse/dockerfile-copies");
const shell_commands_1 = require("../parse/shell-commands");
/** `nginx=<upstream>-<revision>`: the word apt and apk take for a pinned package. */
const NGINX_PIN = /^nginx=(\d+\.\d+\.\d+)(?:[-~+]|$)/;
const INSTALLER = /^(apt-get|apt|apk)$/;
function nginxReleaseFromPackages(doc) {
    for (const command of (0, dockerfile_stages_1.heldCommands)(doc.data)) {
        if (command.instruction !== 'RUN')
            continue;
        const text = (command.variables && (0, dockerfile_copies_1.substituteVariables)(command.joined, command.variables)) ?? command.joined;
        for (const words of (0, shell_commands_1.simpleCommands)(text)) {
            if (!words.some((w) => INSTALLER.test(w)))
                continue;
            const release = words.map((w) => NGINX_PIN.exec(w)?.[1]).find((r) => r !== undefined);
            if (release)
                return { release, at: { file: doc.file.path, range: command.range } };
        }
    }
    return undefined;
}
