import { ListedFiles } from '../../src/model/listed-files';
import { queueManagersApplying } from '../../src/model/mq-resources';

describe('QueueManager resources read from YAML', () => {
  it('reads a manifest whose keys are collections without a Node process warning on stderr', () => {
    // A Helm template's `{{ }}` or a `? [ ]` key is a collection key: the YAML library warns on stderr by default.
    const warn = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      const text = [
        'kind: ConfigMap',
        'metadata:',
        '  name: mqsc',
        '  ? [ ]',
        '  : x',
        'data:',
        '  qm.mqsc: DEFINE QLOCAL(Q1)',
        '---',
        'kind: QueueManager',
        'spec:',
        '  queueManager:',
        '    name: QM1',
        '    mqsc:',
        '      - configMap:',
        '          name: mqsc',
        '',
      ].join('\n');
      const applying = queueManagersApplying('/t/qm.yaml', text, 6, new ListedFiles([]));
      expect(applying.map((a) => a.configMap)).toEqual(['mqsc']);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});
