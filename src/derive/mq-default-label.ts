/**
 * The certificate an IBM MQ end takes from its CMS key repository when no CERTLABL names one: "IBM MQ uses either the
 * value of the CERTLABL attribute, if it is set, or the default ibmwebspheremq with the name of the queue manager or
 * IBM MQ MQI client user logon ID appended, all in lowercase" (MQ 9.2, Setting up a key repository on AIX, Linux, and
 * Windows: https://www.ibm.com/support/knowledgecenter/SSFKSJ_9.2.0/com.ibm.mq.sec.doc/q012680_.html). A key
 * database read in full must not stand for a guess: without the label, which of its certificates is sent is unknown.
 */
import { said, type Phrase } from '../core/phrase';
import { isMqChannel, type Component } from '../model/types';

/** For an MQ end with no label set: the default label when the tree settles it, else why it is unknown. */
export function mqDefaultLabel(component: Component): { label: string } | { unknown: Phrase } | undefined {
  if (!isMqChannel(component)) return undefined;
  const qmgr = component.attributes.qmgr;
  if (!qmgr)
    return {
      unknown: said`${component.name} sets no CERTLABL: MQ takes the certificate labelled ibmwebspheremq<user id> (the client's logon user id, lower case), which the tree does not give`,
    };
  const names = [...new Set(qmgr.namedBy.map((n) => n.name.toLowerCase()))];
  if (names.length === 1) return { label: `ibmwebspheremq${names[0]}` };
  return {
    unknown: said`${component.name}'s queue manager sets no CERTLABL: MQ takes the certificate labelled ibmwebspheremq<queue manager name> (lower case), and the tree does not settle the queue manager's name`,
  };
}
