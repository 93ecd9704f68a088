package org.zhucan.common.graphql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The operation-name tag stays bounded whatever clients send. */
class OperationNameTagsTests {

    @Test
    void shouldKeepNamedOperationsAndBoundWhatClientsMakeUp() {
        OperationNameTags tags = new OperationNameTags();
        assertThat(tags.bounded("LogMeal")).isEqualTo("LogMeal");
        assertThat(tags.bounded(null)).isEqualTo("anonymous");
        assertThat(tags.bounded("")).isEqualTo("anonymous");
        assertThat(tags.bounded("drop table; --")).isEqualTo("invalid");
        assertThat(tags.bounded("x".repeat(51))).isEqualTo("invalid");
        for (int i = 1; i < OperationNameTags.MAX_NAMES; i++) {
            assertThat(tags.bounded("Op" + i)).isEqualTo("Op" + i);
        }
        assertThat(tags.bounded("OneTooMany")).isEqualTo("other");
        assertThat(tags.bounded("LogMeal")).as("a name seen before keeps its tag").isEqualTo("LogMeal");
    }
}
