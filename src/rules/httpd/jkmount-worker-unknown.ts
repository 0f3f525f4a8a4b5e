import { defineRule } from '../types';
import { said } from '../../core/phrase';
import { TOMCAT_AJP_FRONTS } from '../../knowledge/tomcat';

const MOUNTS = TOMCAT_AJP_FRONTS.modJk.mounts;

/**
 * A mod_jk `JkMount` whose worker is not in mod_jk's worker map (src/model/modjk-mounts.ts): the workers `worker.list`
 * names in the one JkWorkersFile and the JkWorkerProperty lines (`ajp13` when no list is written). mod_jk does not
 * check the name when it reads the line and httpd starts; each request the mount matches gets a 500 (mod_jk.c
 * jk_handler: "Could not find a worker for worker name=…"; data/tomcat.json ajpFronts.modJk.mounts). A balancer's member
 * is no worker of the map: the mount names the balancer. An error when the mount serves requests, a warning when a
 * virtual host the tree does not show may take them; nothing when the tree does not settle the worker map. The lines
 * of the mount file a JkMountFile names (`/path=worker`; jk_uri_worker_map.c uri_worker_map_load) are mounts too, of
 * the server that names it; its exclusions (`!`) and disabled lines (`-`) send nothing. `worker.<name>.mount` mounts
 * only workers mod_jk created (jk_worker.c wc_create_worker): never an unknown one.
 */
export default defineRule({
  meta: {
    id: 'httpd/jkmount-worker-unknown',
    description:
      "Report a mod_jk JkMount (or a line of the JkMountFile) naming a worker that is not in worker.list (of the JkWorkersFile httpd reads, or JkWorkerProperty): every request it maps gets a 500 ('Could not find a worker for worker name=')",
    severity: 'error',
    appliesTo: { documents: ['httpd.conf'] },
    messages: {
      unknown:
        "{{mount}} names the worker {{worker}}, which mod_jk does not have: its worker map holds only {{listed}}{{why}}. httpd starts (mod_jk logs '{{startLog}}'), and each request this mount maps gets a {{status}} (mod_jk.log: '{{log}}{{worker}}'){{reach}}. Name a worker of worker.list, or add {{worker}} to it",
    },
    options: {},
    symptoms: [MOUNTS.unknownWorker.log, 'Could not find worker with name'],
  },
  check(ctx) {
    for (const m of ctx.deployment.jkMountsUnknownWorker ?? []) {
      const list = m.defaultList ? said` (no worker.list is written: mod_jk's default list)` : '';
      const why = m.memberOf
        ? said`${list}; ${m.worker} is a member of the balancer ${m.memberOf}, and a balancer's members are no workers of the map: mount ${m.memberOf}`
        : m.definedNotListed
          ? said`${list}; the workers file sets ${m.worker}'s attributes, but worker.list does not name it, so mod_jk does not create it`
          : list;
      ctx.report({
        messageId: 'unknown',
        location: m.at,
        ...(m.reached ? {} : { severity: 'warning' as const }),
        data: {
          mount: m.mountFile
            ? `The mount ${m.uri}=${m.worker} of the JkMountFile`
            : `JkMount ${m.uri ?? '(its <Location>)'}`,
          worker: m.worker,
          listed: m.listed.join(', '),
          why,
          startLog: MOUNTS.unknownWorker.startLog.replace('%s', m.worker),
          status: String(MOUNTS.unknownWorker.status),
          log: MOUNTS.unknownWorker.log,
          reach: m.reached
            ? ''
            : ' — if it maps any: a virtual host the tree does not show (no main configuration, or an Include it cannot follow) may take the requests first',
        },
        related: m.related,
        fingerprint: [m.worker, m.uri ?? ''],
      });
    }
  },
});
