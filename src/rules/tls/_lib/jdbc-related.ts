import { said } from '../../../core/phrase';
import type { Component, JdbcCall } from '../../../model/types';
import type { RuleRelated } from '../../types';

/**
 * Where a JDBC call's application is configured, as a related place: only when the URL is written in another file (a
 * Compose service's SPRING_DATASOURCE_URL), where the finding's own location does not show which application it is.
 */
export function appConfiguredAt(call: JdbcCall, app: Component | undefined): RuleRelated[] {
  return app && app.location.file !== call.location.file
    ? [{ ...app.location, message: said`${app.name} is configured here` }]
    : [];
}
