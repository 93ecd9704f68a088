package org.zhucan.diner;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.batch.Batches;
import org.zhucan.common.sql.ClusterLocks;
import org.zhucan.common.sql.RetryOnTransientFailure;
import org.zhucan.security.CurrentUser;

/**
 * A diner's categories, versioned: a change supersedes the entries it replaces and inserts the new ones, so the
 * eligibility history keeps every version with its source (staff, a roster import, an approved application).
 * Callers authorize first: registry writes, roster imports and application reviews each check their own caller.
 */
@Service
public class DinerCategoryService {

    private final DinerMapper diners;
    private final AuditService audit;
    private final Clock clock;
    private final ClusterLocks clusterLocks;

    DinerCategoryService(DinerMapper diners, AuditService audit, Clock clock, ClusterLocks clusterLocks) {
        this.diners = diners;
        this.audit = audit;
        this.clock = clock;
        this.clusterLocks = clusterLocks;
    }

    /** What a change did; nothing when every wanted entry was already held as it is. */
    public record CategoryChange(int added, int superseded) {
        public boolean changed() {
            return added > 0 || superseded > 0;
        }
    }

    /** The wanted entries become the diner's whole current list: what staff mean when they edit a diner. */
    @Transactional
    @RetryOnTransientFailure
    public CategoryChange replaceAll(long dinerId, List<DinerCategoryEntry> wanted, CategorySource source, String sourceRef) {
        return apply(dinerId, wanted, source, sourceRef, entry -> true);
    }

    /**
     * The wanted entries replace those of the same source only: a roster import re-states what the roster says and
     * leaves what an application or staff granted alone.
     */
    @Transactional
    @RetryOnTransientFailure
    public CategoryChange replaceFromSource(long dinerId, List<DinerCategoryEntry> wanted, CategorySource source, String sourceRef) {
        return apply(dinerId, wanted, source, sourceRef, entry -> entry.source() == source);
    }

    /** Adds the wanted entries the diner does not hold yet; supersedes nothing (an approved application). */
    @Transactional
    @RetryOnTransientFailure
    public CategoryChange grant(long dinerId, List<DinerCategoryEntry> wanted, CategorySource source, String sourceRef) {
        return apply(dinerId, wanted, source, sourceRef, entry -> false);
    }

    /** Every version of the diners' categories, superseded ones too, in the order recorded. */
    public Map<Long, List<DinerCategoryEntry>> historyOf(Collection<Long> dinerIds) {
        return Batches.group(dinerIds, dinerIds.isEmpty() ? List.of() : diners.findCategoryHistoryOf(dinerIds), DinerCategoryEntry::dinerId);
    }

    private CategoryChange apply(long dinerId, List<DinerCategoryEntry> wanted, CategorySource source, String sourceRef,
                                 Predicate<DinerCategoryEntry> replaceable) {
        diners.lockForUpdate(dinerId);
        clusterLocks.lock("diner", dinerId);
        List<DinerCategoryEntry> current = diners.findCategoriesOf(List.of(dinerId));
        List<DinerCategoryEntry> toAdd = new ArrayList<>();
        for (DinerCategoryEntry entry : wanted) {
            boolean held = current.stream().anyMatch(entry::sameClaimAs) || toAdd.stream().anyMatch(entry::sameClaimAs);
            if (!held) {
                toAdd.add(entry);
            }
        }
        List<Long> toSupersede = current.stream()
                .filter(replaceable)
                .filter(entry -> wanted.stream().noneMatch(entry::sameClaimAs))
                .map(DinerCategoryEntry::id)
                .toList();
        if (toAdd.isEmpty() && toSupersede.isEmpty()) {
            return new CategoryChange(0, 0);
        }
        String actor = CurrentUser.get().username();
        Instant now = clock.instant();
        if (!toSupersede.isEmpty()) {
            diners.supersedeCategories(toSupersede, actor, now);
        }
        if (!toAdd.isEmpty()) {
            diners.insertCategories(dinerId, toAdd, source, sourceRef, actor, now);
        }
        audit.record("DINER_CATEGORIES_CHANGED", "Diner", dinerId, Map.of("categories", current),
                Map.of("categories", diners.findCategoriesOf(List.of(dinerId)), "source", source, "sourceRef", String.valueOf(sourceRef)));
        return new CategoryChange(toAdd.size(), toSupersede.size());
    }
}
