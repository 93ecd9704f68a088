package org.zhucan.payments;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.error.NotFoundException;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.common.money.Money;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.network.NetworkAccess;
import org.zhucan.network.OperatorService;
import org.zhucan.security.CurrentUser;

/**
 * Reconciliation with a payment provider (对账): an imported statement of an operator's merchant account
 * (CSV: reference, amount, time) matched per reference against the operator's payments and top-ups by that
 * provider in the period. Nothing calls a provider: its statement comes in as a file, and a real provider's
 * payment callback would write the same reference through topUpPrepaid or logMeal's payment.
 */
@Service
public class ProviderStatementService {

    static final int MAX_LINES = 10_000;
    private static final int MAX_ERRORS = 20;
    private static final DateTimeFormatter WALL_CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ProviderStatementMapper mapper;
    private final OperatorService operatorService;
    private final NetworkAccess networkAccess;
    private final AuditService audit;
    private final Clock clock;

    ProviderStatementService(ProviderStatementMapper mapper, OperatorService operatorService, NetworkAccess networkAccess, AuditService audit,
                          Clock clock) {
        this.mapper = mapper;
        this.operatorService = operatorService;
        this.networkAccess = networkAccess;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public ProviderStatementPayload importStatement(ImportProviderStatementInput input) {
        CurrentUser user = CurrentUser.get();
        operatorService.require(input.operatorId());
        networkAccess.requireStaffOf(user, input.operatorId(), "a statement is imported by the operator's staff");
        List<UserError> problems = new ArrayList<>();
        if (input.provider() == null || !input.provider().online()) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "The provider is WECHAT or ALIPAY", "input", "provider"));
        }
        if (input.from() == null || input.to() == null || input.to().isBefore(input.from()) || ChronoUnit.DAYS.between(input.from(), input.to()) > 31) {
            problems.add(UserError.of(UserErrorCode.INVALID_PERIOD, "The period runs from a day to the same or a later day, at most 31 days on", "input",
                    "to"));
        }
        List<ProviderStatementMapper.StatementLine> lines = parse(input.csv(), problems);
        if (!problems.isEmpty()) {
            return new ProviderStatementPayload(null, problems);
        }
        ProviderStatementMapper.KeyedStatement statement = new ProviderStatementMapper.KeyedStatement(new ProviderStatementMapper.StatementRow(0,
                input.operatorId(), input.provider(), input.from(), input.to(), user.username(), clock.instant().truncatedTo(ChronoUnit.MICROS)));
        mapper.insertStatement(statement);
        mapper.insertLines(statement.id(), lines);
        ProviderStatement matched = matched(mapper.findStatement(statement.id()));
        audit.record("PROVIDER_STATEMENT_IMPORTED", "ProviderStatement", statement.id(), null, Map.of("operator", input.operatorId(), "provider",
                input.provider().name(), "lines", lines.size(), "matched", matched.matchedCount()));
        return new ProviderStatementPayload(matched, List.of());
    }

    @Transactional(readOnly = true)
    public ProviderStatement statement(long id) {
        ProviderStatementMapper.StatementRow row = mapper.findStatement(id);
        if (row == null || !networkAccess.isStaffOf(CurrentUser.get(), row.operatorId())) {
            throw new NotFoundException("ProviderStatement", id);
        }
        return matched(row);
    }

    /** Both sides per reference, problems first (then by reference). */
    private ProviderStatement matched(ProviderStatementMapper.StatementRow row) {
        Map<String, Long> theirs = new TreeMap<>();
        mapper.theirs(row.id()).forEach(amount -> theirs.put(amount.reference(), amount.amountFen()));
        Map<String, Long> ours = new TreeMap<>();
        mapper.ours(row.operatorId(), row.provider(), row.from(), row.to()).forEach(amount -> ours.put(amount.reference(), amount.amountFen()));
        TreeMap<String, ReconciliationLine> lines = new TreeMap<>();
        theirs.forEach((reference, amount) -> {
            Long our = ours.get(reference);
            ReconciliationStatus status = our == null ? ReconciliationStatus.MISSING_OURS
                    : our.longValue() == amount ? ReconciliationStatus.MATCHED : ReconciliationStatus.AMOUNT_DIFFERS;
            lines.put(reference, new ReconciliationLine(reference, our == null ? null : Money.ofFen(our), Money.ofFen(amount), status));
        });
        ours.forEach((reference, amount) -> lines.computeIfAbsent(reference,
                r -> new ReconciliationLine(r, Money.ofFen(amount), null, ReconciliationStatus.MISSING_THEIRS)));
        List<ReconciliationLine> sorted = lines.values().stream()
                .sorted(Comparator.comparing((ReconciliationLine line) -> line.status() == ReconciliationStatus.MATCHED)).toList();
        int matchedCount = (int) sorted.stream().filter(line -> line.status() == ReconciliationStatus.MATCHED).count();
        return new ProviderStatement(row.id(), row.operatorId(), row.provider(), row.from(), row.to(), row.importedBy(), row.importedAt(), matchedCount,
                sorted);
    }

    /** The CSV's lines, or the problems of (at most 20 of) its malformed ones, each at input.csv.<line number>. */
    static List<ProviderStatementMapper.StatementLine> parse(String csv, List<UserError> problems) {
        List<ProviderStatementMapper.StatementLine> lines = new ArrayList<>();
        String[] rows = csv == null ? new String[0] : csv.split("\n", -1);
        if (rows.length == 0 || !rows[0].strip().replace(" ", "").equalsIgnoreCase("reference,amount,time")) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "The first line is the header reference,amount,time", "input", "csv"));
            return lines;
        }
        int errors = 0;
        for (int n = 1; n < rows.length && errors < MAX_ERRORS; n++) {
            String row = rows[n].strip();
            if (row.isEmpty()) {
                continue;
            }
            String lineNo = String.valueOf(n + 1);
            String[] fields = row.split(",", -1);
            try {
                if (fields.length != 3) {
                    throw new IllegalArgumentException("expected reference,amount,time");
                }
                String reference = unquote(fields[0]);
                if (reference.isEmpty() || reference.length() > 64) {
                    throw new IllegalArgumentException("a reference has 1 to 64 characters");
                }
                lines.add(new ProviderStatementMapper.StatementLine(n + 1, reference, Money.parseYuan(unquote(fields[1])).fen(), instant(unquote(fields[2]))));
            } catch (IllegalArgumentException | DateTimeParseException malformed) {
                problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "Line " + lineNo + ": " + malformed.getMessage(), "input", "csv", lineNo));
                errors++;
            }
        }
        if (problems.isEmpty() && (lines.isEmpty() || lines.size() > MAX_LINES)) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "A statement has 1 to " + MAX_LINES + " lines", "input", "csv"));
        }
        return lines;
    }

    private static Instant instant(String text) {
        if (text.length() > 19 && (text.contains("+") || text.endsWith("Z") || text.lastIndexOf('-') > 9)) {
            return OffsetDateTime.parse(text).toInstant();
        }
        return LocalDateTime.parse(text.replace('T', ' '), WALL_CLOCK).atZone(BusinessTime.ZONE).toInstant();
    }

    private static String unquote(String field) {
        String value = field.strip();
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1).strip() : value;
    }
}
