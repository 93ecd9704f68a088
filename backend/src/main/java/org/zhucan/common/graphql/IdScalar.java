package org.zhucan.common.graphql;

import java.math.BigInteger;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

/**
 * The {@code ID} scalar as Zhucan reads it: every id is a row's BIGINT key, so an id on input is a
 * decimal number from 0 to 9223372036854775807, as a string ("42") or an integer (42). Anything else
 * (blank, letters, a sign, a fraction, full-width digits, more than a BIGINT holds) is refused as
 * the request is validated, a BAD_REQUEST before any resolver runs, instead of reaching the Java
 * binding as a null or an overflow. Written as graphql-java writes IDs: a string.
 */
public final class IdScalar {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final String EXPECTED = "An id is a decimal number from 0 to 9223372036854775807, e.g. \"42\"";

    public static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar()
            .name("ID")
            .description("A row's id: a decimal number as a string, e.g. \"42\"")
            .coercing(new IdCoercing())
            .build();

    private IdScalar() {
    }

    /** The id as the resolvers receive it (a string of ASCII digits), or null when it is not an id. */
    static String parse(Object input) {
        String text;
        if (input instanceof String string) {
            text = string;
        } else if (input instanceof Integer || input instanceof Long || input instanceof BigInteger) {
            text = input.toString();
        } else {
            return null;
        }
        if (!DIGITS.matcher(text).matches() || new BigInteger(text).compareTo(MAX) > 0) {
            return null;
        }
        return text;
    }

    private static final class IdCoercing implements Coercing<String, String> {

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            if (value instanceof String || value instanceof Integer || value instanceof Long || value instanceof BigInteger
                    || value instanceof UUID) {
                return value.toString();
            }
            throw new CoercingSerializeException("ID field resolved to a value that is not an id");
        }

        @Override
        public String parseValue(Object input, GraphQLContext context, Locale locale) {
            String id = parse(input);
            if (id == null) {
                throw new CoercingParseValueException(EXPECTED);
            }
            return id;
        }

        @Override
        public String parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            Object raw = input instanceof StringValue string ? string.getValue() : input instanceof IntValue integer ? integer.getValue() : null;
            String id = parse(raw);
            if (id == null) {
                throw new CoercingParseLiteralException(EXPECTED);
            }
            return id;
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return StringValue.of(serialize(input, context, locale));
        }
    }
}
