/**
 * Answers of pure computations by the values of their inputs, owned by one run and passed down to the
 * code that asks (never module state: two runs in one process never share it). A fleet asks the same
 * questions in every environment (Tomcat's default cipher string, the same OpenSSL cipher string), so
 * each distinct question is answered once per run. Callers must treat an answer as read-only.
 */
export class RunMemo {
  private readonly tables = new Map<string, Map<string, unknown>>();
  /** Keys of values already asked about, by identity: a value asked of again is not serialised again. */
  private readonly keysByIdentity = new WeakMap<object, string>();
  /** Each distinct serialisation's short key (`#n`); numbers are never reused, so a fresh table only costs misses. */
  private readonly numbered = new Map<string, string>();
  private lastNumber = 0;

  /** Entries kept per table: a run of many distinct questions starts the table afresh instead of growing. */
  static readonly TABLE_LIMIT = 10_000;

  /** The answer to `key` in `table`, computed by `compute` the first time it is asked. */
  get<T>(table: string, key: string, compute: () => T): T {
    let answers = this.tables.get(table);
    if (!answers) this.tables.set(table, (answers = new Map<string, unknown>()));
    if (answers.has(key)) return answers.get(key) as T;
    const answer = compute();
    if (answers.size >= RunMemo.TABLE_LIMIT) answers.clear();
    answers.set(key, answer);
    return answer;
  }

  /**
   * A short key standing for `value`'s contents (as `serialise` writes them), so that a question about large values
   * (a handshake side's lists) is keyed in a few characters: serialised once per value object, numbered once per
   * distinct serialisation. The value must not change afterwards (answers are read-only anyway).
   */
  keyOf(value: object, serialise: (value: object) => string = JSON.stringify): string {
    const known = this.keysByIdentity.get(value);
    if (known !== undefined) return known;
    const text = serialise(value);
    let key = this.numbered.get(text);
    if (key === undefined) {
      if (this.numbered.size >= RunMemo.TABLE_LIMIT) this.numbered.clear();
      this.numbered.set(text, (key = `#${++this.lastNumber}`));
    }
    this.keysByIdentity.set(value, key);
    return key;
  }

  /** Records that `value` stands for the contents `key` stands for (a value built from keyed parts): keyOf finds it. */
  keyAs<T extends object>(value: T, key: string): T {
    this.keysByIdentity.set(value, key);
    return value;
  }
}
