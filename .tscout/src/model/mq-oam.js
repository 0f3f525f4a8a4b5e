"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.oamSwitchedOff = oamSwitchedOff;
const mq_qmgr_names_1 = require("./mq-qmgr-names");
const mq_resources_1 = require("./mq-resources");
const VARIABLE = 'MQSNOAUT';
/** A value that says "off" or that a template fills in: not evidence that the variable is set. */
const NOT_SET = /^\s*$|^(no|false|0|off)$|\$\{|\{\{|^\$[A-Za-z_]/i;
function oamSwitchedOff(applying, services, mqscFile) {
    for (const { name, value, range, qm } of (0, mq_resources_1.qmgrContainerEnvironment)(applying)) {
        if (name !== VARIABLE || NOT_SET.test(value))
            continue;
        return {
            value,
            location: {
                file: qm.file,
                range,
                message: `MQSNOAUT=${value} in the qmgr container of QueueManager ${String((0, mq_resources_1.field)(qm.resource, 'metadata', 'name'))}, which applies ConfigMap ${qm.configMap}`,
            },
        };
    }
    for (const { at, value, service } of (0, mq_qmgr_names_1.queueManagerEnvironment)(services, VARIABLE)) {
        if (NOT_SET.test(value))
            continue;
        const execs = services.find((s) => s.service.name === service)?.execs;
        return {
            value,
            location: {
                ...at,
                message: `MQSNOAUT=${value} in the environment of Compose service ${service}, which runs this MQSC`,
            },
            ...(execs && execs.file !== mqscFile ? { tiedBy: execs } : {}),
        };
    }
    return undefined;
}
