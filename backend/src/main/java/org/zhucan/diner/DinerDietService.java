package org.zhucan.diner;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.diet.Allergen;
import org.zhucan.common.diet.DietNeed;
import org.zhucan.common.error.NotFoundException;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.network.RegionService;
import org.zhucan.security.CurrentUser;
import org.zhucan.security.Role;

/**
 * A diner's allergies and diet needs (过敏与膳食需求): health data, so written by those who look
 * after the diner (ADMIN of the diner's region, street staff of the diner's subdistrict or town, a
 * family account for its own diners) and read only by those who must act on it (see {@link #mayRead}).
 * Every change is audited with the lists before and after.
 */
@Service
public class DinerDietService {

    private final DinerMapper diners;
    private final DinerAccess access;
    private final DinerWriteService writes;
    private final RegionService regionService;
    private final AuditService audit;
    private final Clock clock;

    DinerDietService(DinerMapper diners, DinerAccess access, DinerWriteService writes, RegionService regionService, AuditService audit,
                     Clock clock) {
        this.diners = diners;
        this.access = access;
        this.writes = writes;
        this.regionService = regionService;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'STREET_STAFF', 'DINER')")
    public DinerResult setDiet(SetDinerDietInput input) {
        if (input.allergies() == null || input.dietNeeds() == null) {
            return DinerResult.failed(UserError.of(UserErrorCode.INVALID_INPUT, "Give both lists; an empty list clears one", "input"));
        }
        Diner before = requireWritable(input.dinerId());
        String allergies = Allergen.codes(input.allergies());
        String needs = DietNeed.codes(input.dietNeeds());
        if (diners.updateDiet(before.id(), before.version(), allergies, needs, clock.instant()) == 0) {
            return DinerResult.failed(List.of(UserError.of(UserErrorCode.CONCURRENT_CHANGE,
                    "The diner was changed meanwhile; read it again and retry")));
        }
        Diner after = diners.findById(before.id(), org.zhucan.common.sql.CallerScope.ALL);
        audit.record("DINER_DIET_SET", "Diner", before.id(), diet(before), diet(after));
        return new DinerResult(after, List.of());
    }

    /**
     * Whether the caller may read a diner's allergies and diet needs, once the diner itself is
     * readable: everyone who books, cooks or serves for the diner, or looks after them; not FINANCE
     * or INSPECTOR staff, whose work never needs a person's health data.
     */
    public static boolean mayRead(CurrentUser user) {
        return user.roles().stream().anyMatch(role -> role == Role.ADMIN || role == Role.STREET_STAFF || role == Role.HOTLINE
                || role == Role.DINER || role == Role.OPERATOR);
    }

    private Diner requireWritable(long dinerId) {
        CurrentUser user = CurrentUser.get();
        if (user.roles().contains(Role.ADMIN)) {
            return writes.require(dinerId);
        }
        Diner diner = diners.findById(dinerId, access.readScope(user));
        if (diner == null) {
            throw new NotFoundException("Diner", dinerId);
        }
        if (user.roles().contains(Role.DINER)) {
            return diner;
        }
        if (user.roles().contains(Role.STREET_STAFF)) {
            access.requireMayRegisterIn(user, regionService.require(diner.homeCommunityId()));
            return diner;
        }
        throw new AccessDeniedException("allergies and diet needs are set by administrators, street staff and the diner's family");
    }

    private static Map<String, Object> diet(Diner diner) {
        Map<String, Object> diet = new LinkedHashMap<>();
        diet.put("allergies", Allergen.codes(diner.allergies()));
        diet.put("dietNeeds", DietNeed.codes(diner.dietNeeds()));
        return diet;
    }
}
