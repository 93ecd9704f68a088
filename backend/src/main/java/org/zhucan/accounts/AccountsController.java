package org.zhucan.accounts;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.zhucan.common.pagination.Connection;
import org.zhucan.common.pagination.PageRequest;
import org.zhucan.security.ClientAddresses;

/** Accounts, passwords and family invitations. */
@Controller
class AccountsController {

    private final AccountAdminService admin;
    private final OwnPasswordService ownPassword;
    private final FamilyInvitationService invitations;

    AccountsController(AccountAdminService admin, OwnPasswordService ownPassword, FamilyInvitationService invitations) {
        this.admin = admin;
        this.ownPassword = ownPassword;
        this.invitations = invitations;
    }

    @QueryMapping
    Connection<ManagedAccount> accounts(@Argument AccountFilter filter, @Argument Integer first, @Argument String after) {
        return admin.list(filter, PageRequest.of(first, after));
    }

    @MutationMapping
    OneTimePasswordResult createAccount(@Argument CreateAccountInput input) {
        return admin.create(input);
    }

    @MutationMapping
    AccountResult updateAccount(@Argument UpdateAccountInput input) {
        return admin.update(input);
    }

    @MutationMapping
    AccountResult disableAccount(@Argument DisableAccountInput input) {
        return admin.disable(input.accountId());
    }

    @MutationMapping
    AccountResult enableAccount(@Argument EnableAccountInput input) {
        return admin.enable(input.accountId());
    }

    @MutationMapping
    OneTimePasswordResult resetPassword(@Argument ResetPasswordInput input) {
        return admin.resetPassword(input.accountId());
    }

    @MutationMapping
    ChangePasswordResult changePassword(@Argument ChangePasswordInput input) {
        return ownPassword.changePassword(input);
    }

    @MutationMapping
    InvitationResult issueFamilyInvitation(@Argument IssueFamilyInvitationInput input) {
        return invitations.issue(input);
    }

    @MutationMapping
    FamilyLinkResult redeemFamilyInvitation(@Argument RedeemFamilyInvitationInput input,
                                            @ContextValue(name = ClientAddresses.CONTEXT_KEY, required = false) String clientAddress) {
        return invitations.redeem(input, clientAddress == null ? ClientAddresses.UNKNOWN : clientAddress);
    }

    @MutationMapping
    FamilyLinkResult acceptFamilyInvitation(@Argument AcceptFamilyInvitationInput input,
                                            @ContextValue(name = ClientAddresses.CONTEXT_KEY, required = false) String clientAddress) {
        return invitations.accept(input, clientAddress == null ? ClientAddresses.UNKNOWN : clientAddress);
    }

    @MutationMapping
    FamilyLinkResult unlinkFamilyMember(@Argument UnlinkFamilyMemberInput input) {
        return invitations.unlink(input);
    }
}
