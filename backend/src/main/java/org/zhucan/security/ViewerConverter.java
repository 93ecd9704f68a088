package org.zhucan.security;

import java.util.List;
import java.util.Set;

import org.mapstruct.Mapper;

/** Turns the caller's token scope into the {@code Viewer} the schema shows. */
@Mapper
interface ViewerConverter {

    Viewer toViewer(CurrentUser user);

    /** Roles in a stable order (the enum's), so clients and tests see the same list every time. */
    default List<Role> sorted(Set<Role> roles) {
        return roles.stream().sorted().toList();
    }

    /** The logged-in account and the scope its token carries (the schema's {@code Viewer}). */
    record Viewer(String username, List<Role> roles, String displayName, Long operatorId, Long regionId, List<Long> dinerIds) {
    }
}
