package org.zhucan.eligibility;

import jakarta.validation.constraints.Size;

record RejectSubsidyApplicationInput(long applicationId, @Size(max = 500) String reason) {
}
