import {
  getNamedType,
  GraphQLError,
  isListType,
  isNonNullType,
  Kind,
  type ASTVisitor,
  type GraphQLOutputType,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

/**
 * Bounds the number of objects an operation may return, before running it: a list's children count once per item,
 * with `first` when it is a literal, the page maximum when it is a variable (its value is not known yet), and an
 * assumed size for plain lists. This measures what a query costs us (rows read, objects built), unlike a flat
 * per-field cost; GitHub's API limits nodes the same way.
 */
export function maxNodesRule(maxNodes: number, pageMax: number, plainListSize = 10) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const root =
        operation.operation === 'query'
          ? context.getSchema().getQueryType()
          : operation.operation === 'mutation'
            ? context.getSchema().getMutationType()
            : context.getSchema().getSubscriptionType();
      if (!root) return;
      const seenFragments = new Set<string>();
      const fragmentTotals = new Map<string, number>();
      const count = (set: SelectionSetNode, parentType: GraphQLOutputType): number => {
        const named = getNamedType(parentType);
        const fields = 'getFields' in named ? named.getFields() : {};
        let total = 0;
        for (const selection of set.selections) {
          if (selection.kind === Kind.FIELD) {
            const field = (fields as Record<string, { type: GraphQLOutputType }>)[selection.name.value];
            if (!field || !selection.selectionSet) continue;
            const first = selection.arguments?.find((a) => a.name.value === 'first');
            let type = field.type;
            if (isNonNullType(type)) type = type.ofType;
            // The page of a connection is counted at its `first`; its edges/nodes lists are that same page.
            const pageOfConnection = named.name.endsWith('Connection');
            const items = pageOfConnection
              ? 1
              : first
              ? first.value.kind === Kind.INT
                ? Number(first.value.value)
                : pageMax
              : isListType(type)
                ? plainListSize
                : 1;
            total += items * (1 + count(selection.selectionSet, field.type));
          } else if (selection.kind === Kind.INLINE_FRAGMENT) {
            const type = selection.typeCondition ? context.getSchema().getType(selection.typeCondition.name.value) : named;
            total += count(selection.selectionSet, (type ?? named) as GraphQLOutputType);
          } else {
            const fragment = context.getFragment(selection.name.value);
            if (!fragment || seenFragments.has(fragment.name.value)) continue; // cycles are reported by graphql itself
            // A fragment counts the same wherever it is spread: counted once, or fragments that spread the next one
            // twice would take 2^n steps (a 1 KB query kept the event loop busy for seconds).
            let fragmentTotal = fragmentTotals.get(fragment.name.value);
            if (fragmentTotal === undefined) {
              seenFragments.add(fragment.name.value);
              const type = context.getSchema().getType(fragment.typeCondition.name.value) as GraphQLOutputType;
              fragmentTotal = count(fragment.selectionSet, type);
              seenFragments.delete(fragment.name.value);
              fragmentTotals.set(fragment.name.value, fragmentTotal);
            }
            total += fragmentTotal;
          }
          if (total > maxNodes) break;
        }
        return total;
      };
      const nodes = count(operation.selectionSet, root);
      if (nodes > maxNodes) {
        context.reportError(
          new GraphQLError(`The operation may return up to ${Math.round(nodes)} objects; the limit is ${maxNodes}. Ask for smaller pages.`, {
            nodes: [operation],
          }),
        );
      }
    },
  });
}
