import { defineRule } from '../types';
import { said } from '../../core/phrase';
import { TOMCAT_AJP_FRONTS } from '../../knowledge/tomcat';

const PROXY_AJP = TOMCAT_AJP_FRONTS.modProxyAjp;

/**
 * Lines httpd refuses when it reads its configuration (src/model/httpd-refused.ts): mod_ssl's an illegal SSLProtocol
 * word, `SSLv2`, a flag that is not On or Off, an SSLProxyVerify / SSLVerifyClient value it does not know, an
 * SSLCipherSuite protocol other than `SSL` or `TLSv1.3` (messages measured with httpd 2.4.71); and mod_proxy's
 * `secret=` given to a balancer (every release) or to a worker by an httpd its image tag names before 2.4.42
 * (src/model/httpd-ajp-passes.ts; data/tomcat.json ajpFronts.modProxyAjp). `apachectl configtest` fails and httpd does
 * not start, so every site of the configuration is down.
 */
export default defineRule({
  meta: {
    id: 'httpd/directive-refused',
    description:
      'Report lines httpd refuses when it reads the configuration (an illegal mod_ssl protocol, a flag that is not On or Off, an unknown verify mode, a mod_proxy secret= on a balancer or before httpd 2.4.42): httpd does not start',
    severity: 'error',
    appliesTo: { documents: ['httpd.conf'] },
    messages: {
      refused:
        'httpd refuses this {{directive}} line when it reads the configuration ("AH00526: Syntax error on line … : {{message}}"): apachectl configtest fails (exit 1) and httpd does not start, so none of the sites of this configuration runs. Write it with the words mod_ssl takes',
      secretOnBalancer:
        'httpd refuses this {{directive}} line when it reads the configuration ("AH00526: Syntax error on line … : {{message}}"): secret= is a parameter of a worker, and a balancer takes none, in every release. apachectl configtest fails (exit 1) and httpd does not start, so none of the sites of this configuration runs. Write secret= on each BalancerMember instead',
      secretBeforeRelease:
        'httpd {{release}} refuses this {{directive}} line when it reads the configuration ("AH00526: Syntax error on line … : {{message}}", or "{{hcheckMessage}}" with mod_proxy_hcheck loaded): mod_proxy takes the secret= parameter from httpd {{since}} only. apachectl configtest fails (exit 1) and httpd does not start, so none of the sites of this configuration runs. Run httpd {{since}} or later (name it in the image tag)',
    },
    options: {},
    symptoms: [
      'Illegal protocol',
      'must be On or Off',
      'Invalid argument',
      'SSLv2 is no longer supported',
      'not supported',
      PROXY_AJP.refusedBefore.worker,
      PROXY_AJP.balancerRefuses.message,
    ],
  },
  check(ctx) {
    for (const refused of ctx.deployment.httpdRefusedDirectives ?? []) {
      const secret = refused.secret;
      const data = { directive: refused.directive, message: refused.message };
      const base = { location: refused.at, fingerprint: [refused.directive, refused.message] };
      if (!secret) ctx.report({ ...base, messageId: 'refused', data });
      else if ('onBalancer' in secret) ctx.report({ ...base, messageId: 'secretOnBalancer', data });
      else
        ctx.report({
          ...base,
          messageId: 'secretBeforeRelease',
          data: {
            ...data,
            hcheckMessage: refused.message.replace(
              PROXY_AJP.refusedBefore.worker,
              PROXY_AJP.refusedBefore.workerWithHealthCheck,
            ),
            release: secret.release,
            since: PROXY_AJP.secretSince,
          },
          related: [{ ...secret.at, message: said`httpd ${secret.release} runs this configuration` }],
        });
    }
  },
});
