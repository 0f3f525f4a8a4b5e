"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.microprofileConfigFormat = void 0;
const properties_1 = require("./properties");
const jvm_args_1 = require("./java/jvm-args");
/**
 * MicroProfile Config's `META-INF/microprofile-config.properties` (the application's own config source, ordinal 100
 * unless its `config_ordinal` says otherwise): Liberty, Quarkus, Helidon and Payara applications read their Rest
 * Client settings (`<interface or configKey>/mp-rest/url`, `…/mp-rest/trustStore`) from it.
 */
exports.microprofileConfigFormat = {
    id: 'microprofile-config',
    classify(filePath) {
        return (0, jvm_args_1.basenameOf)(filePath) === 'microprofile-config.properties' ? 'microprofile.config' : undefined;
    },
    parse(file, kind) {
        const { entries, comments, problems } = (0, properties_1.parseProperties)(file.text, { commentsInValues: true });
        return { file, kind, entries, comments, problems, data: undefined };
    },
};
