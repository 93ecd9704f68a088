package org.zhucan.device;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.zhucan.common.demo.DemoDataContributor;
import org.zhucan.security.SystemActor;

/**
 * Demo face terminals at the counters the README's meal examples use, so a FACE example can be
 * signed by hand (README "Face terminals"). Their keys are fixed and published, like the demo
 * passwords: demo data only, never in {@code prod}. Skipped where an active terminal already has
 * the serial number.
 */
@Component
@Profile("!prod")
@ConditionalOnBooleanProperty("zhucan.demo.enabled")
@Order(5)
class FaceTerminalDemoData implements DemoDataContributor {

    /** Site name → serial number and key (64 hex digits): SHA-256 of "zhucan demo face terminal " + the serial number. */
    static final Map<String, List<String>> TERMINALS = Map.of(
            "孝文街道长者食堂", List.of("DEMO-FACE-XW-01", "e6ca049af7a18bb30b17d8e742a1ad08d6f1b593f3520f0e1f581c8f1af7c5ce"),
            "西韩助餐点", List.of("DEMO-FACE-XH-01", "6c37d20e1d6d7dc6d831bb682d1f8dbe12674ee238b42aa59664a6dfb58a4ea3"));

    private final FaceTerminalService faceTerminals;
    private final JdbcTemplate jdbc;

    FaceTerminalDemoData(FaceTerminalService faceTerminals, JdbcTemplate jdbc) {
        this.faceTerminals = faceTerminals;
        this.jdbc = jdbc;
    }

    @Override
    public void contribute() {
        // in a fixed order, so that a fresh demo database numbers them the same way every time
        for (String siteName : List.of("孝文街道长者食堂", "西韩助餐点")) {
            List<Long> site = jdbc.queryForList("SELECT id FROM site WHERE name = ?", Long.class, siteName);
            if (site.isEmpty()) {
                continue;
            }
            List<String> terminal = TERMINALS.get(siteName);
            SystemActor.runAs("demo", () -> {
                faceTerminals.registerForDemo(site.get(0), "一号窗口人脸终端", terminal.get(0), HexFormat.of().parseHex(terminal.get(1)));
                return null;
            });
        }
    }
}
