package org.zhucan.common.sql;

import java.util.List;
import java.util.Map;

import org.apache.ibatis.ognl.OgnlRuntime;
import org.apache.ibatis.scripting.xmltags.ExpressionEvaluator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Record components in dynamic SQL's tests read as before, through the accessor found once per class. */
class RecordComponentsInOgnlTests {

    private final ExpressionEvaluator ognl = new ExpressionEvaluator();

    @BeforeAll
    static void register() {
        RecordComponentsInOgnl.register();
    }

    @Test
    void shouldReadEveryRecordThroughTheComponentAccessor() throws Exception {
        assertThat(OgnlRuntime.getPropertyAccessor(CallerScope.class)).isInstanceOf(RecordComponentsInOgnl.Accessor.class);
        assertThat(OgnlRuntime.getPropertyAccessor(Hidden.class)).isInstanceOf(RecordComponentsInOgnl.Accessor.class);
    }

    @Test
    void shouldReadComponentsAsTheTestsOfTheMappersDo() {
        assertThat(ognl.evaluateBoolean("scope.operatorId != null", Map.of("scope", CallerScope.ofOperator(7)))).isTrue();
        assertThat(ognl.evaluateBoolean("scope.operatorId != null", Map.of("scope", CallerScope.ALL))).isFalse();
        assertThat(ognl.evaluateBoolean("scope.regionPath == '/1/2/'", Map.of("scope", CallerScope.inRegion("/1/2/")))).isTrue();
        @SuppressWarnings("unchecked")
        Iterable<Object> dinerIds = (Iterable<Object>) ognl.evaluateIterable("scope.dinerIds", Map.of("scope", CallerScope.ofDiners(List.of(3L, 4L))));
        assertThat(dinerIds).containsExactly(3L, 4L);
        // a record nested out of sight, as the mappers' rows are
        assertThat(ognl.evaluateBoolean("row.note != null and row.count > 1", Map.of("row", new Hidden("x", 2)))).isTrue();
        assertThat(ognl.evaluateBoolean("row.note != null", Map.of("row", new Hidden(null, 2)))).isFalse();
    }

    @Test
    void shouldLeaveWhatIsNotAComponentToOgnl() {
        // isEmpty() is a bean property of the record, not a component
        assertThat(ognl.evaluateBoolean("scope.empty", Map.of("scope", CallerScope.ofDiners(List.of())))).isTrue();
        assertThat(ognl.evaluateBoolean("scope.empty", Map.of("scope", CallerScope.ALL))).isFalse();
    }

    private record Hidden(String note, int count) {
    }
}
