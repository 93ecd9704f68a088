package org.zhucan.common.sql;

import java.sql.SQLIntegrityConstraintViolationException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

import static org.assertj.core.api.Assertions.assertThat;

/** The violated key read the same from MariaDB's and MySQL 8's messages. */
class UniqueKeysTests {

    @Test
    void shouldReadTheKeyFromMariaDbsMessage() {
        DuplicateKeyException e = wrapping("Duplicate entry '7-2026-11-22-LUNCH' for key 'uk_meal_record_subsidy'");
        assertThat(UniqueKeys.violated(e)).isEqualTo("uk_meal_record_subsidy");
        assertThat(UniqueKeys.isViolated(e, "uk_meal_record_subsidy")).isTrue();
        assertThat(UniqueKeys.isViolated(e, "uk_meal_record")).as("a prefix is another key").isFalse();
    }

    @Test
    void shouldReadTheKeyFromMySqlsMessageWithItsTable() {
        assertThat(UniqueKeys.violated(wrapping("Duplicate entry '42' for key 'booking.uk_booking_pickup_code'")))
                .isEqualTo("uk_booking_pickup_code");
    }

    @Test
    void shouldAnswerNothingForAMessageWithoutAKey() {
        assertThat(UniqueKeys.violated(new DuplicateKeyException("duplicate"))).isEmpty();
    }

    private static DuplicateKeyException wrapping(String databaseMessage) {
        return new DuplicateKeyException("### Error updating database. Cause: ...",
                new SQLIntegrityConstraintViolationException(databaseMessage, "23000", 1062));
    }
}
