package org.zhucan.foodsafety;

import java.util.List;

import org.zhucan.common.error.UserError;

/** The payload of recordInspection: the inspection recorded, or why not. */
public record InspectionPayload(Inspection inspection, List<UserError> userErrors) {
}
