package org.zhucan.diner;

import java.time.LocalDate;
import java.util.Set;

import org.zhucan.common.diet.Allergen;
import org.zhucan.common.diet.DietNeed;
import org.zhucan.common.pii.IdNumber;

/**
 * A diner's facts on a date as one flat row of a statement: the diner's columns, the status on the date, the categories held
 * then (comma-separated, null for none), the latest assessment. Read by the diner module's own statements and by another
 * module's statement that reads a diner with its own row (DinerMapper.xml's quoteFactsColumns and quoteFactsJoins, mapped by
 * its quoteFacts result map); only {@link DinerService#quoteFactsOf} turns it into {@link QuoteFacts}. Flat, mapped by its
 * constructor alone: MyBatis's nested result maps (a Diner inside the row) cost the counter's requests 5 % of their time
 * for this one row (a profile of logMeal, 2026-12-04).
 */
public record QuoteFactsRow(long dinerId, String name, String idNumberMasked, LocalDate birthDate, IdNumber.Sex sex, String phoneMasked,
                            long homeCommunityId, String address, String dietaryNotes, DinerStatus status, LocalDate statusSince, int version,
                            Set<Allergen> allergies, Set<DietNeed> dietNeeds, DinerStatus statusOn, String categoriesOn, Long assessmentId,
                            Integer assessmentLevel, LocalDate assessedOn, String assessor) {

    Diner diner() {
        return new Diner(dinerId, name, idNumberMasked, birthDate, sex, phoneMasked, homeCommunityId, address, dietaryNotes, status,
                statusSince, version, allergies, dietNeeds);
    }
}
