package org.zhucan.serving;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.zhucan.diner.DinerService;
import org.zhucan.diner.QuoteFacts;
import org.zhucan.menu.MenuService;
import org.zhucan.menu.MenuView;
import org.zhucan.network.MealSlot;
import org.zhucan.network.Site;
import org.zhucan.network.SiteService;
import org.zhucan.network.SiteSlot;
import org.zhucan.network.SiteSlotTimeline;
import org.zhucan.network.SiteStatus;
import org.zhucan.network.SiteStatusTimeline;
import org.zhucan.subsidy.QuoteService;

/**
 * What a request reads again and again, read once: the site's slot and status histories, the
 * published menus and (through the quoter) sites, places and policies. An upload of a thousand
 * records shares one.
 */
final class MealLookups {

    final QuoteService.Quoter quoter;
    private final SiteService siteService;
    private final DinerService dinerService;
    private final MenuService menuService;
    private final Map<Long, SiteSlotTimeline> slots = new HashMap<>();
    private final Map<Long, Optional<SiteStatusTimeline>> statuses = new HashMap<>();
    private final Map<String, Optional<MenuView>> menus = new HashMap<>();

    MealLookups(QuoteService.Quoter quoter, SiteService siteService, DinerService dinerService, MenuService menuService) {
        this.quoter = quoter;
        this.siteService = siteService;
        this.dinerService = dinerService;
        this.menuService = menuService;
    }

    /** The slot as the site served it when the meal was served; null when it did not serve it then. */
    SiteSlot slot(Site site, MealSlot slot, Instant servedAt) {
        return slots.computeIfAbsent(site.id(), id -> siteService.slotTimelinesOf(List.of(id)).get(id)).slotAt(slot, servedAt);
    }

    /** Whether the site was OPERATING when the meal was served (see {@link SiteStatusTimeline#operatingWhen}). */
    boolean operating(Site site, LocalDate date, Instant servedAt) {
        return statuses.computeIfAbsent(site.id(), id -> Optional.ofNullable(siteService.timelinesOf(List.of(id)).get(id))
                        .filter(timeline -> !timeline.isEmpty()))
                .map(timeline -> timeline.operatingWhen(date, servedAt))
                // a site without a status history (written around the application): its status now
                .orElse(site.status() == SiteStatus.OPERATING);
    }

    private final Map<String, QuoteFacts> facts = new HashMap<>();
    private final Map<Long, Site> sites = new HashMap<>();

    /** Reads many diners' facts for a date at once, ahead of the records that name them. */
    void prefetchFacts(Collection<Long> dinerIds, LocalDate date) {
        List<Long> missing = dinerIds.stream().filter(id -> !facts.containsKey(factsKey(id, date))).distinct().toList();
        if (!missing.isEmpty()) {
            dinerService.quoteFactsOn(missing, date).forEach((id, diner) -> facts.put(factsKey(id, date), diner));
        }
    }

    /** A diner's facts on a date read with something else (a booking, with its diner's), for {@link #facts} to answer. */
    void knowFacts(long dinerId, LocalDate date, QuoteFacts known) {
        facts.putIfAbsent(factsKey(dinerId, date), known);
    }

    /** A diner's facts on a date if this request has read them (or read them with something else); null otherwise. */
    QuoteFacts knownFacts(long dinerId, LocalDate date) {
        return facts.get(factsKey(dinerId, date));
    }

    QuoteFacts facts(long dinerId, LocalDate date) {
        return facts.computeIfAbsent(factsKey(dinerId, date), key -> dinerService.quoteFacts(dinerId, date));
    }

    private static String factsKey(long dinerId, LocalDate date) {
        return dinerId + "|" + date;
    }

    Site site(long id) {
        return sites.computeIfAbsent(id, siteService::find);
    }

    MenuView menu(Site site, LocalDate date, MealSlot slot) {
        return menus.computeIfAbsent(site.id() + "|" + date + "|" + slot,
                key -> Optional.ofNullable(menuService.publishedMenu(site.id(), date, slot))).orElse(null);
    }
}
