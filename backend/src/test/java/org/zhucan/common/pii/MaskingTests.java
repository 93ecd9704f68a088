package org.zhucan.common.pii;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Names as publicity lists show them: the first character, and the last from three on; the rest starred. */
class MaskingTests {

    @Test
    void shouldMaskANameKeepingItsFirstAndLastCharacter() {
        assertThat(Masking.name("王秀兰")).isEqualTo("王*兰");
        assertThat(Masking.name("欧阳秀兰")).isEqualTo("欧**兰");
        assertThat(Masking.name(" 李明 ")).isEqualTo("李*");
        assertThat(Masking.name("张")).isEqualTo("*");
        assertThat(Masking.name("𠮷大人")).isEqualTo("𠮷*人");
        assertThat(Masking.name(null)).isNull();
    }
}
