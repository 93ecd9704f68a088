package org.zhucan.eligibility;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.batch.Batches;
import org.zhucan.common.error.NotFoundException;
import org.zhucan.common.error.RateLimitedException;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.common.pagination.Connection;
import org.zhucan.common.pagination.Cursor;
import org.zhucan.common.pagination.PageRequest;
import org.zhucan.common.pii.Masking;
import org.zhucan.common.pii.PersonalDataCipher;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.diner.DinerCategory;
import org.zhucan.network.RegionService;
import org.zhucan.security.CurrentUser;
import org.zhucan.security.SecretGuesses;

import static org.zhucan.common.Text.blankToNull;

/**
 * Publicity (公示): the list of applications in their publicity period, which anyone may read (the public-information
 * module serves it, rate-limited per client address), and objections, which anyone may raise. An anonymous objection is
 * counted per client address as a guess ({@link SecretGuesses}, purpose {@value #OBJECTION}): a few go through at once,
 * then each waits longer, so that nobody can reopen every review of a district from one address.
 */
@Service
public class PublicityService {

    static final String OBJECTION = "subsidy-objection";
    static final String ANONYMOUS = "anonymous";
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{4,19}");

    private final ApplicationMapper applications;
    private final RegionService regionService;
    private final SecretGuesses guesses;
    private final PersonalDataCipher cipher;
    private final AuditService audit;
    private final Clock clock;

    PublicityService(ApplicationMapper applications, RegionService regionService, SecretGuesses guesses, PersonalDataCipher cipher,
                     AuditService audit, Clock clock) {
        this.applications = applications;
        this.regionService = regionService;
        this.guesses = guesses;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    /** Applications in their publicity period today, by application number; no personal data but the masked name. */
    @Transactional(readOnly = true)
    public Connection<Publicity> current(PublicityFilter filter, PageRequest page) {
        LocalDate today = BusinessTime.today(clock);
        String regionPath = filter == null || filter.regionId() == null ? null : regionService.require(filter.regionId()).path();
        Long afterId = page.hasAfter() ? Cursor.decodeId(page.after()) : null;
        List<Publicity> rows = applications.findPublicities(today, regionPath, afterId, page.fetchSize());
        return Connection.of(rows, page, publicity -> Cursor.encode(publicity.applicationId()), applications.countPublicities(today, regionPath));
    }

    /** The categories each published application claims, in one statement. */
    @Transactional(readOnly = true)
    public Map<Long, List<DinerCategory>> categoriesOf(Collection<Long> applicationIds) {
        Map<Long, List<ClaimedCategory>> claims = Batches.group(applicationIds,
                applicationIds.isEmpty() ? List.of() : applications.findClaimsOf(applicationIds), ClaimedCategory::applicationId);
        Map<Long, List<DinerCategory>> categories = new java.util.LinkedHashMap<>();
        claims.forEach((id, list) -> categories.put(id, list.stream().map(ClaimedCategory::category).distinct().toList()));
        return categories;
    }

    /**
     * Records an objection and sends the application back to review. NOT_FOUND for a number that was never published;
     * PUBLICITY_CLOSED once its period has ended or it is back in review.
     */
    @Transactional(noRollbackFor = RateLimitedException.class)
    ObjectionPayload object(ObjectToSubsidyApplicationInput input, String clientAddress) {
        boolean loggedIn = CurrentUser.isLoggedIn();
        if (!loggedIn) {
            SecretGuesses.Guess guess = guesses.begin(OBJECTION, clientAddress);
            if (!guess.allowed()) {
                throw new RateLimitedException("Too many objections from your address; try again later",
                        Duration.between(clock.instant(), guess.retryAfter()).isNegative() ? Duration.ZERO
                                : Duration.between(clock.instant(), guess.retryAfter()));
            }
        }
        SubsidyApplication application = applications.findByNumber(input.applicationNumber().strip());
        if (application == null || application.publicityFrom() == null) {
            throw new NotFoundException("SubsidyApplication", input.applicationNumber());
        }
        String reason = blankToNull(input.reason());
        if (reason == null) {
            return ObjectionPayload.failed(UserError.of(UserErrorCode.INVALID_INPUT, "Give the reason for the objection", "input", "reason"));
        }
        String contact = blankToNull(input.contact());
        if (contact != null && !PHONE.matcher(contact.strip()).matches()) {
            return ObjectionPayload.failed(UserError.of(UserErrorCode.INVALID_INPUT, "The contact is a phone number", "input", "contact"));
        }
        LocalDate today = BusinessTime.today(clock);
        if (applications.reopen(application.id(), today) == 0) {
            return ObjectionPayload.failed(UserError.of(UserErrorCode.PUBLICITY_CLOSED,
                    "The application is not in its publicity period", "input", "applicationNumber"));
        }
        String actor = loggedIn ? CurrentUser.get().username() : ANONYMOUS;
        Instant now = clock.instant();
        String phone = contact == null ? null : contact.strip().replaceAll("[ -]", "");
        applications.insertObjection(application.id(), reason.strip(), phone == null ? null : cipher.encrypt(phone), Masking.phone(phone), actor, now,
                application.publicityFrom(), application.publicityTo());
        // the objection itself is for the reviewers: the history (which families read) says only that there was one
        applications.insertEvent(application.id(), ApplicationEventKind.OBJECTED, ApplicationStatus.IN_PUBLICITY, ApplicationStatus.UNDER_REVIEW,
                actor, now, null);
        SubsidyApplication after = applications.findById(application.id(), org.zhucan.common.sql.CallerScope.ALL);
        Map<String, Object> objectedState = new java.util.LinkedHashMap<>(ApplicationService.auditState(after));
        objectedState.put("objection", reason.strip());
        audit.record(actor, "SUBSIDY_APPLICATION_OBJECTED", "SubsidyApplication", application.id(), ApplicationService.auditState(application),
                objectedState);
        return new ObjectionPayload(true, List.of());
    }
}
