// Request-shape limits that the complexity plugin does not cover: aliases (which multiply a field's cost
// without deepening the query) are counted by this validation rule, before anything executes.
import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';
import { LIMITS } from '../limits.js';

/** A validation rule refusing operations with more than `max` aliased fields. */
export function aliasLimit(max: number = LIMITS.aliases) {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    let reported = false;
    return {
      Field(node) {
        if (node.alias === undefined) return;
        aliases++;
        if (aliases > max && !reported) {
          reported = true;
          context.reportError(new GraphQLError(`the operation uses more than ${max} aliases`, { nodes: [node] }));
        }
      },
    };
  };
}
