package org.zhucan.accounts;

import java.util.List;

import org.zhucan.common.error.UserError;

/** The payload of the family-link mutations. */
public record FamilyLinkResult(Long dinerId, String username, List<UserError> userErrors) {
}
