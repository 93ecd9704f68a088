package org.zhucan.diner;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import jakarta.validation.Valid;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import org.zhucan.common.batch.Batches;
import org.zhucan.common.pagination.Connection;
import org.zhucan.common.pagination.PageRequest;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.network.Region;
import org.zhucan.network.RegionService;
import reactor.core.publisher.Mono;

@Controller
class DinerController {

    private final DinerService dinerService;
    private final DinerWriteService dinerWrites;
    private final DinerStatusService dinerStatuses;
    private final DinerCategoryService dinerCategories;
    private final DinerResidenceService residences;
    private final RegionService regionService;
    private final Clock clock;

    /** The residence history of every diner of a request in one statement, for household, residence and residenceHistory alike. */
    private static final String RESIDENCES = "dinerResidences";

    DinerController(DinerService dinerService, DinerWriteService dinerWrites, DinerStatusService dinerStatuses,
                    DinerCategoryService dinerCategories, DinerResidenceService residences, RegionService regionService, Clock clock,
                    BatchLoaderRegistry batchLoaders) {
        this.dinerService = dinerService;
        this.dinerWrites = dinerWrites;
        this.dinerStatuses = dinerStatuses;
        this.dinerCategories = dinerCategories;
        this.residences = residences;
        this.regionService = regionService;
        this.clock = clock;
        batchLoaders.<Long, List<DinerResidence>>forName(RESIDENCES)
                .registerMappedBatchLoader((dinerIds, environment) -> Mono.fromCallable(() -> residences.residencesOf(dinerIds)));
    }

    @QueryMapping
    Connection<Diner> diners(@Argument DinerFilter filter, @Argument Integer first, @Argument String after) {
        return dinerService.list(filter, PageRequest.of(first, after));
    }

    @QueryMapping
    Diner diner(@Argument long id) {
        return dinerService.find(id);
    }

    @MutationMapping
    DinerResult registerDiner(@Argument @Valid RegisterDinerInput input) {
        return dinerWrites.register(input);
    }

    @MutationMapping
    DinerResult updateDiner(@Argument @Valid UpdateDinerInput input) {
        return dinerWrites.update(input);
    }

    @MutationMapping
    DinerResult changeDinerStatus(@Argument @Valid ChangeDinerStatusInput input) {
        return dinerStatuses.changeStatus(input);
    }

    @MutationMapping
    DinerResult recordAbilityAssessment(@Argument @Valid RecordAbilityAssessmentInput input) {
        return dinerWrites.recordAssessment(input);
    }

    @MutationMapping
    DinerResult linkFamilyMember(@Argument @Valid LinkFamilyMemberInput input) {
        return dinerWrites.linkFamilyMember(input);
    }

    @MutationMapping
    DinerResult recordDinerMove(@Argument @Valid RecordDinerMoveInput input) {
        return residences.recordMove(input);
    }

    @MutationMapping
    RevealResult revealIdNumber(@Argument @Valid RevealIdNumberInput input) {
        return dinerWrites.revealIdNumber(input.dinerId(), input.reason());
    }

    /** Always masked: the full number is only ever returned by revealIdNumber. */
    @SchemaMapping
    String idNumber(Diner diner) {
        return diner.idNumberMasked();
    }

    /** Null for a diner whose card the caller may not see; the permission is checked once for the whole batch. */
    @BatchMapping
    Map<Diner, String> mealCardQr(List<Diner> diners) {
        return Batches.perParent(diners, Diner::id, dinerService.mealCardsShownOf(Batches.keys(diners, Diner::id)));
    }

    @SchemaMapping
    String phone(Diner diner) {
        return diner.phoneMasked();
    }

    @SchemaMapping
    int age(Diner diner, @Argument LocalDate on) {
        return DinerService.ageOn(diner, on == null ? BusinessTime.today(clock) : on);
    }

    @BatchMapping
    Map<Diner, Region> homeCommunity(List<Diner> diners) {
        return Batches.perParent(diners, Diner::homeCommunityId, regionService.byIds(Batches.keys(diners, Diner::homeCommunityId)));
    }

    @BatchMapping
    Map<Diner, List<DinerCategoryEntry>> categories(List<Diner> diners) {
        return Batches.perParent(diners, Diner::id, dinerService.categoriesOf(Batches.keys(diners, Diner::id)));
    }

    @BatchMapping
    Map<Diner, List<DinerCategoryEntry>> categoryHistory(List<Diner> diners) {
        return Batches.perParent(diners, Diner::id, dinerCategories.historyOf(Batches.keys(diners, Diner::id)));
    }

    @BatchMapping
    Map<Diner, List<DinerStatusChange>> statusHistory(List<Diner> diners) {
        return Batches.perParent(diners, Diner::id, dinerService.statusHistoryOf(Batches.keys(diners, Diner::id)));
    }

    @BatchMapping
    Map<Diner, List<AbilityAssessment>> assessments(List<Diner> diners) {
        return Batches.perParent(diners, Diner::id, dinerService.assessmentsOf(Batches.keys(diners, Diner::id)));
    }

    /** The household entry that held on the day (today when omitted); null before the diner was registered. */
    @SchemaMapping
    CompletableFuture<DinerResidence> household(Diner diner, @Argument LocalDate on, DataFetchingEnvironment environment) {
        return entryOn(diner, ResidenceKind.HOUSEHOLD, on, environment);
    }

    /** The residence entry that held on the day (today when omitted); null before the diner was registered. */
    @SchemaMapping
    CompletableFuture<DinerResidence> residence(Diner diner, @Argument LocalDate on, DataFetchingEnvironment environment) {
        return entryOn(diner, ResidenceKind.RESIDENCE, on, environment);
    }

    @SchemaMapping
    CompletableFuture<List<DinerResidence>> residenceHistory(Diner diner, DataFetchingEnvironment environment) {
        DataLoader<Long, List<DinerResidence>> loader = environment.getDataLoader(RESIDENCES);
        return loader.load(diner.id());
    }

    @BatchMapping(typeName = "DinerResidence")
    Map<DinerResidence, Region> community(List<DinerResidence> entries) {
        return Batches.perParent(entries, DinerResidence::communityId, regionService.byIds(Batches.keys(entries, DinerResidence::communityId)));
    }

    private CompletableFuture<DinerResidence> entryOn(Diner diner, ResidenceKind kind, LocalDate on, DataFetchingEnvironment environment) {
        LocalDate day = on == null ? BusinessTime.today(clock) : on;
        DataLoader<Long, List<DinerResidence>> loader = environment.getDataLoader(RESIDENCES);
        return loader.load(diner.id()).thenApply(entries -> entries.stream()
                .filter(entry -> entry.kind() == kind && entry.holdsOn(day)).findFirst().orElse(null));
    }
}
