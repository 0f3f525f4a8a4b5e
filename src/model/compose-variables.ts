/**
 * The variables of the deployment's Compose services (src/parse/compose-service-variables.ts), each service's read
 * once per build: the database, Kafka, MQ and Java contributors ask for the same services' variables.
 */
import type { ComposeData, ComposeService } from '../parse/compose';
import { serviceVariables, type ServiceVariables } from '../parse/compose-service-variables';
import type { ParsedDocument } from '../parse/types';
import type { ModelContext } from './contributor';

/** The variables of `service` of the Compose file `doc`, read the first time a contributor asks. */
export function composeVariablesOf(
  ctx: ModelContext,
  doc: ParsedDocument<ComposeData>,
  service: ComposeService,
): ServiceVariables {
  const read = ctx.once('composeVariables', () => new Map<ComposeService, ServiceVariables>());
  let variables = read.get(service);
  if (!variables) read.set(service, (variables = serviceVariables(ctx.deployment.documents, doc, service)));
  return variables;
}
