import { jmsBindingsFormat, JMS_BINDINGS_KIND, type JmsBindingsData } from '../../src/parse/jms-bindings';
import type { ParsedDocument } from '../../src/parse/types';
import { jmsBindings } from '../rules/mq/trees';

const parse = (text: string, path = '/x/jndi/.bindings') =>
  jmsBindingsFormat.parse({ path, text, hadBom: false }, JMS_BINDINGS_KIND) as ParsedDocument<JmsBindingsData>;

describe('a JNDI .bindings file: each bound object with its RefAddr properties, in any order', () => {
  it.each<[string, string, string | undefined]>([
    ['a .bindings with RefAddr entries', '/t/.bindings', jmsBindings('cf', [['CHAN', 'A']])],
    ['another file name', '/t/bindings.properties', undefined],
    ['a .bindings without RefAddr', '/t/.bindings', undefined],
  ])('classifies %s', (_name, path, text) => {
    const kind = jmsBindingsFormat.classify(path, text ?? 'a/ClassName=x\n');
    expect(kind).toBe(text && path.endsWith('/.bindings') ? JMS_BINDINGS_KIND : undefined);
  });

  it('joins each Type to its Content by index, keeps positions and masks a password', () => {
    const text = [
      'cf/RefAddr/1/Content=APP.SVRCONN',
      'cf/RefAddr/7/Type=XMSC_PASSWORD',
      'cf/ClassName=com.ibm.mq.jms.MQConnectionFactory',
      'cf/RefAddr/1/Type=CHAN',
      'cf/RefAddr/7/Content=s3cret',
      'cf/RefAddr/2/Type=SCPHS',
      '',
    ].join('\n');
    const [cf] = parse(text).data.objects;
    expect(cf?.className?.value).toBe('com.ibm.mq.jms.MQConnectionFactory');
    const chan = cf?.properties.get('CHAN');
    expect([chan?.content?.value, chan?.content?.valueRange.start.line, chan?.content?.secret]).toEqual([
      'APP.SVRCONN',
      0,
      false,
    ]);
    expect(cf?.properties.get('XMSC_PASSWORD')?.content?.secret).toBe(true);
    // A null property: its Type without a Content.
    expect(cf?.properties.get('SCPHS')?.content).toBeUndefined();
  });
});
