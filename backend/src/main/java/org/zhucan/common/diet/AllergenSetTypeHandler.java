package org.zhucan.common.diet;

/** A SET column of allergens as a {@code Set<Allergen>}. */
public class AllergenSetTypeHandler extends CodeSetTypeHandler<Allergen> {

    public AllergenSetTypeHandler() {
        super(Allergen::codes, Allergen::parse);
    }
}
