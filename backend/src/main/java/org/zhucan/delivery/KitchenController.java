package org.zhucan.delivery;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.zhucan.common.batch.Batches;
import org.zhucan.network.MealSlot;
import org.zhucan.network.Site;
import org.zhucan.network.SiteService;

@Controller
class KitchenController {

    private final KitchenService kitchens;
    private final SiteService siteService;

    KitchenController(KitchenService kitchens, SiteService siteService) {
        this.kitchens = kitchens;
        this.siteService = siteService;
    }

    @QueryMapping
    ProductionSheet kitchenProductionSheet(@Argument long kitchenId, @Argument LocalDate date, @Argument MealSlot slot) {
        return kitchens.sheet(kitchenId, date, slot);
    }

    @MutationMapping
    KitchenDispatchPayload recordKitchenDispatch(@Argument RecordKitchenDispatchInput input) {
        return kitchens.recordDispatch(input);
    }

    @MutationMapping
    KitchenDispatchPayload recordDispatchReceipt(@Argument RecordDispatchReceiptInput input) {
        return kitchens.recordReceipt(input);
    }

    @BatchMapping(typeName = "ProductionSheet", field = "kitchen")
    Map<ProductionSheet, Site> sheetKitchen(List<ProductionSheet> sheets) {
        return Batches.perParent(sheets, ProductionSheet::kitchenId, siteService.byIds(Batches.keys(sheets, ProductionSheet::kitchenId)));
    }

    @BatchMapping(typeName = "PointProduction", field = "point")
    Map<PointProduction, Site> productionPoint(List<PointProduction> points) {
        return Batches.perParent(points, PointProduction::pointId, siteService.byIds(Batches.keys(points, PointProduction::pointId)));
    }

    @BatchMapping(typeName = "KitchenDispatch", field = "point")
    Map<KitchenDispatch, Site> dispatchPoint(List<KitchenDispatch> dispatches) {
        return Batches.perParent(dispatches, KitchenDispatch::pointId, siteService.byIds(Batches.keys(dispatches, KitchenDispatch::pointId)));
    }
}
