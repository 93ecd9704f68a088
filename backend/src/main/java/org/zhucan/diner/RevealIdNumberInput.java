package org.zhucan.diner;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What revealIdNumber takes: the diner and the reason, which the audit log keeps. */
public record RevealIdNumberInput(long dinerId, @NotBlank @Size(max = 255) String reason) {
}
