package org.zhucan.foodsafety;

/** One dish kept, in {@link LogSampleRetentionInput}. */
public record SampleRetentionDishInput(String name, int weightGrams) {
}
