package org.zhucan.settlement;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.zhucan.common.error.NotFoundException;
import org.zhucan.network.OperatorService;
import org.zhucan.network.RegionService;
import org.zhucan.network.SiteService;

/**
 * {@code GET /exports/settlements/{id}.xlsx} and {@code .csv}: a statement for the district's
 * finance staff and the statement's operator (a bearer token, as for {@code /graphql}).
 */
@RestController
class SettlementExportController {

    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final SettlementService settlementService;
    private final OperatorService operatorService;
    private final RegionService regionService;
    private final SiteService siteService;

    SettlementExportController(SettlementService settlementService, OperatorService operatorService, RegionService regionService,
                               SiteService siteService) {
        this.settlementService = settlementService;
        this.operatorService = operatorService;
        this.regionService = regionService;
        this.siteService = siteService;
    }

    @GetMapping("/exports/settlements/{id}.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable long id) {
        return file(id, "xlsx", XLSX, sheet(id).xlsx());
    }

    @GetMapping("/exports/settlements/{id}.csv")
    ResponseEntity<byte[]> csv(@PathVariable long id) {
        return file(id, "csv", CSV, sheet(id).csv());
    }

    /** The statement's header, lines, totals and content check as one snapshot read them; names (not settlement state) read after. */
    private SettlementSheet sheet(long id) {
        StatementContents read = settlementService.export(id);
        SettlementStatement statement = read.single();
        List<SettlementLine> lines = read.lines().get(id);
        Map<Long, String> siteNames = new HashMap<>();
        siteService.byIds(lines.stream().map(SettlementLine::siteId).distinct().toList())
                .forEach((siteId, site) -> siteNames.put(siteId, site.name()));
        return new SettlementSheet(statement, operatorService.require(statement.operatorId()).name(),
                regionService.require(statement.districtId()).name(), siteNames, lines, read.totals().get(id), read.verified().get(id));
    }

    private static ResponseEntity<byte[]> file(long id, String extension, MediaType type, byte[] body) {
        String filename = "结算单-" + id + "." + extension;
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<String> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body("No such statement");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<String> forbidden() {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN).body("Not allowed to export this statement");
    }
}
