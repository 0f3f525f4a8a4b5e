/**
 * A JNDI file-system context's `.bindings` file (Sun's `RefFSContext`, which IBM MQ's JMSAdmin and MQ Explorer write
 * when PROVIDER_URL is a `file:/` directory): the JMS administered objects bound in that directory, saved with
 * java.util.Properties. Each object is a javax.naming.Reference written as `<name>/ClassName=…`, `<name>/FactoryName=…`
 * and one `<name>/RefAddr/<n>/Type=…`, `…/Content=…`, `…/Encoding=String` triple per property, in no particular order
 * (cicsdev/cics-java-osgi-mq-jms@e07f29e .bindings, Apache-2.0). IBM MQ's objects name each property by its JMS
 * administration tool short name (`CHAN`, `QMGR`, `HOST`, `PORT`, `TRAN`, `SCPHS`, `SPEER`, `CCDT`) and, from
 * MQ 7, by its XMSC name too (`XMSC_WMQ_CHANNEL`…). A RefAddr without `Content` is a property left at null.
 */
import { lastPathSegment } from '../core/path-name';
import { parseProperties } from './properties';
import type { Entry, FormatHandler, ParsedDocument } from './types';

export const JMS_BINDINGS_KIND = 'jms.bindings';

/** One property of a bound object: its type (`CHAN`) and the entry holding its value, when it has one. */
export interface BindingProperty {
  type: string;
  typeEntry: Entry;
  content?: Entry;
}

/** One object bound in the context: `cf` with its class (`com.ibm.mq.jms.MQConnectionFactory`) and properties. */
export interface BoundObject {
  name: string;
  className?: Entry;
  /** Per property type, as the first RefAddr of that type gives it (the Reference's own lookup order). */
  properties: Map<string, BindingProperty>;
}

export interface JmsBindingsData {
  objects: BoundObject[];
}

/** `<name>/RefAddr/<n>/<part>`; a name may hold `/` (a subcontext is a directory of its own, not a key). */
const REF_ADDR = /^(.+)\/RefAddr\/(\d+)\/(Type|Content|Encoding)$/;
/** RefAddr types whose content is a password: never printed (masked as any secret entry). */
const SECRET_TYPES = /^(?:PASSWORD|PW|XMSC_PASSWORD)$/i;

export const jmsBindingsFormat: FormatHandler<JmsBindingsData> = {
  id: 'jms-bindings',
  classify(filePath, head) {
    return lastPathSegment(filePath) === '.bindings' && /\/RefAddr\/\d+\/Type=/.test(head)
      ? JMS_BINDINGS_KIND
      : undefined;
  },
  parse(file, kind): ParsedDocument<JmsBindingsData> {
    const { entries, comments, problems } = parseProperties(file.text, {
      commentsInValues: true,
      byteOrderMark: file.hadBom,
    });
    const objects = new Map<string, BoundObject>();
    const objectOf = (name: string): BoundObject => {
      let object = objects.get(name);
      if (!object) objects.set(name, (object = { name, properties: new Map() }));
      return object;
    };
    // Per object and RefAddr index: its Type and Content entries, joined once the whole file is read.
    const refs = new Map<string, Map<number, { type?: Entry; content?: Entry }>>();
    for (const entry of entries) {
      const m = REF_ADDR.exec(entry.key);
      if (m) {
        const [, name = '', index = '', part] = m;
        if (part === 'Encoding') continue;
        const byIndex = refs.get(name) ?? new Map<number, { type?: Entry; content?: Entry }>();
        refs.set(name, byIndex);
        const ref = byIndex.get(Number(index)) ?? {};
        byIndex.set(Number(index), ref);
        if (part === 'Type') ref.type = entry;
        else ref.content = entry;
      } else if (entry.key.endsWith('/ClassName')) objectOf(entry.key.slice(0, -'/ClassName'.length)).className = entry;
    }
    for (const [name, byIndex] of refs) {
      const object = objectOf(name);
      for (const index of [...byIndex.keys()].sort((a, b) => a - b)) {
        const { type, content } = byIndex.get(index)!;
        if (!type) continue;
        const value = type.value.trim();
        if (content && SECRET_TYPES.test(value)) {
          content.secret = true;
          // Messages name it as the object's property, not as `cf/RefAddr/7/Content`.
          content.label = `${name} ${value}`;
        }
        if (!object.properties.has(value))
          object.properties.set(value, { type: value, typeEntry: type, ...(content && { content }) });
      }
    }
    return { file, kind, entries, comments, problems, data: { objects: [...objects.values()] } };
  },
};
