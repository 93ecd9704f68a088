package org.zhucan.network;

/** Level in the administrative tree: district → subdistrict or town → community or village. */
public enum RegionLevel {
    DISTRICT,
    SUBDISTRICT,
    TOWN,
    COMMUNITY,
    VILLAGE;

    /** Communities and villages: where diners live and sites stand. */
    public boolean isCommunity() {
        return this == COMMUNITY || this == VILLAGE;
    }

    /** Whether a region of this level may sit under a parent of that level (null: no parent, a root). */
    boolean fitsUnder(RegionLevel parent) {
        return switch (this) {
            case DISTRICT -> parent == null;
            case SUBDISTRICT, TOWN -> parent == DISTRICT;
            case COMMUNITY, VILLAGE -> parent == SUBDISTRICT || parent == TOWN;
        };
    }
}
