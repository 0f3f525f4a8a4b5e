import { defineRule } from '../types';
import { TOMCAT_AJP_FRONTS } from '../../knowledge/tomcat';

const REFUSED = TOMCAT_AJP_FRONTS.modJk.refused;

/**
 * A worker property mod_jk refuses in the worker map an httpd configuration reads (src/model/modjk-refused.ts;
 * data/tomcat.json ajpFronts.modJk.refused): an attribute name jk_util.c does not know, or a listed worker's type with no
 * factory. mod_jk logs the property and httpd does not start (a JkWorkerProperty line: a syntax error). Only the map of
 * a configuration the tree shows reading it (its JkWorkersFile, its JkWorkerProperty lines) is judged.
 */
export default defineRule({
  meta: {
    id: 'httpd/jk-property-refused',
    description:
      'Report a mod_jk worker property httpd reads that mod_jk refuses (an attribute name it does not know, a worker type it has no factory for): httpd does not start',
    severity: 'error',
    appliesTo: { documents: ['httpd.conf'] },
    messages: {
      attribute: `{{key}} is no worker attribute mod_jk knows (the name must end with one of its attributes, case included): mod_jk logs '{{log}}' and {{outcome}}. Correct the attribute's name`,
      type: "worker {{worker}} has the type {{type}}, which mod_jk has no worker for (its types: {{types}}, case included): mod_jk logs '{{log}}' and {{outcome}}. Name one of its types",
    },
    options: {},
    symptoms: [REFUSED.fileFailure.replace(" '%s'", ''), REFUSED.propertyFailure.trim(), REFUSED.createFailure],
  },
  check(ctx) {
    for (const r of ctx.deployment.jkRefusedProperties ?? []) {
      const outcome =
        r.reason === 'type'
          ? `httpd does not start ('${REFUSED.createFailure}')`
          : r.jkWorkerProperty
            ? `httpd refuses the line and does not start ('${REFUSED.propertyFailure}…')`
            : `stops reading the workers file; httpd does not start ('${REFUSED.fileFailure.replace('%s', '…')}')`;
      ctx.report({
        messageId: r.reason,
        location: r.at,
        data: {
          key: r.key,
          log:
            r.reason === 'type'
              ? REFUSED.typeLog.replace('%s', r.type ?? '').replace('%s', r.worker ?? '')
              : REFUSED.attributeLog.replace('%s', r.key),
          outcome,
          worker: r.worker ?? '',
          type: r.type ?? '',
          types: REFUSED.workerTypes.join(', '),
        },
        related: r.related,
        fingerprint: [r.key],
      });
    }
  },
});
