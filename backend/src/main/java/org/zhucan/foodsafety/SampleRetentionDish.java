package org.zhucan.foodsafety;

/** A dish kept as a sample, with its weight. */
public record SampleRetentionDish(long retentionId, int position, String name, int weightGrams) {

    /** The 留样 rule: each sample at least 125 g. */
    static final int MIN_SAMPLE_GRAMS = 125;

    boolean underweight() {
        return weightGrams < MIN_SAMPLE_GRAMS;
    }
}
