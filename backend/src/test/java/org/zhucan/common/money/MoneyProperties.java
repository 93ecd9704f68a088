package org.zhucan.common.money;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import static org.assertj.core.api.Assertions.assertThat;

class MoneyProperties {

    @Property
    void writingThenReadingGivesTheSameFen(@ForAll @LongRange(min = -999_999_999_999_999_999L, max = 999_999_999_999_999_999L) long fen) {
        assertThat(Money.parseYuan(Money.ofFen(fen).toYuanString()).fen()).isEqualTo(fen);
    }

    @Property
    void sumsAreExact(@ForAll @LongRange(min = -1_000_000_000L, max = 1_000_000_000L) long a,
                      @ForAll @LongRange(min = -1_000_000_000L, max = 1_000_000_000L) long b) {
        assertThat(Money.ofFen(a).plus(Money.ofFen(b)).minus(Money.ofFen(b))).isEqualTo(Money.ofFen(a));
    }
}
