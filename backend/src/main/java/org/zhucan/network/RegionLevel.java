package org.zhucan.network;

/**
 * Level in the administrative tree: province → city → district → subdistrict or town → community or
 * village. A district may be a root (a deployment for one district) or sit under a city; a city may
 * be a root or sit under a province.
 */
public enum RegionLevel {
    PROVINCE,
    CITY,
    DISTRICT,
    SUBDISTRICT,
    TOWN,
    COMMUNITY,
    VILLAGE;

    /** Communities and villages: where diners live and sites stand. */
    public boolean isCommunity() {
        return this == COMMUNITY || this == VILLAGE;
    }

    /** Provinces and cities: levels above the district, whose figures roll up from their districts. */
    public boolean isAboveDistrict() {
        return this == PROVINCE || this == CITY;
    }

    /** Districts and the levels above them: where coverage, dashboards and reconciliation are read. */
    public boolean isDistrictOrAbove() {
        return this == DISTRICT || isAboveDistrict();
    }

    /** Whether a region of this level may sit under a parent of that level (null: no parent, a root). */
    boolean fitsUnder(RegionLevel parent) {
        return switch (this) {
            case PROVINCE -> parent == null;
            case CITY -> parent == null || parent == PROVINCE;
            case DISTRICT -> parent == null || parent == CITY;
            case SUBDISTRICT, TOWN -> parent == DISTRICT;
            case COMMUNITY, VILLAGE -> parent == SUBDISTRICT || parent == TOWN;
        };
    }
}
