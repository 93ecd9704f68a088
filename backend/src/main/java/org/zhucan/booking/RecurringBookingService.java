package org.zhucan.booking;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.constraints.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.batch.Batches;
import org.zhucan.common.error.NotFoundException;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.common.idempotency.IdempotencyKeys;
import org.zhucan.common.pii.Masking;
import org.zhucan.common.pii.PersonalDataCipher;
import org.zhucan.common.sql.CallerScope;
import org.zhucan.common.sql.GeneratedKey;
import org.zhucan.common.sql.RetryOnTransientFailure;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.diner.DinerService;
import org.zhucan.network.Fulfilment;
import org.zhucan.network.MealSlot;
import org.zhucan.network.Site;
import org.zhucan.network.SiteService;
import org.zhucan.security.CurrentUser;
import org.zhucan.security.Role;
import org.zhucan.security.SystemActor;

/**
 * Recurring bookings (长期订餐) and the job that turns them into bookings as their dates enter the
 * booking window. The job may run on several instances at once: each date is booked in a
 * transaction that first locks that date's row, and a date booked once is never booked again.
 */
@Service
public class RecurringBookingService {

    private static final Logger log = LoggerFactory.getLogger(RecurringBookingService.class);

    private final RecurringBookingMapper mapper;
    private final BookingService bookingService;
    private final BookingAccess access;
    private final SiteService siteService;
    private final DinerService dinerService;
    private final IdempotencyKeys idempotencyKeys;
    /** A recurring-booking mutation's results, for its idempotency key: the recurring booking, or the user errors. */
    private final IdempotencyKeys.Outcomes<Result> outcomes;
    private final PersonalDataCipher cipher;
    private final AuditService audit;
    private final BookingProperties properties;
    private final Clock clock;

    RecurringBookingService(RecurringBookingMapper mapper, BookingService bookingService, BookingAccess access, SiteService siteService, DinerService dinerService,
                            IdempotencyKeys idempotencyKeys, PersonalDataCipher cipher, AuditService audit, BookingProperties properties,
                            Clock clock) {
        this.mapper = mapper;
        this.bookingService = bookingService;
        this.access = access;
        this.siteService = siteService;
        this.dinerService = dinerService;
        this.idempotencyKeys = idempotencyKeys;
        this.cipher = cipher;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.outcomes = new IdempotencyKeys.Outcomes<>(Result::failed, id -> new Result(toRecurring(mapper.findById(id)), List.of()),
                result -> result.recurringBooking() == null ? null : result.recurringBooking().id());
    }

    @Transactional
    public Result create(CreateRecurringBookingInput input) {
        CurrentUser user = CurrentUser.get();
        Site site = siteService.require(input.siteId());
        access.requireMayBookAt(user, site);
        dinerService.quoteFacts(input.dinerId(), input.startsOn() == null ? BusinessTime.today(clock) : input.startsOn());
        return idempotencyKeys.once(user.username(), input.idempotencyKey(), "createRecurringBooking", input.withoutKey(), outcomes,
                () -> create(input, site, user));
    }

    private Result create(CreateRecurringBookingInput input, Site site, CurrentUser user) {
        List<UserError> problems = new ArrayList<>();
        LocalDate today = BusinessTime.today(clock);
        if (input.endsOn().isBefore(input.startsOn())) {
            problems.add(UserError.of(UserErrorCode.INVALID_DATE_RANGE, "endsOn is before startsOn", "input", "endsOn"));
        } else if (input.endsOn().isAfter(input.startsOn().plusYears(1))) {
            problems.add(UserError.of(UserErrorCode.INVALID_DATE_RANGE, "A recurring booking lasts at most a year", "input", "endsOn"));
        }
        if (input.startsOn().isBefore(today)) {
            problems.add(UserError.of(UserErrorCode.OUTSIDE_BOOKING_WINDOW, "startsOn is in the past", "input", "startsOn"));
        }
        if (input.weekdays() == null || input.weekdays().isEmpty()) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "Choose at least one weekday", "input", "weekdays"));
        }
        if (siteService.slotOf(site, input.slot()) == null) {
            problems.add(UserError.of(UserErrorCode.SLOT_NOT_SERVED, site.name() + " does not serve " + input.slot(), "input", "slot"));
        }
        if (siteService.fulfilmentOf(site, input.fulfilment()) == null) {
            problems.add(UserError.of(UserErrorCode.FULFILMENT_NOT_OFFERED, site.name() + " does not offer " + input.fulfilment(),
                    "input", "fulfilment"));
        }
        String address = input.deliveryAddress() == null ? "" : input.deliveryAddress().strip();
        if ((input.fulfilment() == Fulfilment.DELIVERY) == address.isEmpty()) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "A delivery needs an address, and only a delivery takes one",
                    "input", "deliveryAddress"));
        }
        if (!problems.isEmpty()) {
            return Result.failed(problems);
        }
        GeneratedKey key = new GeneratedKey();
        String weekdays = EnumSet.copyOf(input.weekdays()).stream().map(Enum::name).collect(Collectors.joining(","));
        String setMeal = input.setMealName() == null || input.setMealName().isBlank() ? null : input.setMealName().strip();
        mapper.insert(key, input.dinerId(), site.id(), input.slot(), input.fulfilment(), weekdays, input.startsOn(), input.endsOn(), setMeal,
                address.isEmpty() ? null : cipher.encrypt(address), address.isEmpty() ? null : Masking.address(address), user.username(),
                clock.instant());
        RecurringBooking created = toRecurring(mapper.findById(key.value()));
        audit.record("RECURRING_BOOKING_CREATED", "RecurringBooking", created.id(), null, Map.of("dinerId", created.dinerId(),
                "siteId", created.siteId(), "slot", created.slot(), "fulfilment", created.fulfilment(), "weekdays", weekdays,
                "startsOn", created.startsOn(), "endsOn", created.endsOn()));
        return new Result(created, List.of());
    }

    /** Adds a pause and cancels what the recurring booking had booked in it, where the cutoff has not passed. */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    @RetryOnTransientFailure
    public Result pause(PauseRecurringBookingInput input) {
        CurrentUser user = CurrentUser.get();
        RecurringBooking recurring = requireVisible(input.recurringBookingId());
        return idempotencyKeys.once(user.username(), input.idempotencyKey(), "pauseRecurringBooking", input.withoutKey(), outcomes,
                () -> pause(input, recurring, user));
    }

    private Result pause(PauseRecurringBookingInput input, RecurringBooking recurring, CurrentUser user) {
        if (input.to().isBefore(input.from())) {
            return Result.failed(UserError.of(UserErrorCode.INVALID_DATE_RANGE, "to is before from", "input", "to"));
        }
        String reason = input.reason() == null || input.reason().isBlank() ? null : input.reason().strip();
        mapper.insertPause(recurring.id(), input.from(), input.to(), reason, user.username(), clock.instant());
        int cancelled = bookingService.cancelRecurringBetween(recurring.id(), input.from(), input.to(), reason == null ? "暂停长期订餐" : reason);
        audit.record("RECURRING_BOOKING_PAUSED", "RecurringBooking", recurring.id(), null,
                Map.of("from", input.from(), "to", input.to(), "cancelledBookings", cancelled));
        return new Result(recurring, List.of());
    }

    /** recurringBookings: ADMIN all of the diner's; the diner's own accounts all; OPERATOR staff those at their operator's sites. */
    @Transactional(readOnly = true)
    public List<RecurringBooking> ofDiner(long dinerId) {
        Long operatorId = requireMayManage(CurrentUser.get(), dinerId);
        return mapper.findOfDiner(dinerId, operatorId == null ? CallerScope.ALL : CallerScope.ofOperator(operatorId)).stream().map(this::toRecurring).toList();
    }

    @Transactional(readOnly = true)
    public Map<Long, List<RecurringBooking.Pause>> pausesOf(Collection<Long> ids) {
        return Batches.group(ids, ids.isEmpty() ? List.of() : mapper.findPausesOf(ids), RecurringBooking.Pause::recurringBookingId);
    }

    @Transactional(readOnly = true)
    public Map<Long, List<RecurringBooking.SkippedDay>> skippedDaysOf(Collection<Long> ids) {
        return Batches.group(ids, ids.isEmpty() ? List.of() : mapper.findSkippedDaysOf(ids), RecurringBooking.SkippedDay::recurringBookingId);
    }

    /**
     * The job: books every open date of every running recurring booking (from today to the end of
     * the window, outside pauses, not booked before). Returns how many bookings it made.
     */
    public int materialise() {
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()) {
            // each date must commit or roll back on its own; inside a caller's transaction one
            // failed date would doom everything the caller did
            throw new IllegalStateException("materialise runs its own transaction per date; call it outside a transaction");
        }
        return SystemActor.runAs(BookingService.RECURRING_ACTOR, () -> {
            LocalDate today = BusinessTime.today(clock);
            List<RecurringBooking> running = mapper.findRunningOn(today).stream().map(this::toRecurring).toList();
            if (running.isEmpty()) {
                return 0;
            }
            List<Long> ids = running.stream().map(RecurringBooking::id).toList();
            Map<Long, List<RecurringBooking.Pause>> pauses = pausesOf(ids);
            Set<String> booked = new HashSet<>();
            mapper.findBookedDays(ids, today).forEach(day -> booked.add(day.recurringBookingId() + "@" + day.date()));
            int made = 0;
            for (RecurringBooking recurring : running) {
                for (LocalDate date = today; !date.isAfter(today.plusDays(properties.windowDays())); date = date.plusDays(1)) {
                    LocalDate day = date;
                    if (!recurring.covers(day) || booked.contains(recurring.id() + "@" + day)
                            || pauses.get(recurring.id()).stream().anyMatch(pause -> pause.covers(day))) {
                        continue;
                    }
                    made += materialiseDay(recurring, day);
                }
            }
            return made;
        });
    }

    private int materialiseDay(RecurringBooking recurring, LocalDate date) {
        try {
            BookingResult result = bookingService.bookRecurringDay(recurring, date);
            if (result.booking() != null) {
                return 1;
            }
            if (!result.userErrors().isEmpty()) {
                UserError first = result.userErrors().get(0);
                mapper.recordSkip(recurring.id(), date, first.code().name(), first.message(), clock.instant());
            }
        } catch (RuntimeException e) {
            // one diner's failure must not stop the others' bookings; the next run retries the date
            log.warn("recurring booking {} could not book {}: {}", recurring.id(), date, e.toString());
        }
        return 0;
    }

    private RecurringBooking requireVisible(long id) {
        RecurringBookingMapper.Row row = mapper.findById(id);
        if (row == null) {
            throw new NotFoundException("RecurringBooking", id);
        }
        Long operatorId = requireMayManage(CurrentUser.get(), row.dinerId());
        if (operatorId != null && siteService.require(row.siteId()).operatorId() != operatorId) {
            // another operator's recurring booking is one its staff cannot see at all
            throw new NotFoundException("RecurringBooking", id);
        }
        return toRecurring(row);
    }

    /**
     * Who may see and pause a diner's recurring bookings: ADMIN; the diner's own accounts (the
     * diner's scope decides, NOT_FOUND for another family's diner); OPERATOR staff, for those at
     * their operator's sites only, the operator returned to narrow to. Pausing cancels booked
     * meals, so FINANCE and INSPECTOR staff, who neither book nor serve, may not.
     */
    private Long requireMayManage(CurrentUser user, long dinerId) {
        boolean operatorStaff = user.roles().contains(Role.OPERATOR) && user.operatorId() != null;
        if (!user.roles().contains(Role.ADMIN) && !user.roles().contains(Role.DINER) && !operatorStaff) {
            throw new AccessDeniedException("recurring bookings are for the diner's accounts, the site's staff and administrators");
        }
        dinerService.quoteFacts(dinerId, BusinessTime.today(clock));
        return user.roles().contains(Role.ADMIN) || user.roles().contains(Role.DINER) ? null : user.operatorId();
    }

    private RecurringBooking toRecurring(RecurringBookingMapper.Row row) {
        Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
        Arrays.stream(row.weekdays().split(",")).filter(day -> !day.isEmpty()).forEach(day -> weekdays.add(DayOfWeek.valueOf(day)));
        return new RecurringBooking(row.id(), row.dinerId(), row.siteId(), row.slot(), row.fulfilment(), Set.copyOf(weekdays), row.startsOn(),
                row.endsOn(), row.setMealName(), row.deliveryAddressEncrypted(), row.deliveryAddressMasked(), row.createdBy());
    }

    public record CreateRecurringBookingInput(String idempotencyKey, long dinerId, long siteId, MealSlot slot, Fulfilment fulfilment,
                                              @Size(max = 200) String deliveryAddress, List<DayOfWeek> weekdays, LocalDate startsOn,
                                              LocalDate endsOn, @Size(max = 64) String setMealName) {

        CreateRecurringBookingInput withoutKey() {
            return new CreateRecurringBookingInput(null, dinerId, siteId, slot, fulfilment, deliveryAddress, weekdays, startsOn, endsOn,
                    setMealName);
        }

        @Override
        public String toString() {
            return "CreateRecurringBookingInput[diner=" + dinerId + ", site=" + siteId + ", " + slot + " " + fulfilment + " " + weekdays + "]";
        }
    }

    public record PauseRecurringBookingInput(String idempotencyKey, long recurringBookingId, LocalDate from, LocalDate to,
                                             @Size(max = 255) String reason) {

        PauseRecurringBookingInput withoutKey() {
            return new PauseRecurringBookingInput(null, recurringBookingId, from, to, reason);
        }
    }

    public record Result(RecurringBooking recurringBooking, List<UserError> userErrors) {

        static Result failed(UserError error) {
            return new Result(null, List.of(error));
        }

        static Result failed(List<UserError> errors) {
            return new Result(null, List.copyOf(errors));
        }
    }
}
