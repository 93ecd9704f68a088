package org.zhucan.care;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.batch.Batches;
import org.zhucan.common.error.NotFoundException;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.common.sql.CallerScope;
import org.zhucan.common.sql.GeneratedKey;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.network.Region;
import org.zhucan.network.RegionService;
import org.zhucan.security.CurrentUser;

/**
 * Home visits (上门探访, seed: 每月至少开展一次上门探访关爱服务) recorded by street staff and ADMIN for the diners in
 * their scope, with the volunteer who went if one did; and the monthly visit rate per community against the target
 * (月探访率达到100%): a diner counts as visited when a visit that found them home falls in the month.
 */
@Service
public class VisitService {

    private final CareMapper mapper;
    private final CareAccess access;
    private final RegionService regionService;
    private final AuditService audit;
    private final CareProperties properties;
    private final Clock clock;

    VisitService(CareMapper mapper, CareAccess access, RegionService regionService, AuditService audit, CareProperties properties, Clock clock) {
        this.mapper = mapper;
        this.access = access;
        this.regionService = regionService;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public VisitPayload record(RecordVisitInput input) {
        CurrentUser user = CurrentUser.get();
        CallerScope scope = access.staffScope(user);
        String path = mapper.dinerCommunityPath(input.dinerId());
        if (path == null || !CareAccess.covers(scope, input.dinerId(), path)) {
            throw new NotFoundException("Diner", input.dinerId());
        }
        LocalDate today = BusinessTime.today(clock);
        if (input.visitedOn() == null || input.visitedOn().isAfter(today) || input.visitedOn().isBefore(today.minusDays(31))) {
            return failed(UserError.of(UserErrorCode.INVALID_INPUT, "A visit is recorded for today or one of the 31 days before", "input", "visitedOn"));
        }
        if (input.minutes() == null || input.minutes() < 1 || input.minutes() > 720) {
            return failed(UserError.of(UserErrorCode.INVALID_INPUT, "A visit lasts 1 to 720 minutes", "input", "minutes"));
        }
        if (input.outcome() == null) {
            return failed(UserError.of(UserErrorCode.INVALID_INPUT, "Say what the visit found", "input", "outcome"));
        }
        if (input.note() != null && input.note().strip().length() > CareAlertService.MAX_TEXT) {
            return failed(UserError.of(UserErrorCode.INVALID_INPUT, "A note is at most " + CareAlertService.MAX_TEXT + " characters", "input", "note"));
        }
        String visitor = user.username();
        if (input.volunteerId() != null) {
            Volunteer volunteer = mapper.findVolunteer(input.volunteerId());
            if (volunteer == null || !CareAccess.covers(scope, -1, volunteer.regionPath())) {
                return failed(UserError.of(UserErrorCode.INVALID_INPUT, "No such volunteer in your region", "input", "volunteerId"));
            }
            visitor = "volunteer:" + volunteer.id();
        }
        GeneratedKey key = new GeneratedKey();
        String note = input.note() == null || input.note().isBlank() ? null : input.note().strip();
        mapper.insertVisit(new CareMapper.NewVisit(input.dinerId(), input.visitedOn(), visitor, input.volunteerId(), input.minutes(),
                input.outcome(), note, user.username(), clock.instant().truncatedTo(ChronoUnit.MICROS)), key);
        audit.record("care.visit.record", "Visit", key.value(), null, Map.of("dinerId", input.dinerId(), "visitedOn", input.visitedOn(),
                "outcome", input.outcome()));
        return new VisitPayload(mapper.findVisit(key.value()), List.of());
    }

    /** The visits of diners, newest first, as far as the caller's care scope reaches; one statement. */
    @Transactional(readOnly = true)
    public Map<Long, List<Visit>> visitsOf(Collection<Long> dinerIds) {
        CallerScope scope = access.staffScope(CurrentUser.get());
        return Batches.group(dinerIds, dinerIds.isEmpty() ? List.of() : mapper.findVisitsOf(scope, dinerIds), Visit::dinerId);
    }

    /** visitRates: the communities under a region in the caller's scope, for a month. */
    @Transactional(readOnly = true)
    public List<CommunityVisitRate> visitRates(long regionId, YearMonth month) {
        CallerScope scope = access.staffScope(CurrentUser.get());
        Region region = regionService.require(regionId);
        if (!CareAccess.covers(scope, -1, region.path())) {
            throw new NotFoundException("Region", regionId);
        }
        return mapper.visitRates(region.path(), month.atDay(1), month.atEndOfMonth(), properties.visitTargetPercent());
    }

    private static VisitPayload failed(UserError error) {
        return new VisitPayload(null, List.of(error));
    }
}
