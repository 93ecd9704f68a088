package org.zhucan.care;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.zhucan.common.demo.DemoDataContributor;
import org.zhucan.security.SystemActor;

/**
 * A demo volunteer (志愿者) of 孝文街道, registered through the registry as street staff would (the phone encrypted
 * with the running key); skipped when one of that name is registered.
 */
@Component
@Profile("!prod")
@ConditionalOnBooleanProperty("zhucan.demo.enabled")
@Order(5)
class CareDemoData implements DemoDataContributor {

    static final String VOLUNTEER = "王秀兰";

    private final VolunteerService volunteers;
    private final JdbcTemplate jdbc;

    CareDemoData(VolunteerService volunteers, JdbcTemplate jdbc) {
        this.volunteers = volunteers;
        this.jdbc = jdbc;
    }

    @Override
    public void contribute() {
        List<Long> street = jdbc.queryForList("SELECT id FROM region WHERE name = '孝文街道'", Long.class);
        if (street.isEmpty() || jdbc.queryForObject("SELECT COUNT(*) FROM volunteer WHERE name = ?", Integer.class, VOLUNTEER) > 0) {
            return;
        }
        SystemActor.runAs("demo", () -> volunteers.register(new RegisterVolunteerInput(VOLUNTEER, "13903791234", street.get(0), null)));
    }
}
