package org.zhucan.diner;

import java.time.LocalDate;
import java.util.Set;

import org.zhucan.common.diet.Allergen;
import org.zhucan.common.diet.DietNeed;
import org.zhucan.common.pii.IdNumber;

/**
 * A diner as every read sees it: the personal numbers only in their masked form. The encrypted
 * numbers are read only by the audited reveal. Allergies and diet needs are health data: they are
 * read with the row, so they reach exactly the callers the row's scope lets through.
 */
public record Diner(long id, String name, String idNumberMasked, LocalDate birthDate, IdNumber.Sex sex, String phoneMasked,
                    long homeCommunityId, String address, String dietaryNotes, DinerStatus status, LocalDate statusSince,
                    int version, Set<Allergen> allergies, Set<DietNeed> dietNeeds) {

    public Diner {
        allergies = allergies == null ? Set.of() : Set.copyOf(allergies);
        dietNeeds = dietNeeds == null ? Set.of() : Set.copyOf(dietNeeds);
    }

    /** A diner with no allergies and no diet needs recorded. */
    public Diner(long id, String name, String idNumberMasked, LocalDate birthDate, IdNumber.Sex sex, String phoneMasked, long homeCommunityId,
                 String address, String dietaryNotes, DinerStatus status, LocalDate statusSince, int version) {
        this(id, name, idNumberMasked, birthDate, sex, phoneMasked, homeCommunityId, address, dietaryNotes, status, statusSince, version,
                Set.of(), Set.of());
    }
}
