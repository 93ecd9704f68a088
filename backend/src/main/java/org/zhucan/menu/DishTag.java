package org.zhucan.menu;

import java.util.EnumSet;
import java.util.Set;

/** What a dish suits; a diner's dietary notes name the tags they need. */
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

    /** The tags a diner's free-text dietary notes ask for, e.g. 低盐、软食 → LOW_SALT, SOFT. */
    public static Set<DishTag> neededBy(String dietaryNotes) {
        Set<DishTag> needed = EnumSet.noneOf(DishTag.class);
        if (dietaryNotes != null) {
            for (DishTag tag : values()) {
                if (dietaryNotes.contains(tag.keyword)) {
                    needed.add(tag);
                }
            }
        }
        return needed;
    }
}
