package org.zhucan.platform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/**
 * The fuzz test's cases, generated from the running schema: for a root field, one request with
 * plausible arguments (every required argument and input field filled, plus the optional ones a
 * type's hints name), then one request per hostile value of each argument, input field and list
 * element, the others kept plausible. A new operation or input field is covered without a line here.
 */
final class FuzzCases {

    /** One request: its document, its variables, and a label that says what was attacked. */
    record Case(String operation, String document, Map<String, Object> variables, String label) {
    }

    private final FuzzValues values;
    /** Values for input fields by "Type.field", e.g. "VerificationInput.method" → "STAFF_PROXY": plausible beyond "required". */
    private final Map<String, Object> hints;

    FuzzCases(FuzzValues values, Map<String, Object> hints) {
        this.values = values;
        this.hints = hints;
    }

    /** The plausible request for a root field, followed (unless baselineOnly) by every one-value attack on it. */
    List<Case> of(String operationType, GraphQLFieldDefinition root, String selection, boolean baselineOnly) {
        Map<List<Object>, Object> plausibleAt = new HashMap<>();
        Map<String, Object> baseline = new LinkedHashMap<>();
        for (GraphQLArgument argument : root.getArguments()) {
            Object plausible = plausible(root.getName(), argument.getName(), argument.getType());
            plausibleAt.put(List.of(argument.getName()), plausible);
            if (required(argument.getType(), argument.hasSetDefaultValue())) {
                baseline.put(argument.getName(), plausible);
            }
        }
        List<Case> cases = new ArrayList<>();
        cases.add(request(operationType, root, selection, fresh(baseline), "plausible"));
        if (baselineOnly) {
            return cases;
        }
        for (GraphQLArgument argument : root.getArguments()) {
            List<Attack> attacks = new ArrayList<>();
            attacks(argument.getType(), List.of(argument.getName()), plausibleAt, attacks);
            for (Attack attack : attacks) {
                Map<String, Object> variables = fresh(baseline);
                set(variables, attack.path(), attack.value(), plausibleAt);
                cases.add(request(operationType, root, selection, variables, String.join(".", attack.path().stream().map(String::valueOf).toList())
                        + " = " + describe(attack.value())));
            }
        }
        return cases;
    }

    /** The selection of everything a type offers without required arguments, {@code depth} levels down; __typename where nothing else is. */
    static String selection(GraphQLOutputType type, int depth) {
        GraphQLType named = GraphQLTypeUtil.unwrapAll(type);
        if (!(named instanceof GraphQLFieldsContainer container)) {
            return "";
        }
        StringJoiner fields = new StringJoiner(" ", "{ ", " }");
        fields.add("__typename");
        if (named instanceof graphql.schema.GraphQLObjectType) {
            for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
                if (field.getArguments().stream().anyMatch(argument -> required(argument.getType(), argument.hasSetDefaultValue()))) {
                    continue;
                }
                GraphQLType fieldType = GraphQLTypeUtil.unwrapAll(field.getType());
                if (!(fieldType instanceof GraphQLFieldsContainer)) {
                    fields.add(field.getName());
                } else if (depth > 1) {
                    fields.add(field.getName() + " " + selection(field.getType(), depth - 1));
                }
            }
        }
        return fields.toString();
    }

    private record Attack(List<Object> path, Object value) {
    }

    private void attacks(GraphQLInputType type, List<Object> path, Map<List<Object>, Object> plausibleAt, List<Attack> out) {
        GraphQLType unwrapped = GraphQLTypeUtil.unwrapNonNull(type);
        if (unwrapped instanceof GraphQLList list) {
            Object element = plausibleAt.get(path) instanceof List<?> given && !given.isEmpty() ? given.get(0) : null;
            FuzzValues.hostileLists(element).forEach(value -> out.add(new Attack(path, value)));
            List<Object> elementPath = append(path, 0);
            plausibleAt.put(elementPath, element);
            attacks((GraphQLInputType) list.getWrappedType(), elementPath, plausibleAt, out);
        } else if (unwrapped instanceof GraphQLInputObjectType object) {
            out.add(new Attack(path, null));
            out.add(new Attack(path, "not an object"));
            for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
                List<Object> fieldPath = append(path, field.getName());
                plausibleAt.put(fieldPath, plausible(object.getName(), field.getName(), field.getType()));
                attacks(field.getType(), fieldPath, plausibleAt, out);
            }
        } else {
            FuzzValues.hostile(((GraphQLNamedType) unwrapped).getName()).forEach(value -> out.add(new Attack(path, value)));
        }
    }

    /** A plausible value of a type for a field (or argument) of an owner (an input type, or the root field). */
    private Object plausible(String owner, String name, GraphQLInputType type) {
        String hint = owner + "." + name;
        if (hints.containsKey(hint)) {
            return FuzzJson.copy(hints.get(hint));
        }
        GraphQLType unwrapped = GraphQLTypeUtil.unwrapNonNull(type);
        if (unwrapped instanceof GraphQLList list) {
            return new ArrayList<>(List.of(plausible(owner, name, (GraphQLInputType) list.getWrappedType())));
        }
        if (unwrapped instanceof GraphQLInputObjectType object) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
                if (required(field.getType(), field.hasSetDefaultValue()) || hints.containsKey(object.getName() + "." + field.getName())) {
                    fields.put(field.getName(), plausible(object.getName(), field.getName(), field.getType()));
                }
            }
            return fields;
        }
        List<String> enumValues = unwrapped instanceof GraphQLEnumType enumType
                ? enumType.getValues().stream().map(GraphQLEnumValueDefinition::getName).toList() : List.of();
        return values.plausible(owner, name, ((GraphQLNamedType) unwrapped).getName(), enumValues);
    }

    private static boolean required(GraphQLInputType type, boolean hasDefault) {
        return GraphQLTypeUtil.isNonNull(type) && !hasDefault;
    }

    /** The baseline again with fresh idempotency keys and client record ids, so that no case replays another. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> fresh(Map<String, Object> baseline) {
        Map<String, Object> copy = (Map<String, Object>) FuzzJson.copy(baseline);
        renew(copy);
        return copy;
    }

    @SuppressWarnings("unchecked")
    private void renew(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> fields = (Map<String, Object>) map;
            for (Map.Entry<String, Object> entry : fields.entrySet()) {
                if (entry.getKey().equals("idempotencyKey") || entry.getKey().equals("clientRecordId")) {
                    entry.setValue(values.plausible("", entry.getKey(), "String", List.of()));
                } else {
                    renew(entry.getValue());
                }
            }
        } else if (value instanceof List<?> list) {
            list.forEach(this::renew);
        }
    }

    /** Puts the value at the path, creating the plausible containers on the way where the baseline has none. */
    @SuppressWarnings("unchecked")
    private static void set(Map<String, Object> variables, List<Object> path, Object value, Map<List<Object>, Object> plausibleAt) {
        Object container = variables;
        for (int i = 0; i < path.size() - 1; i++) {
            Object step = path.get(i);
            Object next = step instanceof Integer index ? ((List<Object>) container).get(index) : ((Map<String, Object>) container).get(step);
            if (next == null) {
                next = FuzzJson.copy(plausibleAt.get(path.subList(0, i + 1)));
                ((Map<String, Object>) container).put((String) step, next);
            }
            container = next;
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer index) {
            ((List<Object>) container).set(index, value);
        } else {
            ((Map<String, Object>) container).put((String) last, value);
        }
    }

    private static Case request(String operationType, GraphQLFieldDefinition root, String selection, Map<String, Object> variables, String label) {
        StringJoiner declarations = new StringJoiner(", ", "(", ")");
        StringJoiner arguments = new StringJoiner(", ", "(", ")");
        for (GraphQLArgument argument : root.getArguments()) {
            if (variables.containsKey(argument.getName())) {
                declarations.add("$" + argument.getName() + ": " + GraphQLTypeUtil.simplePrint(argument.getType()));
                arguments.add(argument.getName() + ": $" + argument.getName());
            }
        }
        boolean any = !variables.isEmpty();
        String document = operationType + " Fuzz" + (any ? declarations : "") + " { " + root.getName() + (any ? arguments : "") + " "
                + selection + " }";
        return new Case(root.getName(), document, variables, root.getName() + ": " + label);
    }

    private static List<Object> append(List<Object> path, Object step) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(step);
        return List.copyOf(longer);
    }

    private static String describe(Object value) {
        String text = value instanceof List<?> list && list.size() > 3 ? "[" + list.size() + " items]" : String.valueOf(value);
        text = text.replace("\u0000", "\\u0000").replace("\ud800", "\\ud800");
        return text.length() > 40 ? text.substring(0, 20) + "…(" + text.length() + " chars)" : text;
    }
}
