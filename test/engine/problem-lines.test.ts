import { lintTree } from './lint-helper';

/**
 * A parse problem that names another line ("first set on line N") names the line of the file the user edits: for a
 * document embedded in another file (a ConfigMap key, a heredoc to runmqsc) the enclosing file's line, not the line
 * within the embedded text (saud-prog07/Transaction-Risk-monitor@55c53bf: "line 54" for the file's line 222).
 */
describe('lines named in parse messages', () => {
  const messages = (files: Record<string, string>, ruleId: string) =>
    lintTree(files)
      .findings.filter((f) => f.ruleId === ruleId)
      .map((f) => `${(f.location.range?.start.line ?? -1) + 1}: ${f.message}`);

  it.each([
    [
      'a Spring application.yml in a ConfigMap',
      {
        'k8s/configmap.yaml':
          'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  application.yml: |\n    server:\n      port: 8443\n    server:\n      ssl:\n        enabled: true\n',
      },
      'parse/duplicate-key',
      "9: Duplicate key 'server' (first set on line 7)",
    ],
    [
      'application.properties in a ConfigMap',
      {
        'k8s/configmap.yaml':
          'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  application.properties: |\n    server.port=8443\n    server.ssl.enabled=true\n    server.port=8444\n',
      },
      'parse/duplicate-key',
      "9: Duplicate key 'server.port' (first set on line 7)",
    ],
    [
      'MQSC in a heredoc to runmqsc',
      {
        'mq/setup.sh':
          '#!/bin/sh\necho start\nrunmqsc QM1 <<EOF\nDEFINE CHANNEL(APP.SVRCONN) CHLTYPE(SVRCONN) +\n  SSLCIPH(TLS_AES_128_GCM_SHA256) +\n  SSLCIPH(ANY_TLS12)\nEOF\n',
      },
      'parse/mqsc-duplicate-parameter',
      '6: Parameter SSLCIPH appears twice in one command (first on line 5)',
    ],
    [
      'the same Spring file on its own',
      { 'app/src/main/resources/application.yml': 'server:\n  port: 8443\nserver:\n  ssl:\n    enabled: true\n' },
      'parse/duplicate-key',
      "3: Duplicate key 'server' (first set on line 1)",
    ],
  ])('%s', (_what, files, ruleId, expected) => {
    const found = messages(files, ruleId);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(expected);
  });
});
