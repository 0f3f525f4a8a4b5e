"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.definedInScript = exports.isBlockingMcauser = void 0;
exports.chlauthFor = chlauthFor;
exports.userSource = userSource;
exports.chlauthDisabled = chlauthDisabled;
const mqsc_objects_1 = require("../../../parse/mq/mqsc-objects");
/** The CHLAUTH records whose profile matches a channel name, most specific (longest profile) first. */
function chlauthFor(objects, channel) {
    return objects.chlauth
        .filter((r) => (0, mqsc_objects_1.mqGenericMatch)(r.profile, channel))
        .sort((a, b) => b.profile.replace(/\*$/, '').length - a.profile.replace(/\*$/, '').length);
}
function userSource(record) {
    return record.attributes.get('USERSRC')?.value?.toUpperCase();
}
/** `ALTER QMGR CHLAUTH(DISABLED)`, when the script turns channel authentication records off. */
function chlauthDisabled(objects) {
    const p = objects.qmgr.get('CHLAUTH');
    return p?.value?.toUpperCase() === 'DISABLED' ? p : undefined;
}
var mq_chlauth_1 = require("../../../model/mq-chlauth");
Object.defineProperty(exports, "isBlockingMcauser", { enumerable: true, get: function () { return mq_chlauth_1.isBlockingMcauser; } });
var mq_channel_inputs_1 = require("../../../model/mq-channel-inputs");
Object.defineProperty(exports, "definedInScript", { enumerable: true, get: function () { return mq_channel_inputs_1.definedInScript; } });
