package org.zhucan.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.zhucan.common.pii.IdNumber;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.diner.DinerCategoryEntry;
import org.zhucan.diner.DinerRosterService;
import org.zhucan.diner.RosterDiner;
import org.zhucan.diner.RosterStatement;
import org.zhucan.network.RegionService;

/**
 * The dry run of an import: every row checked and staged with its outcome (NEW, UPDATE, UNCHANGED, ERROR), in
 * batches of 500 rows (one look-up of the registry by hashes, one multi-row insert of rows and one of errors per
 * batch), renewing the job's lease as it goes. A resumed dry run starts over: it writes nothing but its own rows.
 */
@Component
class IntakeValidation {

    static final int BATCH = 500;

    private final IntakeMapper mapper;
    private final IntakeFiles files;
    private final DinerRosterService roster;
    private final RegionService regions;
    private final IntakeSettings settings;
    private final Clock clock;

    IntakeValidation(IntakeMapper mapper, IntakeFiles files, DinerRosterService roster, RegionService regions, IntakeSettings settings,
                     Clock clock) {
        this.mapper = mapper;
        this.files = files;
        this.roster = roster;
        this.regions = regions;
        this.settings = settings;
        this.clock = clock;
    }

    /** One row read and checked, waiting for its batch's registry look-up. */
    private record Checked(SheetRow row, IdNumber idNumber, String hash, Object payload) {
    }

    void run(IntakeImport job, Long scopeRegionId, String owner) {
        long id = job.id();
        if (mapper.startValidation(id, owner) == 0) {
            throw new LeaseLostException(id);
        }
        mapper.deleteErrors(id);
        mapper.deleteRows(id);
        LocalDate today = BusinessTime.today(clock);
        CommunityDirectory communities = new CommunityDirectory(regions, scopeRegionId);
        Map<String, Integer> firstRowOf = new HashMap<>();
        Map<Integer, List<Integer>> repeatedIn = new HashMap<>();
        List<Checked> batch = new ArrayList<>();
        int[] rows = {0};
        List<Map<Column, Integer>> positions = new ArrayList<>(List.of(Map.of()));
        SheetReader.read(files.load(id), job.fileFormat(), (rowNumber, cells) -> {
            if (positions.get(0).isEmpty()) {
                positions.set(0, header(job.kind(), cells));
                return;
            }
            SheetRow row = new SheetRow(rowNumber, cells, positions.get(0));
            rows[0]++;
            IdNumber idNumber = RowChecks.idNumber(row);
            String hash = idNumber == null ? null : files.hash(idNumber.value());
            if (hash != null) {
                Integer first = firstRowOf.putIfAbsent(hash, rowNumber);
                if (first != null) {
                    row.problem(Column.ID_NUMBER, "The same ID number as row " + first);
                    repeatedIn.computeIfAbsent(first, f -> new ArrayList<>()).add(rowNumber);
                }
            }
            Object payload;
            if (job.kind() == IntakeKind.ROSTER) {
                CommunityDirectory.Resolved community = communities.resolve(row.get(Column.COMMUNITY), row.get(Column.COMMUNITY_CODE));
                if (community.problem() != null) {
                    row.problem(row.get(Column.COMMUNITY_CODE) != null ? Column.COMMUNITY_CODE.label : Column.COMMUNITY.label, community.problem());
                }
                payload = RowChecks.roster(row, idNumber, today, community.community() == null ? 0 : community.community().id());
            } else {
                payload = RowChecks.status(row, today);
            }
            batch.add(new Checked(row, idNumber, hash, payload));
            if (batch.size() >= BATCH) {
                flush(job, batch, communities, rows[0], owner);
            }
        });
        if (positions.get(0).isEmpty()) {
            throw new SheetReader.UnreadableFileException("The file has no header row");
        }
        flush(job, batch, communities, rows[0], owner);
        markRepeated(id, repeatedIn);
        if (mapper.finishValidation(id, owner, rows[0], clock.instant()) == 0) {
            throw new LeaseLostException(id);
        }
    }

    private static Map<Column, Integer> header(IntakeKind kind, List<String> cells) {
        Map<Column, Integer> positions = Column.positions(cells);
        for (Column required : kind == IntakeKind.ROSTER ? Column.ROSTER_REQUIRED : Column.STATUS_FEED_REQUIRED) {
            if (!positions.containsKey(required)) {
                throw new SheetReader.UnreadableFileException("The file has no column " + required.label);
            }
        }
        if (kind == IntakeKind.ROSTER && !positions.containsKey(Column.COMMUNITY) && !positions.containsKey(Column.COMMUNITY_CODE)) {
            throw new SheetReader.UnreadableFileException("The file has no column 社区 or 社区代码");
        }
        return positions;
    }

    private void flush(IntakeImport job, List<Checked> batch, CommunityDirectory communities, int rowsDone, String owner) {
        if (batch.isEmpty()) {
            return;
        }
        Set<String> hashes = new LinkedHashSet<>();
        batch.stream().filter(c -> c.row().ok()).forEach(c -> hashes.add(c.hash()));
        Map<String, RosterDiner> registered = roster.findByIdNumberHashes(hashes);
        List<IntakeMapper.NewRow> rows = new ArrayList<>(batch.size());
        List<IntakeMapper.NewError> errors = new ArrayList<>();
        for (Checked checked : batch) {
            SheetRow row = checked.row();
            RosterDiner diner = checked.hash() == null ? null : registered.get(checked.hash());
            RowOutcome outcome = row.ok() ? outcome(job.kind(), row, checked.payload(), diner, communities) : RowOutcome.ERROR;
            Object payload = checked.payload();
            if (payload instanceof StatusPayload status && diner != null) {
                payload = new StatusPayload(diner.id(), status.status(), status.effectiveOn(), status.reason());
            }
            boolean staged = outcome == RowOutcome.NEW || outcome == RowOutcome.UPDATE;
            rows.add(new IntakeMapper.NewRow(job.id(), row.rowNumber, outcome, checked.hash(),
                    checked.idNumber() == null ? null : checked.idNumber().masked(), diner == null ? null : diner.id(),
                    staged ? files.seal(payload) : null));
            row.problems.forEach(p -> errors.add(new IntakeMapper.NewError(job.id(), row.rowNumber, p.column(), p.reason())));
        }
        mapper.insertRows(rows);
        if (!errors.isEmpty()) {
            mapper.insertErrors(errors);
        }
        if (mapper.heartbeat(job.id(), owner, settings.leaseSeconds(), rowsDone, null) == 0) {
            throw new LeaseLostException(job.id());
        }
        batch.clear();
    }

    private static RowOutcome outcome(IntakeKind kind, SheetRow row, Object payload, RosterDiner diner, CommunityDirectory communities) {
        if (kind == IntakeKind.ROSTER) {
            if (diner == null) {
                return RowOutcome.NEW;
            }
            if (!communities.inScope(diner.communityPath())) {
                row.problem(Column.ID_NUMBER, "This person is registered as a diner living outside your region");
                return RowOutcome.ERROR;
            }
            return DinerRosterService.changes(diner, statement((RosterPayload) payload)).isEmpty() ? RowOutcome.UNCHANGED : RowOutcome.UPDATE;
        }
        StatusPayload status = (StatusPayload) payload;
        if (diner == null || !communities.inScope(diner.communityPath())) {
            row.problem(Column.ID_NUMBER, "No diner with this ID number is registered in your region");
            return RowOutcome.ERROR;
        }
        if (diner.status() == status.status()) {
            return RowOutcome.UNCHANGED;
        }
        if (status.effectiveOn().isBefore(diner.statusSince())) {
            row.problem(Column.DATE, "The date is before the diner's current status began");
            return RowOutcome.ERROR;
        }
        return RowOutcome.UPDATE;
    }

    /** The first row of an ID number that appears again is in error too: which of them is right is for the sender to say. */
    private void markRepeated(long id, Map<Integer, List<Integer>> repeatedIn) {
        if (repeatedIn.isEmpty()) {
            return;
        }
        List<Integer> firsts = new ArrayList<>(repeatedIn.keySet());
        for (int from = 0; from < firsts.size(); from += BATCH) {
            List<Integer> part = firsts.subList(from, Math.min(firsts.size(), from + BATCH));
            mapper.markErrors(id, part);
            mapper.insertErrors(part.stream().map(first -> new IntakeMapper.NewError(id, first, Column.ID_NUMBER.label,
                    "The same ID number appears again in row " + repeatedIn.get(first).get(0))).toList());
        }
    }

    static RosterStatement statement(RosterPayload payload) {
        List<DinerCategoryEntry> categories = payload.categories().stream()
                .map(c -> DinerCategoryEntry.of(c.category(), c.evidenceRef(), c.validFrom(), c.validTo())).toList();
        return new RosterStatement(IdNumber.parse(payload.idNumber()), payload.name(), payload.phone(), payload.communityId(),
                payload.address(), categories, payload.abilityLevel());
    }
}
