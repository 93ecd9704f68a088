package org.zhucan.common.diet;

/** A SET column of diet needs as a {@code Set<DietNeed>}. */
public class DietNeedSetTypeHandler extends CodeSetTypeHandler<DietNeed> {

    public DietNeedSetTypeHandler() {
        super(DietNeed::codes, DietNeed::parse);
    }
}
