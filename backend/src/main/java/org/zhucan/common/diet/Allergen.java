package org.zhucan.common.diet;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * A food allergen (过敏原): the eight groups GB 7718 names for labelling, and sesame. Diners carry
 * the ones they react to, dishes the ones they contain; both are stored as MySQL SETs of these names.
 */
public enum Allergen {
    /** 含麸质的谷物. */
    GLUTEN,
    /** 甲壳纲类动物 (虾、蟹). */
    CRUSTACEAN,
    /** 鱼类. */
    FISH,
    /** 蛋类. */
    EGG,
    /** 花生. */
    PEANUT,
    /** 大豆. */
    SOY,
    /** 乳及乳制品. */
    MILK,
    /** 坚果. */
    TREE_NUT,
    /** 芝麻. */
    SESAME;

    /** The stored form of a SET column: names in declaration order, comma-separated; '' for none. */
    public static String codes(Collection<Allergen> allergens) {
        return CodedSets.codes(allergens, Allergen.class);
    }

    /** The set a SET column holds; empty for '' or null. */
    public static Set<Allergen> parse(String codes) {
        return CodedSets.parse(codes, Allergen.class);
    }

    /** The allergens of {@code contained} that {@code allergies} names, in declaration order. */
    public static Set<Allergen> common(Collection<Allergen> contained, Collection<Allergen> allergies) {
        Set<Allergen> both = EnumSet.noneOf(Allergen.class);
        both.addAll(contained);
        both.retainAll(allergies);
        return both;
    }
}
