package org.zhucan.network;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.validation.Valid;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

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
        Map<Long, Region> parents = regionService.byIds(regions.stream().map(Region::parentId).filter(Objects::nonNull).distinct().toList());
        Map<Region, Region> result = new LinkedHashMap<>();
        regions.forEach(region -> result.put(region, region.parentId() == null ? null : parents.get(region.parentId())));
        return result;
    }

    @BatchMapping
    Map<Region, List<Region>> children(List<Region> regions) {
        Map<Long, List<Region>> children = regionService.childrenOf(regions.stream().map(Region::id).distinct().toList());
        Map<Region, List<Region>> result = new LinkedHashMap<>();
        regions.forEach(region -> result.put(region, children.get(region.id())));
        return result;
    }
}
