package org.zhucan.network;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class CoverageController {

    private final CoverageService coverageService;

    CoverageController(CoverageService coverageService) {
        this.coverageService = coverageService;
    }

    @QueryMapping
    CoverageService.Coverage coverage(@Argument long regionId, @Argument int year) {
        return coverageService.coverage(regionId, year);
    }

    @MutationMapping
    CoverageService.TargetPayloadResult setCoverageTarget(@Argument CoverageService.SetCoverageTargetInput input) {
        return coverageService.setTarget(input);
    }
}
