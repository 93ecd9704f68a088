package org.zhucan.common.money;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;
import org.apache.ibatis.type.MappedTypes;

/** {@link Money} ↔ a {@code BIGINT ..._fen} column, for every MyBatis mapper. */
@MappedTypes(Money.class)
public class MoneyTypeHandler extends BaseTypeHandler<Money> {

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, Money parameter, JdbcType jdbcType) throws SQLException {
        ps.setLong(i, parameter.fen());
    }

    @Override
    public Money getNullableResult(ResultSet rs, String columnName) throws SQLException {
        long fen = rs.getLong(columnName);
        return rs.wasNull() ? null : Money.ofFen(fen);
    }

    @Override
    public Money getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
        long fen = rs.getLong(columnIndex);
        return rs.wasNull() ? null : Money.ofFen(fen);
    }

    @Override
    public Money getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
        long fen = cs.getLong(columnIndex);
        return cs.wasNull() ? null : Money.ofFen(fen);
    }
}
