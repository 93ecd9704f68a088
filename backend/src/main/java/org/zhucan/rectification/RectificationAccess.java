package org.zhucan.rectification;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.zhucan.common.error.NotFoundException;
import org.zhucan.common.sql.CallerScope;
import org.zhucan.network.NetworkAccess;
import org.zhucan.security.CurrentUser;
import org.zhucan.security.Role;

/**
 * Who sees and who moves a case. Reading: the operator's own staff, the region's finance staff,
 * inspectors and street staff (street staff the cases of their streets' sites), administrators of a
 * region holding it. Moving it: administrators (民政) of a region holding its district only. The
 * operator's staff add their report and nothing else. A case the caller cannot see is NOT_FOUND,
 * so another operator learns nothing of it.
 */
@Component
class RectificationAccess {

    static final String READ_REFUSAL = "rectification cases are for the district's civil-affairs and finance staff, inspectors, "
            + "street staff and the operator concerned";

    private final NetworkAccess networkAccess;
    private final RectificationMapper mapper;

    RectificationAccess(NetworkAccess networkAccess, RectificationMapper mapper) {
        this.networkAccess = networkAccess;
        this.mapper = mapper;
    }

    CallerScope readScope() {
        return networkAccess.oversightScope(CurrentUser.get(), READ_REFUSAL);
    }

    /** The case if the caller may read it; NOT_FOUND otherwise (FORBIDDEN for a role that reads no case). */
    RectificationCase visible(Long caseId, boolean lock) {
        CallerScope scope = readScope();
        if (caseId == null || !mapper.inScope(caseId, scope)) {
            throw new NotFoundException("RectificationCase", caseId);
        }
        return lock ? mapper.lockCase(caseId) : mapper.findCase(caseId);
    }

    /** ADMIN of a region that holds the case's district (a national ADMIN any), or refused. */
    void requireActs(RectificationCase rectificationCase) {
        networkAccess.requireAdministers(CurrentUser.get(), rectificationCase.districtId(),
                "a case is moved on by the civil-affairs administrators of its district or city");
    }

    /** Staff of the case's own operator, or refused: the report is the operator's word. */
    void requireReports(RectificationCase rectificationCase) {
        CurrentUser user = CurrentUser.get();
        if (!user.roles().contains(Role.OPERATOR) || !user.actsForOperator(rectificationCase.operatorId())) {
            throw new AccessDeniedException("the rectification report is submitted by the operator's own staff");
        }
    }

    void requireAdministersDistrict(long districtId) {
        networkAccess.requireAdministers(CurrentUser.get(), districtId, "cases of a district are opened by its administrators");
    }
}
