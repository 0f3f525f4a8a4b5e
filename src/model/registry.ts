import type { ModelContributor } from './contributor';
import { cleartrustContributor } from './cleartrust';

/** Model contributors in the order they run. Add yours with one import and one entry. */
export const MODEL_CONTRIBUTORS: readonly ModelContributor[] = [cleartrustContributor];
