package org.zhucan.diner;

import java.util.List;

import org.zhucan.common.diet.Allergen;
import org.zhucan.common.diet.DietNeed;

/** What setDinerDiet takes: a diner's whole list of allergies and of diet needs, replacing the old ones. */
public record SetDinerDietInput(long dinerId, List<Allergen> allergies, List<DietNeed> dietNeeds) {

    /** Never the lists: health data stays out of a stray log line. */
    @Override
    public String toString() {
        return "SetDinerDietInput[dinerId=" + dinerId + "]";
    }
}
