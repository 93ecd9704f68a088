package org.zhucan.intake;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhucan.common.error.BadRequestException;
import org.zhucan.common.error.NotFoundException;

/**
 * Files in and out of intake imports, with a bearer token as for {@code /graphql}:
 * {@code POST /intake/rosters} and {@code POST /intake/status-feeds} take the file as the body (Content-Type
 * {@code text/csv} or the XLSX type; {@code ?fileName=} optional) and answer 202 with the import's id while the dry
 * run starts as a job; {@code GET /intake/imports/{id}/errors.csv} is the report of the rows in error (row, column,
 * reason, the masked ID number; never a full number).
 */
@RestController
class IntakeFileController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final IntakeService intake;

    IntakeFileController(IntakeService intake) {
        this.intake = intake;
    }

    @PostMapping(path = "/intake/rosters", consumes = {"text/csv", XLSX, "application/octet-stream"})
    ResponseEntity<Map<String, String>> roster(@RequestBody byte[] file, @RequestHeader(HttpHeaders.CONTENT_TYPE) String type,
                                               @RequestParam(required = false) String fileName) {
        return accepted(intake.upload(IntakeKind.ROSTER, fileName, format(type, fileName), file));
    }

    @PostMapping(path = "/intake/status-feeds", consumes = {"text/csv", XLSX, "application/octet-stream"})
    ResponseEntity<Map<String, String>> statusFeed(@RequestBody byte[] file, @RequestHeader(HttpHeaders.CONTENT_TYPE) String type,
                                                   @RequestParam(required = false) String fileName) {
        return accepted(intake.upload(IntakeKind.STATUS_FEED, fileName, format(type, fileName), file));
    }

    @GetMapping("/intake/imports/{id}/errors.csv")
    ResponseEntity<byte[]> errors(@PathVariable long id) throws IOException {
        List<IntakeRowError> errors = intake.allErrors(id);
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("行号", "列", "原因", "身份证号（脱敏）").get())) {
            for (IntakeRowError error : errors) {
                csv.printRecord(error.rowNumber(), error.column(), error.reason(), error.idNumberMasked() == null ? "" : error.idNumberMasked());
            }
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("导入错误-" + id + ".csv", StandardCharsets.UTF_8).build().toString())
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static FileFormat format(String contentType, String fileName) {
        if (contentType.startsWith(XLSX) || fileName != null && fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
            return FileFormat.XLSX;
        }
        return FileFormat.CSV;
    }

    private static ResponseEntity<Map<String, String>> accepted(long id) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", String.valueOf(id), "status", IntakeStatus.UPLOADED.name()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<String> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body("No such import");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<String> forbidden() {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN).body("Not allowed");
    }

    @ExceptionHandler(BadRequestException.class)
    ResponseEntity<String> badRequest(BadRequestException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
    }
}
