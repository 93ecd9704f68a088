package org.zhucan.common.diet;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;

import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/** A SET column of diet needs as a {@code Set<DietNeed>}. */
public class DietNeedSetTypeHandler extends BaseTypeHandler<Set<DietNeed>> {

    @Override
    public void setNonNullParameter(PreparedStatement statement, int index, Set<DietNeed> value, JdbcType type) throws SQLException {
        statement.setString(index, DietNeed.codes(value));
    }

    @Override
    public Set<DietNeed> getNullableResult(ResultSet rows, String column) throws SQLException {
        return DietNeed.parse(rows.getString(column));
    }

    @Override
    public Set<DietNeed> getNullableResult(ResultSet rows, int index) throws SQLException {
        return DietNeed.parse(rows.getString(index));
    }

    @Override
    public Set<DietNeed> getNullableResult(CallableStatement call, int index) throws SQLException {
        return DietNeed.parse(call.getString(index));
    }
}
