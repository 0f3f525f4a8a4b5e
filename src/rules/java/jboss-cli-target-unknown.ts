import * as path from 'node:path';
import { defineRule } from '../types';

/**
 * A WildFly HTTPS listener read from a jboss-cli script alone: the tree does not say which server configuration file
 * the script edits (no `embed-server --server-config`, no Dockerfile RUN on a file the image copies from the tree, no
 * such file beside it; src/model/jboss-cli-target.ts), so the listener is judged as the script writes it and what that
 * file gives it (its socket binding, the resources the script does not add) is unknown. Said once per listener.
 */
export default defineRule({
  meta: {
    id: 'java/jboss-cli-target-unknown',
    description:
      'Say when a jboss-cli script configures an HTTPS listener but the tree does not hold the server configuration file it edits',
    severity: 'info',
    appliesTo: { components: ['jboss.https-listener'] },
    messages: {
      targetUnknown:
        '{{script}} configures WildFly HTTPS listener {{listener}}, but the server configuration file it edits is not known: {{why}}. The listener is judged as the script writes it; what that file gives it (its socket binding and port, the Elytron resources the script does not add) is unknown. Commit the configuration file beside the script, or name it with embed-server --server-config=<file>',
    },
    options: {},
  },
  check(ctx) {
    for (const component of ctx.deployment.components) {
      if (component.type !== 'jboss.https-listener') continue;
      const why = component.attributes.editedConfigurationUnknown;
      if (why === undefined) continue;
      ctx.report({
        messageId: 'targetUnknown',
        data: { script: path.basename(component.location.file), listener: component.attributes.listener, why },
        location: component.location,
        fingerprint: [component.id],
      });
    }
  },
});
