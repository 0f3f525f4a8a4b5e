"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RunMemo = void 0;
/**
 * Answers of pure computations by the values of their inputs, owned by one run and passed down to the
 * code that asks (never module state: two runs in one process never share it). A fleet asks the same
 * questions in every environment (Tomcat's default cipher string, the same OpenSSL cipher string), so
 * each distinct question is answered once per run. Callers must treat an answer as read-only.
 */
class RunMemo {
    tables = new Map();
    /** Entries kept per table: a run of many distinct questions starts the table afresh instead of growing. */
    static TABLE_LIMIT = 10_000;
    /** The answer to `key` in `table`, computed by `compute` the first time it is asked. */
    get(table, key, compute) {
        let answers = this.tables.get(table);
        if (!answers)
            this.tables.set(table, (answers = new Map()));
        if (answers.has(key))
            return answers.get(key);
        const answer = compute();
        if (answers.size >= RunMemo.TABLE_LIMIT)
            answers.clear();
        answers.set(key, answer);
        return answer;
    }
}
exports.RunMemo = RunMemo;
