package org.zhucan.care;

import java.util.List;

import org.zhucan.common.error.UserError;

public record VolunteerPayload(Volunteer volunteer, List<UserError> userErrors) {
}
