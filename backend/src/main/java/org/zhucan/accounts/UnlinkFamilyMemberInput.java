package org.zhucan.accounts;

/** unlinkFamilyMember's input: accountId null means the caller's own account. */
public record UnlinkFamilyMemberInput(Long accountId, Long dinerId) {
}
