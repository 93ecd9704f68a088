package org.zhucan.demo;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhucan.common.cache.ReferenceCache;
import org.zhucan.common.demo.DemoDataContributor;

/**
 * Loads the demo data ({@code db/demo/*.sql} in the db-migrations jar, in name order) at start
 * when {@code ZHUCAN_DEMO_DATA=true}. Every script is idempotent, so a restart, or a second
 * instance, changes nothing. Never in {@code prod}. Later features add their scripts beside
 * these, numbered after the data they build on.
 */
@Component
@Profile("!prod")
@ConditionalOnBooleanProperty("zhucan.demo.enabled")
public class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    static final String SCRIPTS = "classpath*:db/demo/*.sql";

    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final List<DemoDataContributor> contributors;
    private final ReferenceCache referenceCache;

    DemoDataLoader(DataSource dataSource, TransactionTemplate transaction, List<DemoDataContributor> contributors,
                   ReferenceCache referenceCache) {
        this.dataSource = dataSource;
        this.transaction = transaction;
        this.contributors = contributors;
        this.referenceCache = referenceCache;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        load();
    }

    /** Applies every demo script, then every contributor, in one transaction: all of the demo data or none of it. */
    public void load() throws IOException {
        Resource[] scripts = new PathMatchingResourcePatternResolver().getResources(SCRIPTS);
        Arrays.sort(scripts, Comparator.comparing(Resource::getFilename));
        ResourceDatabasePopulator populator = new ResourceDatabasePopulator();
        for (Resource script : scripts) {
            populator.addScript(script);
        }
        populator.setSqlScriptEncoding("UTF-8");
        populator.setContinueOnError(false);
        transaction.executeWithoutResult(status -> {
            populator.execute(dataSource);
            contributors.forEach(DemoDataContributor::contribute);
            // the scripts write sites, slots and policies past the services that evict them
            referenceCache.evictEverywhere();
        });
        log.info("Demo data loaded from {} scripts and {} contributors", scripts.length, contributors.size());
    }
}
