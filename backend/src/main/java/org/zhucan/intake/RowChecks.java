package org.zhucan.intake;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.zhucan.common.pii.IdNumber;
import org.zhucan.diner.DinerCategory;
import org.zhucan.diner.DinerStatus;

/**
 * The checks of one row's cells that need no database: the roster format and the status-feed format, as the
 * README's roster section defines them. Each failed check adds a problem naming its column; no reason quotes
 * the cell.
 */
final class RowChecks {

    static final int MINIMUM_AGE = 60;

    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    private static final Pattern LANDLINE = Pattern.compile("0[0-9]{2,3}-?[0-9]{7,8}");
    private static final Pattern DATE = Pattern.compile("([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?");
    private static final Pattern COMPACT_DATE = Pattern.compile("([0-9]{4})([0-9]{2})([0-9]{2})");
    private static final Pattern SEPARATORS = Pattern.compile("[、,，;；/\\s]+");

    private static final Map<String, List<DinerCategory>> CATEGORY_NAMES = Map.ofEntries(
            Map.entry("特困", List.of(DinerCategory.EXTREME_POVERTY)),
            Map.entry("特困人员", List.of(DinerCategory.EXTREME_POVERTY)),
            Map.entry("低保", List.of(DinerCategory.MIN_LIVING)),
            Map.entry("低保边缘", List.of(DinerCategory.LOW_INCOME_EDGE)),
            Map.entry("失能", List.of(DinerCategory.DISABLED)),
            Map.entry("失智", List.of(DinerCategory.DEMENTIA)),
            Map.entry("失能失智", List.of(DinerCategory.DISABLED, DinerCategory.DEMENTIA)),
            Map.entry("独居", List.of(DinerCategory.LIVING_ALONE)),
            Map.entry("独居空巢", List.of(DinerCategory.LIVING_ALONE)),
            Map.entry("留守", List.of(DinerCategory.LEFT_BEHIND)),
            Map.entry("计生特殊家庭", List.of(DinerCategory.SPECIAL_FAMILY)),
            Map.entry("优抚", List.of(DinerCategory.ENTITLED)),
            Map.entry("优抚对象", List.of(DinerCategory.ENTITLED)));

    private RowChecks() {
    }

    /** The row's ID number, or null with a problem. */
    static IdNumber idNumber(SheetRow row) {
        String cell = row.get(Column.ID_NUMBER);
        if (cell == null) {
            row.problem(Column.ID_NUMBER, "An ID number is required");
            return null;
        }
        try {
            return IdNumber.parse(cell);
        } catch (IdNumber.InvalidIdNumberException e) {
            row.problem(Column.ID_NUMBER, e.getMessage());
            return null;
        }
    }

    /** The roster row's own values; the community and the registry are checked by the job. */
    static RosterPayload roster(SheetRow row, IdNumber idNumber, LocalDate today, long communityId) {
        if (idNumber != null && Period.between(idNumber.birthDate(), today).getYears() < MINIMUM_AGE) {
            row.problem(Column.ID_NUMBER, "Younger than " + MINIMUM_AGE + " on the import day: meal assistance is for people aged 60 and over");
        }
        String name = required(row, Column.NAME, 64);
        String address = required(row, Column.ADDRESS, 255);
        String phone = phone(row);
        LocalDate validFrom = date(row, Column.VALID_FROM);
        LocalDate validTo = date(row, Column.VALID_TO);
        String evidence = row.get(Column.EVIDENCE);
        if (evidence != null && evidence.length() > 128) {
            row.problem(Column.EVIDENCE, "At most 128 characters");
        }
        Set<DinerCategory> categories = categories(row);
        if (yes(row)) {
            categories.add(DinerCategory.LIVING_ALONE);
        }
        if (!categories.isEmpty()) {
            if (evidence == null) {
                row.problem(Column.EVIDENCE, "A category needs its evidence reference");
            }
            if (validFrom == null && row.get(Column.VALID_FROM) == null) {
                row.problem(Column.VALID_FROM, "A category needs the date it was granted from");
            }
        }
        if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
            row.problem(Column.VALID_TO, "The end date is before the start date");
        }
        Integer level = abilityLevel(row);
        if (!row.ok()) {
            return null;
        }
        List<RosterPayload.Claim> claims = new ArrayList<>();
        categories.forEach(category -> claims.add(new RosterPayload.Claim(category, evidence, validFrom, validTo)));
        return new RosterPayload(idNumber.value(), name, phone, communityId, address, claims, level);
    }

    /** The status-feed row's status, date and reason; the diner is looked up by the job. */
    static StatusPayload status(SheetRow row, LocalDate today) {
        DinerStatus status = null;
        String cell = row.get(Column.STATUS);
        if (cell == null) {
            row.problem(Column.STATUS, "A status is required: DECEASED (死亡) or MOVED_AWAY (迁出)");
        } else {
            status = switch (cell.toUpperCase(Locale.ROOT)) {
                case "DECEASED", "死亡", "去世", "已故" -> DinerStatus.DECEASED;
                case "MOVED_AWAY", "迁出", "户籍迁出" -> DinerStatus.MOVED_AWAY;
                default -> null;
            };
            if (status == null) {
                row.problem(Column.STATUS, "Not a status of a feed: DECEASED (死亡) or MOVED_AWAY (迁出)");
            }
        }
        LocalDate date = date(row, Column.DATE);
        if (date == null && row.get(Column.DATE) == null) {
            row.problem(Column.DATE, "A date is required");
        } else if (date != null && date.isAfter(today)) {
            row.problem(Column.DATE, "The date is in the future; record a change once it has happened");
        }
        String reason = row.get(Column.REASON);
        if (reason != null && reason.length() > 255) {
            row.problem(Column.REASON, "At most 255 characters");
        }
        return row.ok() ? new StatusPayload(0, status, date, reason) : null;
    }

    private static String required(SheetRow row, Column column, int maxLength) {
        String cell = row.get(column);
        if (cell == null) {
            row.problem(column, "Required");
        } else if (cell.length() > maxLength) {
            row.problem(column, "At most " + maxLength + " characters");
        }
        return cell;
    }

    private static String phone(SheetRow row) {
        String cell = row.get(Column.PHONE);
        if (cell == null) {
            return null;
        }
        String phone = cell.replace(" ", "");
        if (!MOBILE.matcher(phone).matches() && !LANDLINE.matcher(phone).matches()) {
            row.problem(Column.PHONE, "Not a phone number: 11 digits for a mobile, or an area code and 7 or 8 digits");
            return null;
        }
        return phone;
    }

    static LocalDate date(SheetRow row, Column column) {
        String cell = row.get(column);
        if (cell == null) {
            return null;
        }
        Matcher matcher = DATE.matcher(cell);
        if (!matcher.matches()) {
            matcher = COMPACT_DATE.matcher(cell);
        }
        if (matcher.matches()) {
            try {
                return LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)));
            } catch (DateTimeException e) {
                // falls through to the problem
            }
        }
        row.problem(column, "Not a date: write it as 2024-01-31");
        return null;
    }

    private static Set<DinerCategory> categories(SheetRow row) {
        Set<DinerCategory> categories = new LinkedHashSet<>();
        String cell = row.get(Column.CATEGORIES);
        if (cell == null) {
            return categories;
        }
        for (String name : SEPARATORS.split(cell)) {
            if (name.isEmpty()) {
                continue;
            }
            List<DinerCategory> named = CATEGORY_NAMES.get(name);
            if (named == null) {
                try {
                    named = List.of(DinerCategory.valueOf(name.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    row.problem(Column.CATEGORIES, "Not a category: use 特困, 低保, 低保边缘, 失能, 失智, 独居, 留守, 计生特殊家庭 or 优抚");
                    continue;
                }
            }
            categories.addAll(named);
        }
        return categories;
    }

    private static boolean yes(SheetRow row) {
        String cell = row.get(Column.LIVING_ALONE);
        if (cell == null) {
            return false;
        }
        return switch (cell.toLowerCase(Locale.ROOT)) {
            case "是", "y", "yes", "true", "1" -> true;
            case "否", "n", "no", "false", "0" -> false;
            default -> {
                row.problem(Column.LIVING_ALONE, "Write 是 or 否");
                yield false;
            }
        };
    }

    private static Integer abilityLevel(SheetRow row) {
        String cell = row.get(Column.ABILITY_LEVEL);
        if (cell == null) {
            return null;
        }
        if (!cell.matches("[0-4]")) {
            row.problem(Column.ABILITY_LEVEL, "An ability level is a whole number from 0 to 4");
            return null;
        }
        return Integer.parseInt(cell);
    }
}
