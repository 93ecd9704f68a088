package org.zhucan.accounts;

import java.time.Instant;
import java.util.List;

import org.zhucan.common.error.UserError;

/** The payload of issueFamilyInvitation: the code is shown here once. */
public record InvitationResult(String code, Instant expiresAt, List<UserError> userErrors) {
}
