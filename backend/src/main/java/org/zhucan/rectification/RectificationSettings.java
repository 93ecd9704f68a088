package org.zhucan.rectification;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * When a frozen evaluation opens a case. The seeds say 绩效考核不达标 without a figure; 60 is the
 * customary pass mark of a 100-point assessment, and the band below which issue 24's quality-weighted
 * subsidy pays nothing. One deployment-wide value, applied when a month closes and kept on each case.
 *
 * @param scoreThreshold a frozen score strictly below this opens a case (0–100)
 */
@ConfigurationProperties("zhucan.rectification")
@Validated
public record RectificationSettings(@NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal scoreThreshold) {
}
