package org.zhucan.network;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

class CreditCodeProperties {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    @Property
    void everyCodeWithItsComputedCheckCharacterIsValid(@ForAll("first17") String first17) {
        assertThat(CreditCode.isValid(first17 + CreditCode.checkCharacter(first17))).isTrue();
    }

    @Property
    void changingOneCharacterBreaksTheCheck(@ForAll("first17") String first17, @ForAll @IntRange(min = 0, max = 16) int position,
                                            @ForAll @IntRange(min = 1, max = 30) int shift) {
        String valid = first17 + CreditCode.checkCharacter(first17);
        char replaced = ALPHABET.charAt((ALPHABET.indexOf(valid.charAt(position)) + shift) % ALPHABET.length());
        String tampered = valid.substring(0, position) + replaced + valid.substring(position + 1);
        assertThat(CreditCode.isValid(tampered)).isFalse();
    }

    @Provide
    Arbitrary<String> first17() {
        return Arbitraries.strings().withChars(ALPHABET.toCharArray()).ofLength(17);
    }
}
