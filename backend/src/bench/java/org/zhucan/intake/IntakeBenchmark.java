package org.zhucan.intake;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.common.pii.IdNumber;
import org.zhucan.common.pii.Masking;
import org.zhucan.common.pii.PersonalDataCipher;
import org.zhucan.security.CurrentUser;
import org.zhucan.security.Role;
import org.zhucan.security.RunAsAccount;
import org.zhucan.testsupport.BenchmarkApp;

/**
 * A roster of 50,000 generated diners (the size of a district's roster, seed 002) imported as the demo national
 * ADMIN: upload, dry run and commit through the intake service and its jobs, timed from upload to VALIDATED and
 * from commitIntakeImport to COMMITTED; then, as the floor, the same 50,000 diners (encrypted and hashed beforehand)
 * inserted by raw JDBC multi-row INSERTs of 500 rows into a scratch copy of the diner table, one transaction a
 * batch, nothing checked. Prints rows/s side by side; asserts nothing. Run with
 * {@code ./mvnw -q -pl backend -am spring-boot:test-run@intake-benchmark} (MySQL and Redis as for the tests);
 * each run registers 50,000 diners, so point it at a scratch database, e.g.
 * {@code ZHUCAN_DB_URL=jdbc:mysql://127.0.0.1:3306/zhucan_bench_intake?createDatabaseIfNotExist=true}.
 * {@code -Dzhucan.bench.rows=5000} runs a smaller roster.
 */
final class IntakeBenchmark {

    private static final int BATCH = 500;

    private final IntakeService intake;
    private final IntakeMapper mapper;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final PersonalDataCipher cipher;
    private final int rows = Integer.getInteger("zhucan.bench.rows", 50_000);

    private IntakeBenchmark(ConfigurableApplicationContext context) {
        this.intake = context.getBean(IntakeService.class);
        this.mapper = context.getBean(IntakeMapper.class);
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.dataSource = context.getBean(DataSource.class);
        this.cipher = context.getBean(PersonalDataCipher.class);
    }

    public static void main(String[] args) throws Exception {
        BenchmarkApp.run(context -> new IntakeBenchmark(context).run(), "--zhucan.booking.jobs-enabled=false");
    }

    private record Person(String idNumber, String name, String phone, String communityCode, long communityId, String address) {
    }

    private void run() throws Exception {
        List<java.util.Map<String, Object>> communities = jdbc.queryForList(
                "SELECT id, division_code FROM region WHERE level IN ('COMMUNITY', 'VILLAGE') ORDER BY id LIMIT 20");
        List<Person> people = people(communities);
        byte[] csv = csv(people);
        CurrentUser admin = new CurrentUser("admin", "benchmark", Set.of(Role.ADMIN), null, null, List.of());
        System.out.printf("Intake benchmark: a roster of %,d rows (%,d bytes of CSV), %d communities%n", rows, csv.length, communities.size());

        long started = System.nanoTime();
        long id = RunAsAccount.run(admin, () -> intake.upload(IntakeKind.ROSTER, "bench.csv", FileFormat.CSV, csv));
        IntakeImport validated = await(id, IntakeStatus.VALIDATED);
        Duration dryRun = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("  dry run: %s NEW %,d, UPDATE %,d, UNCHANGED %,d, ERROR %,d%n", validated.status(), validated.newCount(),
                validated.updateCount(), validated.unchangedCount(), validated.errorCount());

        started = System.nanoTime();
        RunAsAccount.run(admin, () -> intake.commit(new CommitIntakeImportInput(id)));
        IntakeImport committed = await(id, IntakeStatus.COMMITTED);
        Duration commit = Duration.ofNanos(System.nanoTime() - started);

        started = System.nanoTime();
        long reimport = RunAsAccount.run(admin, () -> intake.upload(IntakeKind.ROSTER, "bench-again.csv", FileFormat.CSV, csv));
        IntakeImport again = await(reimport, IntakeStatus.VALIDATED);
        Duration reimportDryRun = Duration.ofNanos(System.nanoTime() - started);

        Duration floor = floor(people);
        System.out.printf("  %-44s %10s %12s%n", "", "seconds", "rows/s");
        print("dry run (upload to VALIDATED)", dryRun);
        print("commit (commitIntakeImport to COMMITTED)", commit);
        print("dry run + commit", dryRun.plus(commit));
        print("re-import dry run (all UNCHANGED: " + again.unchangedCount() + ")", reimportDryRun);
        print("raw JDBC floor (multi-row INSERT of 500)", floor);
        System.out.printf("  committed rows: %,d; status %s%n", committed.committedCount(), committed.status());
    }

    private void print(String label, Duration took) {
        double seconds = took.toNanos() / 1e9;
        System.out.printf("  %-44s %10.1f %,12.0f%n", label, seconds, rows / seconds);
    }

    private IntakeImport await(long id, IntakeStatus wanted) throws InterruptedException {
        while (true) {
            IntakeImport job = mapper.findById(id);
            if (job.status() == wanted) {
                return job;
            }
            if (job.status() == IntakeStatus.FAILED || job.status() == IntakeStatus.CANCELLED) {
                throw new IllegalStateException("import " + id + " " + job.status() + ": " + job.failureReason());
            }
            Thread.sleep(100);
        }
    }

    private List<Person> people(List<java.util.Map<String, Object>> communities) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String area = String.valueOf(100_000 + random.nextInt(800_000));
        List<Person> people = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(i / 400);
            String first17 = area + birth.toString().replace("-", "") + String.format("%03d", i % 400 + 100);
            java.util.Map<String, Object> community = communities.get(i % communities.size());
            people.add(new Person(first17 + IdNumber.checkCharacter(first17), "老人" + i, "139" + String.format("%08d", random.nextInt(100_000_000)),
                    (String) community.get("division_code"), ((Number) community.get("id")).longValue(), "幸福路" + i + "号"));
        }
        return people;
    }

    private byte[] csv(List<Person> people) throws Exception {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            csv.printRecord("姓名", "身份证号", "联系电话", "社区代码", "类别", "证明编号", "认定起始日期", "是否独居", "能力等级", "住址");
            for (int i = 0; i < people.size(); i++) {
                Person p = people.get(i);
                boolean claims = i % 3 == 0 || i % 5 == 0;
                csv.printRecord(p.name(), p.idNumber(), p.phone(), p.communityCode(), i % 3 == 0 ? "低保" : "", claims ? "DB-" + i : "",
                        claims ? "2024-01-01" : "", i % 5 == 0 ? "是" : "否", String.valueOf(i % 5), p.address());
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The same diners into a scratch copy of the diner table: values encrypted beforehand, multi-row INSERTs of 500. */
    private Duration floor(List<Person> people) throws Exception {
        jdbc.execute("DROP TABLE IF EXISTS bench_intake_floor");
        jdbc.execute("CREATE TABLE bench_intake_floor LIKE diner");
        List<Object[]> values = new ArrayList<>(people.size());
        for (Person p : people) {
            IdNumber id = IdNumber.parse(p.idNumber());
            values.add(new Object[] {p.name(), cipher.encrypt(id.value()), cipher.lookupHash(id.value()), id.masked(), Date.valueOf(id.birthDate()),
                id.sex().name(), cipher.encrypt(p.phone()), Masking.phone(p.phone()), p.communityId(), p.address()});
        }
        String row = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, 0, ?, ?)";
        String insert = "INSERT INTO bench_intake_floor (name, id_number_enc, id_number_hash, id_number_masked, birth_date, sex, phone_enc,"
                + " phone_masked, home_community_id, address, status, status_since, version, created_at, updated_at) VALUES "
                + String.join(", ", java.util.Collections.nCopies(BATCH, row));
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            Timestamp now = Timestamp.from(Instant.now());
            for (int from = 0; from + BATCH <= values.size(); from += BATCH) {
                try (PreparedStatement statement = connection.prepareStatement(insert)) {
                    int p = 1;
                    for (int i = from; i < from + BATCH; i++) {
                        for (Object value : values.get(i)) {
                            statement.setObject(p++, value);
                        }
                        statement.setDate(p++, Date.valueOf(LocalDate.now()));
                        statement.setTimestamp(p++, now);
                        statement.setTimestamp(p++, now);
                    }
                    statement.executeUpdate();
                }
                connection.commit();
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        jdbc.execute("DROP TABLE bench_intake_floor");
        return took;
    }
}
