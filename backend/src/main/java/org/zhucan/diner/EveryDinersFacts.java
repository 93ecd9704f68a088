package org.zhucan.diner;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

import org.zhucan.common.access.BypassesCallerScope;
import org.zhucan.common.sql.CallerScope;

/**
 * Diners' facts on a date, read on behalf of a caller whose quote scope reaches every diner (counter staff), by whoever
 * holds this. Only such a caller's own request gets one ({@link DinerService#everyDinersFacts}), so that another thread
 * may read for it later, as the counter's batch of meals reads the facts of every meal it writes together in one
 * statement: the meals' requests then read none of their own.
 */
public final class EveryDinersFacts {

    private final DinerService diners;

    EveryDinersFacts(DinerService diners) {
        this.diners = diners;
    }

    /** The diners' facts on the date, in one statement, within the transaction there is; a diner that does not exist is absent. */
    @BypassesCallerScope(usedBy = {"serving"})
    public Map<Long, QuoteFacts> on(Collection<Long> dinerIds, LocalDate date) {
        return diners.quoteFactsIn(dinerIds, date, CallerScope.ALL);
    }
}
