package org.zhucan.common.pii;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataCipherTests {

    private static final String NUMBER = "41030519380601059X";

    private final PersonalDataCipher cipher = cipher(1);

    @Test
    void shouldOpenWhatItSealed() {
        assertThat(cipher.decrypt(cipher.encrypt(NUMBER))).isEqualTo(NUMBER);
        assertThat(cipher.decrypt(cipher.encrypt("张三 13812345678"))).isEqualTo("张三 13812345678");
    }

    @Test
    void shouldNeverStoreTheNumberAndNeverRepeatACiphertext() {
        String first = cipher.encrypt(NUMBER);
        String second = cipher.encrypt(NUMBER);
        assertThat(first).startsWith("v1:").doesNotContain(NUMBER).doesNotContain("19380601").isNotEqualTo(second);
    }

    @Test
    void shouldRefuseAlteredValuesAndOtherKeysWithoutNamingTheValue() {
        String sealed = cipher.encrypt(NUMBER);
        byte[] packed = Base64.getDecoder().decode(sealed.substring(3));
        packed[packed.length - 1] ^= 1;
        String altered = "v1:" + Base64.getEncoder().encodeToString(packed);
        assertThatThrownBy(() -> cipher.decrypt(altered)).isInstanceOf(PersonalDataCipher.PersonalDataException.class)
                .message().doesNotContain(NUMBER);
        assertThatThrownBy(() -> cipher(2).decrypt(sealed)).isInstanceOf(PersonalDataCipher.PersonalDataException.class);
        assertThatThrownBy(() -> cipher.decrypt(NUMBER)).isInstanceOf(PersonalDataCipher.PersonalDataException.class);
        assertThatThrownBy(() -> cipher.decrypt("v1:AAAA")).isInstanceOf(PersonalDataCipher.PersonalDataException.class);
    }

    @Test
    void shouldHashTheSameNumberAlikeUnderOneKeyAndDifferentlyUnderAnother() {
        assertThat(cipher.lookupHash(NUMBER)).isEqualTo(cipher.lookupHash(NUMBER)).hasSize(64).doesNotContain(NUMBER);
        assertThat(cipher.lookupHash(NUMBER)).isNotEqualTo(cipher.lookupHash("410305194903121229"));
        assertThat(cipher(2).lookupHash(NUMBER)).isNotEqualTo(cipher.lookupHash(NUMBER));
    }

    @Test
    void shouldRefuseAKeyThatIsNot32Bytes() {
        assertThatThrownBy(() -> new PersonalDataCipher(new PiiProperties(Base64.getEncoder().encodeToString(new byte[16]))))
                .isInstanceOf(IllegalStateException.class);
    }

    private static PersonalDataCipher cipher(int seed) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) seed);
        return new PersonalDataCipher(new PiiProperties(Base64.getEncoder().encodeToString(key)));
    }
}
