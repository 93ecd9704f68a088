package org.zhucan.intake;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The columns of a roster and of a status feed: the Chinese header a civil-affairs file has (the label the error
 * report names) and the English alias accepted too. Headers are matched after trimming, in any order; unknown
 * columns are ignored.
 */
enum Column {
    NAME("姓名", "name"),
    ID_NUMBER("身份证号", "idNumber", "身份证号码", "公民身份号码"),
    PHONE("联系电话", "phone", "电话"),
    COMMUNITY("社区", "community", "村（社区）", "村(社区)"),
    COMMUNITY_CODE("社区代码", "communityCode", "区划代码"),
    CATEGORIES("类别", "categories", "人员类别"),
    EVIDENCE("证明编号", "evidenceRef"),
    VALID_FROM("认定起始日期", "validFrom"),
    VALID_TO("认定截止日期", "validTo"),
    LIVING_ALONE("是否独居", "livingAlone"),
    ABILITY_LEVEL("能力等级", "abilityLevel"),
    ADDRESS("住址", "address", "居住地址"),
    STATUS("状态", "status"),
    DATE("日期", "date", "死亡日期", "迁出日期"),
    REASON("原因", "reason");

    static final Set<Column> ROSTER_REQUIRED = Set.of(NAME, ID_NUMBER, ADDRESS);
    static final Set<Column> STATUS_FEED_REQUIRED = Set.of(ID_NUMBER, STATUS, DATE);

    final String label;
    private final List<String> aliases;

    Column(String label, String... aliases) {
        this.label = label;
        this.aliases = List.of(aliases);
    }

    /** The position of each known column in the header row. */
    static Map<Column, Integer> positions(List<String> header) {
        Map<Column, Integer> positions = new EnumMap<>(Column.class);
        for (int i = 0; i < header.size(); i++) {
            String cell = header.get(i) == null ? "" : header.get(i).replace("\uFEFF", "").strip();
            for (Column column : values()) {
                if (column.label.equals(cell) || column.aliases.stream().anyMatch(a -> a.equalsIgnoreCase(cell)
                        || a.toLowerCase(Locale.ROOT).equals(cell.toLowerCase(Locale.ROOT)))) {
                    positions.putIfAbsent(column, i);
                }
            }
        }
        return positions;
    }
}
