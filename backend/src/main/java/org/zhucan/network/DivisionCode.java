package org.zhucan.network;

import java.util.regex.Pattern;

/**
 * 12-digit administrative division codes (统计用区划代码): 2 digits for the province, 2 for the
 * city, 2 for the district, 3 for the street or town, 3 for the community or village. A child
 * continues its parent's code: a city its province's first 2 digits, a district its city's first 4.
 */
final class DivisionCode {

    private static final Pattern TWELVE_DIGITS = Pattern.compile("[0-9]{12}");

    private DivisionCode() {
    }

    /** Why the code does not fit a region of this level under this parent, or null when it fits. */
    static String problem(String code, RegionLevel level, Region parent) {
        if (code == null || !TWELVE_DIGITS.matcher(code).matches()) {
            return "A division code is 12 digits";
        }
        String district = code.substring(0, 6);
        String township = code.substring(6, 9);
        String community = code.substring(9, 12);
        return switch (level) {
            case PROVINCE -> code.startsWith("00") || !code.substring(2).equals("0000000000")
                    ? "A province's code is its 2-digit code followed by 0000000000" : null;
            case CITY -> code.substring(2, 4).equals("00") || !code.substring(4).equals("00000000") || !continuesIfAny(code, parent, 2)
                    ? "A city's code is its province's first 2 digits, 2 digits of its own (not 00), then 00000000" : null;
            case DISTRICT -> district.endsWith("00") || !township.equals("000") || !community.equals("000") || !continuesIfAny(code, parent, 4)
                    ? "A district's code is its 6-digit code (under a city, starting with the city's first 4 digits) followed by 000000" : null;
            case SUBDISTRICT, TOWN -> township.equals("000") || !community.equals("000") || !continues(code, parent, 6)
                    ? "A street's or town's code is its district's first 6 digits, 3 digits of its own (not 000), then 000" : null;
            case COMMUNITY, VILLAGE -> community.equals("000") || !continues(code, parent, 9)
                    ? "A community's or village's code is its street's or town's first 9 digits and 3 digits of its own (not 000)" : null;
        };
    }

    /** As {@link #continues}, or true for a root, which continues nothing. */
    private static boolean continuesIfAny(String code, Region parent, int prefixLength) {
        return parent == null || continues(code, parent, prefixLength);
    }

    private static boolean continues(String code, Region parent, int prefixLength) {
        return parent != null && code.startsWith(parent.divisionCode().substring(0, prefixLength));
    }
}
