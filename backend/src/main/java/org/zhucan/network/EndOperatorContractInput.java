package org.zhucan.network;

import java.time.LocalDate;

import jakarta.validation.constraints.Size;

/** What endOperatorContract takes: the last day the contract runs and why it ends there (合同终止). */
public record EndOperatorContractInput(Long contractId, LocalDate lastDay, @Size(max = 255) String reason) {
}
