package org.zhucan.common.time;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;

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
 * The {@code Date} and {@code DateTime} scalars, both in the business time zone (Asia/Shanghai).
 * Dates, instants and months are read only within what a DATE or DATETIME column holds (years 1000
 * to 9999): a year beyond that is the caller's mistake, refused as the request is validated rather
 * than failing in the database. Instants are read to the microsecond, as DATETIME(6) keeps them.
 */
public final class TimeScalars {

    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");
    /** The years a DATE or DATETIME column of MySQL and MariaDB holds. */
    private static final int FIRST_YEAR = 1000;
    private static final int LAST_YEAR = 9999;
    private static final Instant FIRST_INSTANT = LocalDate.of(FIRST_YEAR, 1, 1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    /** A day short of the years' end, so that an instant's business date (in Shanghai, 8 hours on) is a date too. */
    private static final Instant END_OF_INSTANTS = LocalDate.of(LAST_YEAR, 12, 31).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();

    /** {@code "2026-11-22"} ↔ {@link LocalDate}. */
    public static final GraphQLScalarType DATE = scalar("Date", "A calendar date, e.g. \"2026-11-22\"",
            new IsoCoercing<>("an ISO date such as \"2026-11-22\", from 1000-01-01 to 9999-12-31",
                    text -> inYears(LocalDate.parse(text), LocalDate::getYear), TimeScalars::formatDate));

    /** {@code "2026-11-22T11:30:00+08:00"} ↔ {@link Instant}; written at +08:00, read at any offset, to the microsecond. */
    public static final GraphQLScalarType DATE_TIME = scalar("DateTime", "An instant with offset, e.g. \"2026-11-22T11:30:00+08:00\"",
            new IsoCoercing<>("an ISO date-time with offset such as \"2026-11-22T11:30:00+08:00\", in the years 1000 to 9999",
                    TimeScalars::parseInstant, TimeScalars::formatInstant));

    /** {@code "11:30"} ↔ {@link LocalTime} (seconds optional on input, written as HH:mm). */
    public static final GraphQLScalarType TIME = scalar("Time", "A time of day, e.g. \"11:30\"",
            new IsoCoercing<>("a time of day such as \"11:30\"", LocalTime::parse, TimeScalars::formatTime));

    /** {@code "2026-11"} ↔ {@link YearMonth}: a calendar month, as evaluations and ratings are read by month. */
    public static final GraphQLScalarType YEAR_MONTH = scalar("YearMonth", "A calendar month, e.g. \"2026-11\"",
            new IsoCoercing<>("a month such as \"2026-11\", from 1000-01 to 9999-12", text -> inYears(YearMonth.parse(text), YearMonth::getYear),
                    TimeScalars::formatYearMonth));

    private TimeScalars() {
    }

    private static <T> T inYears(T value, java.util.function.ToIntFunction<T> year) {
        int y = year.applyAsInt(value);
        if (y < FIRST_YEAR || y > LAST_YEAR) {
            throw new DateTimeParseException("year out of range", String.valueOf(value), 0);
        }
        return value;
    }

    /** An instant as stored: within the years a DATETIME holds, and to the microsecond (DATETIME(6)), so what is read is what is kept. */
    private static Instant parseInstant(String text) {
        Instant instant = OffsetDateTime.parse(text).toInstant();
        if (instant.isBefore(FIRST_INSTANT) || !instant.isBefore(END_OF_INSTANTS)) {
            throw new DateTimeParseException("instant out of range", text, 0);
        }
        return StoredTime.of(instant);
    }

    private static String formatDate(Object value) {
        if (value instanceof LocalDate date) {
            return DateTimeFormatter.ISO_LOCAL_DATE.format(date);
        }
        throw new CoercingSerializeException("Date field resolved to a value that is not a date");
    }

    private static String formatYearMonth(Object value) {
        if (value instanceof YearMonth month) {
            return month.toString();
        }
        throw new CoercingSerializeException("YearMonth field resolved to a value that is not a month");
    }

    private static String formatTime(Object value) {
        if (value instanceof LocalTime time) {
            return HOURS_MINUTES.format(time);
        }
        throw new CoercingSerializeException("Time field resolved to a value that is not a time of day");
    }

    private static String formatInstant(Object value) {
        Instant instant;
        if (value instanceof Instant i) {
            instant = i;
        } else if (value instanceof OffsetDateTime o) {
            instant = o.toInstant();
        } else if (value instanceof ZonedDateTime z) {
            instant = z.toInstant();
        } else {
            throw new CoercingSerializeException("DateTime field resolved to a value that is not an instant");
        }
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(BusinessTime.ZONE).toOffsetDateTime());
    }

    private static GraphQLScalarType scalar(String name, String description, Coercing<?, ?> coercing) {
        return GraphQLScalarType.newScalar().name(name).description(description).coercing(coercing).build();
    }

    private record IsoCoercing<T>(String expected, Function<String, T> parser,
                                  Function<Object, String> formatter) implements Coercing<T, String> {

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            return formatter.apply(value);
        }

        @Override
        public T parseValue(Object input, GraphQLContext context, Locale locale) {
            if (input instanceof String text) {
                try {
                    return parser.apply(text);
                } catch (DateTimeException e) {
                    // fall through to the message below
                }
            }
            throw new CoercingParseValueException("Expected " + expected);
        }

        @Override
        public T parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (input instanceof StringValue text) {
                try {
                    return parser.apply(text.getValue());
                } catch (DateTimeException e) {
                    // fall through to the message below
                }
            }
            throw new CoercingParseLiteralException("Expected " + expected);
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return StringValue.of(serialize(input, context, locale));
        }
    }
}
