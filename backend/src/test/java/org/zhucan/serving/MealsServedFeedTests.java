package org.zhucan.serving;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import reactor.core.Disposable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A meal record heard twice on one instance (two subscriptions for a while after a Redis fail-over, or a publish that
 * timed out and went out anyway) reaches the screens once, and every record of a transaction's message reaches them. No Redis is needed: the messages are handed in as the
 * subscription hands them.
 */
class MealsServedFeedTests {

    @Test
    void shouldShowARecordHeardTwiceOnce() {
        LettuceConnectionFactory unstarted = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 6379));
        MealsServedFeed feed = new MealsServedFeed(new StringRedisTemplate(), unstarted);
        List<Long> shown = new CopyOnWriteArrayList<>();
        Disposable screen = feed.events().subscribe(served -> shown.add(served.recordId()));
        try {
            for (String message : List.of("7:41", "7:42", "7:41", "8:43", "7:42")) {
                feed.onMessage(message.getBytes(StandardCharsets.UTF_8));
            }
            assertThat(shown).containsExactly(41L, 42L, 43L);
        } finally {
            screen.dispose();
        }
    }

    @Test
    void shouldShowEveryRecordOfATransactionsMessage() {
        LettuceConnectionFactory unstarted = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 6379));
        MealsServedFeed feed = new MealsServedFeed(new StringRedisTemplate(), unstarted);
        List<MealsServedFeed.Served> shown = new CopyOnWriteArrayList<>();
        Disposable screen = feed.events().subscribe(shown::add);
        try {
            // an upload chunk's message, one already heard alone, and a line garbled in transit: the others still arrive
            feed.onMessage("7:41".getBytes(StandardCharsets.UTF_8));
            feed.onMessage("7:41\n7:42\nnot-a-record\n8:43".getBytes(StandardCharsets.UTF_8));
            assertThat(shown).containsExactly(new MealsServedFeed.Served(7, 41), new MealsServedFeed.Served(7, 42), new MealsServedFeed.Served(8, 43));
        } finally {
            screen.dispose();
        }
    }
}
