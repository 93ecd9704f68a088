package org.zhucan.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.care.CareAlertKind;
import org.zhucan.care.CareAlertService;
import org.zhucan.care.Volunteer;
import org.zhucan.care.VolunteerService;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.error.NotFoundException;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.common.idempotency.IdempotencyKeys;
import org.zhucan.common.sql.RetryOnTransientFailure;
import org.zhucan.network.NetworkAccess;
import org.zhucan.network.Site;
import org.zhucan.network.SiteService;
import org.zhucan.security.CurrentUser;
import org.zhucan.serving.RecordResult;
import org.zhucan.serving.ServingService;

/**
 * Proof of delivery (issue 21, point 2) and the wellness check at the door (point 3). The run's courier (or the
 * site's staff on their behalf) confirms a stop once per idempotency key: delivered, with the time, a position
 * within the configured distance of the home (or a reason) and the diner's pickup code or a photo reference, which
 * makes a DELIVERY meal record through the serving feature, priced and subsidised as a served meal; or failed, with
 * its reason and no meal record. A concern or no answer raises a care alert in the same transaction.
 */
@Service
public class DeliveryConfirmationService {

    private static final int MAX_TEXT = 255;

    private final DeliveryMapper mapper;
    private final DeliveryLocations locations;
    private final SiteService siteService;
    private final NetworkAccess networkAccess;
    private final VolunteerService volunteers;
    private final ServingService serving;
    private final CareAlertService careAlerts;
    private final IdempotencyKeys idempotencyKeys;
    private final IdempotencyKeys.Outcomes<DeliveryStopPayload> outcomes;
    private final AuditService audit;
    private final DeliveryProperties properties;
    private final Clock clock;

    DeliveryConfirmationService(DeliveryMapper mapper, DeliveryLocations locations, SiteService siteService, NetworkAccess networkAccess,
                                VolunteerService volunteers, ServingService serving, CareAlertService careAlerts, IdempotencyKeys idempotencyKeys,
                                AuditService audit, DeliveryProperties properties, Clock clock) {
        this.mapper = mapper;
        this.locations = locations;
        this.siteService = siteService;
        this.networkAccess = networkAccess;
        this.volunteers = volunteers;
        this.serving = serving;
        this.careAlerts = careAlerts;
        this.idempotencyKeys = idempotencyKeys;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.outcomes = new IdempotencyKeys.Outcomes<>(DeliveryStopPayload::failed, id -> new DeliveryStopPayload(mapper.findStop(id), List.of()),
                payload -> payload.stop() == null ? null : payload.stop().id());
    }

    // READ COMMITTED as the counter's writes: the diner's meals are read after the usage rows are taken, and must
    // show what committed while it waited (under REPEATABLE READ a second courier would quote from an older snapshot)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    @RetryOnTransientFailure
    public DeliveryStopPayload confirm(ConfirmDeliveryStopInput input) {
        CurrentUser user = CurrentUser.get();
        DeliveryStop stop = mapper.findStop(input.stopId());
        DeliveryRun run = stop == null ? null : mapper.findRun(stop.runId());
        Site site = run == null ? null : siteService.require(run.siteId());
        if (site == null || !isCourierOrStaff(user, run, site)) {
            throw new NotFoundException("DeliveryStop", input.stopId());
        }
        return idempotencyKeys.once(user.username(), input.idempotencyKey(), "confirmDeliveryStop", input.withoutKey(), outcomes,
                () -> confirm(user, run, site, stop, input));
    }

    private DeliveryStopPayload confirm(CurrentUser user, DeliveryRun run, Site site, DeliveryStop stop, ConfirmDeliveryStopInput input) {
        if (stop.status() != StopStatus.PENDING) {
            return DeliveryStopPayload.failed(UserError.of(UserErrorCode.ILLEGAL_STATUS_TRANSITION, "The stop was confirmed already ("
                    + stop.status() + ")", "input", "stopId"));
        }
        List<UserError> problems = new ArrayList<>();
        if (input.outcome() == null) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "Say whether the meal was delivered", "input", "outcome"));
        }
        if (input.wellness() == null) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "Say what you saw at the door (NORMAL, CONCERN or NO_ANSWER)", "input", "wellness"));
        }
        String positionReason = text(input.positionReason(), "positionReason", problems);
        String wellnessNote = text(input.wellnessNote(), "wellnessNote", problems);
        String failureNote = text(input.failureNote(), "failureNote", problems);
        String photoRef = text(input.photoRef(), "photoRef", problems);
        Integer distance = distanceFromHome(stop, input, problems);
        if (problems.isEmpty() && positionReason == null && (distance == null || distance > properties.maxDistanceMetres())) {
            problems.add(UserError.of(UserErrorCode.TOO_FAR_FROM_ADDRESS, distance == null
                    ? "Give your position, or the reason you cannot"
                    : "Your position is " + distance + " m from the diner's home, more than " + properties.maxDistanceMetres()
                            + " m; give the reason", "input", "positionReason"));
        }
        if (!problems.isEmpty()) {
            return DeliveryStopPayload.failed(problems);
        }
        Instant at = (input.confirmedAt() == null ? clock.instant() : input.confirmedAt()).truncatedTo(ChronoUnit.MICROS);
        boolean codeGiven = input.pickupCode() != null && input.pickupCode().strip().equals(stop.pickupCode());
        Long mealRecordId = null;
        if (input.outcome() == StopOutcome.DELIVERED) {
            if (input.failureReason() != null) {
                return DeliveryStopPayload.failed(UserError.of(UserErrorCode.INVALID_INPUT, "A delivered stop has no failure reason", "input", "failureReason"));
            }
            if (input.pickupCode() != null && !codeGiven) {
                return DeliveryStopPayload.failed(UserError.of(UserErrorCode.IDENTITY_MISMATCH, "This is not the diner's pickup code", "input", "pickupCode"));
            }
            if (!codeGiven && photoRef == null) {
                return DeliveryStopPayload.failed(UserError.of(UserErrorCode.INVALID_INPUT,
                        "Proof of delivery: the diner's pickup code or a photo reference", "input", "pickupCode"));
            }
            String evidence = "stop " + stop.id() + (codeGiven ? " pickup code" : " photo " + photoRef)
                    + (distance == null ? "" : " at " + distance + " m") + (positionReason == null ? "" : " (" + positionReason + ")");
            RecordResult recorded = serving.recordDelivery(site, run.slot(), at, stop.pickupCode(), evidence, user.username());
            if (recorded.record() == null) {
                return DeliveryStopPayload.failed(recorded.userErrors().isEmpty()
                        ? List.of(UserError.of(UserErrorCode.ALREADY_SERVED, "The booking's meal was recorded already", "input", "stopId"))
                        : recorded.userErrors());
            }
            mealRecordId = recorded.record().id();
        } else if (input.failureReason() == null) {
            return DeliveryStopPayload.failed(UserError.of(UserErrorCode.INVALID_INPUT, "A failed delivery needs its reason", "input", "failureReason"));
        }
        StopStatus status = input.outcome() == StopOutcome.DELIVERED ? StopStatus.DELIVERED : StopStatus.FAILED;
        if (mapper.confirm(new DeliveryMapper.Confirmation(stop.id(), status, at, user.username(), distance, positionReason, codeGiven, photoRef,
                input.failureReason(), failureNote, input.wellness(), wellnessNote, mealRecordId)) == 0) {
            // another device confirmed it meanwhile: this result has no id, so what this call wrote is rolled back
            return DeliveryStopPayload.failed(UserError.of(UserErrorCode.ILLEGAL_STATUS_TRANSITION, "The stop was confirmed meanwhile",
                    "input", "stopId"));
        }
        raiseCareAlert(stop, input.wellness(), wellnessNote, at, user.username());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", status);
        after.put("wellness", input.wellness());
        after.put("mealRecordId", mealRecordId);
        after.put("failureReason", input.failureReason());
        audit.record("delivery.stop.confirm", "DeliveryStop", stop.id(), Map.of("status", StopStatus.PENDING), after);
        return new DeliveryStopPayload(mapper.findStop(stop.id()), List.of());
    }

    private void raiseCareAlert(DeliveryStop stop, Wellness wellness, String note, Instant at, String courier) {
        if (wellness == Wellness.NORMAL) {
            return;
        }
        CareAlertKind kind = wellness == Wellness.CONCERN ? CareAlertKind.WELLNESS_CONCERN : CareAlertKind.NO_ANSWER;
        careAlerts.raise(stop.dinerId(), kind, (wellness == Wellness.CONCERN ? "The courier saw a concern" : "Nobody answered the courier")
                + " at " + org.zhucan.common.time.BusinessTime.wallClock(at) + (note == null ? "" : ": " + note), stop.id(), courier);
    }

    /** Metres from the diner's home to the position given; null without a position or a home. */
    private Integer distanceFromHome(DeliveryStop stop, ConfirmDeliveryStopInput input, List<UserError> problems) {
        if (input.latitude() == null && input.longitude() == null) {
            return null;
        }
        if (input.latitude() == null || input.longitude() == null || input.latitude().abs().doubleValue() > 90
                || input.longitude().abs().doubleValue() > 180) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "A position is a latitude from -90 to 90 and a longitude from -180 to 180",
                    "input", "latitude"));
            return null;
        }
        Routes.Point home = locations.of(List.of(stop.dinerId())).get(stop.dinerId());
        return home == null ? null : (int) Math.round(Routes.metres(home,
                new Routes.Point(input.latitude().doubleValue(), input.longitude().doubleValue())));
    }

    private boolean isCourierOrStaff(CurrentUser user, DeliveryRun run, Site site) {
        if (run.courierUsername() != null && run.courierUsername().equals(user.username())) {
            return true;
        }
        if (run.volunteerId() != null) {
            Volunteer volunteer = volunteers.find(run.volunteerId());
            if (volunteer != null && user.username().equals(volunteer.username())) {
                return true;
            }
        }
        return networkAccess.isStaffOf(user, site);
    }

    private static String text(String value, String field, List<UserError> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > MAX_TEXT) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, field + " is at most " + MAX_TEXT + " characters", "input", field));
        }
        return value.strip();
    }
}
