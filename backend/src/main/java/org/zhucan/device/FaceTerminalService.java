package org.zhucan.device;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.error.NotFoundException;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.common.pii.PersonalDataCipher;
import org.zhucan.common.sql.GeneratedKey;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.network.Site;
import org.zhucan.network.SiteService;
import org.zhucan.network.SiteStatus;
import org.zhucan.security.CurrentUser;

/**
 * Face terminals: ADMIN registers them to sites, rotates their keys and disables them; serving asks
 * {@link #recognise} whether a FACE token is genuine. A key is generated here, leaves the server in
 * clear once (in the payload that made it) and is stored sealed with {@link PersonalDataCipher}, so
 * the database alone cannot sign tokens. Audit rows name versions, never keys.
 *
 * <p>Grace rule of a rotation: key version n verifies tokens signed from its issue (less
 * {@link #CLOCK_SKEW} for a terminal's clock running behind) until the rotation to n + 1, so records
 * a terminal signed offline before the rotation still upload, for as long as an offline record may
 * (seven days), and nothing signed with the old key afterwards counts. Disabling has no grace: it is
 * for a lost or compromised terminal, whose key could forge any earlier date.
 */
@Service
public class FaceTerminalService {

    /** How far from the meal's servedAt a token may be signed: the terminal signs when it recognises the diner at the counter. */
    public static final Duration SIGNED_NEAR_SERVED = Duration.ofMinutes(10);
    /** How far a terminal's clock may run behind the server's when a new key version comes into force. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final int KEY_BYTES = 32;
    private static final int MAX_NAME = 64;
    private static final int MAX_REASON = 255;

    private final FaceTerminalMapper mapper;
    private final SiteService siteService;
    private final FaceTerminalAccess access;
    private final PersonalDataCipher cipher;
    private final AuditService audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    FaceTerminalService(FaceTerminalMapper mapper, SiteService siteService, FaceTerminalAccess access, PersonalDataCipher cipher,
                        AuditService audit, Clock clock) {
        this.mapper = mapper;
        this.siteService = siteService;
        this.access = access;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- tokens

    /**
     * Who a FACE token names, when an ACTIVE terminal registered to the meal's site signed it, with
     * a key version in force when it was signed, within {@link #SIGNED_NEAR_SERVED} of servedAt (not
     * of now: offline records upload days later). Null, with the problem added on {@code field},
     * otherwise. Whether the token was already used for another meal is the meal records' own rule. One
     * statement, in the caller's transaction or none (the counter checks a meal before the transaction that writes it).
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public FaceRecognition recognise(String token, long siteId, Instant servedAt, List<UserError> problems, String... field) {
        if (token == null || token.isBlank()) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "FACE needs the token the site's face terminal signed", field));
            return null;
        }
        FaceToken parsed = FaceToken.parse(token.strip());
        if (parsed == null) {
            return refused(problems, field, "Not a face terminal token: expected zf1.<terminalId>.<keyVersion>.<dinerId>.<signedAt>.<nonce>.<mac>");
        }
        String terminal = "Face terminal " + parsed.terminalId();
        FaceTerminalMapper.TokenKey key = mapper.findTokenKey(parsed.terminalId(), parsed.keyVersion());
        if (key == null) {
            return refused(problems, field, "No face terminal " + parsed.terminalId() + " is registered");
        }
        if (key.siteId() != siteId) {
            return refused(problems, field, terminal + " is registered to another site");
        }
        if (key.status() != FaceTerminalStatus.ACTIVE) {
            return refused(problems, field, terminal + " is disabled");
        }
        if (key.secret() == null) {
            return refused(problems, field, terminal + " has no key version " + parsed.keyVersion());
        }
        if (!parsed.signedWith(HexFormat.of().parseHex(cipher.decrypt(key.secret())))) {
            return refused(problems, field, "The token's signature does not verify with key version " + parsed.keyVersion() + " of "
                    + terminal.toLowerCase());
        }
        if (parsed.signedAt().isBefore(key.validFrom().minus(CLOCK_SKEW))
                || (key.retiredAt() != null && !parsed.signedAt().isBefore(key.retiredAt()))) {
            return refused(problems, field, "Key version " + parsed.keyVersion() + " of " + terminal.toLowerCase()
                    + " was not in force when the token was signed, at " + BusinessTime.wallClock(parsed.signedAt())
                    + (key.retiredAt() == null ? "" : "; it was rotated at " + BusinessTime.wallClock(key.retiredAt())));
        }
        if (Duration.between(parsed.signedAt(), servedAt).abs().compareTo(SIGNED_NEAR_SERVED) > 0) {
            return refused(problems, field, "The token was signed at " + BusinessTime.wallClock(parsed.signedAt()) + ", more than "
                    + SIGNED_NEAR_SERVED.toMinutes() + " minutes from the meal's servedAt " + BusinessTime.wallClock(servedAt));
        }
        return new FaceRecognition(parsed.terminalId(), parsed.keyVersion(), parsed.dinerId());
    }

    private static FaceRecognition refused(List<UserError> problems, String[] field, String message) {
        problems.add(UserError.of(UserErrorCode.INVALID_FACE_TOKEN, message, field));
        return null;
    }

    // ---------------------------------------------------------------- registry

    /** A site's terminals, newest first: for ADMIN and the site's own OPERATOR staff. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    public List<FaceTerminal> terminalsOf(long siteId) {
        access.requireMayList(CurrentUser.get(), siteService.require(siteId));
        return mapper.findBySite(siteId);
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public FaceTerminalKeyResult register(RegisterFaceTerminalInput input) {
        Site site = siteService.require(input.siteId());
        access.requireMayAdminister(CurrentUser.get(), site);
        List<UserError> problems = new ArrayList<>();
        String name = stripped(input.name(), MAX_NAME, "A name is 1 to " + MAX_NAME + " characters", problems, "name");
        String serial = stripped(input.serialNumber(), MAX_NAME, "A serial number is 1 to " + MAX_NAME + " characters", problems,
                "serialNumber");
        if (site.status() == SiteStatus.CLOSED) {
            problems.add(UserError.of(UserErrorCode.SITE_NOT_OPERATING, site.name() + " is CLOSED", "input", "siteId"));
        }
        if (!problems.isEmpty()) {
            return new FaceTerminalKeyResult(null, null, null, List.copyOf(problems));
        }
        byte[] key = newKey();
        FaceTerminal terminal = insert(site, name, serial, key);
        if (terminal == null) {
            return FaceTerminalKeyResult.failed(duplicateSerial(serial));
        }
        return new FaceTerminalKeyResult(terminal, HexFormat.of().formatHex(key), terminal.keyVersion(), List.of());
    }

    /**
     * A terminal of the demo data, with the key the README documents (demo data only, like the demo
     * passwords): registered unless an active terminal already has the serial number.
     */
    @Transactional
    void registerForDemo(long siteId, String name, String serial, byte[] key) {
        insert(siteService.require(siteId), name, serial, key);
    }

    /** The terminal with key version 1, audited; null when an active terminal already has the serial number. */
    private FaceTerminal insert(Site site, String name, String serial, byte[] key) {
        if (mapper.findActiveBySerial(serial) != null) {
            return null;
        }
        Instant now = now();
        GeneratedKey id = new GeneratedKey();
        try {
            mapper.insert(id, site.id(), name, serial, actor(), now);
        } catch (DuplicateKeyException registeredMeanwhile) {
            return null;
        }
        mapper.insertKey(sealed(id.value(), 1, key, now));
        FaceTerminal terminal = mapper.findById(id.value());
        audit.record("FACE_TERMINAL_REGISTERED", "FaceTerminal", terminal.id(), null, terminal);
        return terminal;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public FaceTerminalKeyResult rotateKey(RotateFaceTerminalKeyInput input) {
        FaceTerminal before = requireLocked(input.terminalId());
        if (before.status() != FaceTerminalStatus.ACTIVE) {
            return FaceTerminalKeyResult.failed(disabled(before));
        }
        Instant now = now();
        int version = before.keyVersion() + 1;
        byte[] key = newKey();
        if (mapper.retireKey(before.id(), before.keyVersion(), now) != 1 || mapper.advanceKeyVersion(before.id(), before.keyVersion()) != 1) {
            throw new IllegalStateException("face terminal " + before.id() + " changed while locked");
        }
        mapper.insertKey(sealed(before.id(), version, key, now));
        FaceTerminal after = mapper.findById(before.id());
        audit.record("FACE_TERMINAL_KEY_ROTATED", "FaceTerminal", before.id(),
                Map.of("keyVersion", before.keyVersion(), "keyIssuedAt", before.keyIssuedAt().toString()),
                Map.of("keyVersion", after.keyVersion(), "keyIssuedAt", after.keyIssuedAt().toString()));
        return new FaceTerminalKeyResult(after, HexFormat.of().formatHex(key), version, List.of());
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public FaceTerminalResult disable(DisableFaceTerminalInput input) {
        FaceTerminal before = requireLocked(input.terminalId());
        List<UserError> problems = new ArrayList<>();
        String reason = stripped(input.reason(), MAX_REASON, "Give a reason of 1 to " + MAX_REASON + " characters", problems, "reason");
        if (!problems.isEmpty()) {
            return FaceTerminalResult.failed(problems.get(0));
        }
        if (before.status() != FaceTerminalStatus.ACTIVE) {
            return FaceTerminalResult.failed(disabled(before));
        }
        if (mapper.disable(before.id(), actor(), now(), reason) != 1) {
            throw new IllegalStateException("face terminal " + before.id() + " changed while locked");
        }
        FaceTerminal after = mapper.findById(before.id());
        audit.record("FACE_TERMINAL_DISABLED", "FaceTerminal", before.id(), before, after);
        return new FaceTerminalResult(after, List.of());
    }

    private byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return key;
    }

    /** A key version to store: the key sealed, so that only the application (with ZHUCAN_PII_KEY) can sign with it. */
    private FaceTerminalKey sealed(long terminalId, int version, byte[] key, Instant now) {
        return new FaceTerminalKey(terminalId, version, cipher.encrypt(HexFormat.of().formatHex(key)), actor(), now, null);
    }

    private FaceTerminal requireLocked(Long id) {
        FaceTerminal terminal = id == null ? null : mapper.findByIdForUpdate(id);
        if (terminal == null) {
            throw new NotFoundException("FaceTerminal", id);
        }
        access.requireMayAdminister(CurrentUser.get(), siteService.require(terminal.siteId()));
        return terminal;
    }

    /** The text stripped, or null with a problem on {@code input.<field>} when it is blank or longer than max. */
    private static String stripped(String text, int max, String message, List<UserError> problems, String field) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty() || value.length() > max) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, message, "input", field));
            return null;
        }
        return value;
    }

    private static UserError duplicateSerial(String serial) {
        return UserError.of(UserErrorCode.DUPLICATE_SERIAL_NUMBER, "An active face terminal already has serial number " + serial
                + "; disable it first, or rotate its key if the key was lost", "input", "serialNumber");
    }

    private static UserError disabled(FaceTerminal terminal) {
        return UserError.of(UserErrorCode.FACE_TERMINAL_DISABLED, "Face terminal " + terminal.id() + " was disabled at "
                + BusinessTime.wallClock(terminal.disabledAt()), "input", "terminalId");
    }

    private Instant now() {
        // the columns keep microseconds: what is compared later is what was stored
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String actor() {
        return CurrentUser.get().username();
    }
}
