package org.zhucan.network;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What createSite takes. */
public record CreateSiteInput(@NotBlank @Size(max = 128) String name, SiteKind kind, Long communityId, Long operatorId,
                              @NotBlank @Size(max = 255) String address, Double latitude, Double longitude,
                              @Size(max = 32) String licenceNumber, Long suppliedById, LocalDate plannedOpenOn,
                              List<SiteSlotInput> slots, List<SiteFulfilmentInput> fulfilments) {
}
