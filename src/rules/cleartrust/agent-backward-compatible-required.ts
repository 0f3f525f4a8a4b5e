import { agentNeedsBackwardCompatibleListPort } from '../../knowledge';
import type { Comment, ParsedDocument } from '../../parse/types';
import { defineRule } from '../types';
import { SERVER_KINDS, lastEntry, relatedTo, settingsOf, valueLocation } from './_lib/shared';
import { ours, said } from '../../core/phrase';

/**
 * How the tree says a web agent is 4.7.x: a comment in webagent.conf such as
 * `# lint-deploy agent-version: 4.7.2` or the product banner `# RSA ClearTrust Agent 4.7.1`.
 */
const VERSION_MARKERS = [
  /\bagent[-_ ]version\s*[:=]\s*v?(\d+(?:\.\d+)*)/i,
  /ClearTrust\b.*\bAgent\b\D{0,20}(\d+\.\d+(?:\.\d+)*)/i,
];

export function agentVersionIn(doc: ParsedDocument): string | undefined {
  return agentVersionComment(doc)?.version;
}

/** The comment that gives the agent version, and the version. */
function agentVersionComment(doc: ParsedDocument): { version: string; comment: Comment } | undefined {
  for (const comment of doc.comments) {
    for (const marker of VERSION_MARKERS) {
      const match = marker.exec(comment.text);
      if (match) return { version: match[1]!, comment };
    }
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'cleartrust/agent-backward-compatible-required',
    description:
      'Require cleartrust.dispatcher.list_port.backward_compatible=true when SSL is on and 4.7.x web agents connect',
    severity: 'error',
    appliesTo: { documents: ['cleartrust.'] },
    messages: {
      missing:
        "SSL mode is '{{mode}}' and a {{version}} web agent connects ({{agent}}), but the Dispatcher does not set cleartrust.dispatcher.list_port.backward_compatible=true: 4.7.x agents cannot get the server list. Add it to dispatcher.conf",
      notTrue:
        "cleartrust.dispatcher.list_port.backward_compatible is '{{value}}' but SSL mode is '{{mode}}' and a {{version}} web agent connects ({{agent}}): set it to true",
    },
    defaultOptions: {},
  },
  check(ctx) {
    const { deployment, config } = ctx;
    const modes = settingsOf(deployment, SERVER_KINDS, 'cleartrust.net.ssl.use').filter(
      (s) => s.normalized === 'anon' || s.normalized === 'auth',
    );
    const [firstMode] = modes;
    if (!firstMode) return;
    const agents = deployment.documents
      .filter((d) => d.kind === 'cleartrust.webagent')
      .map((doc) => ({ doc, marker: agentVersionComment(doc), version: agentVersionIn(doc) ?? config.agentVersion }))
      .filter((a) => a.version && agentNeedsBackwardCompatibleListPort(a.version));
    const [agent] = agents;
    if (!agent) return;
    const agentName = agent.doc.file.path.slice(deployment.root.length + 1) || agent.doc.file.path;
    // The agent's version decides the finding as much as the Dispatcher does: name where it comes from.
    const agentSource = {
      file: agent.doc.file.path,
      range: agent.marker?.comment.range,
      message: said`${agent.version} web agent (${agent.marker ? ours('version from this comment') : ours('version from the lint-deploy config')})`,
    };
    for (const dispatcher of deployment.documents.filter((d) => d.kind === 'cleartrust.dispatcher')) {
      const flag = lastEntry(dispatcher, 'cleartrust.dispatcher.list_port.backward_compatible');
      const mode = modes.find((m) => m.doc === dispatcher) ?? firstMode;
      const data = { mode: mode.normalized, version: agent.version as string, agent: agentName };
      if (!flag) {
        ctx.report({
          messageId: 'missing',
          data,
          location: { file: dispatcher.file.path, range: lastEntry(dispatcher, 'cleartrust.net.ssl.use')?.keyRange },
          related: [relatedTo(mode, said`SSL mode '${ours(mode.normalized)}' set here`), agentSource],
          fingerprint: ['dispatcher', mode.normalized, String(agent.version)],
        });
      } else if (flag.value.trim().toLowerCase() !== 'true') {
        ctx.report({
          messageId: 'notTrue',
          data: { ...data, value: flag.value.trim() },
          location: valueLocation({ doc: dispatcher, entry: flag, normalized: flag.value }),
          related: [relatedTo(mode, said`SSL mode '${ours(mode.normalized)}' set here`), agentSource],
          fingerprint: ['dispatcher', flag.value.trim().toLowerCase(), mode.normalized],
        });
      }
    }
  },
});
