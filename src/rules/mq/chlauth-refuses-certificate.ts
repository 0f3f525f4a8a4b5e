import type { RuleRelated } from '../types';
import { defineRule } from '../types';
import type { TreeCertificate } from '../../model/mq-certs';
import { listValues, type ChlauthRecord } from '../../model/mq-chlauth';
import { isJmsConnectionFactory, isMqChannel, type Component, type MqChannelComponent } from '../../model/types';
import type { MqChannelAttributes } from '../../model/attributes';

import { accessOf, assumption, inputOf } from './_lib/access';
import { certificateAdmission } from './_lib/certificate-admission';
import { display, messageChannelLinks, mqLinks, related } from './_lib/shared';
import { parsePeerFilter, peerMismatch } from './_lib/sslpeer';
import { ours, said } from '../../core/phrase';

const recordText = (r: ChlauthRecord): string => {
  const a = r.attributes;
  const parts = [`SET CHLAUTH('${r.profile}') TYPE(${r.type})`];
  if (a.SSLPEER !== undefined) parts.push(`SSLPEER('${a.SSLPEER}')`);
  if (a.ADDRESS !== undefined) parts.push(`ADDRESS('${a.ADDRESS}')`);
  if (a.USERSRC !== undefined) parts.push(`USERSRC(${a.USERSRC})`);
  if (a.MCAUSER !== undefined) parts.push(`MCAUSER('${a.MCAUSER}')`);
  return parts.join(' ');
};

export default defineRule({
  meta: {
    id: 'mq/chlauth-refuses-certificate',
    description:
      "Decide what a channel's CHLAUTH records do with the certificate its peer presents (a client, the queue manager at the other end of a message channel), when that certificate is in the tree: matched by no SSLPEERMAP record and caught by a USERSRC(NOACCESS) back-stop, matched by a NOACCESS record, or mapped to a user a BLOCKUSER record refuses",
    severity: 'error',
    appliesTo: { components: ['mq.svrconn'] },
    messages: {
      noAccess:
        "{{peer}} presents {{certFile}} ({{dn}}), and the channel authentication records of {{channel}} refuse it: {{how}}. The queue manager ends the channel with AMQ9777E 'Channel was blocked' (a Channel Blocked event, MQRQ_CHANNEL_BLOCKED_NOACCESS){{peerSees}}{{assumed}}. Fix: {{fix}}",
      blockedUser:
        "{{peer}} presents {{certFile}} ({{dn}}); on {{channel}} it matches {{record}}, which maps it to user '{{user}}', and {{blocker}} refuses that user: the queue manager ends the channel with AMQ9776E 'Channel was blocked by userid'{{peerSees}}{{assumed}}. Fix: map the certificate to a user that is not blocked (not an administrator when *MQADMIN is listed)",
    },
    defaultOptions: {},
    symptoms: ['AMQ9777', 'AMQ9776', 'Channel was blocked', 'MQRC_NOT_AUTHORIZED', 'RC=2035'],
  },
  check(ctx) {
    const judge = (
      peer: Component,
      peerName: string,
      cert: TreeCertificate | undefined,
      server: MqChannelComponent,
      evidence: RuleRelated[],
      peerSees: string,
    ) => {
      const attrs: MqChannelAttributes = server.attributes;
      const doc = attrs.qmgr?.mqsc;
      const input = inputOf(attrs);
      if (!cert || !doc || !input) return;
      // A channel SSLPEER the certificate fails ends the channel first (mq/sslpeer-no-match).
      const own = attrs.sslpeer;
      if (own && own.value.trim()) {
        const filter = parsePeerFilter(own.value);
        if (own.templated || filter.errors.length || peerMismatch(filter, cert.cert.subject, cert.cert.serialNumber))
          return;
      }
      const access = accessOf(ctx.deployment, doc, input);
      const admission = access && certificateAdmission(access, cert);
      if (!access || !admission || admission.path.identity.kind !== 'blocked') return;
      const { path, passed } = admission;
      const record = path.record;
      const common = {
        peer: peerName,
        certFile: display(ctx.cwd, cert.doc.file.path),
        dn: cert.cert.subjectText,
        channel: `${attrs.chltype} ${attrs.channelName}`,
        peerSees,
        assumed: assumption(access),
      };
      // A verdict that rests on defaults of a new queue manager the tree does not show is a warning.
      const severity = access.assumed.length ? ('warning' as const) : ('error' as const);
      const certRelated = related(
        { file: cert.doc.file.path, range: cert.cert.range },
        `certificate ${peerName} presents: ${cert.cert.subjectText}`,
      );
      const recordRelated = (r: ChlauthRecord, message: string): RuleRelated[] =>
        r.from.kind === 'file' ? [related(r.from.location, message)] : [];
      const passedRelated = passed.flatMap((p) => recordRelated(p.record, `not matched: ${p.why}`));
      const location = record?.from.kind === 'file' ? record.from.location : attrs.nameLocation;
      if (path.blockUser && record && path.identity.user) {
        // A USERSRC(MAP) record of the tree refuses every peer it maps, whatever certificate: mq/mapping-to-blocked-user says so once.
        if (record.from.kind === 'file' && (record.attributes.USERSRC ?? 'MAP') === 'MAP') return;
        ctx.report({
          messageId: 'blockedUser',
          data: {
            ...common,
            record: recordText(record),
            user: path.identity.user,
            blocker: said`SET CHLAUTH('${path.blockUser.profile}') TYPE(BLOCKUSER) USERLIST(${listValues(
              path.blockUser.attributes.USERLIST,
            )
              .map((u) => `'${u}'`)
              .join(
                ',',
              )})${path.blockUser.from.kind === 'default' ? ours(' (a default record of every new queue manager)') : ''}`,
          },
          location,
          severity,
          related: [
            certRelated,
            ...recordRelated(path.blockUser, 'refuses the mapped user'),
            ...passedRelated,
            related(peer.location, said`${peerName} connects here`),
            ...evidence,
          ],
          fingerprint: [server.id, peer.id, 'blockuser', cert.cert.fingerprintSha256],
        });
        return;
      }
      if (!record || (record.attributes.USERSRC ?? 'MAP') !== 'NOACCESS') return;
      const how =
        record.type === 'SSLPEERMAP'
          ? `it matches ${recordText(record)}`
          : `${passed.length ? `it matches none of the SSLPEERMAP records (${passed.map((p) => `SSLPEER('${p.record.attributes.SSLPEER ?? ''}'): ${p.why}`).join('; ')}), so ` : 'no SSLPEERMAP record admits it, so '}${recordText(record)}${record.from.kind === 'default' ? ' (a default record of every new queue manager)' : ''} decides`;
      const o = cert.cert.subject.find((a) => a.type.toUpperCase() === 'O')?.value;
      const cn = cert.cert.subject.find((a) => a.type.toUpperCase() === 'CN')?.value;
      const filter = [cn ? `CN=${cn}` : '', o ? `O=${o}` : ''].filter(Boolean).join(',') || cert.cert.subjectText;
      ctx.report({
        messageId: 'noAccess',
        data: {
          ...common,
          how,
          fix:
            record.type === 'SSLPEERMAP'
              ? said`narrow or remove that record if ${peerName} is to connect, or give it a certificate the record does not match`
              : said`admit the DN with an SSLPEERMAP record (SET CHLAUTH('${attrs.channelName}') TYPE(SSLPEERMAP) SSLPEER('${filter}') USERSRC(MAP) MCAUSER('app')), or give ${peerName} a certificate with a DN a record admits`,
        },
        location,
        severity,
        related: [certRelated, ...passedRelated, related(peer.location, said`${peerName} connects here`), ...evidence],
        fingerprint: [server.id, peer.id, 'noaccess', cert.cert.fingerprintSha256],
      });
    };
    for (const { client, server, evidence } of mqLinks(ctx.deployment)) {
      const cert = isJmsConnectionFactory(client) || isMqChannel(client) ? client.attributes.certificate : undefined;
      judge(client, client.name, cert, server, evidence, ', and the client gets RC=2035 MQRC_NOT_AUTHORIZED');
    }
    for (const { sender, receiver, evidence } of messageChannelLinks(ctx.deployment)) {
      // Two queue managers configured from one directory: whose certificate is there is not known.
      if (sender.attributes.qmgr?.homeDir === receiver.attributes.qmgr?.homeDir) continue;
      judge(sender, sender.name, sender.attributes.certificate, receiver, evidence, '; the sending channel retries');
    }
  },
});
