package org.zhucan.intake;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.List;

import org.springframework.stereotype.Component;
import org.zhucan.common.pii.PersonalDataCipher;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an import keeps between its phases, always encrypted (the file holds ID numbers in clear): the uploaded file
 * in chunks, and each staged row's checked values as JSON.
 */
@Component
class IntakeFiles {

    static final int CHUNK_BYTES = 1 << 20;

    private final IntakeMapper mapper;
    private final PersonalDataCipher cipher;
    private final JsonMapper json;

    IntakeFiles(IntakeMapper mapper, PersonalDataCipher cipher, JsonMapper json) {
        this.mapper = mapper;
        this.cipher = cipher;
        this.json = json;
    }

    void store(long importId, byte[] file) {
        for (int seq = 0, offset = 0; offset < file.length || seq == 0; seq++, offset += CHUNK_BYTES) {
            int length = Math.min(CHUNK_BYTES, file.length - offset);
            mapper.insertChunk(importId, seq, cipher.encrypt(Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(file, offset,
                    offset + length))));
        }
    }

    byte[] load(long importId) {
        List<String> chunks = mapper.findChunks(importId);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        for (String chunk : chunks) {
            file.writeBytes(Base64.getDecoder().decode(cipher.decrypt(chunk)));
        }
        return file.toByteArray();
    }

    String seal(Object payload) {
        return cipher.encrypt(json.writeValueAsString(payload));
    }

    <T> T open(String sealed, Class<T> type) {
        return json.readValue(cipher.decrypt(sealed), type);
    }

    String hash(String idNumber) {
        return cipher.lookupHash(idNumber);
    }
}
