package org.zhucan.common.money;

import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

/**
 * The {@code Money} scalar: an exact decimal string in yuan on the wire, {@link Money} (integer
 * fen) in Java. Numbers are refused on input, so no client can send a binary fraction.
 */
public final class MoneyScalar {

    public static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar()
            .name("Money")
            .description("An exact amount in yuan, e.g. \"12.50\"")
            .coercing(new MoneyCoercing())
            .build();

    private MoneyScalar() {
    }

    private static final class MoneyCoercing implements Coercing<Money, String> {

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            if (value instanceof Money money) {
                return money.toYuanString();
            }
            throw new CoercingSerializeException("Money field resolved to a value that is not Money");
        }

        @Override
        public Money parseValue(Object input, GraphQLContext context, Locale locale) {
            if (!(input instanceof String text)) {
                throw new CoercingParseValueException("Money must be a decimal string in yuan, e.g. \"12.50\", not a number");
            }
            try {
                return Money.parseYuan(text);
            } catch (IllegalArgumentException e) {
                throw new CoercingParseValueException(e.getMessage());
            }
        }

        @Override
        public Money parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (!(input instanceof StringValue stringValue)) {
                throw new CoercingParseLiteralException("Money must be a decimal string in yuan, e.g. \"12.50\", not a number");
            }
            try {
                return Money.parseYuan(stringValue.getValue());
            } catch (IllegalArgumentException e) {
                throw new CoercingParseLiteralException(e.getMessage());
            }
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return StringValue.of(serialize(input, context, locale));
        }
    }
}
