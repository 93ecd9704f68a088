package org.zhucan.serving;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.zhucan.common.sql.SqlStatementCounter;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.testsupport.BenchmarkGraphQl;

import static org.zhucan.testsupport.BenchmarkGraphQl.map;

/**
 * The serving benchmark's uploads: one batch of walk-ins a call, served on a given day between 11:00 and 13:00 at the
 * upload site, each a distinct diner from a given index, sent as one {@code uploadMealRecords} over HTTP and timed.
 */
final class ServingUploads {

    private static final String UPLOAD = """
            mutation Upload($input: UploadMealRecordsInput!) {
              uploadMealRecords(input: $input) {
                results { outcome record { id subsidy } userErrors { code field message } }
                acceptedCount duplicateCount rejectedCount
                userErrors { code field message }
              }
            }""";

    private final BenchmarkGraphQl api;
    private final SqlStatementCounter statements;
    private final String token;
    private final String tag;
    private final long site;
    private final long[] diners;
    private final LocalDate served;
    private final int batchSize;

    ServingUploads(BenchmarkGraphQl api, SqlStatementCounter statements, String token, String tag, long site, long[] diners,
                   LocalDate served, int batchSize) {
        this.api = api;
        this.statements = statements;
        this.token = token;
        this.tag = tag;
        this.site = site;
        this.diners = diners;
        this.served = served;
        this.batchSize = batchSize;
    }

    /** One batch, diners from the given index, client record ids named by the batch; the request timed. */
    Upload upload(int dinerBase, String batch) throws Exception {
        OffsetDateTime eleven = served.atTime(LocalTime.of(11, 0)).atZone(BusinessTime.ZONE).toOffsetDateTime();
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < batchSize; i++) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("clientRecordId", "%s-%s-%04d".formatted(tag, batch, i));
            record.put("slot", "LUNCH");
            record.put("servedAt", eleven.plusSeconds(7L * i).toString());
            record.put("dinerId", Long.toString(diners[dinerBase + i]));
            record.put("verification", Map.of("method", "STAFF_PROXY", "proxyReason", ServingBenchmark.PROXY_REASON));
            record.put("items", List.of(Map.of("setMealName", ServingBenchmark.SET_MEAL)));
            records.add(record);
        }
        String body = api.body(UPLOAD, Map.of("input", Map.of("siteId", Long.toString(site), "records", records)));
        long statementsBefore = statements.count();
        long before = System.nanoTime();
        Map<String, Object> data = api.send(body, token);
        long nanos = System.nanoTime() - before;
        long sent = statements.count() - statementsBefore;
        Map<String, Object> payload = map(data, "uploadMealRecords");
        if (!((List<?>) payload.get("userErrors")).isEmpty()) {
            throw new IllegalStateException("upload " + batch + " refused: " + payload.get("userErrors"));
        }
        String firstRejection = null;
        long subsidisedRecords = 0;
        for (Object each : (List<?>) payload.get("results")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> result = (Map<String, Object>) each;
            Map<String, Object> record = map(result, "record");
            if ("ACCEPTED".equals(result.get("outcome")) && record != null && new BigDecimal((String) record.get("subsidy")).signum() > 0) {
                subsidisedRecords++;
            }
            if ("REJECTED".equals(result.get("outcome")) && firstRejection == null) {
                firstRejection = String.valueOf(result.get("userErrors"));
            }
        }
        return new Upload(nanos, ((Number) payload.get("acceptedCount")).intValue(), ((Number) payload.get("duplicateCount")).intValue(),
                ((Number) payload.get("rejectedCount")).intValue(), sent, subsidisedRecords, firstRejection);
    }

    /** A batch's time, outcome counts, statements sent, subsidised records and first rejection. */
    record Upload(long nanos, int accepted, int duplicates, int rejected, long statements, long subsidised, String firstFailure) {

        String counts() {
            return accepted + "/" + duplicates + "/" + rejected;
        }
    }
}
