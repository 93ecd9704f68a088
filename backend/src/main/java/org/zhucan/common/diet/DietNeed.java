package org.zhucan.common.diet;

import java.util.Collection;
import java.util.Set;

/**
 * What a diner needs a dish to be (膳食需求). Each need is met by the dish tag of the same name
 * (org.zhucan.menu.DishTag); it is its own type because diners may not depend on menus.
 */
public enum DietNeed {
    SOFT,
    MINCED,
    LIQUID,
    LOW_SALT,
    LOW_SUGAR,
    LOW_FAT,
    DIABETIC_FRIENDLY,
    HALAL,
    VEGETARIAN;

    /** The stored form of a SET column: names in declaration order, comma-separated; '' for none. */
    public static String codes(Collection<DietNeed> needs) {
        return CodedSets.codes(needs, DietNeed.class);
    }

    /** The set a SET column holds; empty for '' or null. */
    public static Set<DietNeed> parse(String codes) {
        return CodedSets.parse(codes, DietNeed.class);
    }
}
