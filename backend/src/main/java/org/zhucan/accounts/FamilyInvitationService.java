package org.zhucan.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.zhucan.accounts.AccountsMapper.Invitation;
import org.zhucan.common.Sha256;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.error.NotFoundException;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.common.pii.Pseudonyms;
import org.zhucan.common.sql.GeneratedKey;
import org.zhucan.diner.DinerService;
import org.zhucan.security.AccountService;
import org.zhucan.security.CurrentUser;
import org.zhucan.security.Role;
import org.zhucan.security.SecretGuesses;

/**
 * Family invitations (家属邀请): staff who can see a diner issue a one-time code, valid for
 * {@code zhucan.accounts.invitation-ttl} (7 days), stored as its SHA-256 only; a family member
 * redeems it once, without logging in, to create a DINER account linked to the diner, or logged in
 * as a DINER account to link that account. A link ends by the family account itself or by staff.
 * Every step is audited under the diner, never with the code or a password.
 */
@Service
public class FamilyInvitationService {

    private static final String ENTITY_TYPE = "Diner";
    /** Invitation-code guesses are counted apart from each address's logins by this prefix (and with them by address). */
    private static final String GUESS_PURPOSE = "family-invitation";

    private final AccountsMapper accounts;
    private final AccountAdminService admin;
    private final AccountService accountService;
    private final DinerService dinerService;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy policy;
    private final AccountsProperties properties;
    private final AuditService audit;
    private final Pseudonyms pseudonyms;
    private final Clock clock;
    private final SecretGuesses guesses;

    FamilyInvitationService(AccountsMapper accounts, AccountAdminService admin, AccountService accountService, DinerService dinerService,
                            PasswordEncoder passwordEncoder, PasswordPolicy policy, AccountsProperties properties, AuditService audit,
                            Pseudonyms pseudonyms, Clock clock, SecretGuesses guesses) {
        this.accounts = accounts;
        this.admin = admin;
        this.accountService = accountService;
        this.dinerService = dinerService;
        this.passwordEncoder = passwordEncoder;
        this.policy = policy;
        this.properties = properties;
        this.audit = audit;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
        this.guesses = guesses;
    }

    /** ADMIN, or OPERATOR staff for a diner they can see (NOT_FOUND otherwise). */
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    @Transactional
    public InvitationResult issue(IssueFamilyInvitationInput input) {
        long dinerId = visibleDiner(input.dinerId());
        Optional<UserError> relation = relationError(input.relation());
        if (relation.isPresent()) {
            return new InvitationResult(null, null, List.of(relation.get()));
        }
        String code = OneTimeCodes.invitation();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.invitationTtl());
        GeneratedKey key = new GeneratedKey();
        accounts.insertInvitation(key, dinerId, Sha256.hex(code), input.relation().strip(), CurrentUser.get().username(), now, expiresAt);
        audit.record("FAMILY_INVITATION_ISSUED", ENTITY_TYPE, dinerId, null,
                Map.of("invitationId", key.value(), "relation", input.relation().strip(), "expiresAt", expiresAt.toString()));
        return new InvitationResult(code, expiresAt, List.of());
    }

    /**
     * Anyone with a good code: a new DINER account linked to the invitation's diner. Guesses are
     * throttled per client address as logins are ({@link SecretGuesses}).
     */
    @Transactional
    public FamilyLinkResult redeem(RedeemFamilyInvitationInput input, String clientAddress) {
        Optional<Invitation> invitation = guessed(input.code(), clientAddress);
        if (invitation == null) {
            return failed(tooManyGuesses());
        }
        if (invitation.isEmpty()) {
            return failed(invalidInvitation());
        }
        String username = input.username() == null ? "" : input.username().strip();
        if (!AccountAdminService.USERNAME.matcher(username).matches()) {
            return failed(UserError.of(UserErrorCode.INVALID_INPUT, "A username is 3–64 letters, digits, '.', '_', '-' or '@'", "input", "username"));
        }
        Optional<UserError> invalid = AccountAdminService.displayNameError(input.displayName())
                .or(() -> policy.check(input.password(), username, "input", "password"));
        if (invalid.isPresent()) {
            return failed(invalid.get());
        }
        if (accounts.existsByUsername(username)) {
            return failed(duplicateUsername());
        }
        long userId;
        try {
            userId = admin.insert(username, passwordEncoder.encode(input.password()), input.displayName().strip(), EnumSet.of(Role.DINER),
                    null, null, false);
        } catch (DuplicateKeyException raced) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return failed(duplicateUsername());
        }
        return link(invitation.get(), userId, username, "FAMILY_INVITATION_REDEEMED");
    }

    /** A DINER account links itself with a good code. */
    @PreAuthorize("hasRole('DINER')")
    @Transactional
    public FamilyLinkResult accept(AcceptFamilyInvitationInput input, String clientAddress) {
        Optional<Invitation> invitation = guessed(input.code(), clientAddress);
        if (invitation == null) {
            return failed(tooManyGuesses());
        }
        if (invitation.isEmpty()) {
            return failed(invalidInvitation());
        }
        String username = CurrentUser.get().username();
        Long userId = accounts.findIdByUsername(username);
        if (userId == null) {
            throw new AccessDeniedException("no account");
        }
        return link(invitation.get(), userId, username, "FAMILY_INVITATION_ACCEPTED");
    }

    /** The family account itself (accountId omitted or its own), ADMIN, or OPERATOR staff for a diner they can see. */
    @Transactional
    public FamilyLinkResult unlink(UnlinkFamilyMemberInput input) {
        CurrentUser user = CurrentUser.get();
        Long own = user.roles().contains(Role.DINER) ? accounts.findIdByUsername(user.username()) : null;
        long userId;
        if (input.accountId() == null || input.accountId().equals(own)) {
            if (own == null) {
                throw new AccessDeniedException("only a family account unlinks itself");
            }
            userId = own;
        } else {
            if (!user.roles().contains(Role.ADMIN) && !user.roles().contains(Role.OPERATOR)) {
                throw new AccessDeniedException("only staff unlink other accounts");
            }
            visibleDiner(input.dinerId());
            userId = admin.require(input.accountId()).id();
        }
        ManagedAccount account = admin.require(userId);
        long dinerId = input.dinerId() == null ? -1 : input.dinerId();
        if (!accountService.unlinkFromDiner(userId, dinerId)) {
            return failed(UserError.of(UserErrorCode.INVALID_FAMILY_ACCOUNT, "The account does not act for this diner", "input", "dinerId"));
        }
        audit.record("FAMILY_UNLINKED", ENTITY_TYPE, dinerId, Map.of("username", pseudonyms.unlessPersonal(account.username())), null);
        return new FamilyLinkResult(dinerId, account.username(), List.of());
    }

    private FamilyLinkResult link(Invitation invitation, long userId, String username, String action) {
        accountService.linkToDiner(userId, invitation.dinerId(), invitation.relation());
        accounts.markRedeemed(invitation.id(), userId, clock.instant());
        String name = pseudonyms.unlessPersonal(username);
        audit.record(name, action, ENTITY_TYPE, invitation.dinerId(), null,
                Map.of("invitationId", invitation.id(), "username", name, "relation", invitation.relation()));
        return new FamilyLinkResult(invitation.dinerId(), username, List.of());
    }

    /** The invitation of this code, locked, when it is neither used nor expired. */
    /**
     * The usable invitation of a code, counted as a guess from the address first: null when the
     * address must still wait (the code unchecked); a right code takes its guess back.
     */
    private Optional<Invitation> guessed(String code, String clientAddress) {
        SecretGuesses.Guess guess = guesses.begin(GUESS_PURPOSE, clientAddress);
        if (!guess.allowed()) {
            return null;
        }
        Optional<Invitation> invitation = usable(code);
        if (invitation.isPresent()) {
            guess.succeeded();
        }
        return invitation;
    }

    private static UserError tooManyGuesses() {
        return UserError.of(UserErrorCode.TOO_MANY_ATTEMPTS, "Too many wrong invitation codes from this address; try again later", "input", "code");
    }

    private Optional<Invitation> usable(String code) {
        String normalized = OneTimeCodes.normalize(code);
        if (normalized.isEmpty() || normalized.length() > 64) {
            return Optional.empty();
        }
        Invitation invitation = accounts.lockInvitation(Sha256.hex(normalized));
        if (invitation == null || invitation.redeemedAt() != null || !clock.instant().isBefore(invitation.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(invitation);
    }

    /** The diner's id when the caller can see it; NOT_FOUND otherwise, as for an unknown id. */
    private long visibleDiner(Long dinerId) {
        if (dinerId == null || dinerService.find(dinerId) == null) {
            throw new NotFoundException("Diner", dinerId);
        }
        return dinerId;
    }

    private static Optional<UserError> relationError(String relation) {
        if (relation == null || relation.isBlank() || relation.strip().length() > 32) {
            return Optional.of(UserError.of(UserErrorCode.INVALID_INPUT, "Say how the family member is related, 1–32 characters, e.g. 子女",
                    "input", "relation"));
        }
        return Optional.empty();
    }

    private static UserError invalidInvitation() {
        return UserError.of(UserErrorCode.INVALID_INVITATION, "The invitation code is unknown, already used or expired; ask staff for a new one",
                "input", "code");
    }

    private static UserError duplicateUsername() {
        return UserError.of(UserErrorCode.DUPLICATE_USERNAME, "Another account already has this username", "input", "username");
    }

    private static FamilyLinkResult failed(UserError error) {
        return new FamilyLinkResult(null, null, List.of(error));
    }
}
