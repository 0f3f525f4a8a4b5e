import { TOMCAT_PEM_BYTE_ORDER_MARK as FACT } from '../../knowledge/tomcat';
import { ours } from '../../core/phrase';
import type { MarkedPemFile } from '../../derive/pem-byte-order-mark';
import { defineRule } from '../types';
import { markedPemPlace } from '../_lib/pem-files';

/** What the connector reads from the file, in words. */
const READS: Partial<Record<MarkedPemFile['role'], string>> = {
  certificate: 'certificate file (certificateFile)',
  key: 'private key file (certificateKeyFile)',
  chain: 'chain file (certificateChainFile)',
};

/**
 * A PEM file a Tomcat connector on JSSE reads (certificateFile, certificateKeyFile, certificateChainFile) that starts
 * with a UTF-8 byte order mark right before its first `-----BEGIN ` line (derive/pem-byte-order-mark.ts): Tomcat's
 * PEMFile never opens that block and fails on its END line, so the connector does not start (measured with Tomcat
 * 10.1.60 on OpenJDK 17; the same reading loop in 8.5 to 11.0). A connector on OpenSSL (Tomcat Native) reads the file
 * with OpenSSL, which skips the mark: not reported, nor a mark before text above the block.
 */
export default defineRule({
  meta: {
    id: 'tomcat/pem-byte-order-mark',
    description:
      'Report a PEM file a Tomcat connector on JSSE reads that starts with a UTF-8 byte order mark before its first BEGIN line, which Tomcat cannot read: the connector does not start',
    severity: 'error',
    messages: {
      marked:
        "{{server}} does not start: its {{reads}} {{file}} starts with a UTF-8 byte order mark right before its -----BEGIN line. Tomcat's JSSE PEM reader (PEMFile) opens a block only on a line that starts with -----BEGIN, so it never opens that one and fails at its -----END line ('{{failure}}'): the connector fails to initialise and its port is not opened, the rest of Tomcat starts without it. Save {{file}} as UTF-8 without a byte order mark",
    },
    defaultOptions: {},
    appliesTo: { documents: ['tomcat.server-xml'] },
    symptoms: [FACT.failure, 'Failed to initialize component [Connector'],
  },
  check(ctx) {
    for (const marked of ctx.deployment.derived.markedPemFiles) {
      const reads = READS[marked.role];
      if (!reads) continue;
      const { file, mark } = markedPemPlace(ctx.deployment.root, marked);
      ctx.report({
        messageId: 'marked',
        data: {
          server: marked.component.name,
          reads: ours(reads),
          file,
          failure: ours(FACT.failure),
        },
        location: marked.at ?? marked.component.location,
        related: [mark],
        fingerprint: [marked.component.name, marked.role, file],
      });
    }
  },
});
