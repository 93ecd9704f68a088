package org.zhucan.testsupport;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerErrorLogTests {

    @Test
    void shouldAddToAFailureWhatTheServerLoggedUnderItsReference() {
        ServerErrorLog log = ServerErrorLog.attach();
        try {
            String reference = UUID.randomUUID().toString();
            LoggerFactory.getLogger("org.zhucan.common.error.GraphQlErrorHandling").error("Internal error {} at {}", reference, "/logMeal",
                    new IllegalStateException("outer", new IllegalArgumentException("the root of it")));
            LoggerFactory.getLogger("org.zhucan.common.error.GraphQlErrorHandling").error("Internal error {} at {}", UUID.randomUUID(), "/other",
                    new IllegalStateException("another request's"));

            assertThatThrownBy(() -> log.explaining(() -> {
                throw new AssertionError("Response has 1 unexpected error: Internal error; reference " + reference);
            })).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("The server logged:")
                    .hasMessageContaining("caused by java.lang.IllegalStateException: outer")
                    .hasMessageContaining("caused by java.lang.IllegalArgumentException: the root of it")
                    .hasMessageContaining("at org.zhucan.testsupport.ServerErrorLogTests")
                    .hasMessageNotContaining("another request's");
            assertThatThrownBy(() -> log.explaining(() -> {
                throw new AssertionError("no reference here");
            })).hasMessage("no reference here");
            assertThat(log.explaining(() -> "fine")).isEqualTo("fine");
        } finally {
            log.stop();
        }
    }
}
