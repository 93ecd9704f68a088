package org.zhucan.network;

import java.util.List;

import org.zhucan.common.error.UserError;

/** What a change to a site answers: the site, or the user errors that stopped it. */
public record SiteResult(Site site, List<UserError> userErrors) {
    static SiteResult failed(List<UserError> errors) {
        return new SiteResult(null, List.copyOf(errors));
    }
}
