/**
 * RabbitMQ's configuration files, by their names. `rabbitmq.conf` (3.7 and later) is sysctl-like, `a.b.c = value` a
 * line with `#` comments (https://www.rabbitmq.com/docs/configure#config-file-formats); it is read as a properties file,
 * each key as written, a key set twice reported as the properties reader does: cuttlefish keeps the last value
 * (Kyorai/cuttlefish@1d14a78a src/cuttlefish_conf.erl remove_duplicates, its duplicates_test). The classic `rabbitmq.config` (and `advanced.config`) is an Erlang term, a list of
 * `{Application, [{Key, Value}]}`: ./rabbitmq-config-term.ts reads the `rabbit` application's TLS listeners and
 * `ssl_options`, and the management plugin's `listener` `ssl_opts`, as the entries the new format names them by
 * (`listeners.ssl.1`, `ssl_options.verify`, `management.ssl.certfile`), so that one model reads both. The mapping is
 * the one of rabbitmq-server's configuration schema (deps/rabbit/priv/schema/rabbit.schema at v4.1.0, 1861a703:
 * `listeners.ssl.$name` → rabbit.ssl_listeners, `ssl_options.*` → rabbit.ssl_options.*).
 */
import { lastPathSegment } from '../core/path-name';
import { readsAsNginx } from './nginx';
import { parseProperties } from './properties';
import { classicConfigEntries } from './rabbitmq-config-term';
import type { FormatHandler, ParsedDocument } from './types';

export const RABBITMQ_CONF_KIND = 'rabbitmq.conf';
export const RABBITMQ_CONFIG_KIND = 'rabbitmq.config';

/** Whether the first line that is neither blank nor a `%` comment opens a list: an Erlang term, the classic format. */
function opensErlangTerm(head: string): boolean {
  for (const line of head.split('\n')) {
    const text = line.trim();
    if (text !== '' && !text.startsWith('%')) return text.startsWith('[');
  }
  return false;
}

export const rabbitmqConfFormat: FormatHandler = {
  id: 'rabbitmq-conf',
  classify(filePath, head) {
    const name = lastPathSegment(filePath);
    // An Erlang term kept under the new format's name (vdesabou/kafka-docker-playground@95b2d38 ssl/rabbitmq.conf, which its
    // Compose files mount as /etc/rabbitmq/advanced.config): `%%` comments, then `[`. No sysctl-like file opens so.
    // An nginx fragment that proxies to RabbitMQ, kept under its name (magenx/Magento-nginx-config@8c63aa8 magento2/services/rabbitmq.conf:
    // `location … {`, `add_header …;`): no `key = value` line, so nginx's reader takes it (repeated add_header is no duplicate).
    if (name === 'rabbitmq.conf') {
      if (opensErlangTerm(head)) return RABBITMQ_CONFIG_KIND;
      return readsAsNginx(head) ? undefined : RABBITMQ_CONF_KIND;
    }
    return name === 'rabbitmq.config' || name === 'advanced.config' ? RABBITMQ_CONFIG_KIND : undefined;
  },
  parse(file, kind): ParsedDocument {
    if (kind === RABBITMQ_CONFIG_KIND)
      return { file, kind, entries: classicConfigEntries(file.text), comments: [], problems: [], data: undefined };
    const { entries, comments, problems } = parseProperties(file.text);
    return { file, kind, entries, comments, problems, data: undefined };
  },
};
