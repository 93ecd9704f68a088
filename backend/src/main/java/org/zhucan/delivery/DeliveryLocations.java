package org.zhucan.delivery;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.zhucan.common.pii.PersonalDataCipher;

/** Diners' home positions, encrypted at rest ("lat,lng" under the personal-data key) and opened only here. */
@Component
class DeliveryLocations {

    private final DeliveryMapper mapper;
    private final PersonalDataCipher cipher;

    DeliveryLocations(DeliveryMapper mapper, PersonalDataCipher cipher) {
        this.mapper = mapper;
        this.cipher = cipher;
    }

    void set(long dinerId, Routes.Point home, String by, Instant at) {
        mapper.upsertHomeLocation(dinerId, cipher.encrypt(home.latitude() + "," + home.longitude()), by, at);
    }

    /** The homes of those diners that have one; one statement. */
    Map<Long, Routes.Point> of(Collection<Long> dinerIds) {
        Map<Long, Routes.Point> homes = new HashMap<>();
        if (dinerIds.isEmpty()) {
            return homes;
        }
        for (DeliveryMapper.HomeLocationRow row : mapper.findHomeLocations(dinerIds)) {
            String[] parts = cipher.decrypt(row.encrypted()).split(",");
            homes.put(row.dinerId(), new Routes.Point(Double.parseDouble(parts[0]), Double.parseDouble(parts[1])));
        }
        return homes;
    }
}
