package org.zhucan.network;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Size;

/** What updateSite takes: the fields to change. */
public record UpdateSiteInput(Long siteId, @Size(max = 128) String name, SiteKind kind, Long communityId, Long operatorId,
                              @Size(max = 255) String address, Double latitude, Double longitude,
                              @Size(max = 32) String licenceNumber, Long suppliedById, LocalDate plannedOpenOn,
                              List<SiteSlotInput> slots, List<SiteFulfilmentInput> fulfilments) {

    boolean changesMoreThanSlotsAndFulfilment() {
        return name != null || kind != null || communityId != null || operatorId != null || address != null
                || latitude != null || longitude != null || licenceNumber != null || suppliedById != null
                || plannedOpenOn != null;
    }
}
