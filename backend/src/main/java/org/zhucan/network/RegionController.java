package org.zhucan.network;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.zhucan.common.batch.Batches;

@Controller
class RegionController {

    private final RegionService regionService;

    RegionController(RegionService regionService) {
        this.regionService = regionService;
    }

    @QueryMapping
    List<Region> regions(@Argument Long parentId) {
        return regionService.children(parentId);
    }

    @QueryMapping
    Region region(@Argument long id) {
        return regionService.find(id);
    }

    @MutationMapping
    RegionService.RegionResult createRegion(@Argument @Valid RegionService.CreateRegionInput input) {
        return regionService.create(input);
    }

    @BatchMapping
    Map<Region, Region> parent(List<Region> regions) {
        return Batches.perParent(regions, Region::parentId, regionService.byIds(Batches.keys(regions, Region::parentId)));
    }

    @BatchMapping
    Map<Region, List<Region>> children(List<Region> regions) {
        return Batches.perParent(regions, Region::id, regionService.childrenOf(Batches.keys(regions, Region::id)));
    }
}
