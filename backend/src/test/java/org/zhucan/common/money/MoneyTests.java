package org.zhucan.common.money;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTests {

    @ParameterizedTest
    @CsvSource({"12.50,1250", "12.5,1250", "12,1200", "0,0", "0.01,1", "-3.00,-300", "-0.05,-5",
            "9999999999999999.99,999999999999999999"})
    void shouldReadExactYuan(String yuan, long fen) {
        assertThat(Money.parseYuan(yuan).fen()).isEqualTo(fen);
    }

    @ParameterizedTest
    @CsvSource({"1250,12.50", "1,0.01", "0,0.00", "-5,-0.05", "100000,1000.00"})
    void shouldWriteTwoDecimals(long fen, String yuan) {
        assertThat(Money.ofFen(fen).toYuanString()).isEqualTo(yuan);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.234", "abc", "", " 1", "1 ", "1.", ".5", "+1", "01", "1e3", "1,00", "12.5.0",
            "--1", "10000000000000000"})
    void shouldRejectAnythingButAnExactDecimal(String text) {
        assertThatThrownBy(() -> Money.parseYuan(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
