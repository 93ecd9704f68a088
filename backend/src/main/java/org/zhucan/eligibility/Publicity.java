package org.zhucan.eligibility;

import java.time.LocalDate;

/** An application in its publicity period, as the public sees it: nothing but the masked name, community, categories and dates. */
public record Publicity(long applicationId, String applicationNumber, String maskedName, long communityId, LocalDate publicityFrom,
                        LocalDate publicityTo) {
}
