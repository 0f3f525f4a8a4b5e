"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.mqQmgrDefault = mqQmgrDefault;
exports.mqAuthinfoDefault = mqAuthinfoDefault;
exports.mqDefaultChlauthRecords = mqDefaultChlauthRecords;
exports.mqInboundChannelType = mqInboundChannelType;
exports.isMqAdminUser = isMqAdminUser;
const mq_access_json_1 = __importDefault(require("./data/mq-access.json"));
const read_1 = require("./read");
const BLANK_MCAUSER = ['client', 'mca', 'unknown'];
const DATA = {
    qmgrDefaults: mq_access_json_1.default.qmgrDefaults,
    authinfoDefaults: mq_access_json_1.default.authinfoDefaults.map((row) => ({ ...row, attributes: (0, read_1.stringRecord)(row.attributes) })),
    defaultChlauthRecords: mq_access_json_1.default.defaultChlauthRecords.map((row) => ({ ...row, attributes: (0, read_1.stringRecord)(row.attributes) })),
    channelTypes: mq_access_json_1.default.channelTypes.map((row) => ({
        ...row,
        blankMcauser: (0, read_1.oneOf)(row.blankMcauser, BLANK_MCAUSER, `mq-access.json channelTypes ${row.chltype}`),
    })),
    adminUsers: mq_access_json_1.default.adminUsers,
};
/** A queue manager attribute's value on a new queue manager (CHLAUTH, CONNAUTH). */
function mqQmgrDefault(attribute) {
    const row = DATA.qmgrDefaults.find((r) => r.attribute === attribute.toUpperCase());
    return row ? { value: row.value, source: row.source, ...(row.since ? { since: row.since } : {}) } : undefined;
}
/** An attribute of a shipped AUTHINFO object (SYSTEM.DEFAULT.AUTHINFO.IDPWOS CHCKCLNT…). */
function mqAuthinfoDefault(name, attribute) {
    const row = DATA.authinfoDefaults.find((r) => r.name === name.toUpperCase());
    const value = row?.attributes[attribute.toUpperCase()];
    return row && value !== undefined ? { value, source: row.source } : undefined;
}
/** The channel authentication records a new queue manager has. */
function mqDefaultChlauthRecords() {
    return DATA.defaultChlauthRecords;
}
/** An inbound channel type (SVRCONN, RCVR, RQSTR, CLUSRCVR, AMQP, MQTT), or undefined for outbound types. */
function mqInboundChannelType(chltype) {
    return DATA.channelTypes.find((t) => t.chltype === chltype.toUpperCase());
}
/** True for user ids that are privileged on some platform (mqm, MUSR_MQADMIN, QMQM…), compared case-insensitively. */
function isMqAdminUser(user) {
    const u = user.trim().toLowerCase();
    return DATA.adminUsers.names.some((n) => n.toLowerCase() === u);
}
