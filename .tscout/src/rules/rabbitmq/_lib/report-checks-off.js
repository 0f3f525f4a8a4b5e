"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.reportRabbitChecksOff = reportRabbitChecksOff;
const phrase_1 = require("../../../core/phrase");
/**
 * Reports each RabbitMQ TLS check of one kind that a Spring Boot app turns off (JavaAppAttributes.rabbitTlsChecksOff),
 * naming what turns the connection's TLS on, and the build file's release when it decides.
 */
function reportRabbitChecksOff(ctx, check, messageId) {
    for (const app of ctx.deployment.components) {
        if (app.type !== 'java.app')
            continue;
        for (const off of app.attributes.rabbitTlsChecksOff ?? []) {
            if (off.check !== check)
                continue;
            const release = off.release;
            ctx.report({
                messageId,
                data: { app: app.name, setting: off.setting },
                location: off.at,
                related: [
                    { ...off.tlsAt.at, message: (0, phrase_1.said) `the RabbitMQ connection uses TLS: ${off.tlsAt.setting} is set here` },
                    ...(release ? [{ ...release.at, message: (0, phrase_1.said) `${release.by} names Spring Boot ${release.version}` }] : []),
                ],
                fingerprint: [app.id, off.setting],
            });
        }
    }
}
