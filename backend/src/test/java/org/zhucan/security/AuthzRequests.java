package org.zhucan.security;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.zhucan.common.time.BusinessTime;
import org.zhucan.security.AuthzWorld.Tenant;

import static org.zhucan.security.AuthzWorld.key;
import static org.zhucan.security.AuthzWorld.today;

/**
 * One request per root operation of the schema, filled in for a tenant of {@link AuthzWorld}: the
 * own tenant's ids for the OWN cells, the other tenant's for the OTHER cells. A mutation that
 * changes something acts on something made for the case alone (a fresh diner, booking, record,
 * statement, menu date...), so that no case changes what another reads. Operations that take no
 * tenant (me, myBookings, auditLog...) send the same request in both cells; where they list rows,
 * the check says none is another tenant's.
 */
final class AuthzRequests {

    /** What to send; rows names the list that EMPTY and ALLOWED look at (null: the root if it is a list, else its edges). */
    record Request(String document, Map<String, Object> variables, String rows, Function<Object, String> check, Runnable trigger) {

        Request rows(String path) {
            return new Request(document, variables, path, check, trigger);
        }

        /** A further check of an ALLOWED answer's root value: null when it holds, else what is wrong. */
        Request check(Function<Object, String> problem) {
            return new Request(document, variables, rows, problem, trigger);
        }

        /** For a subscription: what makes the server push an event the subscriber should see. */
        Request trigger(Runnable action) {
            return new Request(document, variables, rows, check, action);
        }
    }

    private AuthzRequests() {
    }

    static Request of(String document, Object... variables) {
        return new Request(document, vars(variables), null, null, null);
    }

    static Map<String, Object> vars(Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    // the matrix of every root field of the schema: one request a field, checked against the schema by the matrix test
    /** Every builder, by Type.field. */
    static Map<String, BiFunction<AuthzWorld, Tenant, Request>> all() {
        Map<String, BiFunction<AuthzWorld, Tenant, Request>> b = new LinkedHashMap<>();
        String month = YearMonth.from(today()).toString();
        String tomorrow = today().plusDays(1).toString();
        // a fresh diner's lunch of yesterday for each rateMeal case: staff never replace what a diner's own account said
        String yesterdayNoon = ZonedDateTime.of(today().minusDays(1), java.time.LocalTime.NOON, BusinessTime.ZONE).toOffsetDateTime().toString();

        // ------------------------------------------------------------ audit, security
        b.put("Query.auditLog", (w, t) -> of("{ auditLog(first: 1) { edges { node { action } } } }"));
        b.put("Query.me", (w, t) -> of("{ me { username } }"));
        b.put("Mutation.login", (w, t) -> of("mutation($input: LoginInput!) { login(input: $input) { token userErrors { code } } }",
                "input", Map.of("username", w.loginAccount, "password", "demo1234")));

        // ------------------------------------------------------------ accounts (each case acts on an account made for it)
        b.put("Query.accounts", (w, t) -> of("query($name: String) { accounts(filter: { usernameContains: $name }) { edges { node { id } } } }",
                "name", t.finance));
        b.put("Mutation.createAccount", (w, t) -> of(
                "mutation($input: CreateAccountInput!) { createAccount(input: $input) { account { id } userErrors { code } } }",
                "input", Map.of("username", "matrix-" + UUID.randomUUID(), "displayName", "矩阵新账号", "roles", List.of("FINANCE"),
                        "regionId", t.district)));
        b.put("Mutation.updateAccount", (w, t) -> of(
                "mutation($input: UpdateAccountInput!) { updateAccount(input: $input) { account { id } userErrors { code } } }",
                "input", Map.of("accountId", w.freshAccount(t), "displayName", "矩阵改名" + w.next())));
        b.put("Mutation.disableAccount", (w, t) -> of(
                "mutation($input: DisableAccountInput!) { disableAccount(input: $input) { account { id } userErrors { code } } }",
                "input", Map.of("accountId", w.freshAccount(t))));
        b.put("Mutation.enableAccount", (w, t) -> of(
                "mutation($input: EnableAccountInput!) { enableAccount(input: $input) { account { id } userErrors { code } } }",
                "input", Map.of("accountId", w.freshAccount(t))));
        b.put("Mutation.resetPassword", (w, t) -> of(
                "mutation($input: ResetPasswordInput!) { resetPassword(input: $input) { account { id } userErrors { code } } }",
                "input", Map.of("accountId", w.freshAccount(t))));
        // a wrong current password: every caller is refused, so that no case revokes a matrix caller's token
        b.put("Mutation.changePassword", (w, t) -> of(
                "mutation($input: ChangePasswordInput!) { changePassword(input: $input) { changed userErrors { code } } }",
                "input", Map.of("oldPassword", "not-the-password", "newPassword", "Matrix-Lotus-2026")));
        b.put("Mutation.issueFamilyInvitation", (w, t) -> of(
                "mutation($input: IssueFamilyInvitationInput!) { issueFamilyInvitation(input: $input) { code userErrors { code } } }",
                "input", Map.of("dinerId", t.diner, "relation", "子女")));
        b.put("Mutation.redeemFamilyInvitation", (w, t) -> of(
                "mutation($input: RedeemFamilyInvitationInput!) { redeemFamilyInvitation(input: $input) { dinerId userErrors { code } } }",
                "input", Map.of("code", w.invitation(w.freshDiner(t)), "username", "matrix-" + UUID.randomUUID(), "password", "Matrix-Lotus-2026",
                        "displayName", "矩阵家属")));
        // the own tenant's code is good; the other's is already used
        b.put("Mutation.acceptFamilyInvitation", (w, t) -> of(
                "mutation($input: AcceptFamilyInvitationInput!) { acceptFamilyInvitation(input: $input) { dinerId userErrors { code } } }",
                "input", Map.of("code", t.own ? w.invitation(w.freshDiner(t)) : w.usedInvitation(t))));
        b.put("Mutation.unlinkFamilyMember", (w, t) -> {
            w.link(w.spareFamily, t.spareDiner);
            return of("mutation($input: UnlinkFamilyMemberInput!) { unlinkFamilyMember(input: $input) { dinerId userErrors { code } } }",
                    "input", Map.of("accountId", w.accountId(w.spareFamily), "dinerId", t.spareDiner));
        });

        // ------------------------------------------------------------ bookings
        b.put("Query.booking", (w, t) -> of("query($id: ID!) { booking(id: $id) { id } }", "id", t.booking));
        b.put("Query.myBookings", (w, t) -> of("query($diner: ID) { myBookings(filter: { dinerId: $diner }, first: 100) { edges { node { id diner { id } } } } }",
                "diner", t.diner).check(root -> allEqual(MatrixClient.at(root, "edges"), "node.diner.id", t.diner)));
        b.put("Query.bookings", (w, t) -> of("query($site: ID!, $date: Date!) { bookings(siteId: $site, date: $date, slot: LUNCH) { bookedCount } }",
                "site", t.site, "date", tomorrow));
        b.put("Query.slotAvailability", (w, t) -> of(
                "query($site: ID!, $date: Date!) { slotAvailability(siteId: $site, date: $date, slot: LUNCH) { seatsLeft } }",
                "site", t.site, "date", tomorrow));
        b.put("Query.recurringBookings", (w, t) -> of("query($diner: ID!) { recurringBookings(dinerId: $diner) { id site { id } } }",
                "diner", t.diner).check(root -> allEqual(root, "site.id", t.site)));
        b.put("Query.repeatedNoShows", (w, t) -> of(
                "query($operator: ID!, $since: Date!) { repeatedNoShows(operatorId: $operator, since: $since, atLeast: 1) { noShows lastNoShowOn } }",
                "operator", t.operator, "since", today().minusDays(7).toString()));
        b.put("Mutation.bookMeal", (w, t) -> of("mutation($input: BookMealInput!) { bookMeal(input: $input) { booking { id } userErrors { code } } }",
                "input", w.bookInput(t, w.freshDiner(t), today().plusDays(1))));
        b.put("Mutation.cancelBooking", (w, t) -> of(
                "mutation($input: CancelBookingInput!) { cancelBooking(input: $input) { booking { status } userErrors { code } } }",
                "input", Map.of("idempotencyKey", key(), "bookingId", w.book(t, w.freshDiner(t), today().plusDays(1)), "reason", "计划有变")));
        b.put("Mutation.payBooking", (w, t) -> {
            String booking = w.book(t, w.freshDiner(t), today().plusDays(1));
            return of("mutation($input: PayBookingInput!) { payBooking(input: $input) { payment { id } userErrors { code } } }",
                    "input", Map.of("idempotencyKey", key(), "bookingId", booking, "amount", w.dinerPaysOf(booking), "method", "WECHAT",
                            "externalReference", "matrix-" + UUID.randomUUID()));
        });
        b.put("Mutation.createRecurringBooking", (w, t) -> of("""
                mutation($input: CreateRecurringBookingInput!) { createRecurringBooking(input: $input) { recurringBooking { id } userErrors { code } } }""",
                "input", w.recurringInput(t, w.freshDiner(t))));
        b.put("Mutation.pauseRecurringBooking", (w, t) -> of("""
                mutation($input: PauseRecurringBookingInput!) {
                  pauseRecurringBooking(input: $input) { recurringBooking { id pauses { from } } userErrors { code } }
                }""", "input", Map.of("idempotencyKey", key(), "recurringBookingId", w.recurring(t, w.freshDiner(t)),
                "from", today().plusDays(2).toString(), "to", today().plusDays(3).toString(), "reason", "住院")));

        // ------------------------------------------------------------ diners
        b.put("Query.diners", (w, t) -> of("query($name: String) { diners(filter: { name: $name }) { edges { node { id } } } }",
                "name", t.dinerName));
        b.put("Query.diner", (w, t) -> of("query($id: ID!) { diner(id: $id) { id } }", "id", t.diner));
        b.put("Mutation.registerDiner", (w, t) -> of(
                "mutation($input: RegisterDinerInput!) { registerDiner(input: $input) { diner { id } userErrors { code } } }",
                "input", Map.of("name", "矩阵登记老人", "idNumber", w.freshIdNumber(), "homeCommunityId", t.village, "address", "矩阵路1号")));
        b.put("Mutation.updateDiner", (w, t) -> of(
                "mutation($input: UpdateDinerInput!) { updateDiner(input: $input) { diner { id } userErrors { code } } }",
                "input", Map.of("dinerId", t.spareDiner, "address", "矩阵路" + w.next() + "号")));
        b.put("Mutation.recordDinerMove", (w, t) -> of(
                "mutation($input: RecordDinerMoveInput!) { recordDinerMove(input: $input) { diner { id } userErrors { code } } }",
                "input", Map.of("dinerId", w.freshDiner(t), "kind", "RESIDENCE", "communityId", t.village, "address", "矩阵路" + w.next() + "号",
                        "effectiveOn", today().toString(), "reason", "随子女迁居")));
        b.put("Mutation.changeDinerStatus", (w, t) -> of(
                "mutation($input: ChangeDinerStatusInput!) { changeDinerStatus(input: $input) { diner { status } userErrors { code } } }",
                "input", Map.of("dinerId", w.freshDiner(t), "status", "MOVED_AWAY", "effectiveOn", today().toString(), "reason", "随子女迁居")));
        b.put("Mutation.recordAbilityAssessment", (w, t) -> of("""
                mutation($input: RecordAbilityAssessmentInput!) { recordAbilityAssessment(input: $input) { diner { id } userErrors { code } } }""",
                "input", Map.of("dinerId", t.spareDiner, "level", 2, "assessedOn", today().toString(), "assessor", "矩阵评估员")));
        // a fresh diner of the tenant's village assessed in 2020: long due, so the town's due list has a row
        b.put("Query.assessmentsDue", (w, t) -> of(
                "query($regionId: ID!) { assessmentsDue(regionId: $regionId) { edges { node { diner { id } dueOn reason } } } }",
                "regionId", w.assessedLongAgo(t).town));
        // the own tenant's diner, whom the family account acts for; empty lists, so no other cell's menu or booking changes
        b.put("Mutation.setDinerDiet", (w, t) -> of(
                "mutation($input: SetDinerDietInput!) { setDinerDiet(input: $input) { diner { id } userErrors { code } } }",
                "input", Map.of("dinerId", t.diner, "allergies", java.util.List.of(), "dietNeeds", java.util.List.of())));
        b.put("Mutation.linkFamilyMember", (w, t) -> of(
                "mutation($input: LinkFamilyMemberInput!) { linkFamilyMember(input: $input) { diner { id } userErrors { code } } }",
                "input", Map.of("username", w.spareFamily, "dinerId", t.spareDiner, "relation", "子女")));
        b.put("Mutation.revealIdNumber", (w, t) -> of(
                "mutation($input: RevealIdNumberInput!) { revealIdNumber(input: $input) { idNumber userErrors { code } } }",
                "input", Map.of("dinerId", t.spareDiner, "reason", "核对身份")));

        // ------------------------------------------------------------ intake (each case on an import made for it)
        b.put("Query.intakeImport", (w, t) -> of("query($id: ID!) { intakeImport(id: $id) { id status } }", "id", w.freshImport(t)));
        b.put("Query.intakeImports", (w, t) -> {
            w.freshImport(t);
            return of("{ intakeImports(first: 5) { edges { node { id } } } }");
        });
        b.put("Query.intakeImportErrors", (w, t) -> of(
                "query($id: ID!) { intakeImportErrors(importId: $id) { edges { node { rowNumber column reason } } } }", "id", w.freshImport(t)));
        b.put("Mutation.commitIntakeImport", (w, t) -> of(
                "mutation($input: CommitIntakeImportInput!) { commitIntakeImport(input: $input) { intakeImport { id } userErrors { code } } }",
                "input", Map.of("importId", w.freshImport(t))));
        b.put("Mutation.cancelIntakeImport", (w, t) -> of(
                "mutation($input: CancelIntakeImportInput!) { cancelIntakeImport(input: $input) { intakeImport { id } userErrors { code } } }",
                "input", Map.of("importId", w.freshImport(t))));

        // ------------------------------------------------------------ evaluation
        b.put("Query.evaluationWeights", (w, t) -> of(
                "query($district: ID!, $month: YearMonth!) { evaluationWeights(districtId: $district, month: $month) { effectiveMonth } }",
                "district", t.district, "month", month));
        b.put("Query.operatorEvaluations", (w, t) -> of("""
                query($district: ID!, $month: YearMonth!) {
                  operatorEvaluations(districtId: $district, month: $month) { operatorCount evaluations { operator { id } } }
                }""", "district", t.district, "month", month).rows("evaluations"));
        b.put("Query.districtDashboard", (w, t) -> of("query($district: ID!) { districtDashboard(districtId: $district, days: 7) { from } }",
                "district", t.district));
        b.put("Query.demandCoverage", (w, t) -> of(
                "query($region: ID!, $month: YearMonth!) { demandCoverage(regionId: $region, month: $month) { rows { eligibleDiners } } }",
                "region", t.town, "month", month).rows("rows"));
        b.put("Mutation.closeEvaluationMonth", (w, t) -> of("""
                mutation($input: CloseEvaluationMonthInput!) { closeEvaluationMonth(input: $input) { ranking { closedAt } userErrors { code } } }""",
                "input", Map.of("districtId", t.district, "month", w.closableMonth(t))));
        b.put("Mutation.setEvaluationWeights", (w, t) -> of("""
                mutation($input: SetEvaluationWeightsInput!) { setEvaluationWeights(input: $input) { weights { effectiveMonth } userErrors { code } } }""",
                "input", Map.of("districtId", t.district, "effectiveMonth", month, "operatingRate", 20, "satisfaction", 20, "inspection", 20,
                        "flags", 20, "noShow", 20)));

        // ------------------------------------------------------------ rectification cases
        b.put("Query.rectificationCases", (w, t) -> of("query($district: ID) { rectificationCases(filter: { districtId: $district }) {"
                + " edges { node { id steps { kind } } } } }", "district", t.district));
        b.put("Query.rectificationCase", (w, t) -> of("query($id: ID!) { rectificationCase(id: $id) { id } }", "id", t.rectificationCase));
        b.put("Mutation.advanceRectificationCase", (w, t) -> of("""
                mutation($input: AdvanceRectificationCaseInput!) { advanceRectificationCase(input: $input) {
                  rectificationCase { status } userErrors { code } } }""",
                "input", Map.of("caseId", w.rectificationCase(t, "OPEN"), "action", "WARN", "note", "矩阵警告")));
        b.put("Mutation.submitRectificationReport", (w, t) -> of("""
                mutation($input: SubmitRectificationReportInput!) { submitRectificationReport(input: $input) {
                  rectificationCase { status } userErrors { code } } }""",
                "input", Map.of("caseId", w.rectificationCase(t, "RECTIFYING"), "report", "矩阵整改报告")));
        b.put("Mutation.openRectificationCases", (w, t) -> of("""
                mutation($input: OpenRectificationCasesInput!) { openRectificationCases(input: $input) { opened { id } userErrors { code } } }""",
                "input", Map.of("districtId", t.district, "month", w.closedMonth(t))));

        // ------------------------------------------------------------ food safety
        Map<String, Object> window = Map.of("from", today().minusDays(30).toString(), "to", today().toString());
        b.put("Query.inspections", (w, t) -> of("query($site: ID) { inspections(filter: { siteId: $site }) { edges { node { id } } } }",
                "site", t.site));
        b.put("Query.inspection", (w, t) -> of("query($id: ID!) { inspection(id: $id) { id } }", "id", t.inspection));
        b.put("Query.sampleRetentions", (w, t) -> of(
                "query($filter: SampleRetentionFilter!) { sampleRetentions(filter: $filter) { edges { node { id } } } }",
                "filter", with(window, "siteId", t.site)));
        b.put("Query.missingSampleLogs", (w, t) -> of(
                "query($filter: SampleRetentionFilter!) { missingSampleLogs(filter: $filter) { edges { node { date } } } }",
                "filter", with(window, "siteId", t.site)));
        b.put("Mutation.recordInspection", (w, t) -> of(
                "mutation($input: RecordInspectionInput!) { recordInspection(input: $input) { inspection { id } userErrors { code } } }",
                "input", Map.of("siteId", t.site, "inspectedOn", today().toString(), "result", "PASSED",
                        "items", List.of(Map.of("item", "STORAGE", "passed", true)))));
        b.put("Mutation.logSampleRetention", (w, t) -> of("""
                mutation($input: LogSampleRetentionInput!) { logSampleRetention(input: $input) { sampleRetention { id } userErrors { code } } }""",
                "input", w.sampleInput(t, today().minusDays(100 + w.next()))));

        // ------------------------------------------------------------ menus
        b.put("Query.dishes", (w, t) -> of("query($operator: ID!) { dishes(operatorId: $operator) { edges { node { id } } } }",
                "operator", t.operator));
        b.put("Query.menu", (w, t) -> of("""
                query($site: ID!, $date: Date!, $diner: ID) {
                  menu(siteId: $site, date: $date, slot: LUNCH, forDinerId: $diner) { id setMeals { dinerQuote { subsidy } } }
                }""", "site", t.site, "date", tomorrow, "diner", t.diner));
        b.put("Query.weekMenu", (w, t) -> of("""
                query($site: ID!, $week: Date!, $diner: ID) {
                  weekMenu(siteId: $site, weekStart: $week, forDinerId: $diner) { id setMeals { dinerQuote { subsidy } } }
                }""", "site", t.site, "week", AuthzWorld.monday(), "diner", t.diner));
        b.put("Mutation.saveDish", (w, t) -> of("mutation($input: SaveDishInput!) { saveDish(input: $input) { dish { id } userErrors { code } } }",
                "input", Map.of("operatorId", t.operator, "name", "矩阵菜" + w.next(), "price", "5.00")));
        b.put("Mutation.saveMenu", (w, t) -> of("mutation($input: SaveMenuInput!) { saveMenu(input: $input) { menu { id } userErrors { code } } }",
                "input", w.menuInput(t, t.site, w.freshFutureDate())));
        b.put("Mutation.publishMenu", (w, t) -> of(
                "mutation($input: PublishMenuInput!) { publishMenu(input: $input) { menu { id } userErrors { code } } }",
                "input", Map.of("menuId", w.draftMenu(t, t.site, w.freshFutureDate()))));
        b.put("Mutation.amendMenu", (w, t) -> {
            Map<String, Object> input = new HashMap<>(w.menuInput(t, t.site, today()));
            input.remove("siteId");
            input.remove("date");
            input.remove("slot");
            input.put("menuId", w.publishedMenu(t, t.site, w.freshFutureDate()));
            input.put("reason", "换菜");
            return of("mutation($input: AmendMenuInput!) { amendMenu(input: $input) { menu { version } userErrors { code } } }", "input", input);
        });
        b.put("Mutation.copyWeekMenu", (w, t) -> of(
                "mutation($input: CopyWeekMenuInput!) { copyWeekMenu(input: $input) { menus { id } userErrors { code } } }",
                "input", Map.of("siteId", t.site, "fromWeekStart", AuthzWorld.monday(),
                        "toWeekStart", LocalDate.parse(AuthzWorld.monday()).plusWeeks(20 + w.next()).toString())));
        b.put("Mutation.takeKitchenMenu", (w, t) -> {
            LocalDate date = w.freshFutureDate();
            w.publishedMenu(t, t.kitchen, date);
            return of("mutation($input: TakeKitchenMenuInput!) { takeKitchenMenu(input: $input) { menu { id } userErrors { code } } }",
                    "input", Map.of("siteId", t.point, "date", date.toString(), "slot", "LUNCH"));
        });

        // ------------------------------------------------------------ the network
        b.put("Query.regions", (w, t) -> of("query($parent: ID) { regions(parentId: $parent) { id } }", "parent", t.district));
        b.put("Query.region", (w, t) -> of("query($id: ID!) { region(id: $id) { id } }", "id", t.district));
        b.put("Query.operators", (w, t) -> of("query($text: String) { operators(filter: { text: $text }) { edges { node { id } } } }",
                "text", t.operatorName));
        b.put("Query.operator", (w, t) -> of("query($id: ID!) { operator(id: $id) { id } }", "id", t.operator));
        b.put("Query.sites", (w, t) -> of("query($region: ID) { sites(filter: { regionId: $region }) { edges { node { id } } } }",
                "region", t.district));
        b.put("Query.site", (w, t) -> of("query($id: ID!) { site(id: $id) { id } }", "id", t.site));
        b.put("Query.nearbySites", (w, t) -> of(
                "query($lat: Float!, $lng: Float!) { nearbySites(lat: $lat, lng: $lng, radiusMeters: 1000) { site { id } } }",
                "lat", t.lat, "lng", t.lng));
        b.put("Query.coverage", (w, t) -> of("query($region: ID!, $year: Int!) { coverage(regionId: $region, year: $year) { asOf } }",
                "region", t.district, "year", today().getYear()));
        b.put("Query.siteSchedule", (w, t) -> of(
                "query($region: ID!, $year: Int!) { siteSchedule(regionId: $region, year: $year) { asOf rows { planned } } }",
                "region", t.district, "year", today().getYear()));
        b.put("Mutation.createRegion", (w, t) -> of(
                "mutation($input: CreateRegionInput!) { createRegion(input: $input) { region { id } userErrors { code } } }",
                "input", Map.of("parentId", t.district, "divisionCode", w.freshTownCode(t), "name", "矩阵新镇" + w.next(), "level", "TOWN")));
        b.put("Mutation.createOperator", (w, t) -> of(
                "mutation($input: CreateOperatorInput!) { createOperator(input: $input) { operator { id } userErrors { code } } }",
                "input", Map.of("name", "矩阵新公司" + w.next(), "creditCode", w.freshCreditCode(), "kind", "CATERING_ENTERPRISE")));
        b.put("Mutation.updateOperator", (w, t) -> of(
                "mutation($input: UpdateOperatorInput!) { updateOperator(input: $input) { operator { id } userErrors { code } } }",
                "input", Map.of("operatorId", t.operator, "contactName", "矩阵联系人")));
        b.put("Mutation.assignOperatorContract", (w, t) -> of("""
                mutation($input: AssignOperatorContractInput!) { assignOperatorContract(input: $input) { contract { id } userErrors { code } } }""",
                "input", assignInput(w.futureYear(), t)));
        b.put("Mutation.amendOperatorContract", (w, t) -> of("""
                mutation($input: AmendOperatorContractInput!) { amendOperatorContract(input: $input) { contract { id } userErrors { code } } }""",
                "input", amendInput(w, t)));
        b.put("Mutation.endOperatorContract", (w, t) -> of("""
                mutation($input: EndOperatorContractInput!) { endOperatorContract(input: $input) { contract { id } userErrors { code } } }""",
                "input", endInput(w, t)));
        b.put("Mutation.createSite", (w, t) -> of("mutation($input: CreateSiteInput!) { createSite(input: $input) { site { id } userErrors { code } } }",
                "input", Map.of("name", "矩阵新点" + w.next(), "kind", "MEAL_POINT", "communityId", t.village, "operatorId", t.operator,
                        "address", "矩阵路9号")));
        b.put("Mutation.updateSite", (w, t) -> of("mutation($input: UpdateSiteInput!) { updateSite(input: $input) { site { id } userErrors { code } } }",
                "input", Map.of("siteId", t.point, "slots", AuthzWorld.lunchSlots())));
        b.put("Mutation.changeSiteStatus", (w, t) -> of(
                "mutation($input: ChangeSiteStatusInput!) { changeSiteStatus(input: $input) { site { status } userErrors { code } } }",
                "input", Map.of("siteId", w.plannedSite(t), "status", "BUILDING", "effectiveOn", today().toString())));
        b.put("Mutation.setCoverageTarget", (w, t) -> of(
                "mutation($input: SetCoverageTargetInput!) { setCoverageTarget(input: $input) { target { target } userErrors { code } } }",
                "input", Map.of("regionId", t.district, "year", today().getYear(), "metric", "COVERAGE", "target", 0.5)));

        // ------------------------------------------------------------ satisfaction
        b.put("Query.mealsToRate", (w, t) -> of("query($diner: ID) { mealsToRate(dinerId: $diner) { mealRecordId diner { id } } }",
                "diner", t.diner).check(root -> allEqual(root, "diner.id", t.diner)));
        b.put("Query.siteRatings", (w, t) -> of("query($site: ID!, $month: YearMonth!) { siteRatings(siteId: $site, month: $month) { ratingCount } }",
                "site", t.site, "month", month));
        b.put("Mutation.rateMeal", (w, t) -> of("mutation($input: RateMealInput!) { rateMeal(input: $input) { rating { id } userErrors { code } } }",
                "input", Map.of("mealRecordId", w.serve(t, w.freshDiner(t), yesterdayNoon), "score", 4)));

        // ------------------------------------------------------------ notices (each case has a notice of its tenant's diner)
        b.put("Query.myNotices", (w, t) -> {
            w.notice(t.diner);
            return of("query($diner: ID) { myNotices(filter: { dinerId: $diner }, first: 100) { edges { node { id diner { id } } } } }",
                    "diner", t.diner).check(root -> allEqual(MatrixClient.at(root, "edges"), "node.diner.id", t.diner));
        });
        b.put("Mutation.markNoticeRead", (w, t) -> of(
                "mutation($input: MarkNoticeReadInput!) { markNoticeRead(input: $input) { notice { id readAt } userErrors { code } } }",
                "input", Map.of("noticeId", w.notice(t.diner))));

        // ------------------------------------------------------------ meals served
        b.put("Query.mealRecord", (w, t) -> of("query($id: ID!) { mealRecord(id: $id) { id } }", "id", t.mealRecord));
        b.put("Query.mealRecords", (w, t) -> of("query($site: ID) { mealRecords(filter: { siteId: $site }) { edges { node { id } } } }",
                "site", t.site));
        b.put("Query.mealRecordFlags", (w, t) -> of(
                "query($filter: MealRecordFlagFilter!) { mealRecordFlags(filter: $filter) { edges { node { code } } } }",
                "filter", Map.of("from", today().minusDays(1).toString(), "to", today().toString(), "siteId", t.site)));
        b.put("Query.servingDashboard", (w, t) -> of("query($site: ID!, $date: Date!) { servingDashboard(siteId: $site, date: $date) { served } }",
                "site", t.site, "date", today().toString()));
        b.put("Mutation.logMeal", (w, t) -> of("mutation($input: LogMealInput!) { logMeal(input: $input) { record { id } userErrors { code } } }",
                "input", w.logMealInput(t, t.spareDiner, null)));
        b.put("Mutation.uploadMealRecords", (w, t) -> {
            Map<String, Object> record = new HashMap<>(w.logMealInput(t, t.spareDiner, ZonedDateTime.now(BusinessTime.ZONE).minusMinutes(1)
                    .toOffsetDateTime().toString()));
            record.remove("idempotencyKey");
            record.remove("siteId");
            record.put("clientRecordId", "c-" + UUID.randomUUID());
            return of("""
                    mutation($input: UploadMealRecordsInput!) {
                      uploadMealRecords(input: $input) { acceptedCount rejectedCount results { userErrors { code } } userErrors { code } }
                    }""", "input", Map.of("siteId", t.site, "records", List.of(record)))
                    .check(root -> Integer.valueOf(1).equals(MatrixClient.at(root, "acceptedCount")) ? null : "the record was not accepted: " + root);
        });
        b.put("Mutation.voidMealRecord", (w, t) -> of("""
                mutation($input: VoidMealRecordInput!) { voidMealRecord(input: $input) { reversal { id } userErrors { code } } }""",
                "input", Map.of("idempotencyKey", key(), "recordId", w.serve(t, t.spareDiner, null), "reason", "录错")));
        b.put("Mutation.correctMealRecord", (w, t) -> of("""
                mutation($input: CorrectMealRecordInput!) { correctMealRecord(input: $input) { replacement { id } userErrors { code } } }""",
                "input", Map.of("idempotencyKey", key(), "recordId", w.serve(t, t.spareDiner, null), "reason", "录错",
                        "items", List.of(Map.of("setMealName", AuthzWorld.SET_MEAL)))));
        b.put("Mutation.rebuildMealRollups", (w, t) -> of("""
                mutation($input: RebuildMealRollupsInput!) { rebuildMealRollups(input: $input) { rebuilt { siteDays } userErrors { code } } }""",
                "input", Map.of("from", today().minusDays(1).toString(), "to", today().toString())));
        // ------------------------------------------------------------ face terminals
        b.put("Query.faceTerminals", (w, t) -> of("query($site: ID!) { faceTerminals(siteId: $site) { id } }", "site", t.site));
        b.put("Mutation.registerFaceTerminal", (w, t) -> of("""
                mutation($input: RegisterFaceTerminalInput!) { registerFaceTerminal(input: $input) { terminal { id } userErrors { code } } }""",
                "input", Map.of("siteId", t.site, "name", "矩阵终端", "serialNumber", "MX-" + UUID.randomUUID())));
        b.put("Mutation.rotateFaceTerminalKey", (w, t) -> of("""
                mutation($input: RotateFaceTerminalKeyInput!) { rotateFaceTerminalKey(input: $input) { keyVersion userErrors { code } } }""",
                "input", Map.of("terminalId", w.faceTerminal(t))));
        b.put("Mutation.disableFaceTerminal", (w, t) -> of("""
                mutation($input: DisableFaceTerminalInput!) { disableFaceTerminal(input: $input) { terminal { id } userErrors { code } } }""",
                "input", Map.of("terminalId", w.faceTerminal(t), "reason", "设备丢失")));
        b.put("Subscription.mealsServed", (w, t) -> of("subscription($site: ID!) { mealsServed(siteId: $site) { id site { id } } }", "site", t.site)
                .check(root -> t.site.equals(MatrixClient.at(root, "site.id")) ? null : "a record of another site: " + root)
                .trigger(() -> w.serve(t, t.spareDiner, null)));

        // ------------------------------------------------------------ delivery and care (issue 21)
        b.put("Query.deliveryRuns", (w, t) -> of("query($site: ID!, $date: Date!) { deliveryRuns(siteId: $site, date: $date, slot: LUNCH) { id site { id } } }",
                "site", t.site, "date", tomorrow).check(root -> allEqual(root, "site.id", t.site)));
        b.put("Mutation.setDinerHomeLocation", (w, t) -> of("""
                mutation($input: SetDinerHomeLocationInput!) { setDinerHomeLocation(input: $input) { set userErrors { code } } }""",
                "input", Map.of("dinerId", t.diner, "latitude", t.lat, "longitude", t.lng)));
        b.put("Mutation.planDeliveryRuns", (w, t) -> {
            w.deliveryBooking(t);
            return of("""
                    mutation($input: PlanDeliveryRunsInput!) { planDeliveryRuns(input: $input) { runs { id } userErrors { code message } } }""",
                    "input", Map.of("siteId", t.site, "date", tomorrow, "slot", "LUNCH", "couriers", List.of(Map.of("username", t.staff, "capacity", 100))))
                    .rows("runs");
        });
        b.put("Mutation.reorderDeliveryStops", (w, t) -> of("""
                mutation($input: ReorderDeliveryStopsInput!) { reorderDeliveryStops(input: $input) { run { id } userErrors { code } } }""",
                "input", Map.of("runId", w.deliveryRun(t), "stopIds", List.of())));
        b.put("Mutation.confirmDeliveryStop", (w, t) -> of("""
                mutation($input: ConfirmDeliveryStopInput!) { confirmDeliveryStop(input: $input) { stop { id status } userErrors { code } } }""",
                "input", Map.of("idempotencyKey", AuthzWorld.key(), "stopId", w.pendingStop(t), "outcome", "FAILED", "failureReason", "REFUSED",
                        "positionReason", "矩阵", "wellness", "NORMAL")));
        b.put("Query.careAlerts", (w, t) -> of("query($diner: ID) { careAlerts(filter: { dinerId: $diner }) { edges { node { id diner { id } } } } }",
                "diner", t.diner).check(root -> allEqual(MatrixClient.at(root, "edges"), "node.diner.id", t.diner)));
        b.put("Query.visits", (w, t) -> of("query($diner: ID!) { visits(dinerId: $diner) { id diner { id } } }", "diner", t.diner)
                .check(root -> allEqual(root, "diner.id", t.diner)));
        b.put("Query.visitRates", (w, t) -> of("query($region: ID!, $month: String!) { visitRates(regionId: $region, month: $month) { community { id } } }",
                "region", t.town, "month", month));
        b.put("Query.volunteers", (w, t) -> of("{ volunteers(first: 100) { edges { node { id } } } }"));
        b.put("Mutation.acknowledgeCareAlert", (w, t) -> of("""
                mutation($input: AcknowledgeCareAlertInput!) { acknowledgeCareAlert(input: $input) { alert { id } userErrors { code } } }""",
                "input", Map.of("alertId", w.careAlert(w.freshDiner(t)))));
        b.put("Mutation.followUpCareAlert", (w, t) -> of("""
                mutation($input: FollowUpCareAlertInput!) { followUpCareAlert(input: $input) { alert { id } userErrors { code } } }""",
                "input", Map.of("alertId", w.careAlert(w.freshDiner(t)), "note", "已电话联系家属")));
        b.put("Mutation.closeCareAlert", (w, t) -> of("""
                mutation($input: CloseCareAlertInput!) { closeCareAlert(input: $input) { alert { id } userErrors { code } } }""",
                "input", Map.of("alertId", w.careAlert(w.freshDiner(t)), "outcome", "老人外出，已回家")));
        b.put("Mutation.recordVisit", (w, t) -> of("""
                mutation($input: RecordVisitInput!) { recordVisit(input: $input) { visit { id } userErrors { code } } }""",
                "input", Map.of("dinerId", t.diner, "visitedOn", today().toString(), "minutes", 30, "outcome", "WELL")));
        b.put("Mutation.registerVolunteer", (w, t) -> of("""
                mutation($input: RegisterVolunteerInput!) { registerVolunteer(input: $input) { volunteer { id } userErrors { code } } }""",
                "input", Map.of("name", "矩阵志愿者" + w.next(), "phone", "13800000000", "regionId", t.town)));
        b.put("Subscription.careAlertRaised", (w, t) -> of("subscription($diner: ID) { careAlertRaised(dinerId: $diner) { id diner { id } } }",
                "diner", t.diner)
                .check(root -> t.diner.equals(MatrixClient.at(root, "diner.id")) ? null : "another diner's alert: " + root)
                .trigger(() -> w.careAlert(t.diner)));

        b.put("Query.kitchenProductionSheet", (w, t) -> of("""
                query($kitchen: ID!, $date: Date!) { kitchenProductionSheet(kitchenId: $kitchen, date: $date, slot: LUNCH) {
                  kitchen { id } points { point { id } } } }""", "kitchen", t.kitchen, "date", tomorrow)
                .check(root -> t.kitchen.equals(MatrixClient.at(root, "kitchen.id")) ? null : "another kitchen: " + root));
        b.put("Mutation.recordKitchenDispatch", (w, t) -> of("""
                mutation($input: RecordKitchenDispatchInput!) { recordKitchenDispatch(input: $input) { dispatch { id } userErrors { code } } }""",
                "input", Map.of("kitchenId", t.kitchen, "pointId", t.point, "date", today().plusDays(200 + w.next()).toString(), "slot", "LUNCH",
                        "portionsSent", 12)));
        b.put("Mutation.recordDispatchReceipt", (w, t) -> of("""
                mutation($input: RecordDispatchReceiptInput!) { recordDispatchReceipt(input: $input) { dispatch { id discrepancy } userErrors { code } } }""",
                "input", Map.of("dispatchId", w.dispatch(t), "portionsReceived", 12)));

        // ------------------------------------------------------------ settlement
        b.put("Query.settlementStatements", (w, t) -> of(
                "query($district: ID) { settlementStatements(filter: { districtId: $district }) { edges { node { id } } } }",
                "district", t.district));
        b.put("Query.settlementStatement", (w, t) -> of("query($id: ID!) { settlementStatement(id: $id) { id } }", "id", t.statement));
        b.put("Query.reconciliation", (w, t) -> of("""
                query($district: ID!, $from: Date!, $to: Date!) { reconciliation(districtId: $district, periodStart: $from, periodEnd: $to) { balanced } }""",
                "district", t.district, "from", YearMonth.from(today()).atDay(1).toString(), "to", YearMonth.from(today()).atEndOfMonth().toString()));
        b.put("Mutation.generateSettlement", (w, t) -> {
            YearMonth period = w.freshMonth();
            return of("""
                    mutation($input: GenerateSettlementInput!) { generateSettlement(input: $input) { statement { id } userErrors { code } } }""",
                    "input", Map.of("operatorId", t.operator, "districtId", t.district, "periodStart", period.atDay(1).toString(),
                            "periodEnd", period.atEndOfMonth().toString()));
        });
        b.put("Mutation.submitSettlement", (w, t) -> transition("submitSettlement", "SettlementTransitionInput",
                w.generate(t, w.freshMonth()), Map.of()));
        b.put("Mutation.approveSettlement", (w, t) -> transition("approveSettlement", "SettlementTransitionInput", w.statement(t, false), Map.of()));
        b.put("Mutation.rejectSettlement", (w, t) -> transition("rejectSettlement", "RejectSettlementInput", w.statement(t, false),
                Map.of("reason", "金额有误")));
        b.put("Mutation.markSettlementPaid", (w, t) -> transition("markSettlementPaid", "MarkSettlementPaidInput", w.statement(t, true),
                Map.of("paymentReference", "GK-" + w.next(), "paidOn", today().toString())));
        b.put("Mutation.setFundingBudget", (w, t) -> of("""
                mutation($input: SetFundingBudgetInput!) { setFundingBudget(input: $input) { budget { amount } userErrors { code } } }""",
                "input", Map.of("districtId", t.district, "year", today().getYear(), "source", "CITY", "amount", "100000.00")));

        // ------------------------------------------------------------ subsidy
        b.put("Query.subsidyPolicies", (w, t) -> of("query($district: ID!) { subsidyPolicies(districtId: $district) { id } }",
                "district", t.district));
        b.put("Query.quoteMeal", (w, t) -> of("""
                query($diner: ID!, $site: ID!, $date: Date!) { quoteMeal(dinerId: $diner, siteId: $site, date: $date, slot: LUNCH, price: "10.00") { subsidy } }""",
                "diner", t.diner, "site", t.site, "date", today().toString()));
        b.put("Mutation.createSubsidyPolicy", (w, t) -> of("""
                mutation($input: CreateSubsidyPolicyInput!) { createSubsidyPolicy(input: $input) { policy { id } userErrors { code } } }""",
                "input", w.policyInput(t, today().plusYears(100).plusDays(w.next()))));
        b.put("Mutation.publishSubsidyPolicy", (w, t) -> of("""
                mutation($input: PublishSubsidyPolicyInput!) { publishSubsidyPolicy(input: $input) { policy { id } userErrors { code } } }""",
                "input", Map.of("policyId", w.draftPolicy(t))));

        // ------------------------------------------------------------ applications, review and publicity (申请—审核—公示)
        b.put("Query.subsidyApplications", (w, t) -> {
            w.worldApplication(t);
            return of("query($region: ID) { subsidyApplications(filter: { regionId: $region }) { edges { node { id community { id } } } } }",
                    "region", t.district);
        });
        b.put("Query.subsidyApplication", (w, t) -> of("query($id: ID!) { subsidyApplication(id: $id) { id } }", "id", w.worldApplication(t)));
        b.put("Mutation.submitSubsidyApplication", (w, t) -> of("""
                mutation($input: SubmitSubsidyApplicationInput!) { submitSubsidyApplication(input: $input) { application { id } userErrors { code } } }""",
                "input", Map.of("dinerId", w.freshDiner(t), "callReference", "RX-matrix",
                        "claims", List.of(Map.of("category", "LIVING_ALONE", "evidenceRef", "矩阵证明", "validFrom", "2026-01-01")))));
        b.put("Mutation.approveSubsidyApplication", (w, t) -> of("""
                mutation($input: ApproveSubsidyApplicationInput!) { approveSubsidyApplication(input: $input) { application { id } userErrors { code } } }""",
                "input", Map.of("applicationId", w.application(t))));
        b.put("Mutation.rejectSubsidyApplication", (w, t) -> of("""
                mutation($input: RejectSubsidyApplicationInput!) { rejectSubsidyApplication(input: $input) { application { id } userErrors { code } } }""",
                "input", Map.of("applicationId", w.application(t), "reason", "材料不全")));

        // ------------------------------------------------------------ public information: anyone, the same answer with or without a token
        String lastMonth = YearMonth.from(today()).minusMonths(1).toString();
        b.put("Query.publicSubsidyPolicies", (w, t) -> of("""
                query($district: ID!) { publicSubsidyPolicies(districtId: $district) { edges { node { id status district { id } } } } }""",
                "district", t.district).check(root -> allEqual(MatrixClient.at(root, "edges"), "node.status", "PUBLISHED")));
        b.put("Query.publicSites", (w, t) -> of("""
                query($region: ID) { publicSites(filter: { regionId: $region }) { edges { node { id kind operator { id } todayMenus { slot } } } } }""",
                "region", t.district).check(root -> allEqual(MatrixClient.at(root, "edges"), "node.operator.id", t.operator)));
        b.put("Query.publicOperatorEvaluations", (w, t) -> of("""
                query($district: ID!, $month: YearMonth!) {
                  publicOperatorEvaluations(districtId: $district, month: $month) { totalCount edges { node { operator { id } } } }
                }""", "district", t.district, "month", lastMonth));
        b.put("Query.currentPublicities", (w, t) -> {
            String number = w.worldPublicity(t);
            return of("query($region: ID) { currentPublicities(filter: { regionId: $region }) { edges { node { applicationNumber maskedName } } } }",
                    "region", t.district).check(root -> ((List<?>) MatrixClient.at(root, "edges")).stream()
                            .anyMatch(edge -> number.equals(MatrixClient.at(edge, "node.applicationNumber"))) ? null : "no publicity " + number);
        });
        b.put("Mutation.objectToSubsidyApplication", (w, t) -> of("""
                mutation($input: ObjectToSubsidyApplicationInput!) { objectToSubsidyApplication(input: $input) { accepted userErrors { code } } }""",
                "input", Map.of("applicationNumber", w.publishedApplication(t), "reason", "情况不实")));
        // ------------------------------------------------------------ payments (issue 22)
        b.put("Query.prepaidAccount", (w, t) -> of("query($diner: ID!) { prepaidAccount(dinerId: $diner) { balance consistent } }",
                "diner", t.diner));
        b.put("Query.prepaidEntries", (w, t) -> of("query($diner: ID!) { prepaidEntries(dinerId: $diner) { totalCount } }", "diner", t.diner)
                .rows("totalCount"));
        b.put("Query.checkPrepaidLedger", (w, t) -> of("{ checkPrepaidLedger { checkedCount mismatches { dinerId } } }"));
        b.put("Query.cashDay", (w, t) -> of("query($site: ID!, $date: Date!) { cashDay(siteId: $site, date: $date) { status } }",
                "site", t.site, "date", today().toString()));
        b.put("Query.cashDaysCsv", (w, t) -> of("query($site: ID!, $date: Date!) { cashDaysCsv(siteId: $site, from: $date, to: $date) }",
                "site", t.site, "date", today().toString()));
        b.put("Query.providerStatement", (w, t) -> of("query($id: ID!) { providerStatement(id: $id) { id } }", "id", w.providerStatement(t)));
        b.put("Mutation.topUpPrepaid", (w, t) -> of("""
                mutation($input: TopUpPrepaidInput!) { topUpPrepaid(input: $input) { entry { id } userErrors { code } } }""",
                "input", Map.of("idempotencyKey", key(), "dinerId", t.diner, "siteId", t.site, "amount", "10.00", "method", "WECHAT",
                        "externalReference", "matrix-" + UUID.randomUUID())));
        b.put("Mutation.adjustPrepaid", (w, t) -> of("""
                mutation($input: AdjustPrepaidInput!) { adjustPrepaid(input: $input) { entry { id } userErrors { code } } }""",
                "input", Map.of("idempotencyKey", key(), "dinerId", t.diner, "amount", "1.00", "reason", "矩阵调整")));
        b.put("Mutation.recordCashCount", (w, t) -> of("""
                mutation($input: RecordCashCountInput!) { recordCashCount(input: $input) { cashDay { status } userErrors { code } } }""",
                "input", Map.of("siteId", t.site, "date", today().toString(), "staff", "矩阵收银员", "counted", "0.00", "handedOver", "0.00",
                        "handedOverTo", "矩阵财务")));
        // a day of its own, each later than the one before (a close refuses a day before a closed one), long past: no money on it
        b.put("Mutation.closeCashDay", (w, t) -> of("""
                mutation($input: CloseCashDayInput!) { closeCashDay(input: $input) { cashDay { status } userErrors { code } } }""",
                "input", Map.of("siteId", t.site, "date", today().minusDays(5000 - w.next()).toString())));
        b.put("Mutation.importProviderStatement", (w, t) -> of("""
                mutation($input: ImportProviderStatementInput!) { importProviderStatement(input: $input) { statement { id } userErrors { code } } }""",
                "input", Map.of("operatorId", t.operator, "provider", "WECHAT", "from", today().toString(), "to", today().toString(),
                        "csv", "reference,amount,time\nmatrix-" + UUID.randomUUID() + ",5.00,2026-11-22 12:00:00\n")));
        return b;
    }

    private static Request transition(String field, String inputType, Map<String, Object> statement, Map<String, Object> more) {
        Map<String, Object> input = new HashMap<>(more);
        input.put("statementId", statement.get("id"));
        input.put("version", statement.get("version"));
        return of("mutation($input: " + inputType + "!) { " + field + "(input: $input) { statement { status } userErrors { code } } }",
                "input", input);
    }

    private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(map);
        copy.put(key, value);
        return copy;
    }

    /** Null when every row has the value at the path. */
    private static String allEqual(Object rows, String path, String expected) {
        List<Object> others = ((List<?>) rows).stream().map(row -> MatrixClient.at(row, path)).filter(value -> !expected.equals(value))
                .map(Object.class::cast).toList();
        return others.isEmpty() ? null : "rows of " + others + " besides " + expected;
    }

    /** A whole-district contract of the tenant's operator in a year no other contract covers (today's village has one already). */
    private static Map<String, Object> assignInput(int year, AuthzWorld.Tenant t) {
        return Map.of("operatorId", t.operator, "districtId", t.district, "validFrom", year + "-01-01", "validTo", year + "-12-31");
    }

    private static Map<String, Object> amendInput(AuthzWorld w, AuthzWorld.Tenant t) {
        int year = w.futureYear();
        return Map.of("contractId", w.futureContract(t, year), "validTo", year + "-06-30");
    }

    private static Map<String, Object> endInput(AuthzWorld w, AuthzWorld.Tenant t) {
        int year = w.futureYear();
        return Map.of("contractId", w.futureContract(t, year), "lastDay", year + "-03-31", "reason", "矩阵终止");
    }
}
