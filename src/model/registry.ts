import type { ModelContributor } from './contributor';
import { cleartrustContributor } from './cleartrust';
import { mqContributor } from './mq';
import { wasContributor } from './was';
import { mqLinksContributor } from './mq-links';

/** Model contributors in the order they run. Add yours with one import and one entry. */
export const MODEL_CONTRIBUTORS: readonly ModelContributor[] = [cleartrustContributor, mqContributor, wasContributor, mqLinksContributor];
