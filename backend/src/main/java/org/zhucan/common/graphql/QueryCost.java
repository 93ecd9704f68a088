package org.zhucan.common.graphql;

import java.util.HashMap;
import java.util.Map;

import graphql.language.Argument;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.TypeName;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/**
 * What an operation costs, counted on the document as the server will run it: every field costs 1,
 * a field with a page size ({@code first}) costs its own 1 plus that many times its selection
 * (given, from a variable, or the schema's default), and a fragment costs exactly what its
 * selection would cost written out at each place it is spread. Aliases are fields like any other.
 * The depth is the longest chain of nested fields, fragments again counted as written out.
 *
 * <p>Each named fragment is costed once and reused, so a document that spreads fragments into
 * each other to multiply its size is costed in time proportional to its text, and its cost
 * (saturating at {@link Long#MAX_VALUE}) is what running it would be. Lists without a page size
 * (a diner's categories, a menu's dishes) count as one item: they are bounded by the data, not
 * the caller.
 */
final class QueryCost {

    /** The arguments that set how many items a list field returns. */
    static final String PAGE_SIZE_ARGUMENT = "first";

    record Cost(long complexity, int depth) {

        private static final Cost NONE = new Cost(0, 0);

        Cost plus(Cost other) {
            return new Cost(saturatedAdd(complexity, other.complexity), Math.max(depth, other.depth));
        }
    }

    private final GraphQLSchema schema;
    private final Map<String, FragmentDefinition> fragments;
    private final Map<String, Object> variables;
    private final Map<String, Cost> fragmentCosts = new HashMap<>();

    private QueryCost(GraphQLSchema schema, Map<String, FragmentDefinition> fragments, Map<String, Object> variables) {
        this.schema = schema;
        this.fragments = fragments;
        this.variables = variables;
    }

    /** The cost of a validated operation (validation has ruled out fragment cycles and unknown fields). */
    static Cost of(GraphQLSchema schema, OperationDefinition operation, Map<String, FragmentDefinition> fragments,
                   Map<String, Object> variables) {
        GraphQLCompositeType root = switch (operation.getOperation()) {
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
            default -> schema.getQueryType();
        };
        return new QueryCost(schema, fragments, variables).selections(operation.getSelectionSet(), root);
    }

    private Cost selections(SelectionSet selectionSet, GraphQLCompositeType parentType) {
        Cost total = Cost.NONE;
        if (selectionSet == null) {
            return total;
        }
        for (Selection<?> selection : selectionSet.getSelections()) {
            total = total.plus(selection(selection, parentType));
        }
        return total;
    }

    private Cost selection(Selection<?> selection, GraphQLCompositeType parentType) {
        if (selection instanceof Field field) {
            return field(field, parentType);
        }
        if (selection instanceof InlineFragment inline) {
            return selections(inline.getSelectionSet(), typeOr(inline.getTypeCondition(), parentType));
        }
        if (selection instanceof FragmentSpread spread) {
            return fragment(spread.getName());
        }
        return Cost.NONE;
    }

    private Cost fragment(String name) {
        Cost known = fragmentCosts.get(name);
        if (known != null) {
            return known;
        }
        FragmentDefinition definition = fragments.get(name);
        if (definition == null) {
            return Cost.NONE;
        }
        // a cycle would not pass validation; the placeholder keeps a bug from recursing forever
        fragmentCosts.put(name, Cost.NONE);
        Cost cost = selections(definition.getSelectionSet(), typeOr(definition.getTypeCondition(), null));
        fragmentCosts.put(name, cost);
        return cost;
    }

    private Cost field(Field field, GraphQLCompositeType parentType) {
        GraphQLFieldDefinition definition = parentType instanceof GraphQLFieldsContainer container
                ? container.getFieldDefinition(field.getName()) : null;
        GraphQLCompositeType fieldType = definition == null ? null : compositeOf(definition.getType());
        Cost children = selections(field.getSelectionSet(), fieldType);
        long complexity = saturatedAdd(1, saturatedMultiply(pageSize(field, definition), children.complexity()));
        return new Cost(complexity, children.depth() + 1);
    }

    /** How many items the field returns at most: its {@code first} argument, or 1 for a field without one. */
    private long pageSize(Field field, GraphQLFieldDefinition definition) {
        GraphQLArgument declared = definition == null ? null : definition.getArgument(PAGE_SIZE_ARGUMENT);
        if (declared == null) {
            return 1;
        }
        Object value = null;
        for (Argument argument : field.getArguments()) {
            if (argument.getName().equals(PAGE_SIZE_ARGUMENT)) {
                value = literal(argument.getValue());
            }
        }
        if (value == null && declared.hasSetDefaultValue()) {
            Object defaultValue = declared.getArgumentDefaultValue().getValue();
            value = defaultValue instanceof Value<?> literal ? literal(literal) : defaultValue;
        }
        // a size below 1 is refused by the resolver; it still costs at least the one field
        return value instanceof Number number ? Math.max(1, number.longValue()) : 1;
    }

    private Object literal(Value<?> value) {
        if (value instanceof IntValue intValue) {
            return intValue.getValue();
        }
        if (value instanceof VariableReference reference) {
            return variables.get(reference.getName());
        }
        return null;
    }

    private GraphQLCompositeType typeOr(TypeName condition, GraphQLCompositeType fallback) {
        if (condition == null) {
            return fallback;
        }
        GraphQLType type = schema.getType(condition.getName());
        return type instanceof GraphQLCompositeType composite ? composite : fallback;
    }

    private static GraphQLCompositeType compositeOf(GraphQLType type) {
        GraphQLType unwrapped = GraphQLTypeUtil.unwrapAll(type);
        return unwrapped instanceof GraphQLCompositeType composite ? composite : null;
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    private static long saturatedMultiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long product = a * b;
        return (high != 0 || product < 0) ? Long.MAX_VALUE : product;
    }
}
