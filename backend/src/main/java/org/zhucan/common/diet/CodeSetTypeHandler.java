package org.zhucan.common.diet;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.function.Function;

import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/** A MySQL SET column of codes as a {@code Set} of their enum: written as the comma-separated codes, read back parsed. */
abstract class CodeSetTypeHandler<E extends Enum<E>> extends BaseTypeHandler<Set<E>> {

    private final Function<Set<E>, String> codes;
    private final Function<String, Set<E>> parse;

    CodeSetTypeHandler(Function<Set<E>, String> codes, Function<String, Set<E>> parse) {
        this.codes = codes;
        this.parse = parse;
    }

    @Override
    public void setNonNullParameter(PreparedStatement statement, int index, Set<E> value, JdbcType type) throws SQLException {
        statement.setString(index, codes.apply(value));
    }

    @Override
    public Set<E> getNullableResult(ResultSet rows, String column) throws SQLException {
        return parse.apply(rows.getString(column));
    }

    @Override
    public Set<E> getNullableResult(ResultSet rows, int index) throws SQLException {
        return parse.apply(rows.getString(index));
    }

    @Override
    public Set<E> getNullableResult(CallableStatement call, int index) throws SQLException {
        return parse.apply(call.getString(index));
    }
}
