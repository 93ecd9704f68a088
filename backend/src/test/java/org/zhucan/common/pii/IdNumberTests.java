package org.zhucan.common.pii;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdNumberTests {

    // Synthetic numbers with correct check characters (address code 410305, 洛阳市涧西区).
    private static final String WOMAN_1949 = "410305194903121229";
    private static final String MAN_1938 = "41030519380601059X";

    @Test
    void shouldReadBirthDateAndSex() {
        IdNumber woman = IdNumber.parse(WOMAN_1949);
        assertThat(woman.birthDate()).isEqualTo(LocalDate.of(1949, 3, 12));
        assertThat(woman.sex()).isEqualTo(IdNumber.Sex.FEMALE);
        IdNumber man = IdNumber.parse(MAN_1938.toLowerCase());
        assertThat(man.value()).isEqualTo(MAN_1938);
        assertThat(man.sex()).isEqualTo(IdNumber.Sex.MALE);
        assertThat(man.birthDate()).isEqualTo(LocalDate.of(1938, 6, 1));
    }

    @Test
    void shouldMaskTheMiddleAndNeverPrintTheNumber() {
        IdNumber id = IdNumber.parse(MAN_1938);
        assertThat(id.masked()).isEqualTo("410305********059X");
        assertThat(id.toString()).isEqualTo("410305********059X").doesNotContain("19380601");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "410305490312122 | 15-digit",
            "41030519490312122 | 18 characters",
            "4103051949031212201 | 18 characters",
            "41030519490312122X | does not match",
            "410305194902301228 | not a real date",
            "41030518700101123X | before 1880",
            "'' | 18 characters"})
    void shouldRejectWithAMessageThatHelpsAndHidesTheNumber(String text, String expected) {
        String candidate = text.startsWith("4103051949023") || text.startsWith("4103051870") ? withCheck(text.substring(0, 17)) : text;
        assertThatThrownBy(() -> IdNumber.parse(candidate))
                .isInstanceOf(IdNumber.InvalidIdNumberException.class)
                .hasMessageContaining(expected)
                .message().doesNotContain(candidate.isEmpty() ? "\u0000" : candidate);
    }

    private static String withCheck(String first17) {
        return first17 + IdNumber.checkCharacter(first17);
    }
}
