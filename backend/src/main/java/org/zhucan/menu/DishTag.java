package org.zhucan.menu;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

import org.zhucan.common.diet.DietNeed;

/** What a dish suits; a diner's diet needs name the tags they need (a need and its tag share a name). */
public enum DishTag {
    SOFT("软食"),
    MINCED("碎食"),
    LIQUID("流食"),
    LOW_SALT("低盐"),
    LOW_SUGAR("低糖"),
    LOW_FAT("低脂"),
    DIABETIC_FRIENDLY("糖尿病"),
    HALAL("清真"),
    VEGETARIAN("素食");

    private final String keyword;

    DishTag(String keyword) {
        this.keyword = keyword;
    }

    /** The tags a diner's diet needs ask for: LOW_SALT, SOFT → LOW_SALT, SOFT. */
    public static Set<DishTag> neededBy(Collection<DietNeed> needs) {
        Set<DishTag> needed = EnumSet.noneOf(DishTag.class);
        needs.forEach(need -> needed.add(valueOf(need.name())));
        return needed;
    }

    /** The Chinese word for the tag, e.g. 低盐 (as the old free-text notes wrote it). */
    public String keyword() {
        return keyword;
    }
}
