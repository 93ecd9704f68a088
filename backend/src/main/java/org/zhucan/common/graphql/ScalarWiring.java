package org.zhucan.common.graphql;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.zhucan.common.money.MoneyScalar;
import org.zhucan.common.time.TimeScalars;

/** Registers the scalars every feature uses: Money, Date, DateTime, Time and YearMonth, and ID as Zhucan reads it ({@link IdScalar}). */
@Configuration(proxyBeanMethods = false)
class ScalarWiring {

    @Bean
    RuntimeWiringConfigurer zhucanScalars() {
        // ID is built in: replacing it needs strict wiring off for that one call (Spring turns it on to catch duplicates)
        return wiring -> wiring
                .strictMode(false).scalar(IdScalar.INSTANCE).strictMode(true)
                .scalar(MoneyScalar.INSTANCE)
                .scalar(TimeScalars.DATE)
                .scalar(TimeScalars.DATE_TIME)
                .scalar(TimeScalars.TIME)
                .scalar(TimeScalars.YEAR_MONTH);
    }
}
