package org.zhucan.common.time;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;
import org.apache.ibatis.type.MappedTypes;

/**
 * Every {@link Instant} MyBatis sends, written so that a DATETIME(6) column keeps its microseconds
 * on every server. Connector/J reads MariaDB 10's version as "5.5.5-10.x" and, taking it for a
 * MySQL older than 5.6.4, drops the fraction of every Timestamp it binds: a meal served at
 * 11:45:00.987654 was stored as 11:45:00 while the first answer said .987654, and a replay read the
 * other. So the instant is bound as its UTC wall-clock text with six fraction digits (the connection
 * runs at time_zone '+00:00'), truncated as {@link StoredTime#of} truncates; reading is unchanged.
 */
@MappedTypes(Instant.class)
public class InstantTypeHandler extends BaseTypeHandler<Instant> {

    private static final DateTimeFormatter UTC_MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    /** The text bound for an instant, e.g. {@code 2026-11-22 03:45:00.987654}. */
    public static String text(Instant instant) {
        return UTC_MICROS.format(StoredTime.of(instant));
    }

    @Override
    public void setNonNullParameter(PreparedStatement statement, int index, Instant instant, JdbcType jdbcType) throws SQLException {
        statement.setString(index, text(instant));
    }

    @Override
    public Instant getNullableResult(ResultSet result, String column) throws SQLException {
        return instant(result.getTimestamp(column));
    }

    @Override
    public Instant getNullableResult(ResultSet result, int column) throws SQLException {
        return instant(result.getTimestamp(column));
    }

    @Override
    public Instant getNullableResult(CallableStatement statement, int column) throws SQLException {
        return instant(statement.getTimestamp(column));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
