package org.zhucan.eligibility;

import jakarta.validation.constraints.Size;

record ApproveSubsidyApplicationInput(long applicationId, @Size(max = 500) String reason) {
}
