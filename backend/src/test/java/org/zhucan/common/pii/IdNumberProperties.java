package org.zhucan.common.pii;

import java.time.LocalDate;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdNumberProperties {

    @Property
    void everyWellFormedNumberReadsBackItsBirthDateAndSex(@ForAll("birthDates") LocalDate birthDate,
                                                          @ForAll @IntRange(min = 0, max = 999) int sequence) {
        String first17 = "410305" + birthDate.toString().replace("-", "") + String.format("%03d", sequence);
        IdNumber id = IdNumber.parse(first17 + IdNumber.checkCharacter(first17));
        assertThat(id.birthDate()).isEqualTo(birthDate);
        assertThat(id.sex()).isEqualTo(sequence % 2 == 1 ? IdNumber.Sex.MALE : IdNumber.Sex.FEMALE);
        assertThat(id.masked()).startsWith("410305********").doesNotContain(birthDate.toString().replace("-", ""));
    }

    @Property
    void anyOtherCheckCharacterIsRefused(@ForAll("birthDates") LocalDate birthDate, @ForAll @IntRange(min = 0, max = 10) int wrong) {
        String first17 = "410305" + birthDate.toString().replace("-", "") + "123";
        char right = IdNumber.checkCharacter(first17);
        char other = "0123456789X".charAt(wrong);
        if (other != right) {
            assertThatThrownBy(() -> IdNumber.parse(first17 + other)).isInstanceOf(IdNumber.InvalidIdNumberException.class);
        }
    }

    @Provide
    Arbitrary<LocalDate> birthDates() {
        return Arbitraries.integers().between(0, 60_000).map(days -> LocalDate.of(1900, 1, 1).plusDays(days));
    }
}
