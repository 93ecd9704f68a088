package org.zhucan.common.graphql;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds of the automatic-persisted-query store ({@code zhucan.graphql.persisted-queries.*}): it is
 * memory any caller can ask to fill, so it holds at most {@code maxEntries} queries of at most
 * {@code maxQueryLength} characters each (1000 × 10 000 by default: at most some 20 MB of strings, in
 * practice the mini-programs' few dozen operations of a kilobyte or two).
 *
 * @param maxEntries queries kept; the least recently used goes first
 * @param maxQueryLength longest query (in characters) that is registered; a longer one still runs
 *     when sent in full, it is only never remembered
 */
@ConfigurationProperties("zhucan.graphql.persisted-queries")
@Validated
public record PersistedQueryProperties(
        @DefaultValue("1000") @Positive int maxEntries,
        @DefaultValue("10000") @Positive int maxQueryLength) {
}
