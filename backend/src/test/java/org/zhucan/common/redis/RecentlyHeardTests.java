package org.zhucan.common.redis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecentlyHeardTests {

    @Test
    void shouldTellAnIdHeardAgainFromANewOneAndForgetTheOldestBeyondItsSize() {
        RecentlyHeard heard = new RecentlyHeard(2);
        assertThat(heard.first(1)).isTrue();
        assertThat(heard.first(1)).isFalse();
        assertThat(heard.first(2)).isTrue();
        assertThat(heard.first(3)).isTrue();
        // 1 was the oldest of three with room for two
        assertThat(heard.first(1)).isTrue();
        assertThat(heard.first(3)).isFalse();
    }
}
