package org.zhucan.common.diet;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;

import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/** A SET column of allergens as a {@code Set<Allergen>}. */
public class AllergenSetTypeHandler extends BaseTypeHandler<Set<Allergen>> {

    @Override
    public void setNonNullParameter(PreparedStatement statement, int index, Set<Allergen> value, JdbcType type) throws SQLException {
        statement.setString(index, Allergen.codes(value));
    }

    @Override
    public Set<Allergen> getNullableResult(ResultSet rows, String column) throws SQLException {
        return Allergen.parse(rows.getString(column));
    }

    @Override
    public Set<Allergen> getNullableResult(ResultSet rows, int index) throws SQLException {
        return Allergen.parse(rows.getString(index));
    }

    @Override
    public Set<Allergen> getNullableResult(CallableStatement call, int index) throws SQLException {
        return Allergen.parse(call.getString(index));
    }
}
