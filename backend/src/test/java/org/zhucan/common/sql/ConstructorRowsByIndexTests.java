package org.zhucan.common.sql;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;

import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.executor.resultset.DefaultResultSetHandler;
import org.apache.ibatis.executor.resultset.ResultSetHandler;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.RowBounds;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhucan.common.money.Money;
import org.zhucan.network.MealSlot;
import org.zhucan.testsupport.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Rows mapped by column index must be the rows MyBatis maps by label, on the database itself: typed values, labels in
 * another case and order, columns the map does not take, a row of nulls (a null element), a label twice (the first),
 * columns that change between calls of one statement, and a column missing (MyBatis's own error). The application's
 * counter statements must take this path, and a caller's row bounds or result handler MyBatis's.
 */
class ConstructorRowsByIndexTests extends ApiTest {

    record Row(long id, String name, LocalDate day, Money price, Instant at, MealSlot slot, Integer maybe) {
    }

    private static final String MAPPER = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "https://mybatis.org/dtd/mybatis-3-mapper.dtd">
            <mapper namespace="rows">
                <resultMap id="row" type="org.zhucan.common.sql.ConstructorRowsByIndexTests$Row" autoMapping="false">
                    <constructor>
                        <idArg column="id" javaType="_long"/>
                        <arg column="name" javaType="string"/>
                        <arg column="day" javaType="java.time.LocalDate"/>
                        <arg column="price_fen" javaType="org.zhucan.common.money.Money"/>
                        <arg column="at" javaType="java.time.Instant"/>
                        <arg column="slot" javaType="org.zhucan.network.MealSlot"/>
                        <arg column="maybe" javaType="java.lang.Integer"/>
                    </constructor>
                </resultMap>
                <select id="typed" resultMap="row">
                    SELECT 'unmapped' AS extra, 5 AS MAYBE, 'LUNCH' AS Slot, TIMESTAMP '2026-12-06 04:00:00.123456' AS at, 1250 AS price_fen,
                           DATE '2026-12-06' AS day, '王大爷' AS NAME, 7 AS id
                    UNION ALL SELECT 'unmapped', NULL, NULL, NULL, NULL, NULL, NULL, NULL
                    UNION ALL SELECT NULL, NULL, 'DINNER', NULL, 0, NULL, '李奶奶', 8
                </select>
                <select id="twice" resultMap="row">
                    SELECT 1 AS id, 2 AS id, 'a' AS name, NULL AS day, NULL AS price_fen, NULL AS at, NULL AS slot, NULL AS maybe
                </select>
                <select id="shifting" resultMap="row">
                    SELECT <if test="shift">'shifted' AS extra, 3 AS maybe, </if> 9 AS id, 'b' AS name, NULL AS day, 100 AS price_fen,
                           NULL AS at, 'BREAKFAST' AS slot<if test="!shift">, NULL AS maybe</if>
                </select>
                <select id="missing" resultMap="row">
                    SELECT 1 AS id, NULL AS day, NULL AS price_fen, NULL AS at, NULL AS slot, NULL AS maybe
                </select>
            </mapper>
            """;

    @Autowired
    DataSource dataSource;

    @Autowired
    SqlSessionFactory application;

    @Test
    void shouldMapTheRowsMyBatisMaps() {
        List<Row> byLabel = rows(false, session -> session.selectList("rows.typed"));
        List<Row> byIndex = rows(true, session -> session.selectList("rows.typed"));

        assertThat(byIndex).isEqualTo(byLabel).hasSize(3);
        assertThat(byIndex.get(0)).isEqualTo(new Row(7, "王大爷", LocalDate.of(2026, 12, 6), Money.ofFen(1250),
                byLabel.get(0).at(), MealSlot.LUNCH, 5));
        assertThat(byIndex.get(0).at()).isNotNull();
        // every column null: MyBatis makes no record of the row
        assertThat(byIndex.get(1)).isNull();
        assertThat(byIndex.get(2)).isEqualTo(new Row(8, "李奶奶", null, Money.ofFen(0), null, MealSlot.DINNER, null));
    }

    @Test
    void shouldTakeTheFirstColumnOfALabelAsTheDriverDoes() {
        List<Row> byLabel = rows(false, session -> session.selectList("rows.twice"));
        List<Row> byIndex = rows(true, session -> session.selectList("rows.twice"));

        assertThat(byIndex).isEqualTo(byLabel).extracting(Row::id).containsExactly(1L);
    }

    @Test
    void shouldFollowAStatementWhoseColumnsChangeBetweenCalls() {
        Function<SqlSession, List<Row>> calls = session -> {
            List<Row> all = new ArrayList<>();
            for (boolean shift : new boolean[] {true, false, true, false}) {
                all.addAll(session.selectList("rows.shifting", Map.of("shift", shift)));
            }
            return all;
        };
        List<Row> byIndex = rows(true, calls);

        assertThat(byIndex).isEqualTo(rows(false, calls)).extracting(Row::maybe).containsExactly(3, null, 3, null);
    }

    @Test
    void shouldLeaveAMissingColumnToMyBatisItsError() {
        Throwable byLabel = catchThrowable(() -> rows(false, session -> session.selectList("rows.missing")));
        Throwable byIndex = catchThrowable(() -> rows(true, session -> session.selectList("rows.missing")));

        assertThat(byLabel).isNotNull().hasMessageContaining("name");
        assertThat(byIndex).isNotNull().hasSameClassAs(byLabel).hasMessage(byLabel.getMessage());
    }

    @Test
    void shouldMapTheCountersReadsByIndexAndLeaveBoundsAndHandlersToMyBatis() {
        Configuration configuration = application.getConfiguration();
        ConstructorRowsByIndex plugin = configuration.getInterceptors().stream().filter(ConstructorRowsByIndex.class::isInstance)
                .map(ConstructorRowsByIndex.class::cast).findFirst().orElseThrow();
        for (String counterRead : List.of("org.zhucan.booking.BookingMapper.findForCounterByPickupCode", "org.zhucan.diner.DinerMapper.findQuoteFactsOfOne",
                "org.zhucan.diner.DinerMapper.findQuoteFactsOn")) {
            MappedStatement statement = configuration.getMappedStatement(counterRead);
            assertThat(plugin.plugin(handler(statement, null, RowBounds.DEFAULT))).as(counterRead).isNotInstanceOf(DefaultResultSetHandler.class);

            ResultSetHandler bounded = handler(statement, null, new RowBounds(0, 1));
            assertThat(plugin.plugin(bounded)).isSameAs(bounded);
            ResultSetHandler handled = handler(statement, context -> { }, RowBounds.DEFAULT);
            assertThat(plugin.plugin(handled)).isSameAs(handled);
        }
    }

    private static ResultSetHandler handler(MappedStatement statement, org.apache.ibatis.session.ResultHandler<?> resultHandler, RowBounds bounds) {
        return new DefaultResultSetHandler(null, statement, null, resultHandler, null, bounds);
    }

    /** The rows a statement of the test mapper returns, mapped by MyBatis alone or with rows mapped by index. */
    private <T> List<T> rows(boolean byIndex, Function<SqlSession, List<T>> read) {
        Configuration configuration = new Configuration(new Environment("rows", new JdbcTransactionFactory(), dataSource));
        configuration.getTypeHandlerRegistry().register("org.zhucan.common.money");
        configuration.getTypeHandlerRegistry().register("org.zhucan.common.time");
        if (byIndex) {
            configuration.addInterceptor(new ConstructorRowsByIndex());
        }
        new XMLMapperBuilder(new ByteArrayInputStream(MAPPER.getBytes(StandardCharsets.UTF_8)), configuration, "rows.xml",
                configuration.getSqlFragments()).parse();
        SqlSessionFactory factory = new SqlSessionFactoryBuilder().build(configuration);
        try (SqlSession session = factory.openSession()) {
            return read.apply(session);
        }
    }
}
