package org.zhucan.eligibility;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.zhucan.common.batch.Batches;
import org.zhucan.common.pagination.Connection;
import org.zhucan.common.pagination.PageRequest;
import org.zhucan.diner.Diner;
import org.zhucan.diner.DinerCategory;
import org.zhucan.network.Region;
import org.zhucan.network.RegionService;
import org.zhucan.security.ClientAddresses;

/** The application fields and their batched parts; the public publicity list is served by the public-information module. */
@Controller
class EligibilityController {

    private final ApplicationService applications;
    private final PublicityService publicity;
    private final RegionService regionService;

    EligibilityController(ApplicationService applications, PublicityService publicity, RegionService regionService) {
        this.applications = applications;
        this.publicity = publicity;
        this.regionService = regionService;
    }

    @QueryMapping
    Connection<SubsidyApplication> subsidyApplications(@Argument SubsidyApplicationFilter filter, @Argument Integer first,
                                                       @Argument String after) {
        return applications.list(filter, PageRequest.of(first, after));
    }

    @QueryMapping
    SubsidyApplication subsidyApplication(@Argument long id) {
        return applications.find(id);
    }

    @MutationMapping
    SubsidyApplicationPayload submitSubsidyApplication(@Argument @Valid SubmitSubsidyApplicationInput input) {
        return applications.submit(input);
    }

    @MutationMapping
    SubsidyApplicationPayload approveSubsidyApplication(@Argument @Valid ApproveSubsidyApplicationInput input) {
        return applications.approve(input);
    }

    @MutationMapping
    SubsidyApplicationPayload rejectSubsidyApplication(@Argument @Valid RejectSubsidyApplicationInput input) {
        return applications.reject(input);
    }

    @MutationMapping
    ObjectionPayload objectToSubsidyApplication(@Argument @Valid ObjectToSubsidyApplicationInput input,
                                                @ContextValue(name = ClientAddresses.CONTEXT_KEY, required = false) String clientAddress) {
        return publicity.object(input, clientAddress == null ? ClientAddresses.UNKNOWN : clientAddress);
    }

    @BatchMapping(typeName = "Diner", field = "applications")
    Map<Diner, List<SubsidyApplication>> applications(List<Diner> diners) {
        return Batches.perParent(diners, Diner::id, applications.ofDiners(Batches.keys(diners, Diner::id)));
    }

    @BatchMapping(typeName = "SubsidyApplication", field = "diner")
    Map<SubsidyApplication, Diner> diner(List<SubsidyApplication> rows) {
        return Batches.perParent(rows, SubsidyApplication::dinerId, applications.dinersOf(Batches.keys(rows, SubsidyApplication::dinerId)));
    }

    @BatchMapping(typeName = "SubsidyApplication", field = "community")
    Map<SubsidyApplication, Region> community(List<SubsidyApplication> rows) {
        return Batches.perParent(rows, SubsidyApplication::communityId, regionService.byIds(Batches.keys(rows, SubsidyApplication::communityId)));
    }

    @BatchMapping(typeName = "SubsidyApplication", field = "claims")
    Map<SubsidyApplication, List<ClaimedCategory>> claims(List<SubsidyApplication> rows) {
        return Batches.perParent(rows, SubsidyApplication::id, applications.claimsOf(Batches.keys(rows, SubsidyApplication::id)));
    }

    @BatchMapping(typeName = "SubsidyApplication", field = "history")
    Map<SubsidyApplication, List<ApplicationEvent>> history(List<SubsidyApplication> rows) {
        return Batches.perParent(rows, SubsidyApplication::id, applications.historyOf(Batches.keys(rows, SubsidyApplication::id)));
    }

    @BatchMapping(typeName = "SubsidyApplication", field = "objections")
    Map<SubsidyApplication, List<Objection>> objections(List<SubsidyApplication> rows) {
        return Batches.perParent(rows, SubsidyApplication::id, applications.objectionsOf(Batches.keys(rows, SubsidyApplication::id)));
    }

    @BatchMapping(typeName = "Publicity", field = "community")
    Map<Publicity, Region> publicityCommunity(List<Publicity> rows) {
        return Batches.perParent(rows, Publicity::communityId, regionService.byIds(Batches.keys(rows, Publicity::communityId)));
    }

    @BatchMapping(typeName = "Publicity", field = "categories")
    Map<Publicity, List<DinerCategory>> publicityCategories(List<Publicity> rows) {
        return Batches.perParent(rows, Publicity::applicationId, publicity.categoriesOf(Batches.keys(rows, Publicity::applicationId)));
    }
}
