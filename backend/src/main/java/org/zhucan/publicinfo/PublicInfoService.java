package org.zhucan.publicinfo;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.zhucan.common.pagination.Connection;
import org.zhucan.common.pagination.Cursor;
import org.zhucan.common.pagination.PageRequest;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.evaluation.EvaluationService;
import org.zhucan.menu.MenuService;
import org.zhucan.network.OperatorService;
import org.zhucan.network.SiteFilter;
import org.zhucan.network.SiteKind;
import org.zhucan.network.SiteService;
import org.zhucan.network.SiteStatus;
import org.zhucan.security.CurrentUser;
import org.zhucan.subsidy.SubsidyPolicy;
import org.zhucan.subsidy.SubsidyPolicyService;
import org.zhucan.subsidy.SubsidyPolicyStatus;

/**
 * What anyone may read without logging in (信息公开), and the rule that anonymous callers are
 * rate-limited per client address ({@link PublicRateLimit}); logged-in callers are not counted.
 * Everything is read through the owning features' services and shaped into the public types,
 * which hold no personal data; every list is one page, its nested parts batched.
 */
@Service
class PublicInfoService {

    /** The kinds the public site list shows: every site that serves diners (not central kitchens). */
    private static final List<SiteKind> SERVING_KINDS = Arrays.stream(SiteKind.values()).filter(kind -> kind != SiteKind.CENTRAL_KITCHEN).toList();

    private final PublicRateLimit rateLimit;
    private final SubsidyPolicyService policyService;
    private final SiteService siteService;
    private final OperatorService operatorService;
    private final MenuService menuService;
    private final EvaluationService evaluationService;
    private final Clock clock;

    PublicInfoService(PublicRateLimit rateLimit, SubsidyPolicyService policyService, SiteService siteService, OperatorService operatorService,
                      MenuService menuService, EvaluationService evaluationService, Clock clock) {
        this.rateLimit = rateLimit;
        this.policyService = policyService;
        this.siteService = siteService;
        this.operatorService = operatorService;
        this.menuService = menuService;
        this.evaluationService = evaluationService;
        this.clock = clock;
    }

    /** Counts a read of a public field by an anonymous caller from the address, or refuses it (TOO_MANY_REQUESTS). */
    void countRead(String clientAddress) {
        if (!CurrentUser.isLoggedIn()) {
            rateLimit.check(clientAddress);
        }
    }

    /** The district's published policies, newest version first; the cursor is the version. Drafts are never shown. */
    Connection<SubsidyPolicy> policies(long districtId, PageRequest page) {
        List<SubsidyPolicy> published = policyService.policiesOf(districtId).stream()
                .filter(policy -> policy.status() == SubsidyPolicyStatus.PUBLISHED).toList();
        Long afterVersion = page.hasAfter() ? Cursor.decodeId(page.after()) : null;
        List<SubsidyPolicy> rest = published.stream().filter(policy -> afterVersion == null || policy.version() < afterVersion)
                .limit(page.fetchSize()).toList();
        return Connection.of(rest, page, policy -> Cursor.encode(policy.version()), published.size());
    }

    /** Sites serving diners that are operating now, by id. */
    Connection<PublicSite> sites(PublicSiteFilter filter, PageRequest page) {
        PublicSiteFilter given = filter == null ? new PublicSiteFilter(null, null, null, null) : filter;
        Connection<org.zhucan.network.Site> sites = siteService.list(new SiteFilter(given.regionId(), SERVING_KINDS, List.of(SiteStatus.OPERATING),
                null, given.slot(), given.fulfilment(), given.text()), page);
        return sites.map(PublicSite::of);
    }

    /** The month's published ranking, one page of it, best first; null when it is not published. The cursor is the row's position. */
    PublicEvaluations evaluations(long districtId, YearMonth month, PageRequest page) {
        EvaluationService.Ranking ranking = evaluationService.publishedEvaluation(districtId, month);
        if (ranking == null) {
            return null;
        }
        int start = page.hasAfter() ? (int) Math.min(Integer.MAX_VALUE, Cursor.decodeId(page.after()) + 1) : 0;
        List<EvaluationService.OperatorEvaluation> rows = ranking.evaluations();
        List<Connection.Edge<PublicEvaluations.Evaluation>> edges = new ArrayList<>();
        for (int i = start; i < rows.size() && edges.size() < page.first(); i++) {
            edges.add(new Connection.Edge<>(Cursor.encode(i), PublicEvaluations.Evaluation.of(rows.get(i))));
        }
        boolean hasNext = start + edges.size() < rows.size();
        Connection.PageInfo pageInfo = new Connection.PageInfo(hasNext, page.hasAfter(), edges.isEmpty() ? null : edges.get(0).cursor(),
                edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
        return new PublicEvaluations(ranking.district(), month, PublicEvaluations.Weights.of(ranking.weights()), edges, pageInfo, rows.size());
    }

    /** Operators by id, as the public sees them: one read for any number. */
    Map<Long, PublicOperator> operators(Collection<Long> operatorIds) {
        return operatorService.byIds(operatorIds).values().stream().map(PublicOperator::of)
                .collect(Collectors.toMap(PublicOperator::id, Function.identity()));
    }

    /** Today's published menus of each site, by slot, through the menu cache: one batch for any number of sites. */
    Map<Long, List<PublicMenu>> todayMenus(Collection<Long> siteIds) {
        return menuService.publishedMenusOn(siteIds, BusinessTime.today(clock)).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().stream().map(PublicMenu::of).toList()));
    }
}
