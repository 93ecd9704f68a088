package org.zhucan.intake;

import java.util.List;

import org.zhucan.common.error.UserError;

/** What commitIntakeImport and cancelIntakeImport answer: the import, or why it could not move. */
public record IntakeImportPayload(IntakeImport intakeImport, List<UserError> userErrors) {
}
