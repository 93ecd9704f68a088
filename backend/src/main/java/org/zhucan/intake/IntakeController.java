package org.zhucan.intake;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.zhucan.common.pagination.Connection;
import org.zhucan.common.pagination.PageRequest;

/** The GraphQL side of intake imports; files go up and error reports come down over HTTP (IntakeFileController). */
@Controller
class IntakeController {

    private final IntakeService intake;

    IntakeController(IntakeService intake) {
        this.intake = intake;
    }

    @QueryMapping
    IntakeImport intakeImport(@Argument long id) {
        return intake.find(id);
    }

    @QueryMapping
    Connection<IntakeImport> intakeImports(@Argument Integer first, @Argument String after) {
        return intake.list(PageRequest.of(first, after));
    }

    @QueryMapping
    Connection<IntakeRowError> intakeImportErrors(@Argument long importId, @Argument Integer first, @Argument String after) {
        return intake.errors(importId, PageRequest.of(first, after));
    }

    @MutationMapping
    IntakeImportPayload commitIntakeImport(@Argument CommitIntakeImportInput input) {
        return intake.commit(input);
    }

    @MutationMapping
    IntakeImportPayload cancelIntakeImport(@Argument CancelIntakeImportInput input) {
        return intake.cancel(input);
    }
}
