package org.zhucan.network;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CreditCodeTests {

    @ParameterizedTest
    @ValueSource(strings = {"91410300MA9GCY0B2D", "91410300MA9LB5XJ7N", "91350100M000100Y43"})
    void shouldAcceptCodesWithTheirCheckCharacter(String code) {
        assertThat(CreditCode.isValid(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"91410300MA9GCY0B2E", "91410300MA9GCY0B2", "91410300MA9GCY0B2DX", "91410300ma9gcy0b2d",
            "9141030OMA9GCY0B2D", ""})
    void shouldRejectWrongCheckCharacterLengthOrLetters(String code) {
        assertThat(CreditCode.isValid(code)).isFalse();
    }
}
