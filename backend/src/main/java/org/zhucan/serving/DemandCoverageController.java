package org.zhucan.serving;

import java.time.YearMonth;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class DemandCoverageController {

    private final DemandCoverageService demandCoverageService;

    DemandCoverageController(DemandCoverageService demandCoverageService) {
        this.demandCoverageService = demandCoverageService;
    }

    @QueryMapping
    DemandCoverageService.DemandCoverage demandCoverage(@Argument long regionId, @Argument YearMonth month) {
        return demandCoverageService.demandCoverage(regionId, month);
    }
}
