package org.zhucan.care;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.error.NotFoundException;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.common.pagination.Connection;
import org.zhucan.common.pagination.Cursor;
import org.zhucan.common.pagination.PageRequest;
import org.zhucan.common.pii.Masking;
import org.zhucan.common.pii.PersonalDataCipher;
import org.zhucan.common.sql.CallerScope;
import org.zhucan.common.sql.GeneratedKey;
import org.zhucan.network.Region;
import org.zhucan.network.RegionService;
import org.zhucan.security.CurrentUser;

/**
 * The volunteer registry (老年志愿者登记制度): street staff and ADMIN register the volunteers of their region, with
 * the phone encrypted and shown masked, and optionally the login account a volunteer confirms deliveries with.
 */
@Service
public class VolunteerService {

    private static final Pattern PHONE = Pattern.compile("1[3-9][0-9]{9}");

    private final CareMapper mapper;
    private final CareAccess access;
    private final RegionService regionService;
    private final PersonalDataCipher cipher;
    private final AuditService audit;
    private final Clock clock;

    VolunteerService(CareMapper mapper, CareAccess access, RegionService regionService, PersonalDataCipher cipher, AuditService audit, Clock clock) {
        this.mapper = mapper;
        this.access = access;
        this.regionService = regionService;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public VolunteerPayload register(RegisterVolunteerInput input) {
        CurrentUser user = CurrentUser.get();
        CallerScope scope = access.staffScope(user);
        Region region = regionService.require(input.regionId());
        if (!CareAccess.covers(scope, -1, region.path())) {
            throw new NotFoundException("Region", input.regionId());
        }
        if (input.name() == null || input.name().isBlank() || input.name().strip().length() > 64) {
            return failed(UserError.of(UserErrorCode.INVALID_INPUT, "A volunteer's name is 1 to 64 characters", "input", "name"));
        }
        String phone = input.phone() == null ? "" : input.phone().strip();
        if (!PHONE.matcher(phone).matches()) {
            return failed(UserError.of(UserErrorCode.INVALID_INPUT, "A mobile number is 11 digits starting with 1", "input", "phone"));
        }
        String username = input.username() == null || input.username().isBlank() ? null : input.username().strip();
        GeneratedKey key = new GeneratedKey();
        try {
            mapper.insertVolunteer(new CareMapper.NewVolunteer(input.name().strip(), cipher.encrypt(phone), Masking.phone(phone), region.id(),
                    username, user.username(), clock.instant().truncatedTo(ChronoUnit.MICROS)), key);
        } catch (DuplicateKeyException taken) {
            return failed(UserError.of(UserErrorCode.DUPLICATE_USERNAME, "Another volunteer has this account", "input", "username"));
        }
        audit.record("care.volunteer.register", "Volunteer", key.value(), null, Map.of("name", input.name().strip(), "phone", Masking.phone(phone),
                "regionId", region.id()));
        return new VolunteerPayload(mapper.findVolunteer(key.value()), List.of());
    }

    /** volunteers: those registered in the caller's region, by id. */
    @Transactional(readOnly = true)
    public Connection<Volunteer> list(PageRequest page) {
        CallerScope scope = access.staffScope(CurrentUser.get());
        Long afterId = page.hasAfter() ? Cursor.decodeId(page.after()) : null;
        return Connection.of(mapper.findVolunteers(scope, afterId, page.fetchSize()), page, v -> Cursor.encode(v.id()), mapper.countVolunteers(scope));
    }

    /** A volunteer, for the delivery feature assigning a courier: null when unknown. */
    @Transactional(readOnly = true)
    public Volunteer find(long id) {
        return mapper.findVolunteer(id);
    }

    /** Volunteers by id, for runs that name them; one statement. */
    @Transactional(readOnly = true)
    public Map<Long, Volunteer> byIds(Collection<Long> ids) {
        Map<Long, Volunteer> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            mapper.findVolunteersByIds(ids).forEach(v -> byId.put(v.id(), v));
        }
        return byId;
    }

    /** Minutes of visits per volunteer; one statement. */
    @Transactional(readOnly = true)
    public Map<Long, Long> visitMinutesOf(Collection<Long> volunteerIds) {
        Map<Long, Long> minutes = new HashMap<>();
        volunteerIds.forEach(id -> minutes.put(id, 0L));
        if (!volunteerIds.isEmpty()) {
            mapper.visitMinutesOf(volunteerIds).forEach(row -> minutes.put(row.volunteerId(), row.minutes()));
        }
        return minutes;
    }

    private static VolunteerPayload failed(UserError error) {
        return new VolunteerPayload(null, List.of(error));
    }
}
