package org.zhucan.intake;

import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.common.error.BadRequestException;
import org.zhucan.common.error.NotFoundException;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.common.pagination.Connection;
import org.zhucan.common.pagination.Cursor;
import org.zhucan.common.pagination.PageRequest;
import org.zhucan.common.sql.GeneratedKey;
import org.zhucan.network.Region;
import org.zhucan.network.RegionLevel;
import org.zhucan.network.RegionService;
import org.zhucan.security.CurrentUser;
import org.zhucan.security.Role;

/**
 * Imports as their callers see them: upload (then the dry run starts as a job), read, page through errors, commit
 * (as a job) and cancel. Who: ADMIN within its region (a national ADMIN anywhere) and STREET_STAFF for rosters of
 * their own subdistrict or town; status feeds are ADMIN's. An import is seen by its region's ADMIN and staff: those
 * whose region holds the uploader's.
 */
@Service
class IntakeService {

    private final IntakeMapper mapper;
    private final IntakeFiles files;
    private final IntakeJobs jobs;
    private final RegionService regions;
    private final IntakeSettings settings;
    private final Clock clock;

    IntakeService(IntakeMapper mapper, IntakeFiles files, IntakeJobs jobs, RegionService regions, IntakeSettings settings, Clock clock) {
        this.mapper = mapper;
        this.files = files;
        this.jobs = jobs;
        this.regions = regions;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'STREET_STAFF')")
    public long upload(IntakeKind kind, String fileName, FileFormat format, byte[] file) {
        CurrentUser user = CurrentUser.get();
        if (kind == IntakeKind.STATUS_FEED && !user.roles().contains(Role.ADMIN)) {
            throw new AccessDeniedException("status feeds are imported by administrators");
        }
        if (file.length == 0 || file.length > settings.maxUploadBytes()) {
            throw new BadRequestException("The file is empty or larger than " + settings.maxUploadBytes() + " bytes");
        }
        String name = fileName == null || fileName.isBlank() ? "upload." + format.name().toLowerCase(java.util.Locale.ROOT)
                : fileName.strip().substring(0, Math.min(200, fileName.strip().length()));
        GeneratedKey key = new GeneratedKey();
        mapper.insertImport(key, new IntakeMapper.NewImport(kind, name, format, scopePath(user), user.username()), actor(user), jobs.owner(),
                settings.leaseSeconds(), clock.instant());
        files.store(key.value(), file);
        jobs.submitAfterCommit(key.value());
        return key.value();
    }

    /** The import, or null when unknown or outside the caller's region. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'STREET_STAFF')")
    public IntakeImport find(long id) {
        IntakeImport found = mapper.findById(id);
        return found != null && visible(found, CurrentUser.get()) ? found : null;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'STREET_STAFF')")
    public Connection<IntakeImport> list(PageRequest page) {
        String scope = scopePath(CurrentUser.get());
        Long beforeId = page.hasAfter() ? Cursor.decodeId(page.after()) : null;
        List<IntakeImport> rows = mapper.findPage(scope, scope == null, beforeId, page.fetchSize());
        return Connection.of(rows, page, row -> Cursor.encode(row.id()), mapper.count(scope, scope == null));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'STREET_STAFF')")
    public Connection<IntakeRowError> errors(long importId, PageRequest page) {
        require(importId);
        List<String> after = page.hasAfter() ? Cursor.decode(page.after(), 2) : null;
        List<IntakeRowError> rows = mapper.findErrors(importId, after == null ? null : (int) Cursor.idPart(after.get(0)),
                after == null ? null : Cursor.idPart(after.get(1)), page.fetchSize());
        return Connection.of(rows, page, row -> Cursor.encode(row.rowNumber(), row.id()), mapper.countErrors(importId));
    }

    /** Every error of the import, in order, for the downloadable report. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'STREET_STAFF')")
    public List<IntakeRowError> allErrors(long importId) {
        require(importId);
        return mapper.findErrors(importId, null, null, Integer.MAX_VALUE);
    }

    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'STREET_STAFF')")
    public IntakeImportPayload commit(CommitIntakeImportInput input) {
        IntakeImport found = require(input.importId());
        CurrentUser user = CurrentUser.get();
        if (found.kind() == IntakeKind.STATUS_FEED && !user.roles().contains(Role.ADMIN)) {
            throw new AccessDeniedException("status feeds are committed by administrators");
        }
        if (found.status() != IntakeStatus.VALIDATED) {
            return refused(found, "Only a VALIDATED import can be committed; it is " + found.status());
        }
        if (mapper.requestCommit(found.id(), actor(user), jobs.owner(), settings.leaseSeconds()) == 0) {
            return refused(found, "The import changed meanwhile");
        }
        jobs.submitAfterCommit(found.id());
        return new IntakeImportPayload(mapper.findById(found.id()), List.of());
    }

    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'STREET_STAFF')")
    public IntakeImportPayload cancel(CancelIntakeImportInput input) {
        IntakeImport found = require(input.importId());
        if (mapper.cancel(found.id()) == 0) {
            return refused(found, "A committing or finished import cannot be cancelled; it is " + found.status());
        }
        mapper.deleteChunks(found.id());
        return new IntakeImportPayload(mapper.findById(found.id()), List.of());
    }

    private static IntakeImportPayload refused(IntakeImport found, String message) {
        return new IntakeImportPayload(null, List.of(UserError.of(UserErrorCode.ILLEGAL_STATUS_TRANSITION, message, "input", "importId")));
    }

    private IntakeImport require(long id) {
        IntakeImport found = find(id);
        if (found == null) {
            throw new NotFoundException("IntakeImport", id);
        }
        return found;
    }

    private boolean visible(IntakeImport found, CurrentUser user) {
        String scope = scopePath(user);
        return scope == null || found.scopePath() != null && found.scopePath().startsWith(scope);
    }

    /** The caller's region path; null for a national ADMIN. STREET_STAFF staff need a subdistrict or town. */
    private String scopePath(CurrentUser user) {
        if (user.roles().contains(Role.ADMIN)) {
            return user.regionId() == null ? null : regions.require(user.regionId()).path();
        }
        Region street = user.regionId() == null ? null : regions.require(user.regionId());
        if (street == null || street.level() != RegionLevel.SUBDISTRICT && street.level() != RegionLevel.TOWN) {
            throw new AccessDeniedException("a street account needs a subdistrict or town as its region");
        }
        return street.path();
    }

    private static IntakeMapper.Actor actor(CurrentUser user) {
        return new IntakeMapper.Actor(user.username(), user.displayName(),
                user.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")), user.regionId());
    }
}
