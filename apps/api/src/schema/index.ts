// The schema: imports every type file (each registers its types, queries and mutations) and builds it.
import type { GraphQLSchema } from 'graphql';
import { builder } from '../builder.js';
import './scalars.js';
import './enums.js';
import './viewer.js';
import './chamber.js';
import './org-unit.js';
import './person.js';
import './login.js';
import './cycle.js';
import './monitoring-period.js';
import './plan-node.js';
import './indicator.js';
import './measurement.js';
import './score-override.js';
import './score.js';
import './variable.js';
import './my-objectives.js';
import './individual-scorecard.js';
import './audit-event.js';
import './public-report.js';
import './benchmark.js';

let schema: GraphQLSchema | undefined;

/** The executable schema (built once per process). */
export function buildSchema(): GraphQLSchema {
  schema ??= builder.toSchema({ sortSchema: true });
  return schema;
}
